"""Seat offers racing other seat changes: a seat kept for an offer is never given twice, and
nobody is confirmed for a seat they were not offered in time.

As in test_seat_races.py, each round runs two changes at once through two front doors on two
engines (as two processes would); the PostgreSQL run is the one that proves it.
"""

import asyncio
from collections import Counter
from datetime import timedelta

from sqlalchemy import select

from bot.app.clock import ManualClock
from bot.app.turnout import Turnout
from bot.domain.notice import NoticeKind
from bot.domain.signup import SignupStatus
from bot.kernel.context import CampaignDefaults
from bot.ports.replies import Message
from bot.signups.commands import JoinShift, LeaveShift, PassSeat, TakeSeat
from bot.signups.offers import let_offers_lapse
from storage import SqlStorage
from storage.tables import shifts, signups, volunteers
from tests.conftest import Database
from tests.fakes import frozen_clock
from tests.integration.test_seat_races import ORGANIZER, ROUNDS, ok, person, told

DEFAULTS = CampaignDefaults(timezone="America/New_York")
# The harness clock's moment is Mon Nov 2, 9:00 EST; these shifts start two hours later.
SOON = "2026-11-02 11:00 2h"


async def statuses(storage: SqlStorage, number: int) -> dict[str, SignupStatus]:
    """Everyone still on the shift, by status (cancelled sign-ups left out)."""
    async with storage.engine.connect() as connection:
        result = await connection.execute(
            select(volunteers.c.display_name, signups.c.status)
            .select_from(signups.join(volunteers, volunteers.c.id == signups.c.volunteer_id))
            .join(shifts, shifts.c.id == signups.c.shift_id)
            .where(shifts.c.number == number, signups.c.status != "cancelled")
        )
        return {name: SignupStatus(status) for name, status in result}


async def assert_kept(storage: SqlStorage, number: int, capacity: int) -> dict[str, SignupStatus]:
    now = await statuses(storage, number)
    holding = [n for n, s in now.items() if s.holds_seat]
    waiting = [n for n, s in now.items() if s is SignupStatus.WAITLISTED]
    assert len(holding) <= capacity, now
    assert not (waiting and len(holding) < capacity), now
    offered = await told(storage, number, NoticeKind.SEAT_OFFERED)
    assert all(times == 1 for times in offered.values()), offered
    return now


async def new_round(bot: Turnout, number: int, seats: int, names: list[str]) -> None:
    await ok(bot.run_text(ORGANIZER, f'/phonebank create "Round {number}" {SOON} {seats}'))
    for name in names:
        await ok(bot.handle(JoinShift(person(name), shift=number)))


def doors(first: SqlStorage, second: SqlStorage, clock: ManualClock) -> tuple[Turnout, Turnout]:
    return (
        Turnout(storage=first, clock=clock, defaults=DEFAULTS),
        Turnout(storage=second, clock=clock, defaults=DEFAULTS),
    )


async def test_taking_the_seat_racing_the_timeout_settles_on_exactly_one(
    database: Database,
) -> None:
    first, second = await database.open(), await database.open()
    outcomes: Counter[str] = Counter()
    for n in range(1, ROUNDS + 1):
        clock = frozen_clock()
        one, _ = doors(first, second, clock)
        await new_round(one, n, 1, ["Ann", "Ben", "Cy"])
        await ok(one.handle(LeaveShift(person("Ann"), shift=n)))
        # Ben presses a second before the 30 minutes end; another process's sweep runs at
        # the end itself. Each is right on its own; together exactly one may win.
        late = ManualClock(clock.now() + timedelta(minutes=30, seconds=-1), running=False)
        taker = Turnout(storage=first, clock=late, defaults=DEFAULTS)
        taken, lapsed = await asyncio.gather(
            taker.handle(TakeSeat(person("Ben"), shift=n)),
            let_offers_lapse(second, clock.now() + timedelta(minutes=30)),
        )
        now = await assert_kept(first, n, 1)
        assert isinstance(taken, Message)
        if taken.error:
            # The sweep went first: Ben is off the waitlist (and told so by DM).
            refused = "ran out" in taken.text or "no seat on offer" in taken.text
            assert lapsed == 1 and refused, (n, taken.text)
            assert now == {"Cy": SignupStatus.OFFERED}, (n, now)
            outcomes["lapsed"] += 1
        else:
            assert lapsed == 0 and taken.text.startswith("You're in!"), (n, taken.text)
            assert now == {"Ben": SignupStatus.CONFIRMED, "Cy": SignupStatus.WAITLISTED}, now
            outcomes["taken"] += 1
        assert (await told(first, n, NoticeKind.OFFER_LAPSED))["Ben"] == (1 if taken.error else 0)
    assert sum(outcomes.values()) == ROUNDS


