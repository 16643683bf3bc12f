"""What happens to a sign-up after the seat is taken: confirmed again, checked in, debriefed.

A confirmed sign-up moves on to reconfirmed ("I'll be there"), checked in, and finally attended
or no-show. The volunteer reports for themselves (checking in, "I made it", "I couldn't make
it"); an organizer's mark wins over any self-report. The free-text note is the only personal
field here, and forget-me erases it; the counts stay, anonymous.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.errors import UserError
from bot.domain.text import N_, clean_text
from bot.domain.timing import parse_duration

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
# The organizers' confirmation check goes out this long before the start, unless the campaign
# chose another time (`/turnout confirm-check`) within these bounds, or turned it off.
CONFIRM_CHECK = timedelta(hours=12)
CONFIRM_CHECK_RANGE = (timedelta(hours=1), timedelta(hours=72))
# A volunteer who neither checked in nor answered "How did it go?" this long after the end
# counts as a no-show.
NO_ANSWER_AFTER = timedelta(hours=24)
# The "We missed you" message goes out at this local hour, in the volunteer's zone.
FOLLOW_UP_HOUR = 10


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
        """The organizer's mark if any, else the volunteer's own word, else unknown (in the
        order of `outcome`)."""
        if self.mark is Mark.HERE:
            return Presence.HERE
        if self.mark is Mark.NO_SHOW:
            return Presence.NO_SHOW
        if self.checked_in_at is not None:
            return Presence.CHECKED_IN
        if self.report is Report.MADE_IT:
            return Presence.MADE_IT
        if self.report is Report.MISSED:
            return Presence.MISSED
        return Presence.UNKNOWN

    def reconfirmed(self, now: datetime) -> "Attendance":
        return replace(self, reconfirmed_at=self.reconfirmed_at or now)

    def checked_in(self, now: datetime) -> "Attendance":
        """Here after all: an earlier "I couldn't make it" no longer stands."""
        report = None if self.report is Report.MISSED else self.report
        return replace(self, checked_in_at=self.checked_in_at or now, report=report)

    def marked(self, mark: Mark, by: int, now: datetime) -> "Attendance":
        return replace(self, mark=mark, marked_by=by, marked_at=now)

    def made_it(
        self, calls: int | None, conversations: int | None, notes: str | None, now: datetime
    ) -> "Attendance":
        """Came, with the two counts its kind asks (None: a kind that counts nothing)."""
        return replace(
            self,
            report=Report.MADE_IT,
            reported_at=now,
            calls=None if calls is None else check_count(calls, "calls"),
            conversations=None
            if conversations is None
            else check_count(conversations, "conversations"),
            notes=notes or None,
        )

    def couldnt_make_it(self, now: datetime) -> "Attendance":
        """Their latest word: a check-in before it no longer stands."""
        return replace(
            self,
            report=Report.MISSED,
            reported_at=now,
            checked_in_at=None,
            calls=None,
            conversations=None,
        )


def read_confirm_check(text: str) -> timedelta | None:
    """`12h`, `90m` (1 to 72 hours before the start) or `off` (None)."""
    typed = text.strip().casefold()
    if typed in ("off", "none", "no"):
        return None
    before = parse_duration(typed) if len(typed) < 12 else None
    low, high = CONFIRM_CHECK_RANGE
    if before is None or not low <= before <= high:
        raise UserError(
            N_(
                "Say how long before each shift organizers get the confirmation check, from 1h "
                "to 72h, like `/turnout confirm-check 12h`; or `off`."
            )
        )
    return before


class Outcome(StrEnum):
    """What one seat came to: the one answer the report, stats, history, digest, exports and
    follow-ups all give."""

    ATTENDED = "attended"
    NO_SHOW = "no-show"
    COULDNT_MAKE_IT = "couldn't make it"
    # Nothing heard yet, and it is too early to call it a no-show.
    NO_WORD = "no word yet"

    @property
    def settled(self) -> bool:
        """Counted in a show rate: everything but "no word yet"."""
        return self is not Outcome.NO_WORD


def outcome(record: Attendance, ends_at: datetime, now: datetime) -> Outcome:
    """The seat's outcome as of `now`.

    An organizer's or host's mark wins; then the volunteer's own word (checking in or "I made
    it" is attending; "I couldn't make it" is saying so); silence until NO_ANSWER_AFTER past
    the end is a no-show. storage/figures.py counts the same rule in SQL (and a test holds the
    two to it).
    """
    if record.mark is Mark.HERE:
        return Outcome.ATTENDED
    if record.mark is Mark.NO_SHOW:
        return Outcome.NO_SHOW
    if record.checked_in_at is not None or record.report is Report.MADE_IT:
        return Outcome.ATTENDED
    if record.report is Report.MISSED:
        return Outcome.COULDNT_MAKE_IT
    if now >= ends_at + NO_ANSWER_AFTER:
        return Outcome.NO_SHOW
    return Outcome.NO_WORD


def show_rate(outcomes: Iterable[Outcome]) -> float | None:
    """Attended of the settled seats; None before any seat is settled."""
    settled = [o for o in outcomes if o.settled]
    if not settled:
        return None
    return sum(1 for o in settled if o is Outcome.ATTENDED) / len(settled)


def is_late_cancellation(starts_at: datetime, now: datetime) -> bool:
    """Leaving a seat this close to the start: the organizers hear at once."""
    return starts_at - now <= LATE_CANCELLATION


def next_local_hour(after: datetime, zone: ZoneInfo, hour: int = FOLLOW_UP_HOUR) -> datetime:
    """The first moment after `after` when the wall clock in `zone` reads `hour`:00.

    Computed on the wall clock, so a daylight-saving change never moves it off the hour.
    """
    local = after.astimezone(zone)
    candidate = datetime.combine(local.date(), time(hour), tzinfo=zone)
    if candidate <= local:
        candidate = datetime.combine(local.date() + timedelta(days=1), time(hour), tzinfo=zone)
    return candidate.astimezone(UTC)


def day_after(ends_at: datetime, zone: ZoneInfo, hour: int = FOLLOW_UP_HOUR) -> datetime:
    """`hour`:00 on the local day after the shift ended."""
    local_day = ends_at.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(local_day, time(hour), tzinfo=zone).astimezone(UTC)


def check_count(value: int, what: str) -> int:
    """A debrief count: a whole number from 0 to MAX_COUNT."""
    if not 0 <= value <= MAX_COUNT:
        raise UserError(
            N_("The number of {what} should be a whole number from 0 to {most:,}, like 25."),
            what=what,
            most=MAX_COUNT,
        )
    return value


def check_conversations(
    calls: int, conversations: int, *, shift: int, notes: str | None = None
) -> None:
    """Each conversation is a call someone answered, so a debrief never has more conversations
    than calls; UserError for one that does (most often the two typed the other way round),
    whose command to type keeps a one-line note."""
    if conversations > calls:
        note = f" {notes}" if notes and "\n" not in notes and "`" not in notes else ""
        raise UserError(
            f"You gave {_counted(calls, 'call')} and {_counted(conversations, 'conversation')}, "
            "but each conversation is a call someone answered: if you made "
            f"{_counted(conversations, 'call')} and had {_counted(calls, 'conversation')}, "
            f"type `/phonebank debrief {shift} {conversations} {calls}{note}`."
        )


def _counted(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def read_notes(text: str) -> str:
    """A debrief's notes as kept: cleaned and within MAX_NOTES; "" when none were given."""
    return clean_text(text, what="note", limit=MAX_NOTES, multiline=True) if text else ""


def read_count(text: str, what: str) -> int:
    """A count as typed: `25` or `1,000`; anything else is refused with the way to write it."""
    cleaned = text.strip().replace(",", "")
    # Length first: a 5,000-digit number must never reach int() (it has a digit limit).
    if not cleaned.isdecimal() or len(cleaned) > len(str(MAX_COUNT)):
        raise UserError(
            N_("The number of {what} should be a whole number from 0 to {most:,}, like 25."),
            what=what,
            most=MAX_COUNT,
        )
    return check_count(int(cleaned), what)
