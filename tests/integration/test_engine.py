import asyncio
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from storage import SqlStorage, open_storage
from storage.engine import long_reads, normalise_url


@pytest.mark.parametrize(
    ("written", "used"),
    [
        ("sqlite:///turnout.db", "sqlite+aiosqlite:///turnout.db"),
        ("sqlite+aiosqlite:////var/lib/turnout.db", "sqlite+aiosqlite:////var/lib/turnout.db"),
        ("postgres://u:p@db:5432/turnout", "postgresql+asyncpg://u:p@db:5432/turnout"),
        ("postgresql://u:p@db/turnout", "postgresql+asyncpg://u:p@db/turnout"),
        ("postgresql+asyncpg://u@db/turnout", "postgresql+asyncpg://u@db/turnout"),
    ],
)
def test_database_urls_people_write_get_the_async_driver(written: str, used: str) -> None:
    assert normalise_url(written).render_as_string(hide_password=False) == used


@pytest.mark.parametrize("url", ["mysql://u@db/turnout", "postgresql+psycopg2://u@db/turnout"])
def test_an_unsupported_database_url_is_refused_with_what_works(url: str) -> None:
    with pytest.raises(ValueError, match=r"sqlite:///.*postgresql://"):
        normalise_url(url)


async def test_the_sqlite_file_and_its_directory_are_created(tmp_path: Path) -> None:
    path = tmp_path / "not" / "there" / "turnout.db"
    storage = await open_storage(f"sqlite:///{path}")
    await storage.close()
    assert path.is_file()


async def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(
    sqlite_storage: SqlStorage,
) -> None:
    async with sqlite_storage.unit_of_work() as uow:
        pragma = {
            name: await uow.connection.scalar(text(f"PRAGMA {name}"))
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
        }
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        # SQLite never waits for a lock itself: that would stop the event loop. The wait is
        # done between tries instead (see the test below).
        "busy_timeout": 0,
        # NORMAL
        "synchronous": 1,
    }


async def test_a_sqlite_unit_of_work_holds_the_write_lock_from_its_start(
    sqlite_storage: SqlStorage,
) -> None:
    path = sqlite_storage.engine.url.database
    assert path is not None
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        async with sqlite_storage.unit_of_work():
            # Even before it writes anything, another process cannot start writing.
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


async def test_foreign_keys_are_enforced_on_sqlite(sqlite_storage: SqlStorage) -> None:
    async with sqlite_storage.unit_of_work() as uow:
        with pytest.raises(Exception, match="FOREIGN KEY"):
            await uow.connection.execute(
                text("INSERT INTO teams (platform, external_id, campaign_id) VALUES ('x', 'y', 99)")
            )


async def test_waiting_for_another_process_to_let_go_of_the_file_lets_the_bot_go_on(
    sqlite_storage: SqlStorage,
) -> None:
    path = sqlite_storage.engine.url.database
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")

    async def let_go() -> None:
        # Runs only if the event loop goes on while the unit of work waits for the lock.
        await asyncio.sleep(0.05)
        other.execute("ROLLBACK")

    letting_go = asyncio.create_task(let_go())
    try:
        async with sqlite_storage.unit_of_work() as uow:
            await uow.connection.execute(text("CREATE TABLE waited (what TEXT)"))
            await uow.connection.execute(text("INSERT INTO waited VALUES ('the lock')"))
            await uow.commit()
        await letting_go
    finally:
        other.close()
    async with sqlite_storage.unit_of_work(write=False) as uow:
        assert await uow.connection.scalar(text("SELECT what FROM waited")) == "the lock"


async def test_a_long_read_runs_on_a_worker_thread_and_the_rest_on_the_event_loop(
    sqlite_storage: SqlStorage,
) -> None:
    async with sqlite_storage.unit_of_work(write=False) as uow:
        raw = await uow.connection.get_raw_connection()
        # Answers with the thread SQLite calls it from: the thread that runs the statement.
        driver: Any = raw.driver_connection  # the sqlite3 connection
        driver.create_function("running_on", 0, threading.get_ident)
        asked = text("SELECT running_on()")
        inline = await uow.connection.scalar(asked)
        async with long_reads(uow.connection):
            away = await uow.connection.scalar(asked)
        back = await uow.connection.scalar(asked)
    assert inline == back == threading.get_ident()
    assert away != threading.get_ident()
