"""What a typed word names: a person or a group by a chat mention, else a name or handle.

Slack sends a member as `<@U123|name>` (or `<@U123>`) and a user group as
`<!subteam^S123|@handle>`; Discord sends a member as `<@123>` (`<@!123>`) and a role as
`<@&123>`. Anything else is a name: a person Turnout knows (or their #number), or a group's
handle (`@county-leads`), which the platform looks up itself.
"""

import re
from dataclasses import dataclass

from bot.domain.organizers import MAX_HANDLE
from bot.domain.text import clean_name

_PERSON = re.compile(r"<@!?([A-Za-z0-9]{1,40})(?:\|([^<>]*))?>")
_SLACK_GROUP = re.compile(r"<!subteam\^([A-Za-z0-9]{1,40})(?:\|([^<>]*))?>")
_DISCORD_ROLE = re.compile(r"<@&([0-9]{1,40})>")
_HANDLE = re.compile(rf"@?([\w][\w.-]{{0,{MAX_HANDLE - 1}}})")


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's account in the team, or a group's ID or handle; `name` as it was shown."""

    account: str
    name: str


def person(text: str) -> Mention | None:
    """The member a mention names (its label, if it has one, as their name)."""
    found = _PERSON.fullmatch(text.strip())
    if found is None:
        return None
    return Mention(found.group(1), clean_name((found.group(2) or "").removeprefix("@")))


def group(text: str) -> Mention | None:
    """The user group or role a mention names, or the handle typed (`@county-leads`)."""
    text = text.strip()
    if found := _SLACK_GROUP.fullmatch(text):
        label = clean_name(found.group(2) or "")
        return Mention(found.group(1), label if label.startswith("@") or not label else f"@{label}")
    if found := _DISCORD_ROLE.fullmatch(text):
        # Discord shows the role's name in place of the mention (it pings nobody there).
        return Mention(found.group(1), found.group(0))
    if found := _HANDLE.fullmatch(text):
        return Mention(found.group(1), f"@{found.group(1)}")
    return None


def is_markup(text: str) -> bool:
    """Whether `text` is a mention of some kind (a person, a channel, a group)."""
    return text.strip().startswith("<")
