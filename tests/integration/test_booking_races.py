"""Organizer bookings racing sign-ups: add, remove and move keep the seat invariant.

The pattern of tests/integration/test_seat_races.py (two engines, two commands at once,
repeated rounds); the PostgreSQL run is the one that proves it.
"""

import asyncio

from bot.domain.notice import NoticeKind
from bot.ports.replies import Message
from bot.shifts.commands import AddToShift, MoveBetweenShifts
from bot.signups.commands import JoinShift, LeaveShift
from bot.volunteers.commands import WelcomeVolunteer
from tests.integration.test_seat_races import (
    ORGANIZER,
    ROUNDS,
    Replicas,
    assert_invariant,
    bots,
    new_shift,
    ok,
    person,
    told,
)

__all__ = ["bots"]


async def test_a_booking_racing_a_join_for_the_last_seat_seats_one_and_queues_the_other(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    await one.handle(WelcomeVolunteer(person("Bea")))  # Bea joins, so she can be named
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 2, confirmed=["Ann"], waiting=[])

        await asyncio.gather(
            ok(one.handle(AddToShift(ORGANIZER, shift=n, who="Bea"))),
            ok(two.handle(JoinShift(person("Cy"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert len(seats.confirmed) == 2 and len(seats.waiting) == 1, (n, seats)


async def test_a_move_racing_a_join_into_the_last_seat_never_overfills_the_target(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, 2 * ROUNDS + 1, 2):
        await new_shift(one, n, 1, confirmed=["Ann"], waiting=["Ben"])
        await new_shift(one, n + 1, 2, confirmed=["Cy"], waiting=[])

        moved, _ = await asyncio.gather(
            one.handle(MoveBetweenShifts(ORGANIZER, who="Ann", from_shift=n, to_shift=n + 1)),
            ok(two.handle(JoinShift(person("Di"), shift=n + 1))),
        )

        source = await assert_invariant(storage, n)
        target = await assert_invariant(storage, n + 1)
        assert isinstance(moved, Message), moved
        if moved.error:
            # The join took the last seat first: the move was refused and changed nothing.
            assert "is full" in moved.text, (n, moved.text)
            assert source.confirmed == ["Ann"] and target.confirmed == ["Cy", "Di"], n
        else:
            assert source.confirmed == ["Ben"] and target.confirmed == ["Cy", "Ann"], n
            assert target.waiting == ["Di"], (n, target)
            assert await told(storage, n, NoticeKind.PROMOTED) == {"Ben": 1}, n


async def test_an_over_booking_racing_a_leave_keeps_everyone_seated_once(bots: Replicas) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    await one.handle(WelcomeVolunteer(person("Bea")))  # Bea joins, so she can be named
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 2, confirmed=["Ann", "Ben"], waiting=["Cy"])

        await asyncio.gather(
            ok(one.handle(AddToShift(ORGANIZER, shift=n, who="Bea", over=True))),
            ok(two.handle(LeaveShift(person("Ann"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert "Bea" in seats.confirmed and "Cy" in seats.confirmed, (n, seats)
        assert seats.waiting == [], (n, seats)
