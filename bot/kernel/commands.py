"""Commands: the orders a person gives, however they gave them (slash command, button, form).

Each carries the Actor who gave it. Adapters build them; `bot.kernel.intake.grammar` builds
them from text.
"""

import dataclasses
from dataclasses import dataclass
from typing import Any

from bot.domain.campaign import Identity
from bot.domain.text import clean_name, without_marks
from bot.domain.timing import known_zone
from bot.kernel.i18n import language_of


@dataclass(frozen=True, slots=True)
class Actor:
    identity: Identity
    display_name: str
    # Decided by the adapter from the team's configuration; checked by the core.
    is_organizer: bool = False
    team_name: str = ""
    # The channel the command was given in (a Slack channel or Discord channel id; the
    # console's channel name), where a live post goes; "" when unknown.
    channel: str = ""
    # The IANA zone the platform's profile names (Slack's `tz`), if it names a known one.
    timezone: str = ""
    # How someone becomes an organizer in this team, in one sentence: the adapter knows its
    # platform's rule (a role, a user group, a list in its settings). Refusals end with it.
    becoming_organizer: str = ""
    # Who the platform's own rule makes organizers in this team, as an N_-marked sentence the
    # core translates for its reader (`/turnout organizers` shows it); "" when unknown.
    organizer_rule: str = ""
    # The language the platform says the person reads (Discord's interaction locale, Slack's
    # member locale, the console's `--lang`), as an offered language code; "" when unknown.
    locale: str = ""

    def __post_init__(self) -> None:
        # Names enter the core here, from every platform: cleaned once, for messages and logs.
        object.__setattr__(self, "display_name", clean_name(self.display_name))
        object.__setattr__(self, "team_name", clean_name(self.team_name))
        if self.timezone and not known_zone(self.timezone):
            object.__setattr__(self, "timezone", "")
        object.__setattr__(self, "locale", language_of(self.locale))


@dataclass(frozen=True, slots=True)
class Command:
    actor: Actor


def unmarked(command: Command) -> Command:
    """`command` with the time marks (bot/kernel/timefmt.py) taken out of every text it carries.

    Discord's typed options reach here as commands, not text, so this is the one door all
    people's words pass; a title can then never pass for a time Turnout wrote.
    """
    changes: dict[str, Any] = {
        f.name: without_marks(value)
        for f in dataclasses.fields(command)
        if isinstance(value := getattr(command, f.name), str) and without_marks(value) != value
    }
    return dataclasses.replace(command, **changes) if changes else command
