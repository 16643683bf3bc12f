"""What happens to a sign-up after the seat is taken: confirmed again, checked in, debriefed.

A confirmed sign-up moves on to reconfirmed ("I'll be there"), checked in, and finally attended
or no-show. The volunteer reports for themselves (checking in, "I made it", "I couldn't make
it"); an organizer's mark wins over any self-report. The free-text note is the only personal
field here, and forget-me erases it; the counts stay, anonymous.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.errors import UserError

# Debrief counts are whole numbers in this range.
MAX_COUNT = 1000
MAX_NOTES = 1000
# Checking in opens this long before the start and closes at the end.
CHECKIN_OPENS = timedelta(minutes=30)
# Organizers may change marks until this long after the end.
MARKS_OPEN_FOR = timedelta(days=7)
# Reminders at least this far ahead carry "I'll be there".
CONFIRM_AHEAD = timedelta(hours=12)
# "How did it go?" goes out this long after the end.
DEBRIEF_AFTER = timedelta(minutes=15)
# Leaving this close to the start tells the organizers at once.
LATE_CANCELLATION = timedelta(hours=24)
# The organizers' wrap-up goes out this long after the end.
WRAP_UP_AFTER = timedelta(hours=2)


class Report(StrEnum):
    """What the volunteer said about the shift afterwards."""

    MADE_IT = "made_it"
    MISSED = "missed"


class Mark(StrEnum):
    """An organizer's word on whether the volunteer came."""

    HERE = "here"
    NO_SHOW = "no_show"


class Presence(StrEnum):
    """How the attendance view shows one volunteer."""

    HERE = "here (marked)"
    NO_SHOW = "no-show"
    CHECKED_IN = "checked in"
    MADE_IT = "said they made it"
    MISSED = "said they couldn't make it"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Attendance:
    """The after-sign-up record of one sign-up; an empty one until something happens."""

    signup_id: int
    reconfirmed_at: datetime | None = None
    checked_in_at: datetime | None = None
    report: Report | None = None
    reported_at: datetime | None = None
    mark: Mark | None = None
    marked_by: int | None = None
    marked_at: datetime | None = None
    calls: int | None = None
    conversations: int | None = None
    notes: str | None = None

    @property
    def presence(self) -> Presence:
        """The organizer's mark if any, else the volunteer's own word, else unknown."""
        if self.mark is Mark.HERE:
            return Presence.HERE
        if self.mark is Mark.NO_SHOW:
            return Presence.NO_SHOW
        if self.report is Report.MISSED:
            return Presence.MISSED
        if self.checked_in_at is not None:
            return Presence.CHECKED_IN
        if self.report is Report.MADE_IT:
            return Presence.MADE_IT
        return Presence.UNKNOWN

    @property
    def attended(self) -> bool:
        return self.presence in (Presence.HERE, Presence.CHECKED_IN, Presence.MADE_IT)

    @property
    def missed(self) -> bool:
        return self.presence in (Presence.NO_SHOW, Presence.MISSED)

    def reconfirmed(self, now: datetime) -> "Attendance":
        return replace(self, reconfirmed_at=self.reconfirmed_at or now)

    def checked_in(self, now: datetime) -> "Attendance":
        return replace(self, checked_in_at=self.checked_in_at or now)

    def marked(self, mark: Mark, by: int, now: datetime) -> "Attendance":
        return replace(self, mark=mark, marked_by=by, marked_at=now)

    def made_it(
        self, calls: int, conversations: int, notes: str | None, now: datetime
    ) -> "Attendance":
        return replace(
            self,
            report=Report.MADE_IT,
            reported_at=now,
            calls=check_count(calls, "calls"),
            conversations=check_count(conversations, "conversations"),
            notes=notes or None,
        )

    def couldnt_make_it(self, now: datetime) -> "Attendance":
        return replace(self, report=Report.MISSED, reported_at=now, calls=None, conversations=None)


def check_count(value: int, what: str) -> int:
    """A debrief count: a whole number from 0 to MAX_COUNT."""
    if not 0 <= value <= MAX_COUNT:
        raise UserError(
            f"The number of {what} should be a whole number from 0 to {MAX_COUNT:,}, like 25."
        )
    return value


def read_count(text: str, what: str) -> int:
    """A count as typed: `25` or `1,000`; anything else is refused with the way to write it."""
    cleaned = text.strip().replace(",", "")
    # Length first: a 5,000-digit number must never reach int() (it has a digit limit).
    if not cleaned.isdecimal() or len(cleaned) > len(str(MAX_COUNT)):
        raise UserError(
            f"The number of {what} should be a whole number from 0 to {MAX_COUNT:,}, like 25."
        )
    return check_count(int(cleaned), what)
