"""Organizer edits racing sign-ups and each other: the seat invariant still holds.

The pattern of tests/integration/test_seat_races.py: two bots on two engines over one database,
two commands at once, repeated rounds; the PostgreSQL run is the one that proves it.
"""

import asyncio
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from bot.domain.notice import NoticeKind
from bot.editing.commands import EditShift
from bot.signups.commands import JoinShift, LeaveShift
from storage import SqlStorage
from storage.tables import notices, shifts
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


async def reminder_times(storage: SqlStorage, number: int) -> set[datetime]:
    async with storage.engine.connect() as connection:
        result = await connection.execute(
            select(notices.c.due_at)
            .join(shifts, shifts.c.id == notices.c.shift_id)
            .where(
                shifts.c.number == number,
                notices.c.kind == NoticeKind.SHIFT_REMINDER.value,
                notices.c.state == "pending",
            )
        )
        return {due for (due,) in result}


async def test_more_seats_racing_a_leave_promote_each_waiting_person_once(bots: Replicas) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 2, confirmed=["Ann", "Ben"], waiting=["Cy", "Di", "Ed"])

        await asyncio.gather(
            ok(one.handle(EditShift(ORGANIZER, shift=n, capacity=3))),
            ok(two.handle(LeaveShift(person("Ann"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert seats.confirmed == ["Ben", "Cy", "Di"] and seats.waiting == ["Ed"], (n, seats)
        assert await told(storage, n, NoticeKind.PROMOTED) == {"Cy": 1, "Di": 1}, n


async def test_fewer_seats_racing_a_join_never_overfill_and_keep_the_waitlist_order(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 3, confirmed=["Ann", "Ben"], waiting=[])

        await asyncio.gather(
            ok(one.handle(EditShift(ORGANIZER, shift=n, capacity=1, confirm=True))),
            ok(two.handle(JoinShift(person("Cy"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert seats.confirmed == ["Ann"] and seats.waiting == ["Ben", "Cy"], (n, seats)
        bumped = await told(storage, n, NoticeKind.BACK_ON_WAITLIST)
        # Cy was seated and bumped only if the join went first.
        assert bumped["Ben"] == 1 and bumped["Cy"] <= 1, (n, bumped)


async def test_a_new_time_racing_a_join_leaves_every_reminder_on_the_new_time(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 3, confirmed=["Ann"], waiting=[])

        await asyncio.gather(
            # Confirmed (Save and tell them): the save is what races the join.
            ok(one.handle(EditShift(ORGANIZER, shift=n, start=time(19, 0), confirm=True))),
            ok(two.handle(JoinShift(person("Ben"), shift=n))),
        )

        seats = await assert_invariant(storage, n)
        assert seats.confirmed == ["Ann", "Ben"], (n, seats)
        start = datetime(2026, 11, 21, 0, 0, tzinfo=UTC)  # 19:00 EST on Nov 20
        assert await reminder_times(storage, n) == {
            start - timedelta(days=1),
            start - timedelta(hours=1),
        }, n


async def test_two_organizers_changing_seats_at_once_end_in_one_consistent_roster(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(1, ROUNDS + 1):
        await new_shift(one, n, 2, confirmed=["Ann", "Ben"], waiting=["Cy", "Di"])

        await asyncio.gather(
            ok(one.handle(EditShift(ORGANIZER, shift=n, capacity=4))),
            ok(two.handle(EditShift(ORGANIZER, shift=n, capacity=1, confirm=True))),
        )

        seats = await assert_invariant(storage, n)
        if seats.capacity == 4:
            assert seats.confirmed == ["Ann", "Ben", "Cy", "Di"], (n, seats)
        else:
            assert seats.confirmed == ["Ann"] and seats.waiting == ["Ben", "Cy", "Di"], (n, seats)
