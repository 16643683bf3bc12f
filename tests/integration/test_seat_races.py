"""Seat changes racing each other: the seat invariant holds whatever arrives at the same moment.

Each round runs two commands at once through two bots on separate engines (as two processes
would), so on PostgreSQL they really run in parallel on separate connections. After every round:
confirmed ≤ capacity, nobody waits while a seat is free, the waitlist keeps its order, each
promoted person is told exactly once and gets one set of reminders. SQLite serialises writers
and hides these races; the PostgreSQL run is the one that proves it.
"""

import asyncio
from collections import Counter
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from bot.app.turnout import Turnout
from bot.domain.campaign import Identity
from bot.domain.notice import NoticeKind
from bot.domain.signup import SignupStatus
from bot.kernel.commands import Actor
from bot.kernel.context import CampaignDefaults
from bot.ports.replies import Message
from bot.shifts.commands import CancelShift
from bot.signups.commands import JoinShift, LeaveShift
from storage import SqlStorage
from storage.tables import notices, shifts, signups, volunteers
from tests.conftest import Database
from tests.fakes import frozen_clock

ROUNDS = 20
ORGANIZER = Actor(Identity("test", "T", "olivia"), "Olivia", is_organizer=True)
# Both reminders (24h and 1h) are still ahead of every shift these rounds create.
REMINDERS_PER_SEAT = 2


def person(name: str) -> Actor:
    return Actor(Identity("test", "T", name.lower()), name)


@dataclass
class Seats:
    confirmed: list[str]
    waiting: list[str]
    capacity: int
    cancelled: bool


@dataclass
class Replicas:
    """Two front doors on two engines over one database, as two processes would have."""

    one: Turnout
    two: Turnout
    storage: SqlStorage


@pytest.fixture
async def bots(database: Database) -> Replicas:
    clock = frozen_clock()
    defaults = CampaignDefaults(timezone="America/New_York")
    first, second = await database.open(), await database.open()
    return Replicas(
        Turnout(storage=first, clock=clock, defaults=defaults),
        Turnout(storage=second, clock=clock, defaults=defaults),
        first,
    )


async def ok(reply_or_coro: object) -> Message:
    reply = await reply_or_coro if asyncio.iscoroutine(reply_or_coro) else reply_or_coro
    assert isinstance(reply, Message) and not reply.error, reply
    return reply


async def new_shift(
    bot: Turnout, number: int, seats: int, *, confirmed: list[str], waiting: list[str]
) -> None:
    await ok(
        bot.run_text(ORGANIZER, f'/phonebank create "Round {number}" 2026-11-20 18:00 2h {seats}')
    )
    for name in [*confirmed, *waiting]:
        await ok(bot.handle(JoinShift(person(name), shift=number)))


async def seats_of(storage: SqlStorage, number: int) -> Seats:
    async with storage.unit_of_work() as uow:
        shift = await uow.shifts.by_number(1, number)
        assert shift is not None
        roster = await uow.signups.roster(shift.id)
    return Seats(
        confirmed=[v.name for s, v in roster if s.status is SignupStatus.CONFIRMED],
        waiting=[v.name for s, v in roster if s.status is SignupStatus.WAITLISTED],
        capacity=shift.capacity,
        cancelled=shift.is_cancelled,
    )


async def told(storage: SqlStorage, number: int, kind: NoticeKind) -> Counter[str]:
    """How many notices of `kind` each person has for the shift, whatever became of them."""
    async with storage.engine.connect() as connection:
        result = await connection.execute(
            select(volunteers.c.display_name)
            .select_from(notices.join(volunteers, volunteers.c.id == notices.c.volunteer_id))
            .join(shifts, shifts.c.id == notices.c.shift_id)
            .where(shifts.c.number == number, notices.c.kind == kind.value)
        )
        return Counter(name for (name,) in result)


