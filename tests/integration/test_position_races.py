"""Positions filling at once: the seat invariant holds per position whatever arrives together.

Each round runs its commands at once through two bots on separate engines (as two processes
would), so on PostgreSQL they really run in parallel on several connections. After every
round, for each position: confirmed ≤ its seats, nobody waits for it while it has a free seat,
its line keeps arrival order, each promoted person is told exactly once, and nobody holds a
seat in a position other than the one they asked for. SQLite serialises writers and hides
these races; the PostgreSQL run is the one that proves it. The figures are printed (`-s`).
"""

import asyncio
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select

from bot.app.turnout import Turnout
from bot.domain.notice import NoticeKind
from bot.domain.signup import SignupStatus
from bot.signups.commands import JoinShift, LeaveShift
from storage import SqlStorage
from storage.tables import notices, positions, shifts, signups, volunteers
from tests.integration import test_seat_races as seat_races
from tests.integration.test_seat_races import ORGANIZER, ROUNDS, Replicas, ok, person

# The same two replicas on two engines as the shift-wide races (a fixture, used by name).
bots = seat_races.bots

# Per round of the rush: drivers and canvassers asking at once for a few seats each.
DRIVER_SEATS, CANVASSER_SEATS = 2, 3
PER_POSITION = 6


@dataclass
class Line:
    """One position of a shift as stored: who holds its seats and who waits, in order."""

    seats: int
    confirmed: list[str]
    waiting: list[str]


async def new_shift(bot: Turnout, number: int, wanted: str) -> None:
    await ok(bot.run_text(ORGANIZER, f'/phonebank create "Doors {number}" 2026-11-20 10:00 3h 5'))
    await ok(bot.run_text(ORGANIZER, f"/phonebank positions {number} {wanted}"))


async def lines_of(storage: SqlStorage, number: int) -> dict[str, Line]:
    """Each position's line, from the rows: arrival order is the sign-up's id."""
    async with storage.engine.connect() as connection:
        held = await connection.execute(
            select(positions.c.name, positions.c.seats)
            .join(shifts, shifts.c.id == positions.c.shift_id)
            .where(shifts.c.number == number)
        )
        lines = {name: Line(seats, [], []) for name, seats in held}
        result = await connection.execute(
            select(positions.c.name, signups.c.status, volunteers.c.display_name)
            .select_from(signups.join(volunteers, volunteers.c.id == signups.c.volunteer_id))
            .join(shifts, shifts.c.id == signups.c.shift_id)
            .outerjoin(positions, positions.c.id == signups.c.position_id)
            .where(shifts.c.number == number)
            .order_by(signups.c.id)
        )
        for name, status, who in result:
            assert name is not None, f"{who} is on #{number} without a position"
            if status == SignupStatus.CONFIRMED.value:
                lines[name].confirmed.append(who)
            elif status == SignupStatus.WAITLISTED.value:
                lines[name].waiting.append(who)
    return lines


async def promoted(storage: SqlStorage, number: int) -> Counter[str]:
    async with storage.engine.connect() as connection:
        result = await connection.execute(
            select(volunteers.c.display_name)
            .select_from(notices.join(volunteers, volunteers.c.id == notices.c.volunteer_id))
            .join(shifts, shifts.c.id == notices.c.shift_id)
            .where(shifts.c.number == number, notices.c.kind == NoticeKind.PROMOTED.value)
        )
        return Counter(name for (name,) in result)


async def assert_invariant(storage: SqlStorage, number: int) -> dict[str, Line]:
    lines = await lines_of(storage, number)
    for name, line in lines.items():
        assert len(line.confirmed) <= line.seats, (number, name, line)
        assert not (line.waiting and len(line.confirmed) < line.seats), (number, name, line)
    assert all(times == 1 for times in (await promoted(storage, number)).values())
    return lines


async def test_two_positions_filling_at_once_seat_each_its_own_and_queue_the_rest(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    figures: Counter[str] = Counter()
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, f"driver:{DRIVER_SEATS} canvasser:{CANVASSER_SEATS}")
        asks = [(f"D{n}x{i}", "driver") for i in range(PER_POSITION)] + [
            (f"C{n}x{i}", "canvasser") for i in range(PER_POSITION)
        ]

        # Every join starts before any finishes, half through each replica, interleaved.
        replies = await asyncio.gather(
            *(
                ok((one if i % 2 else two).handle(JoinShift(person(who), shift=n, position=what)))
                for i, (who, what) in enumerate(asks)
            )
        )

        lines = await assert_invariant(storage, n)
        told = {who: reply.text for (who, _what), reply in zip(asks, replies, strict=True)}
        for name, seats in (("driver", DRIVER_SEATS), ("canvasser", CANVASSER_SEATS)):
            line = lines[name]
            assert len(line.confirmed) == seats, (n, name, line)
            assert len(line.waiting) == PER_POSITION - seats, (n, name, line)
            # What each was told matches the stored line: their position, their place in it.
            assert all(f"You're there as {name}." in told[who] for who in line.confirmed)
            for place, who in enumerate(line.waiting, start=1):
                assert f"so you're #{place} in line for one" in told[who], (n, who, told[who])
            figures[f"{name} confirmed"] += len(line.confirmed)
            figures[f"{name} waiting"] += len(line.waiting)
        figures["joins"] += len(asks)
    print(
        f"\n[{storage.dialect_name}] {figures['joins']} joins in {ROUNDS} rounds of "
        f"{2 * PER_POSITION} at once: driver {figures['driver confirmed']} seated / "
        f"{figures['driver waiting']} queued, canvasser {figures['canvasser confirmed']} "
        f"seated / {figures['canvasser waiting']} queued; no position oversold"
    )


async def test_leaves_in_two_positions_at_once_promote_each_position_s_own_line(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, "driver:1 canvasser:1")
        for who, what in (("Ann", "driver"), ("Ben", "canvasser"), ("Cy", "canvasser")):
            await ok(one.handle(JoinShift(person(who), shift=n, position=what)))
        await ok(one.handle(JoinShift(person("Di"), shift=n, position="driver")))

        await asyncio.gather(
            ok(one.handle(LeaveShift(person("Ann"), shift=n))),
            ok(two.handle(LeaveShift(person("Ben"), shift=n))),
        )

        lines = await assert_invariant(storage, n)
        assert lines["driver"].confirmed == ["Di"] and lines["driver"].waiting == [], n
        assert lines["canvasser"].confirmed == ["Cy"] and lines["canvasser"].waiting == [], n
        assert await promoted(storage, n) == {"Cy": 1, "Di": 1}, n


async def test_a_leave_racing_a_join_for_the_same_position_never_strands_the_joiner(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, "driver:1 canvasser:2")
        await ok(one.handle(JoinShift(person("Ann"), shift=n, position="driver")))

        _, joined = await asyncio.gather(
            ok(one.handle(LeaveShift(person("Ann"), shift=n))),
            ok(two.handle(JoinShift(person("Ben"), shift=n, position="driver"))),
        )

        lines = await assert_invariant(storage, n)
        assert lines["driver"].confirmed == ["Ben"] and lines["driver"].waiting == [], n
        assert lines["canvasser"].confirmed == [], n
        # Ben heard once that he has the seat: from his join, or from a promotion after it.
        moved_up = (await promoted(storage, n))["Ben"]
        assert joined.text.startswith("You're in!") != bool(moved_up), (n, joined.text)
