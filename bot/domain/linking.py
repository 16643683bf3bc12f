"""Linking teams into one campaign: the one-time code an organizer hands to another team."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.campaign import Counter

# How long a link code works after it is made.
LINK_CODE_LIFETIME = timedelta(hours=24)
# Letters and digits nobody misreads (no 0/O, 1/I/L); 12 of them are 60 bits.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
_GROUPS = 3
_GROUP = 4


def new_link_code() -> str:
    """A fresh random code, like `K7QM-4XPA-ZR2T`."""
    letters = "".join(secrets.choice(_ALPHABET) for _ in range(_GROUPS * _GROUP))
    return "-".join(letters[i : i + _GROUP] for i in range(0, len(letters), _GROUP))


def looks_like_link_code(text: str) -> bool:
    """Whether `text`, spaces, dashes and case aside, has the shape of a code."""
    letters = _letters(text)
    return len(letters) == _GROUPS * _GROUP and all(c in _ALPHABET for c in letters)


def link_code_hash(text: str) -> str:
    """What is stored for a code (never the code): its SHA-256, read however it was typed."""
    return hashlib.sha256(_letters(text).encode()).hexdigest()


def _letters(text: str) -> str:
    return "".join(c for c in text.upper() if c not in "- ")


@dataclass(frozen=True, slots=True)
class LinkCode:
    """A stored code: the campaign it joins, the team that made it, and its state."""

    id: int
    campaign_id: int
    team_id: int
    expires_at: datetime
    presented_by: int | None
    used_at: datetime | None

    def expired(self, now: datetime) -> bool:
        return now >= self.expires_at


@dataclass(frozen=True, slots=True)
class Renumbered:
    """A shift, task or volunteer of the joining team, and its number in the joined campaign."""

    counter: Counter
    old: int
    new: int
    # The row's id (the shift's, task's or volunteer's), which keeps.
    row_id: int


@dataclass(frozen=True, slots=True)
class TeamFigures:
    """One team's share of a period's numbers (None team: erased volunteers, who have none)."""

    team: str | None
    seats_filled: int
    attended: int
    calls: int
    new_volunteers: int


@dataclass(frozen=True, slots=True)
class TeamShare:
    """What erasing a team takes with it: its campaign's shifts (with their sign-ups) and
    tasks when the campaign is the team's alone, and the volunteers only this team reaches."""

    shifts: int
    signups: int
    tasks: int
    volunteers: int