async def pending_reminders(storage: SqlStorage, number: int) -> Counter[str]:
    """Pending reminders per person for the shift."""
    async with storage.engine.connect() as connection:
        result = await connection.execute(
            select(volunteers.c.display_name)
            .select_from(notices.join(signups, signups.c.id == notices.c.signup_id))
            .join(volunteers, volunteers.c.id == signups.c.volunteer_id)
            .join(shifts, shifts.c.id == signups.c.shift_id)
            .where(
                shifts.c.number == number,
                notices.c.kind == NoticeKind.SHIFT_REMINDER.value,
                notices.c.state == "pending",
            )
        )
        return Counter(name for (name,) in result)


async def assert_invariant(storage: SqlStorage, number: int) -> Seats:
    seats = await seats_of(storage, number)
    assert len(seats.confirmed) <= seats.capacity, seats
    if not seats.cancelled:
        assert not (seats.waiting and len(seats.confirmed) < seats.capacity), seats
    reminders = await pending_reminders(storage, number)
    expected = {} if seats.cancelled else dict.fromkeys(seats.confirmed, REMINDERS_PER_SEAT)
    assert dict(reminders) == expected, (seats, reminders)
    promoted = await told(storage, number, NoticeKind.PROMOTED)
    assert all(times == 1 for times in promoted.values()), promoted
    return seats


async def test_two_volunteers_leaving_a_full_shift_at_once_promote_the_next_two(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 2, confirmed=["Ann", "Ben"], waiting=["Cy", "Di", "Ed"])

        await asyncio.gather(
            ok(one.handle(LeaveShift(person("Ann"), shift=n))),
            ok(two.handle(LeaveShift(person("Ben"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert seats.confirmed == ["Cy", "Di"] and seats.waiting == ["Ed"], (n, seats)
        assert await told(storage, n, NoticeKind.PROMOTED) == {"Cy": 1, "Di": 1}, n


async def test_a_leave_racing_a_join_on_a_one_seat_shift_never_strands_the_joiner(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 1, confirmed=["Ann"], waiting=[])

        _, joined = await asyncio.gather(
            ok(one.handle(LeaveShift(person("Ann"), shift=n))),
            ok(two.handle(JoinShift(person("Ben"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert seats.confirmed == ["Ben"] and seats.waiting == [], (n, seats)
        # Ben heard once that he has the seat: from his join, or from a promotion after it.
        promoted = (await told(storage, n, NoticeKind.PROMOTED))["Ben"]
        assert joined.text.startswith("You're in!") != bool(promoted), (n, joined.text, promoted)


async def test_two_joins_racing_for_the_last_seat_seat_one_and_queue_the_other(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 2, confirmed=["Ann"], waiting=[])

        replies = await asyncio.gather(
            ok(one.handle(JoinShift(person("Ben"), shift=n))),
            ok(two.handle(JoinShift(person("Cy"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert len(seats.confirmed) == 2 and len(seats.waiting) == 1, (n, seats)
        answers = {
            r.text.split("!")[0] if r.text.startswith("You're in!") else "waitlist" for r in replies
        }
        assert answers == {"You're in", "waitlist"}, (n, [r.text for r in replies])
        (queued,) = seats.waiting
        queued_reply = replies[0] if queued == "Ben" else replies[1]
        assert "you're #1 on the waitlist" in queued_reply.text, (n, queued_reply.text)


async def test_a_cancel_racing_a_join_leaves_nobody_seated_on_a_cancelled_shift_untold(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 3, confirmed=["Ann"], waiting=[])

        _, joined = await asyncio.gather(
            ok(one.handle(CancelShift(ORGANIZER, shift=n))),
            two.handle(JoinShift(person("Ben"), shift=n)),
        )

        seats = await assert_invariant(storage, n)
        assert seats.cancelled, n
        cancelled = await told(storage, n, NoticeKind.SHIFT_CANCELLED)
        assert isinstance(joined, Message)
        if joined.error:
            # The cancel went first: Ben was refused and is not on the shift.
            assert "was cancelled" in joined.text, (n, joined.text)
            assert cancelled == {"Ann": 1}, (n, cancelled)
        else:
            # The join went first: Ben had a seat for a moment and is told it is cancelled.
            assert joined.text.startswith("You're in!"), (n, joined.text)
            assert cancelled == {"Ann": 1, "Ben": 1}, (n, cancelled)
