"""Several teams on one core: actors of a Slack workspace, a Discord server and a console,
typing and pressing buttons through the same harness."""

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message, Reply
from storage import SqlStorage
from tests.conftest import Harness
from tests.fakes import RecordingMessenger, frozen_clock
from tests.render import text_of


@dataclass(frozen=True)
class Team:
    platform: str
    external_id: str
    name: str
    organizer: str


STATE = Team("slack", "T-state", "State party", "Olivia")
COUNTY = Team("discord", "G-county", "Lake County", "Carmen")
CONSOLE = Team("console", "console", "Console", "Dana")


def actor(team: Team, name: str, channel: str = "") -> Actor:
    return Actor(
        identity=Identity(team.platform, team.external_id, name.lower()),
        display_name=name,
        is_organizer=name == team.organizer,
        team_name=team.name,
        channel=channel,
    )


async def reply(h: Harness, team: Team, name: str, line: str) -> Reply:
    answer = await h.bot.turnout.run_text(actor(team, name), line)
    await h.deliver()
    return answer


async def say(h: Harness, team: Team, name: str, line: str) -> str:
    return text_of(await reply(h, team, name, line))


def first_button(answer: Reply) -> str:
    assert isinstance(answer, Message) and answer.buttons, answer
    return answer.buttons[0].action


async def press(h: Harness, team: Team, name: str, action: str) -> str:
    reply = await h.bot.turnout.press(actor(team, name), action)
    await h.deliver()
    return text_of(reply)


def code_in(reply: str) -> str:
    found = re.search(r"`([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})`", reply)
    assert found, reply
    return found.group(1)


async def link(h: Harness, joining: Team, into: Team) -> str:
    """`into`'s organizer makes a code; `joining`'s organizer uses it, confirmed."""
    code = code_in(await say(h, into, into.organizer, "/turnout link"))
    return await say(h, joining, joining.organizer, f"/turnout link {code} confirm")


@dataclass
class Linked(Harness):
    """The core with a recording messenger per platform: `sent_on[platform]`."""

    sent_on: dict[str, RecordingMessenger] = field(default_factory=dict)


@asynccontextmanager
async def linked_harness(storage: SqlStorage, **wiring: Any) -> AsyncIterator[Linked]:
    """Slack, Discord and console teams on one core; `wiring` goes to bootstrap (links)."""
    messengers = {p: RecordingMessenger(platform=p) for p in ("slack", "discord", "console")}
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=list(messengers.values()),
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
        **wiring,
    )
    try:
        yield Linked(bot, messengers["slack"], clock, storage, sent_on=messengers)
    finally:
        await bot.wakeups.stop()
