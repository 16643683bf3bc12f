"""Rules for text that people write and other people read."""

import re
import unicodedata

from bot.domain.errors import UserError

# Shift and task titles, and names people type, fit a line of a list.
MAX_TITLE = 100
MAX_NAME = 100

# Mass or role pings on any platform: Slack's <!channel>, Discord's @everyone and <@&role>.
_MASS_MENTION = re.compile(
    r"@(everyone|here|channel)\b|<!(channel|here|everyone)[^>]*>|<@&\d+>", re.I
)


def clean_text(text: str, *, what: str, limit: int, multiline: bool = False) -> str:
    """Trim and check text a person wrote; raise a friendly UserError if it can't be shown."""
    cleaned = text.strip()
    if not cleaned:
        raise UserError(f"The {what} is empty: please write a few words.")
    allowed = "\n\t" if multiline else ""
    if any(unicodedata.category(c) in ("Cc", "Cf") and c not in allowed for c in cleaned):
        raise UserError(f"The {what} contains control characters; please type it as plain text.")
    if len(cleaned) > limit:
        raise UserError(
            f"The {what} is {len(cleaned):,} characters long; please keep it under {limit}."
        )
    if _MASS_MENTION.search(cleaned):
        raise UserError(
            f"The {what} can't mention @everyone, @here, a channel or a role. "
            "Turnout messages the right people itself; please remove the mention."
        )
    return cleaned
