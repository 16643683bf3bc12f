"""A database briefly locked or unreachable: the command says "try again", leaves nothing
half-written, and works once the database is back."""

import asyncio
import sqlite3
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import make_url, text

from bot.replies import Message, Reply
from bot.turnout import TRY_AGAIN
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
