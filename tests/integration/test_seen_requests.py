"""Signed requests already seen are kept in the database: a restart or another process sees
them too, racing processes record one exactly once, and rows leave with the window."""

import asyncio
from datetime import timedelta

from sqlalchemy import func, select

from storage import SqlStorage
from storage.tables import seen_requests
from tests.conftest import Database
from tests.integration.builders import NOW

WINDOW = timedelta(minutes=5)


async def remember(store: SqlStorage, key: str, at: timedelta = timedelta(0)) -> bool:
    async with store.unit_of_work() as uow:
        fresh = await uow.requests.remember(key, NOW + at, WINDOW)
        await uow.commit()
    return fresh


async def kept(store: SqlStorage) -> list[str]:
    async with store.engine.connect() as db:
        return list((await db.execute(select(seen_requests.c.key))).scalars())


async def test_a_request_seen_before_a_restart_is_known_after_it(database: Database) -> None:
    before = await database.open()
    assert await remember(before, "sig-1")
    await before.close()

    after = await database.open()

    assert not await remember(after, "sig-1", timedelta(minutes=1))
    assert await remember(after, "sig-2", timedelta(minutes=1))


async def test_processes_racing_with_one_request_record_it_exactly_once(
    database: Database,
) -> None:
    stores = [await database.open() for _ in range(4)]

    for n in range(5):
        answers = await asyncio.gather(*(remember(store, f"race-{n}") for store in stores))
        assert sorted(answers) == [False, False, False, True]


async def test_requests_older_than_the_window_are_forgotten(storage: SqlStorage) -> None:
    assert await remember(storage, "old")
    assert await remember(storage, "recent", timedelta(minutes=4))

    assert await remember(storage, "new", timedelta(minutes=6))

    assert sorted(await kept(storage)) == ["new", "recent"]
    async with storage.engine.connect() as db:
        assert await db.scalar(select(func.count()).select_from(seen_requests)) == 2
