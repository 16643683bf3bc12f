"""Shared fixtures: a real SQLite file, a frozen clock, a recording messenger, the whole core."""

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from bot.bootstrap import Bot, bootstrap
from bot.clock import ManualClock
from bot.commands import Actor
from bot.dispatcher import DeliveryReport
from bot.domain.campaign import Identity
from bot.replies import FormSubmission, Reply
from bot.usecases.context import CampaignDefaults
from storage import SqlStorage, open_storage
from tests.fakes import RecordingMessenger, frozen_clock, text_of

TEAM = "T-test"


@dataclass
class Harness:
    """The core wired to fakes, with helpers that read like a conversation."""

    bot: Bot
    messenger: RecordingMessenger
    clock: ManualClock
    storage: SqlStorage
    organizers: set[str] = field(default_factory=lambda: {"Olivia"})

    def actor(self, name: str) -> Actor:
        return Actor(
            identity=Identity("test", TEAM, name.lower()),
            display_name=name,
            is_organizer=name in self.organizers,
            team_name="Test campaign",
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

    async def submit(self, name: str, form_id: str, **values: str | tuple[str, ...]) -> Reply:
        reply = await self.bot.turnout.submit(self.actor(name), FormSubmission(form_id, values))
        await self.deliver()
        return reply

    async def deliver(self) -> DeliveryReport:
        return await self.bot.dispatcher.deliver_due()

    async def advance(self, span: timedelta) -> None:
        """Let time pass: follow-ups are raised and due notices delivered."""
        self.clock.advance(span)
        await self.bot.wakeups.sweep()


@pytest.fixture
async def storage(tmp_path) -> AsyncIterator[SqlStorage]:
    store = await open_storage(f"sqlite:///{tmp_path / 'turnout.db'}")
    yield store
    await store.close()


@pytest.fixture
async def harness(storage) -> AsyncIterator[Harness]:
    messenger = RecordingMessenger()
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    yield Harness(bot, messenger, clock, storage)
    bot.wakeups.shutdown()
