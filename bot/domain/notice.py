"""Notices: every message Turnout owes someone, kept as a row until it is delivered.

A reminder is a notice due some hours before a shift; a promotion, a cancellation, an
announcement or an organizer alert is a notice due now. Keeping them all in one durable queue
means a crash or restart never loses one, and one dispatcher handles rate limits and retries.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class NoticeKind(StrEnum):
    # To a volunteer
    WELCOME = "welcome"
    SHIFT_REMINDER = "shift_reminder"
    PROMOTED = "promoted"
    SHIFT_CANCELLED = "shift_cancelled"
    ANNOUNCEMENT = "announcement"
    # After the sign-up
    CHECK_IN = "check_in"
    DEBRIEF = "debrief"
    # "We missed you" (or "hope to see you soon") the day after, and the organizers' nudge.
    MISSED_YOU = "missed_you"
    NUDGE = "nudge"
    # A seat opened close to the start: offered to the first on the waitlist, or the offer ran out.
    SEAT_OFFERED = "seat_offered"
    OFFER_LAPSED = "offer_lapsed"
    # An organizer changed the shift.
    SHIFT_MOVED = "shift_moved"
    LINK_CHANGED = "link_changed"
    BACK_ON_WAITLIST = "back_on_waitlist"
    BOOKED = "booked"
    UNBOOKED = "unbooked"
    MOVED_BY_ORGANIZER = "moved_by_organizer"
    PROPOSAL_APPROVED = "proposal_approved"
    PROPOSAL_DECLINED = "proposal_declined"
    # An organizer made them the host of a shift: what they can now do on it.
    HOST_SET = "host_set"
    # In the volunteers channel, mentioning them: their DMs are closed to the bot.
    DMS_CLOSED = "dms_closed"
    # A cancelled weekly series: one message for all the dates a volunteer was on.
    DATES_CANCELLED = "dates_cancelled"
    # An organizer cancelled, or changed, a task they hold a slot of.
    TASK_CANCELLED = "task_cancelled"
    TASK_CHANGED = "task_changed"
    # To the organizers
    NEW_VOLUNTEER = "new_volunteer"
    VOLUNTEER_ONBOARDED = "volunteer_onboarded"
    STILL_UNCONTACTED = "still_uncontacted"
    DELIVERY_FAILED = "delivery_failed"
    WRAP_UP = "wrap_up"
    # The weekly digest with its chart; the next is queued as one is sent.
    DIGEST = "digest"
    LATE_CANCELLATION = "late_cancellation"
    CONFIRM_CHECK = "confirm_check"
    TWO_MISSES = "two_misses"
    # A volunteer offers to host a phone bank.
    PROPOSAL = "proposal"
    # A volunteer finished their slot of a task (and maybe the whole task).
    TASK_DONE = "task_done"
    # Live posts: put a shift's (or the board's) post up in a channel; edit one as
    # its shift changes. Neither is for a person: the payload names the channel or the post.
    LIVE_POST = "live_post"
    POST_EDIT = "post_edit"
    # To whoever asked for a live post that could not be put up (the bot isn't in the channel).
    POST_FAILED = "post_failed"
    # Personal data left the system: an export was made.
    EXPORT_MADE = "export_made"


class NoticeState(StrEnum):
    PENDING = "pending"
    # Claimed by a dispatcher; if its lease runs out (the process died) it is claimed again.
    SENDING = "sending"
    SENT = "sent"
    # Its moment passed while the bot was down; sending it now would only confuse.
    SKIPPED = "skipped"
    CANCELLED = "cancelled"
    FAILED = "failed"


# How often organizers may hear that one person updated their answers.
ANSWERS_EVERY = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Notice:
    id: int
    campaign_id: int
    kind: NoticeKind
    due_at: datetime
    # The volunteer to message; None means the campaign's organizers.
    volunteer_id: int | None = None
    shift_id: int | None = None
    signup_id: int | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)
    state: NoticeState = NoticeState.PENDING
    attempts: int = 0
    last_error: str | None = None

    @property
    def to_organizers(self) -> bool:
        return self.volunteer_id is None


@dataclass(frozen=True, slots=True)
class NewNotice:
    """A notice to queue; storage gives it an id and the pending state."""

    campaign_id: int
    kind: NoticeKind
    due_at: datetime
    volunteer_id: int | None = None
    shift_id: int | None = None
    signup_id: int | None = None
    payload: Mapping[str, Any] = field(default_factory=dict)


MAX_ATTEMPTS = 8


def retry_delay(attempts: int) -> timedelta:
    """Backoff after a transient delivery failure: 5 s, 10 s, 20 s … capped at 10 minutes."""
    return min(timedelta(seconds=5 * 2 ** max(0, attempts - 1)), timedelta(minutes=10))
