"""Phone banks and their shifts: the seats volunteers sign up for."""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.errors import UserError
from bot.domain.kinds import PHONE_BANK, ShiftKind, Where, check_address, is_link, kind_of
from bot.domain.text import N_

# A host is required; <>"` never belong in a link and would break how it is shown.
_LINK = re.compile(r"https?://[^\s/?#<>\"`]+[^\s<>\"`]*", re.IGNORECASE)
MAX_LINK = 500
# What an organizer may send everyone on a shift at once.
MAX_ANNOUNCEMENT = 1500


class ShiftStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class PhoneBank:
    id: int
    campaign_id: int
    title: str
    # Where it happens, as its kind says: a dialer or call script, a texting platform, a
    # street address or a video link; shown in reminders.
    link: str | None
    # Its kind's id (bot.domain.kinds); every shift made before kinds is a phone bank.
    kind: str = PHONE_BANK.id


@dataclass(frozen=True, slots=True)
class Shift:
    id: int
    campaign_id: int
    # Short per-campaign number people type: `/phonebank join 3`.
    number: int
    phone_bank: PhoneBank
    starts_at: datetime
    ends_at: datetime
    capacity: int
    status: ShiftStatus
    # The weekly series this shift is one date of, if any.
    series_id: int | None = None
    # The volunteer who hosts it (a proposed phone bank, or set by an organizer).
    host_id: int | None = None
    # Its seats are split into positions (bot/domain/positions.py), each with its own waitlist.
    positioned: bool = False

    @property
    def title(self) -> str:
        return self.phone_bank.title

    @property
    def link(self) -> str | None:
        return self.phone_bank.link

    @property
    def kind(self) -> ShiftKind:
        return kind_of(self.phone_bank.kind)

    def has_started(self, now: datetime) -> bool:
        return now >= self.starts_at

    @property
    def is_cancelled(self) -> bool:
        return self.status is ShiftStatus.CANCELLED


@dataclass(frozen=True, slots=True)
class HeldShift:
    """A shift its unit of work holds for a change of seats, until that unit of work ends.

    Only storage's `shifts.hold()` makes one (a row lock on PostgreSQL, the write turn on
    SQLite), and every repository method that changes seats asks for one: a seat can't change
    on a shift nobody holds, so two commands can never count the same seats at once.
    """

    shift: Shift


@dataclass(frozen=True, slots=True)
class ShiftSeats:
    """A shift with how full it is, as lists and rosters show it."""

    shift: Shift
    confirmed: int
    waitlisted: int

    @property
    def seats_left(self) -> int:
        return max(0, self.shift.capacity - self.confirmed)


MAX_CAPACITY = 500
MIN_DURATION = timedelta(minutes=15)
MAX_DURATION = timedelta(hours=12)
# How far ahead a shift may be planned; further is almost always a typo in the year.
MAX_LEAD = timedelta(days=366)
# Typed as a shift's new link to remove the link.
NO_LINK = "-"
# Pages of upcoming shifts anyone may ask for; more is a typo.
MAX_PAGE = 1000


# Two days of margin covers any zone's offset and the longest shift.
_EARLIEST_DAY = date.min + timedelta(days=2)
_LATEST_DAY = date.max - timedelta(days=2)


def check_capacity(capacity: int) -> int:
    """The number of seats, if within 1 to MAX_CAPACITY; else UserError."""
    if not 1 <= capacity <= MAX_CAPACITY:
        raise UserError(
            N_("Capacity must be a whole number of seats from 1 to {most}, like `12`."),
            most=MAX_CAPACITY,
        )
    return capacity


def check_duration(duration: timedelta) -> timedelta:
    """The shift's length, if within MIN_DURATION to MAX_DURATION; else UserError."""
    if not MIN_DURATION <= duration <= MAX_DURATION:
        raise UserError(
            N_("A shift lasts from 15 minutes to 12 hours: write it like `2h` or `90m`.")
        )
    return duration


def check_link(link: str | None) -> str | None:
    """The dialer or script link: an http(s) address, or nothing."""
    if link is None or not link.strip():
        return None
    link = link.strip()
    if len(link) > MAX_LINK:
        raise UserError(
            N_("That link is too long; please use one under {most} characters."), most=MAX_LINK
        )
    if not _LINK.fullmatch(link) or not link.isprintable():
        raise UserError(
            N_(
                "The link should be a full web address starting with https://, without spaces, "
                "like `https://dialer.example.org/campaign`."
            )
        )
    return link


def check_where(kind: ShiftKind, where: str | None) -> str | None:
    """Where a shift of `kind` happens, as its kind allows (a link, an address, or either)."""
    if where is None or not where.strip():
        return None
    if kind.where is Where.LINK or (kind.where is Where.LINK_OR_ADDRESS and is_link(where)):
        return check_link(where)
    return check_address(where)


def check_start(starts_at: datetime, now: datetime, *, shown: str) -> datetime:
    """A shift's start, if it is ahead of `now` and within MAX_LEAD of it; else UserError.

    `shown` is the start as the reader sees it (their zone), for the sentence.
    """
    if starts_at <= now:
        raise UserError(N_("{shown} is in the past; pick a future date and time."), shown=shown)
    if starts_at - now > MAX_LEAD:
        raise UserError(N_("That's more than a year away; check the year and try again."))
    return starts_at


def shift_start(day: date, start: time, zone: ZoneInfo) -> datetime:
    """The UTC start of a shift planned on a local date and wall-clock time in `zone`."""
    # Near year 1 or 9999 the conversion to UTC (or the shift's end) overflows: refuse first.
    if not _EARLIEST_DAY <= day <= _LATEST_DAY:
        raise UserError(
            N_(
                "{day} is too far from today to plan a shift; use a date within the next "
                "year, written YYYY-MM-DD."
            ),
            day=f"{day:%Y-%m-%d}",
        )
    local = datetime.combine(day, start, tzinfo=zone)
    # A wall time inside the spring-forward gap does not exist; it would not survive a round trip.
    if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise UserError(
            N_(
                "{start} doesn't exist on {day} in {zone} because the clocks "
                "change that night; pick another time."
            ),
            start=f"{start:%H:%M}",
            day=f"{day:%Y-%m-%d}",
            zone=zone.key,
        )
    return local.astimezone(UTC)
