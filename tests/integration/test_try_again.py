"""A database briefly locked or unreachable: the command says "try again", leaves nothing
half-written, and works once the database is back."""

import asyncio
import sqlite3
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import make_url, text

from bot.app.turnout import TRY_AGAIN
from bot.ports.replies import Message, Reply
from storage import SqlStorage, SqlUnitOfWork
from tests.conftest import Database, Harness
from tests.integration.test_refusals_write_nothing import snapshot
from tests.render import text_of


@pytest.fixture
async def storage(database: Database) -> SqlStorage:
    """As everywhere, but a SQLite file locked by another process is given up on after 0.2 s
    rather than 10."""
    return await database.open(busy_timeout=timedelta(milliseconds=200))


async def during_an_outage(
    database: Database, storage: SqlStorage, command: Coroutine[Any, Any, Reply]
) -> Reply:
    """Run `command` while the database fails it.

    SQLite: another process holds the write lock for longer than the busy timeout.
    PostgreSQL: the command's connection is cut while its transaction is open and has
    already written (the volunteer row, her welcome), waiting on a shift row we hold locked.
    """
    if database.kind == "sqlite":
        other = sqlite3.connect(str(make_url(database.url).database), isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            return await command
        finally:
            other.close()
    async with storage.unit_of_work() as holder:
        await holder.connection.execute(text("SELECT id FROM shifts FOR UPDATE"))
        running = asyncio.create_task(command)
        victim = await blocked_by(holder)
        wrote = await holder.connection.execute(
            text(
                "SELECT relation::regclass::text FROM pg_locks"
                " WHERE pid = :pid AND mode = 'RowExclusiveLock'"
            ),
            {"pid": victim},
        )
        assert {"volunteers", "notices"} <= set(wrote.scalars()), "cut before it wrote"
        await holder.connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": victim})
        return await running


async def blocked_by(holder: SqlUnitOfWork) -> int:
    """The PostgreSQL backend waiting for a lock `holder` has."""
    # pg_locks is read afresh each time (pg_stat_activity would be frozen for the transaction).
    waiting = text(
        "SELECT DISTINCT pid FROM pg_locks"
        " WHERE NOT granted AND pg_backend_pid() = ANY(pg_blocking_pids(pid))"
    )
    async with asyncio.timeout(10):
        while True:
            found = (await holder.connection.execute(waiting)).scalars().all()
            if found:
                return int(found[0])
            await asyncio.sleep(0.02)


async def test_a_join_the_database_fails_says_try_again_and_leaves_nothing_behind(
    harness: Harness, database: Database, storage: SqlStorage
) -> None:
    await harness.say("Olivia", '/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 5')
    before = await snapshot(harness.bot)
    vera = harness.actor("Vera")  # her first command: it would add her, greet her, sign her up

    refused = await during_an_outage(
        database, storage, harness.bot.turnout.run_slash(vera, "/phonebank", "join 1")
    )

    assert refused == Message(TRY_AGAIN, error=True)
    after = await snapshot(harness.bot)
    for table in ("volunteers", "signups", "notices"):
        assert after[table] == before[table], f"{table} changed"
    assert after == before

    joined = await harness.bot.turnout.run_slash(vera, "/phonebank", "join 1")
    assert "You're in!" in text_of(joined)
    saved = await snapshot(harness.bot)
    assert len(saved["signups"]) == 1
    assert len(saved["volunteers"]) == len(before["volunteers"]) + 1


async def test_a_full_disk_says_try_again_changes_nothing_and_logs_one_line(
    harness: Harness, database: Database, storage: SqlStorage, caplog: pytest.LogCaptureFixture
) -> None:
    if database.kind != "sqlite":
        pytest.skip("a full disk is simulated with SQLite's max_page_count")
    from sqlalchemy import event

    await harness.say("Olivia", '/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 5')
    # Every connection from now on may not grow the file; fill what room is left.
    await storage.engine.dispose()
    path = str(make_url(database.url).database)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

    def cap(connection: Any, _: Any) -> None:
        connection.cursor().execute(f"PRAGMA max_page_count = {pages + 1}")

    event.listen(storage.engine.sync_engine, "connect", cap)
    _fill_every_table(path, pages + 1)
    before = await snapshot(harness.bot)
    caplog.clear()

    refused = await harness.bot.turnout.run_slash(harness.actor("Vera"), "/phonebank", "join 1")

    assert refused == Message(TRY_AGAIN, error=True)
    assert await snapshot(harness.bot) == before
    problems = [r for r in caplog.records if r.levelno >= 30]
    assert [r.getMessage() for r in problems if "disk is full" in r.getMessage()]
    assert not [r for r in caplog.records if r.exc_info], "no traceback"
    assert len([r for r in problems if "disk" in r.getMessage()]) == 1


def _fill_every_table(path: str, max_pages: int) -> None:
    """Fill the tables a join writes to until not even a tiny row fits: the disk is full."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(f"PRAGMA max_page_count = {max_pages}")
    stamp = db.execute("SELECT created_at FROM campaigns").fetchone()[0]
    rows = {
        "volunteers (campaign_id, number, display_name, joined_at)": "1, 10000 + ?1, ?2, ?3",
        "identities (platform, team_external_id, user_external_id, volunteer_id, last_seen_at)": (
            "'junk', ?2, ?1, 1, ?3"
        ),
        "signups (shift_id, volunteer_id, status, created_at, updated_at)": (
            "1, 1, 'cancelled', ?3, ?3 WHERE ?2 <> ''"
        ),
        "notices (campaign_id, kind, payload, due_at, state, attempts, last_error)": (
            "1, 'announcement', '{}', ?3, 'cancelled', 0, ?2"
        ),
    }
    n = 0
    for size in (2000, 200, 20, 1):  # down to the last crumbs of free space in each table
        for table, values in rows.items():
            try:
                while True:
                    n += 1
                    db.execute(f"INSERT INTO {table} SELECT {values}", (n, "x" * size, stamp))
            except sqlite3.OperationalError as error:
                assert "full" in str(error)
    db.close()
