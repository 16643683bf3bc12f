"""Who is an organizer in the console: the people named with `--organizer` when it starts."""

import io

from adapters.console.chat import ConsoleChat
from adapters.console.screen import Screen
from tests.conftest import Harness


def chat(harness: Harness, out: io.StringIO, user: str) -> ConsoleChat:
    return ConsoleChat(
        turnout=harness.bot.turnout,
        wakeups=harness.bot.wakeups,
        clock=harness.clock,
        screen=Screen(out),
        user=user,
        organizers={"Olivia"},
        names={},
        campaign_name="Test campaign",
    )


async def test_a_refusal_says_how_to_start_the_console_as_an_organizer(harness: Harness) -> None:
    out = io.StringIO()

    await chat(harness, out, "Maria Lopez").handle_line("/volunteer new")

    assert (
        "Only organizers can see who is waiting to be contacted. To be one here, start "
        "`turnout console` with `--organizer 'Maria Lopez'`."
    ) in out.getvalue()
