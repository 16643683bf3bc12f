"""Shared fixtures: real databases, a frozen clock, a recording messenger, the whole core.

Every test that uses `storage` runs on a SQLite file, and also on PostgreSQL when
TURNOUT_TEST_DATABASE_URL is set (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test);
each PostgreSQL test gets a schema of its own. Each database starts migrated and empty, as a
copy of what the real migrations built once for the session (tests/templates.py says how,
and tests/integration/test_migrated_copies.py proves the copies exact); a test marked
`empty_database` gets an empty one, for the real migrations to build.
"""

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.app import repeats
from bot.app.bootstrap import Bot, bootstrap
from bot.app.clock import ManualClock
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.kernel.intake.forms import FormReader
from bot.kernel.outbox.dispatcher import DeliveryReport
from bot.ports.replies import FormSubmission, Reply
from storage import SqlStorage, open_storage
from storage.engine import normalise_url
from tests.fakes import RecordingMessenger, frozen_clock
from tests.render import text_of
from tests.templates import TEMPLATES, drop_schema

TEAM = "T-test"


@dataclass
class Harness:
    """The core wired to fakes, with helpers that read like a conversation."""

    bot: Bot
    messenger: RecordingMessenger
    clock: ManualClock
    storage: SqlStorage
    organizers: set[str] = field(default_factory=lambda: {"Olivia"})
    # The channel everyone types in; "" (the default) as if nobody could post there.
    channel: str = ""

    def actor(self, name: str) -> Actor:
        return Actor(
            identity=Identity("test", TEAM, name.lower()),
            display_name=name,
            is_organizer=name in self.organizers,
            team_name="Test campaign",
            channel=self.channel,
        )

    async def reply(self, name: str, line: str) -> Reply:
        return await self.bot.turnout.run_text(self.actor(name), line)

    async def say(self, name: str, line: str) -> str:
        """Run a slash command as `name` and deliver what it queued; returns the reply text."""
        reply = await self.reply(name, line)
        await self.deliver()
        return text_of(reply)

    async def press(self, name: str, action: str) -> str:
        reply = await self.bot.turnout.press(self.actor(name), action)
        await self.deliver()
        return text_of(reply)

    async def submit(
        self, name: str, form: FormReader | str, **values: str | tuple[str, ...]
    ) -> Reply:
        """Fill in `form` (a feature's form, or a form id such as `edit_shift:3`) as `name`."""
        form_id = form.form_id if isinstance(form, FormReader) else form
        reply = await self.bot.turnout.submit(self.actor(name), FormSubmission(form_id, values))
        await self.deliver()
        return reply

    async def arrive(self, name: str) -> None:
        """`name` joins the team (as the platform tells Turnout): welcomed, and from then on
        someone organizers can name. Only looking around makes nobody a volunteer."""
        await self.bot.turnout.welcome(self.actor(name))
        await self.deliver()

    async def deliver(self) -> DeliveryReport:
        return await self.bot.dispatcher.deliver_due()

    async def advance(self, span: timedelta) -> None:
        """Let time pass: follow-ups are raised and due notices delivered."""
        self.clock.advance(span)
        await self.bot.wakeups.sweep()


POSTGRES_URL = os.environ.get("TURNOUT_TEST_DATABASE_URL")


@dataclass
class Database:
    """One test's database, migrated unless the test is marked `empty_database`: open as many
    storages on it as a test needs."""

    kind: str
    url: str
    connect_args: dict[str, Any] = field(default_factory=dict)
    opened: list[SqlStorage] = field(default_factory=list)

    async def open(self, **options: Any) -> SqlStorage:
        storage = await open_storage(self.url, connect_args=self.connect_args, **options)
        self.opened.append(storage)
        return storage

    async def close_all(self) -> None:
        for storage in self.opened:
            await storage.close()


@pytest.fixture
def repeats_said_once(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Logging as `turnout run` sets it up: a repeated warning is said once a minute (on the
    root handlers, caplog's among them; taken off again after the test)."""
    undo = repeats.install()
    yield caplog
    undo()


@pytest.fixture(scope="session")
def _postgresql_schemas() -> Iterator[None]:
    """At the end of the session, drop the migrated schemas kept for the next tests."""
    yield
    if POSTGRES_URL:
        # In a thread of its own: the tests' event loops are gone, and this one must not
        # become the main thread's current loop.
        with ThreadPoolExecutor(1) as thread:
            thread.submit(asyncio.run, TEMPLATES.drop_pooled(POSTGRES_URL)).result()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def database(
    request: pytest.FixtureRequest, tmp_path: Path, _postgresql_schemas: None
) -> AsyncIterator[Database]:
    migrated = request.node.get_closest_marker("empty_database") is None
    if request.param == "sqlite":
        path = tmp_path / "data" / "turnout.db"
        if migrated:
            await TEMPLATES.copy_sqlite(path)
        db = Database("sqlite", f"sqlite:///{path}")
        yield db
        await db.close_all()
        return
    if not POSTGRES_URL:
        pytest.skip("set TURNOUT_TEST_DATABASE_URL to run storage tests on PostgreSQL")
    admin = create_async_engine(normalise_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            if migrated:
                schema = await TEMPLATES.take_postgresql(connection, POSTGRES_URL)
            else:
                schema = f"t_{uuid.uuid4().hex[:12]}"
                await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        settings = {
            "search_path": schema,
            # How the schema finds the test's connections when it is handed back.
            "application_name": schema,
            # A commit returns without waiting for the WAL to reach the disk (3 ms each
            # here): what a test sees is the same; only a crash of the server could lose the
            # last few.
            "synchronous_commit": "off",
        }
        db = Database("postgresql", POSTGRES_URL, {"server_settings": settings})
        try:
            yield db
        finally:
            await db.close_all()
            async with admin.connect() as connection:
                if migrated:
                    await TEMPLATES.give_back(connection, POSTGRES_URL, schema)
                else:
                    await drop_schema(connection, schema)
    finally:
        await admin.dispose()


@pytest.fixture
async def storage(database: Database) -> SqlStorage:
    """A migrated, empty storage on SQLite, and on PostgreSQL when configured."""
    return await database.open()


@pytest.fixture
async def harness(storage: SqlStorage) -> AsyncIterator[Harness]:
    messenger = RecordingMessenger()
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    yield Harness(bot, messenger, clock, storage)
    await bot.wakeups.stop()
