"""The real discord.py client against the fake Discord, with the whole core on a SQLite file."""

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from adapters.discord import DiscordPlatform
from bot.app.bootstrap import Bot, bootstrap
from bot.app.clock import ManualClock
from bot.domain.campaign import CampaignDefaults
from bot.kernel.outbox.dispatcher import DeliveryReport
from storage import SqlStorage, open_storage
from tests.adapters.discord import interactions as make
from tests.adapters.discord.fake_discord import (
    APP_ID,
    GUILD_ID,
    TOKEN,
    VOLUNTEERS,
    Call,
    FakeDiscord,
)
from tests.fakes import frozen_clock
from tests.templates import TEMPLATES

STEP = 10  # seconds: the longest any one step may take before a test fails


@dataclass
class World:
    """A Discord server with Turnout in it, and helpers that read like people using it."""

    fake: FakeDiscord
    platform: DiscordPlatform
    bot: Bot
    clock: ManualClock
    storage: SqlStorage
    db: Path
    options: dict[str, Any] = field(default_factory=dict)

    async def interact(self, interaction: dict[str, Any]) -> Call:
        """Push an INTERACTION_CREATE and return the interaction's callback once it arrives."""
        await self.fake.dispatch("INTERACTION_CREATE", interaction)
        return await self.callback(interaction)

    async def callback(self, interaction: dict[str, Any]) -> Call:
        path = rf"/interactions/{interaction['id']}/{interaction['token']}/callback"
        (call,) = await self.fake.wait_for("POST", path, within=STEP)
        return call

    async def follow_up(self, interaction: dict[str, Any]) -> Call:
        path = rf"/webhooks/{APP_ID}/{interaction['token']}"
        calls = await self.fake.wait_for("POST", path, within=STEP)
        return calls[0]

    async def slash(self, who: str, command: str, subcommand: str, /, **options: Any) -> Call:
        return await self.interact(make.slash(who, command, subcommand, **options))

    async def press(self, who: str, custom_id: str, *, dm: bool = False) -> Call:
        return await self.interact(make.press(who, custom_id, dm=dm))

    async def submit(
        self, who: str, custom_id: str, values: dict[str, str | list[str]], *, dm: bool = False
    ) -> Call:
        return await self.interact(make.submit(who, custom_id, values, dm=dm))

    async def join_server(self, who: str) -> None:
        """GUILD_MEMBER_ADD, then wait until the core has welcomed them (queued the DM)."""
        before = len(self.fake.calls)
        await self.fake.dispatch("GUILD_MEMBER_ADD", make.member_add(who))
        # The welcome is queued in the database; deliver until it has gone out.
        for _ in range(STEP * 20):
            report = await self.deliver()
            if report.sent or len(self.fake.calls) > before:
                return
            await asyncio.sleep(0.05)
        raise AssertionError(f"{who} joined but nothing was sent")

    async def deliver(self) -> DeliveryReport:
        """What the wake-ups would do: send every notice that is due now."""
        return await self.bot.dispatcher.deliver_due()

    async def advance(self, span: timedelta) -> DeliveryReport:
        self.clock.advance(span)
        return await self.deliver()

    async def create_shift(
        self, title: str = "Saturday calls", seats: int = 2, date: str = "2026-11-28"
    ) -> Call:
        call = await self.slash(
            "Olivia",
            "phonebank",
            "create",
            title=title,
            date=date,
            start="18:00",
            length="2h",
            seats=seats,
            link="https://dialer.example/sat",
        )
        assert "Created" in call.text, call.text
        return call


async def start_world(tmp_path: Path, *, fake: FakeDiscord | None = None, **options: Any) -> World:
    fake = fake or FakeDiscord()
    # Everyone in the story is a member of the server until a test removes them.
    fake.members = fake.members or {
        make.uid(name): {**make.member(name), "joined_at": "2026-01-01T00:00:00+00:00"}
        for name in make.PEOPLE
    }
    if not fake.port:
        await fake.start()
    db = tmp_path / "turnout.db"
    # A storage of the test's own (another process's database, say), or a SQLite file.
    storage = options.pop("storage", None)
    if storage is None:
        if not db.exists():  # a restart keeps the file it had
            await TEMPLATES.copy_sqlite(db)
        storage = await open_storage(f"sqlite:///{db}")
    clock = options.pop("clock", None) or frozen_clock()
    # TURNOUT_CAMPAIGN_NAME: the core's setting, not the platform's.
    chosen_name = options.pop("campaign_name", "")
    settings: dict[str, Any] = {
        "token": TOKEN,
        "api_url": fake.api_url,
        "guild_ids": (int(GUILD_ID),),
        "organizer_channel": "#organizers",
        "volunteer_channel": VOLUNTEERS,
        "guild_ready_timeout": 0.05,
    } | options
    platform = DiscordPlatform(**settings)
    bot = bootstrap(
        storage=storage,
        messengers=[platform.messenger],
        clock=clock,
        # The process's counts (commands, notices), when the test reads them.
        metrics=options.get("metrics"),
        defaults=CampaignDefaults(
            name="Test campaign", chosen_name=chosen_name, timezone="America/New_York"
        ),
    )
    await asyncio.wait_for(platform.start(bot.turnout), STEP)
    return World(fake, platform, bot, clock, storage, db, options)


async def stop_world(world: World, *, keep_fake: bool = False) -> None:
    await world.platform.stop()
    await world.bot.wakeups.stop()
    await world.storage.close()
    if not keep_fake:
        await world.fake.stop()


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    started = await start_world(tmp_path)
    yield started
    await stop_world(started)


@pytest.fixture(autouse=True)
def _quiet_discord_logs(caplog: pytest.LogCaptureFixture) -> None:
    # discord.py logs every connect at INFO; keep failures readable.
    caplog.set_level(logging.WARNING, logger="discord")
