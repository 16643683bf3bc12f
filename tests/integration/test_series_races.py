"""Weekly series under concurrency: sweeps, standing sign-ups and cancels racing each other.

Two bots on two engines over one database (tests/integration/test_seat_races.py); the
PostgreSQL run is the one that proves it.
"""

import asyncio
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.series.commands import JoinEveryWeek, RepeatShift
from bot.series.weekly import extend_all
from bot.shifts.commands import CancelShift
from bot.signups.commands import JoinShift
from storage import SqlStorage
from storage.tables import shifts
from tests.conftest import Database
from tests.fakes import frozen_clock
from tests.integration.test_seat_races import (
    ORGANIZER,
    Replicas,
    assert_invariant,
    bots,
    ok,
    person,
)

__all__ = ["bots"]
ROUNDS = 8
# The moment of tests.fakes.frozen_clock, which `bots` runs on.
NOW = frozen_clock().now()


@pytest.fixture
async def storages(database: Database) -> tuple[SqlStorage, SqlStorage]:
    """Two storages on two engines over one database, for two sweeping processes."""
    return await database.open(), await database.open()


async def dates(storage: SqlStorage) -> Counter[object]:
    async with storage.engine.connect() as connection:
        result = await connection.execute(
            select(shifts.c.starts_at).where(shifts.c.status == "scheduled")
        )
        return Counter(start for (start,) in result)


async def test_two_processes_sweeping_at_once_create_each_date_once(
    bots: Replicas, storages: tuple[SqlStorage, SqlStorage]
) -> None:
    one, storage = bots.one, bots.storage
    await ok(one.run_text(ORGANIZER, '/phonebank create "Weekly" 2026-11-03 18:00 2h 3'))
    await ok(one.handle(RepeatShift(ORGANIZER, shift=1)))
    await ok(one.handle(JoinEveryWeek(person("Ann"), shift=1)))
    for week in range(1, ROUNDS + 1):
        later = NOW + timedelta(days=7 * week)

        await asyncio.gather(extend_all(storages[0], later), extend_all(storages[1], later))

        counted = await dates(storage)
        assert set(counted.values()) == {1}, (week, counted)
        assert len(counted) == 4 + week, (week, counted)
    async with storage.unit_of_work() as uow:
        last = await uow.shifts.by_number(1, 4 + ROUNDS)
        assert last is not None
        [(_signup, volunteer)] = await uow.signups.roster(last.id)
    assert volunteer.name == "Ann"


async def test_every_week_racing_a_join_for_the_last_seat_of_a_later_date(bots: Replicas) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(ROUNDS):
        first = 1 + n * 4  # the shift and its 3 later dates in the window
        await ok(one.run_text(ORGANIZER, f'/phonebank create "W{n}" 2026-11-03 18:00 2h 1'))
        await ok(one.handle(RepeatShift(ORGANIZER, shift=first)))

        await asyncio.gather(
            ok(one.handle(JoinEveryWeek(person("Ann"), shift=first))),
            ok(two.handle(JoinShift(person("Ben"), shift=first + 2))),
        )

        for number in range(first, first + 4):
            await assert_invariant(storage, number)


async def test_cancel_following_racing_a_sweep_leaves_no_date_after_the_cut(
    bots: Replicas, storages: tuple[SqlStorage, SqlStorage]
) -> None:
    one, storage = bots.one, bots.storage
    await ok(one.run_text(ORGANIZER, '/phonebank create "Weekly" 2026-11-03 18:00 2h 3'))
    await ok(one.handle(RepeatShift(ORGANIZER, shift=1)))

    await asyncio.gather(
        ok(one.handle(CancelShift(ORGANIZER, shift=3, following=True))),
        extend_all(storages[1], NOW + timedelta(days=7)),
    )
    await extend_all(storages[0], NOW + timedelta(days=30))

    async with storage.engine.connect() as connection:
        result = await connection.execute(
            select(shifts.c.number).where(shifts.c.status == "scheduled").order_by(shifts.c.number)
        )
        assert [number for (number,) in result] == [1, 2]
