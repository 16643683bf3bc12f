"""The database turns read-only while the bot runs: delivery backs off and keeps trying, says
so in a handful of lines rather than hundreds, and catches up once writing works again."""

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from storage import SqlStorage
from tests.conftest import Harness


class ReadOnly:
    """Makes every connection the storage checks out read-only while `on` (SQLite's
    query_only, PostgreSQL's read-only transactions): writes fail as on a read-only file."""

    def __init__(self, storage: SqlStorage) -> None:
        self.on = False
        self._postgres = storage.dialect_name == "postgresql"

    def checkout(self, dbapi_connection: Any, *_: Any) -> None:
        cursor = dbapi_connection.cursor()
        if self._postgres:
            state = "on" if self.on else "off"
            cursor.execute(f"SET default_transaction_read_only = {state}")
        else:
            cursor.execute(f"PRAGMA query_only = {int(self.on)}")
        cursor.close()


@pytest.fixture
def read_only(harness: Harness) -> Iterator[ReadOnly]:
    fault = ReadOnly(harness.storage)
    engine = harness.storage.engine.sync_engine
    event.listen(engine, "checkout", fault.checkout)
    yield fault
    event.remove(engine, "checkout", fault.checkout)


async def test_delivery_survives_a_read_only_database_and_catches_up_after(
    harness: Harness, read_only: ReadOnly, repeats_said_once: pytest.LogCaptureFixture
) -> None:
    caplog = repeats_said_once
    caplog.set_level(logging.INFO)
    await harness.bot.turnout.welcome(harness.actor("Maria"))
    read_only.on = True
    harness.bot.wakeups.start()

    await asyncio.sleep(3)
    during = [r for r in caplog.records if r.levelno >= logging.WARNING]
    read_only.on = False
    for _ in range(100):
        if harness.messenger.texts("maria"):
            break
        await asyncio.sleep(0.1)

    said = "\n".join(f"{r.name}: {r.getMessage()[:160]}" for r in during)
    assert len(during) <= 5, f"{len(during)} warning lines in 3 s read-only:\n{said}"
    assert not [r for r in during if r.exc_info], f"tracebacks while read-only:\n{said}"
    assert len(harness.messenger.texts("maria")) == 1, "the welcome arrives once writing works"
