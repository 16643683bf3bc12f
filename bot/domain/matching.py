"""Which kinds of shift fit a volunteer: the welcome's interests, each served by kinds.

Someone who told us no interests fits every kind; anyone who told us some also fits trainings,
which prepare people for all of them.
"""

from bot.domain.kinds import (
    CANVASS,
    MEETING,
    OFFICE_SHIFT,
    PHONE_BANK,
    TEXT_BANK,
    TRAINING,
    ShiftKind,
)
from bot.domain.volunteer import Interest, Profile

# Each interest the welcome asks about, and the kinds of shift that serve it.
SERVED_BY: dict[Interest, frozenset[ShiftKind]] = {
    Interest.PHONE_BANKING: frozenset({PHONE_BANK}),
    Interest.FUNDRAISING_CALLS: frozenset({PHONE_BANK}),
    Interest.HOSTING: frozenset({PHONE_BANK}),
    Interest.CANVASSING: frozenset({CANVASS}),
    Interest.TEXTING: frozenset({TEXT_BANK}),
    Interest.DATA_ENTRY: frozenset({OFFICE_SHIFT}),
    Interest.EVENTS: frozenset({MEETING}),
}


def kinds_for(profile: Profile | None) -> frozenset[ShiftKind] | None:
    """The kinds that fit what the volunteer told us; None: every kind (they told us none)."""
    if profile is None or not profile.interests:
        return None
    served = frozenset().union(*(SERVED_BY[interest] for interest in profile.interests))
    return served | {TRAINING}


def fits(profile: Profile | None, kind: ShiftKind) -> bool:
    """Whether a shift of `kind` fits the volunteer's interests."""
    wanted = kinds_for(profile)
    return wanted is None or kind in wanted
