"""Numbers for organizers: a period's figures, weekly series, the weekly digest.

The figures are counted by storage (aggregate queries); this module says what they mean, which
periods there are, how a change against the previous period is judged, and when the weekly
digest falls due in the campaign's zone (09:00 stays 09:00 across daylight saving).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain import answer_words
from bot.domain.errors import UserError
from bot.domain.kinds import KINDS
from bot.domain.text import N_

# `/turnout stats <period>`: its length in days; None is everything ever recorded.
PERIODS: dict[str, int | None] = {"7d": 7, "30d": 30, "90d": 90, "all": None}
DEFAULT_PERIOD = "30d"
# The most active volunteers shown.
TOP_VOLUNTEERS = 5
# The chart's weeks.
CHART_WEEKS = 12
# A shift is at risk when its projected headcount (confirmed × show rate) is below this share.
AT_RISK_BELOW = 0.6
# The show rate that projects the week ahead is the campaign's over this span.
SHOW_RATE_OVER = timedelta(days=90)
# A digest this late (the bot was down) is skipped; the next one is queued all the same.
DIGEST_STALE_AFTER = timedelta(days=1)
# The week ahead lists at most this many shifts per heading; the rest are counted.
DIGEST_LIST = 8
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """What happened in one period, counted from shifts that started in it.

    `seats_filled` counts the sign-ups confirmed when their shift began ("confirmed at the
    start"); attendance, confirmations and debrief counts are theirs. Each seat's outcome is
    bot.domain.attendance.outcome's: attended, no-show, couldn't make it, or no word yet
    (the rest); the show rate counts the settled ones. Newcomers are those who
    joined in the period; `waiting_now` is everyone not contacted yet, whenever they joined.
    """

    shifts_held: int = 0
    shifts_cancelled: int = 0
    seats_offered: int = 0
    seats_filled: int = 0
    reconfirmed: int = 0
    attended: int = 0
    no_shows: int = 0
    couldnt_make_it: int = 0
    calls: int = 0
    conversations: int = 0
    new_volunteers: int = 0
    contacted: int = 0
    # Seconds from joining to the first contact, the median over those contacted; None: none.
    median_contact_seconds: float | None = None
    waiting_now: int = 0
    tasks_done: int = 0
    # Asked for: who attended most shifts (then made most calls), named ones only.
    most_active: tuple["ActiveVolunteer", ...] = ()
    # Each kind's own figures (bot.domain.kinds), in the kinds' order; its two counts are
    # what that kind counts (calls for phone banks, doors for canvasses).
    by_kind: tuple["KindFigures", ...] = ()

    @property
    def fill_rate(self) -> float | None:
        return ratio(self.seats_filled, self.seats_offered)

    @property
    def reconfirm_rate(self) -> float | None:
        return ratio(self.reconfirmed, self.seats_filled)

    @property
    def settled(self) -> int:
        return self.attended + self.no_shows + self.couldnt_make_it

    @property
    def no_word(self) -> int:
        return self.seats_filled - self.settled

    @property
    def show_rate(self) -> float | None:
        """Attended of the seats whose outcome is known: a shift just over, with nobody heard
        from yet, neither lowers nor raises it."""
        return ratio(self.attended, self.settled)


@dataclass(frozen=True, slots=True)
class KindFigures:
    """One kind's shifts held in a period, seats attended, and its debriefs' two counts."""

    kind: str
    shifts_held: int
    attended: int
    first: int
    second: int


@dataclass(frozen=True, slots=True)
class ActiveVolunteer:
    number: int
    name: str
    shifts: int
    calls: int


@dataclass(frozen=True, slots=True)
class KindWeek:
    """One kind's share of a week of the chart: its seats filled and attended."""

    kind: str
    filled: int
    attended: int


@dataclass(frozen=True, slots=True)
class WeekFigures:
    """One week of the chart: seats filled on shifts that started that week, how many of
    them are settled (bot.domain.attendance.Outcome.settled), and attended; and each kind's
    share of them (only kinds with a seat filled, in the kinds' order)."""

    starts: datetime
    filled: int
    settled: int
    attended: int
    by_kind: tuple[KindWeek, ...] = ()

    @property
    def show_rate(self) -> float | None:
        """None for a week with no settled seat: the chart draws no point, not 0%."""
        return ratio(self.attended, self.settled)


def week_of_kinds(starts: datetime, rows: Iterable[tuple[str, int, int, int]]) -> WeekFigures:
    """A week from each kind's (kind, filled, settled, attended): its totals, and each kind's
    share in the kinds' order."""
    order = {kind.id: index for index, kind in enumerate(KINDS)}
    shares = sorted(rows, key=lambda row: order.get(row[0], len(order)))
    return WeekFigures(
        starts,
        filled=sum(row[1] for row in shares),
        settled=sum(row[2] for row in shares),
        attended=sum(row[3] for row in shares),
        by_kind=tuple(KindWeek(kind, filled, attended) for kind, filled, _s, attended in shares),
    )


@dataclass(frozen=True, slots=True)
class UpcomingShift:
    number: int
    title: str
    starts_at: datetime
    capacity: int
    confirmed: int

    @property
    def open_seats(self) -> int:
        return max(0, self.capacity - self.confirmed)

    @property
    def fill(self) -> float:
        return self.confirmed / self.capacity if self.capacity else 1.0

    def at_risk(self, show_rate: float) -> bool:
        """Projected headcount (confirmed × the campaign's show rate) below 60% of the seats."""
        return self.confirmed * show_rate < AT_RISK_BELOW * self.capacity


def ratio(part: int, whole: int) -> float | None:
    """`part / whole`, or None when there is no whole to be a share of."""
    return part / whole if whole else None


def period_days(text: str) -> int | None:
    """`7d`, `30d`, `90d` or `all` (None); anything else is refused with what to type."""
    key = text.strip().lower() or DEFAULT_PERIOD
    if key not in PERIODS:
        raise UserError(
            N_("Pick the period as `7d`, `30d`, `90d` or `all`, like `/turnout stats 30d`.")
        )
    return PERIODS[key]


@dataclass(frozen=True, slots=True)
class DigestSchedule:
    """When the weekly digest goes out, in the campaign's zone; `weekday` None means off.

    `weekday` counts from Monday (0), as `datetime.weekday()` does.
    """

    weekday: int | None = 0
    at: time = time(9, 0)

    @property
    def is_off(self) -> bool:
        return self.weekday is None

    def next_after(self, moment: datetime, zone: ZoneInfo) -> datetime | None:
        """The first digest strictly after `moment`, as UTC; None when the digest is off.

        Computed on the wall clock, so 09:00 stays 09:00 local in a daylight-saving week; a
        time skipped by the clock change goes out at the same moment an hour later.
        """
        if self.weekday is None:
            return None
        local = moment.astimezone(zone)
        ahead = (self.weekday - local.weekday()) % 7
        for weeks in (0, 1):
            day = local.date() + timedelta(days=ahead + 7 * weeks)
            candidate = datetime.combine(day, self.at, tzinfo=zone)
            # Normalise a wall time in a DST gap by going through UTC and back.
            at = candidate.astimezone(UTC)
            if at > moment:
                return at
        raise AssertionError("unreachable: a week ahead is always after now")


DEFAULT_DIGEST = DigestSchedule()


def read_digest(text: str) -> DigestSchedule:
    """`off`, or `<weekday> <HH:MM>` (`monday 09:00`, `mon 9:00`, `lunes 09:00`); else a sentence
    saying how."""
    words = text.strip().lower().split()
    if words == ["off"]:
        return DigestSchedule(weekday=None)
    if len(words) != 2:
        raise UserError(
            N_(
                "I couldn't read that. "
                "Type `/turnout digest off` or a weekday and a 24-hour time, like "
                "`/turnout digest monday 09:00`."
            )
        )
    day, clock = words
    number = answer_words.weekday(day)
    if number is None:
        raise UserError(
            N_(
                "I don't know the weekday in that. "
                "Type `/turnout digest off` or a weekday and a 24-hour time, like "
                "`/turnout digest monday 09:00`."
            )
        )
    hour, _, minute = clock.partition(":")
    if not (hour.isdecimal() and minute.isdecimal() and len(hour) <= 2 and len(minute) == 2):
        raise UserError(
            N_(
                "I couldn't read the time. "
                "Type `/turnout digest off` or a weekday and a 24-hour time, like "
                "`/turnout digest monday 09:00`."
            )
        )
    if not (0 <= int(hour) <= 23 and 0 <= int(minute) <= 59):
        raise UserError(
            N_(
                "That time isn't on the clock. "
                "Type `/turnout digest off` or a weekday and a 24-hour time, like "
                "`/turnout digest monday 09:00`."
            )
        )
    return DigestSchedule(weekday=number, at=time(int(hour), int(minute)))


def week_starts(now: datetime, zone: ZoneInfo, weeks: int = CHART_WEEKS) -> list[datetime]:
    """The Mondays 00:00 local (as UTC) that bound the last `weeks` weeks, the current one
    last, plus the next Monday: `weeks + 1` bounds, oldest first."""
    local = now.astimezone(zone)
    monday = local.date() - timedelta(days=local.weekday())
    days = [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks + 1)]
    return [datetime.combine(d, time(0), tzinfo=zone).astimezone(UTC) for d in days]
