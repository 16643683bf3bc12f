"""The console in-process: the real chat loop, screen and messenger around the real core.

`Console.type` plays lines as if typed at the prompt and returns what the screen printed
since, echo included, so a test reads a session as a person would.
"""

import io
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from adapters.console import ConsoleChat, ConsoleMessenger, Screen
from adapters.console.files import FileShelf
from bot.app.bootstrap import Bot, bootstrap
from bot.app.clock import ManualClock
from bot.domain.campaign import CampaignDefaults
from bot.ports.messenger import Messenger
from storage import SqlStorage
from tests.fakes import frozen_clock

# Mon Nov 23 2026, 9:00 AM in New York: five days before the Saturday shift the tests create.
MONDAY = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)
SATURDAY_CALLS = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2'


@dataclass
class Console:
    chat: ConsoleChat
    out: io.StringIO
    clock: ManualClock
    bot: Bot
    _read: int = 0

    async def type(self, *lines: str) -> str:
        """Play `lines` at the prompt, each echoed as `Name> line`; what was printed since."""
        for line in lines:
            self.out.write(f"{self.chat.user}> {line}\n")
            await self.chat.handle_line(line)
        return self.since()

    def since(self) -> str:
        shown = self.out.getvalue()
        new, self._read = shown[self._read :], len(shown)
        return new


@asynccontextmanager
async def running_console(
    storage: SqlStorage,
    tmp_path: Path,
    *,
    campaign_name: str = "Dane County Democrats",
    user: str = "Olivia",
    beside: Sequence[Messenger] = (),
) -> AsyncIterator[Console]:
    """`user` (an organizer) at the console of a campaign in New York, on MONDAY; the core
    also sends through the messengers `beside` it (other platforms on the same database)."""
    out = io.StringIO()
    screen = Screen(out, shelf=FileShelf(tmp_path / "turnout-files"))
    names: dict[str, str] = {}
    chats: list[ConsoleChat] = []
    messenger = ConsoleMessenger(
        screen, names=names, organizers=lambda: chats[0].organizer_keys() if chats else []
    )
    clock = frozen_clock(MONDAY)
    bot = bootstrap(
        storage=storage,
        messengers=[messenger, *beside],
        clock=clock,
        defaults=CampaignDefaults(name=campaign_name, timezone="America/New_York"),
    )
    chat = ConsoleChat(
        turnout=bot.turnout,
        wakeups=bot.wakeups,
        clock=clock,
        screen=screen,
        user=user,
        organizers={user},
        names=names,
        campaign_name=campaign_name,
    )
    chats.append(chat)
    try:
        yield Console(chat, out, clock, bot)
    finally:
        await bot.wakeups.stop()


@pytest.fixture
async def console(storage: SqlStorage, tmp_path: Path) -> AsyncIterator[Console]:
    """Olivia (an organizer) at the console of a campaign in New York, on MONDAY."""
    async with running_console(storage, tmp_path) as running:
        yield running