async def test_a_join_racing_an_offer_never_takes_the_offered_seat(database: Database) -> None:
    first, second = await database.open(), await database.open()
    for n in range(1, ROUNDS + 1):
        one, two = doors(first, second, frozen_clock())
        await new_round(one, n, 1, ["Ann", "Ben"])
        _, joined = await asyncio.gather(
            ok(one.handle(LeaveShift(person("Ann"), shift=n))),
            ok(two.handle(JoinShift(person("Dee"), shift=n))),
        )
        now = await assert_kept(first, n, 1)
        assert now == {"Ben": SignupStatus.OFFERED, "Dee": SignupStatus.WAITLISTED}, (n, now)
        assert "waitlist" in joined.text, (n, joined.text)


async def test_a_pass_racing_another_leave_offers_each_open_seat_once(database: Database) -> None:
    first, second = await database.open(), await database.open()
    for n in range(1, ROUNDS + 1):
        one, two = doors(first, second, frozen_clock())
        await new_round(one, n, 2, ["Ann", "Bo", "Cy", "Di", "Ed"])
        await ok(one.handle(LeaveShift(person("Ann"), shift=n)))
        await asyncio.gather(
            ok(one.handle(PassSeat(person("Cy"), shift=n))),
            ok(two.handle(LeaveShift(person("Bo"), shift=n))),
        )
        now = await assert_kept(first, n, 2)
        assert now == {"Di": SignupStatus.OFFERED, "Ed": SignupStatus.OFFERED}, (n, now)
        assert await told(first, n, NoticeKind.SEAT_OFFERED) == {"Cy": 1, "Di": 1, "Ed": 1}


async def test_two_sweeps_racing_let_an_offer_run_out_once(database: Database) -> None:
    first, second = await database.open(), await database.open()
    for n in range(1, ROUNDS + 1):
        clock = frozen_clock()
        one, _ = doors(first, second, clock)
        await new_round(one, n, 1, ["Ann", "Ben", "Cy"])
        await ok(one.handle(LeaveShift(person("Ann"), shift=n)))
        after = clock.now() + timedelta(minutes=31)
        counts = await asyncio.gather(
            let_offers_lapse(first, after), let_offers_lapse(second, after)
        )
        assert sum(counts) == 1, (n, counts)
        now = await assert_kept(first, n, 1)
        assert now == {"Cy": SignupStatus.OFFERED}, (n, now)
        assert await told(first, n, NoticeKind.OFFER_LAPSED) == {"Ben": 1}, n


async def test_an_offer_outlives_a_restart_and_runs_out_exactly_once(database: Database) -> None:
    before = await database.open()
    clock = frozen_clock()
    one, _ = doors(before, before, clock)
    await new_round(one, 1, 1, ["Ann", "Ben", "Cy"])
    await ok(one.handle(LeaveShift(person("Ann"), shift=1)))
    await before.close()
    database.opened.remove(before)

    # A fresh process on the same database, after the 30 minutes.
    after = await database.open()
    later = clock.now() + timedelta(minutes=45)
    assert await let_offers_lapse(after, later) == 1
    assert await let_offers_lapse(after, later) == 0
    now = await assert_kept(after, 1, 1)
    assert now == {"Cy": SignupStatus.OFFERED}
    assert await told(after, 1, NoticeKind.OFFER_LAPSED) == {"Ben": 1}
