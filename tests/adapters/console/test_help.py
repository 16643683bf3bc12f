"""The console's own help shows slash commands the catalogue reads."""

import re

from adapters.console.chat import META_HELP
from bot.catalogue import parse
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor


def test_the_console_s_help_shows_commands_that_work() -> None:
    actor = Actor(Identity("console", "console", "olivia"), "Olivia", is_organizer=True)
    examples = re.findall(r"/[a-z]+(?: [a-z]+)?(?: \d+)?", META_HELP.splitlines()[0])
    assert len(examples) >= 3
    for example in examples:
        parse(actor, example)
