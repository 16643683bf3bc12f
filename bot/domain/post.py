"""Live posts: channel messages that show a shift (or the board of upcoming shifts) and are
edited as it changes.

A post is remembered with the platform message it is, so it keeps updating after a restart;
a post whose message was deleted, or whose channel the bot lost, is forgotten.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# Changes within this long of the first one are shown by one edit: a burst of 50 joins is
# one edit of each post that shows the shift, not 50.
EDIT_DELAY = timedelta(seconds=2)
# Shifts a board lists; more would make one message too long to read at a glance.
BOARD_SIZE = 10
# A seat bar never gets longer than this many cells, whatever the capacity.
BAR_CELLS = 10


@dataclass(frozen=True, slots=True)
class PostRef:
    """Where a post is on its platform: enough for an adapter to edit it."""

    platform: str
    team_external_id: str
    channel: str
    # Slack's message ts, Discord's message id.
    message_id: str


@dataclass(frozen=True, slots=True)
class Post:
    id: int
    campaign_id: int
    ref: PostRef
    # The shift shown; None for the board of upcoming shifts.
    shift_id: int | None
    # The shift's start as first posted: a later start shows the shift as moved.
    posted_starts_at: datetime | None
    # A digest of what the message shows now: an edit that would show the same is skipped.
    shown: str
    # When a timed edit is queued for (the shift starts, or the board's first shift does).
    wake_at: datetime | None
    created_at: datetime

    @property
    def is_board(self) -> bool:
        return self.shift_id is None


class PostState(StrEnum):
    """What a shift's post says about it, in the order the first that applies wins."""

    CANCELLED = "cancelled"
    STARTED = "started"
    MOVED = "moved"
    FULL = "full"
    OPEN = "open"


def post_state(
    *,
    cancelled: bool,
    started: bool,
    seats_left: int,
    starts_at: datetime,
    posted_starts_at: datetime | None,
) -> PostState:
    """The state a post shows: cancelled and started end sign-ups; a moved shift says so
    first (its volunteers need to know), then full or open."""
    if cancelled:
        return PostState.CANCELLED
    if started:
        return PostState.STARTED
    if posted_starts_at is not None and starts_at != posted_starts_at:
        return PostState.MOVED
    return PostState.FULL if seats_left <= 0 else PostState.OPEN


def seat_bar(left: int, capacity: int) -> str:
    """`▰▰▰▱▱`: one filled cell per seat left, scaled to BAR_CELLS for bigger shifts.

    Any seat left shows at least one filled cell, and a shift with a seat taken never looks
    empty, so rounding never tells people the wrong thing.
    """
    capacity = max(1, capacity)
    left = min(max(0, left), capacity)
    cells = min(capacity, BAR_CELLS)
    filled = round(left * cells / capacity)
    if left and not filled:
        filled = 1
    if left < capacity and filled == cells:
        filled = cells - 1
    return "▰" * filled + "▱" * (cells - filled)
