"""The county that joins late (journey 8): the state party runs Turnout in the console and has
posted its Saturday calls; a Slack county with a canvass of its own links in, then a Discord
county. Everyone sees and joins the statewide shift, the roster names each person's team, the
reminder reaches each on their own platform, the numbers break down per team; then a county
leaves, and nothing of the state's is visible to it any more."""

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app.bootstrap import Bot
from storage import SqlStorage
from tests.adapters.console.conftest import Console, running_console
from tests.fakes import RecordingMessenger
from tests.linked import Team, actor, first_button
from tests.render import text_of

LAKE = Team("slack", "T-lake", "Lake County", "Lena")
RIVER = Team("discord", "G-river", "River County", "Raj")
STATEWIDE = '/phonebank create "Statewide calls" 2026-11-28 18:00 2h 6'


@dataclass
class State:
    console: Console
    bot: Bot
    slack: RecordingMessenger
    discord: RecordingMessenger

    async def say(self, team: Team, name: str, line: str) -> str:
        reply = await self.bot.turnout.run_text(actor(team, name), line)
        await self.bot.wakeups.deliver_if_due()
        return text_of(reply)

    async def link(self, team: Team) -> str:
        shown = await self.console.type(":as Olivia", "/turnout link")
        found = re.search(r"`?([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})`?", shown)
        assert found, shown
        return found.group(1)

    def dms(self, messenger: RecordingMessenger, to: str) -> list[str]:
        return [text_of(s.reply) for s in messenger.sent if s.to == to]


@pytest.fixture
async def state(storage: SqlStorage, tmp_path: Path) -> AsyncIterator[State]:
    """The state party at the console (Olivia organizes), with Slack and Discord connected."""
    slack, discord = RecordingMessenger(platform="slack"), RecordingMessenger(platform="discord")
    async with running_console(
        storage, tmp_path, campaign_name="State party", beside=[slack, discord]
    ) as console:
        yield State(console, console.bot, slack, discord)


async def test_the_county_that_joins_late(state: State) -> None:
    console = state.console
    assert "Created #1" in await console.type(STATEWIDE)
    # Lake County has been using Turnout on Slack on its own: a canvass, and Sam on it.
    await state.say(LAKE, "Lena", '/phonebank create "Lake canvass" 2026-11-29 10:00 2h 4')
    assert "You're in! #1 “Lake canvass”" in await state.say(LAKE, "Sam", "/phonebank join 1")
    assert "Statewide" not in await state.say(LAKE, "Sam", "/phonebank list")

    code = await state.link(LAKE)
    asked = await state.say(LAKE, "Lena", f"/turnout link {code}")
    assert "This team will join State party" in asked
    joined = await state.say(LAKE, "Lena", f"/turnout link {code} confirm")
    assert "Your shifts' new numbers: #1 is now #2." in joined

    code = await state.link(RIVER)
    asking = await state.bot.turnout.run_text(actor(RIVER, "Raj"), f"/turnout link {code}")
    joined = text_of(await state.bot.turnout.press(actor(RIVER, "Raj"), first_button(asking)))
    assert "This team is now part of State party, with console and Lake County." in joined

    # Everyone sees the statewide shift and the Lake canvass, under the campaign's numbers.
    for team, name in ((LAKE, "Sam"), (RIVER, "Ben")):
        listing = await state.say(team, name, "/phonebank list")
        assert "#1 Statewide calls" in listing and "#2 Lake canvass" in listing
    assert "You're in! #1" in await state.say(LAKE, "Sam", "/phonebank join 1")
    assert "You're in! #1" in await state.say(RIVER, "Ben", "/phonebank join 1")
    assert "You're in! #1" in await console.type(":as Maria", "/phonebank join 1")

    roster = await console.type(":as Olivia", "/phonebank roster 1")
    assert "Sam (Lake County)" in roster
    assert "Ben (River County)" in roster
    assert "Maria (console)" in roster

    # Friday evening, a day before: each is reminded on their own platform.
    shown = await console.type(":advance 4d10h")
    reminder = "⏰ Reminder: “Statewide calls” (#1) starts"
    assert any(reminder in dm for dm in state.dms(state.slack, "sam"))
    assert any(reminder in dm for dm in state.dms(state.discord, "ben"))
    assert reminder in shown
    assert not any("Statewide" in dm for dm in state.dms(state.slack, "lena"))

    # After the weekend, the numbers per team.
    await console.type(":advance 2d")
    stats = await console.type("/turnout stats all")
    assert "• By team:" in stats
    assert "– Lake County: seats filled 2," in stats
    assert "– River County: seats filled 1," in stats

    # River County leaves: its new shifts are its own, and the state's stay out of its sight.
    assert "has a campaign of its own again" in await state.say(
        RIVER, "Raj", "/turnout unlink confirm"
    )
    assert "No shifts are scheduled yet" in await state.say(RIVER, "Ben", "/phonebank list")
    await console.type('/phonebank create "Next week calls" 2026-12-05 18:00 2h 6')
    assert "Next week" not in await state.say(RIVER, "Ben", "/phonebank list")
    assert "There's no shift #3" in await state.say(RIVER, "Ben", "/phonebank join 3")
    refused = await state.say(RIVER, "Raj", "/phonebank roster 1")
    assert "There's no shift #1" in refused
    assert "Next week calls" in await state.say(LAKE, "Sam", "/phonebank list")
    # Ben's sign-up, made while linked, stays on the state's roster.
    assert "Ben (River County)" in await console.type("/phonebank roster 1")
