"""Weekly series as RRULEs (python-dateutil), over local wall-clock time.

A series repeats a shift's local date and time in the campaign's zone, so a 6 PM phone bank
stays at 6 PM when daylight saving starts or ends: occurrences are computed as naive local
times and only then placed in the zone.
"""

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from dateutil import rrule

from bot.domain import answer_words
from bot.domain.errors import UserError
from bot.kernel.i18n import _

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# More repeats than this is almost always a typo (ten years of weekly shifts).
MAX_TIMES = 520
MAX_EVERY = 12


def weekly_rule(
    first_local: datetime,
    *,
    every: int = 1,
    weekdays: tuple[int, ...] = (),
    until: date | None = None,
    times: int | None = None,
) -> str:
    """The RRULE text for a weekly series starting at `first_local` (naive, local time)."""
    if not 1 <= every <= MAX_EVERY:
        raise UserError(
            _(
                "A series repeats every 1 to {MAX_EVERY} weeks; type it like `weekly` "
                "or `every 2 weeks`.",
                MAX_EVERY=MAX_EVERY,
            )
        )
    if until is not None and until < first_local.date():
        raise UserError(
            _(
                "`until {until:%Y-%m-%d}` is before the shift itself "
                "({first_local:%Y-%m-%d}); pick a later end date.",
                until=until,
                first_local=first_local,
            )
        )
    if times is not None and not 1 <= times <= MAX_TIMES:
        raise UserError(
            _("A series has 1 to {MAX_TIMES} dates; type it like `times 8`.", MAX_TIMES=MAX_TIMES)
        )
    rule = rrule.rrule(
        rrule.WEEKLY,
        interval=every,
        byweekday=weekdays or None,
        # The whole `until` day counts, in local time.
        until=datetime.combine(until, time(23, 59)) if until else None,
        count=times,
        dtstart=first_local,
    )
    # str(rule) carries DTSTART too; the start is stored on its own, so keep the RRULE line.
    return next(line for line in str(rule).splitlines() if line.startswith("RRULE:"))


def check_horizon(
    rule: str, first_local: datetime, zone: ZoneInfo, *, times: int | None, through: datetime
) -> None:
    """A series of `times` dates must end by `through` (shifts are planned at most a year
    ahead); else UserError naming the most dates that fit. A series without a count grows
    on the rolling window and is never refused here."""
    if times is None:
        return
    dates = list(rrule.rrulestr(rule, dtstart=first_local))
    fits = sum(1 for local in dates if local.replace(tzinfo=zone).astimezone(UTC) <= through)
    if fits < len(dates):
        raise UserError(
            _(
                "`times {len}` would run the series more than a year ahead (to "
                "{dates:%Y-%m-%d}); the most that fits is `times {fits}`, or leave the "
                "end out and dates keep appearing 4 weeks ahead.",
                len=len(dates),
                dates=dates[-1],
                fits=fits,
            )
        )


def starts(
    rule: str, first_local: datetime, zone: ZoneInfo, *, after: datetime, through: datetime
) -> Iterator[datetime]:
    """UTC starts of the series' dates with after < start <= through, in order.

    A local time that doesn't exist that day (inside the spring-forward gap) is placed as
    reminders and the digest place one: at the same moment in real time, which the clock after
    the change reads one gap later (02:30 → 03:30 in New York). `moved` names those dates.
    """
    parsed = rrule.rrulestr(rule, dtstart=first_local)
    local_after = after.astimezone(zone).replace(tzinfo=None)
    for local in parsed.xafter(local_after, inc=False):
        start = _placed(local, zone)
        if start > through:
            return
        if start > after:
            yield start


def moved(
    rule: str, first_local: datetime, zone: ZoneInfo, *, through: datetime
) -> list[tuple[datetime, datetime]]:
    """The series' dates up to `through` whose local time falls in a spring-forward gap: each
    as the naive local time it would have had and the UTC start it gets instead."""
    found = []
    for local in rrule.rrulestr(rule, dtstart=first_local):
        start = _placed(local, zone)
        if start > through:
            break
        if start.astimezone(zone).replace(tzinfo=None) != local:
            found.append((local, start))
    return found


def _placed(local: datetime, zone: ZoneInfo) -> datetime:
    # fold=0 reads a wall time in the gap with the offset from before the change.
    return local.replace(tzinfo=zone).astimezone(UTC)


def describe(rule: str) -> str:
    """The rule as people say it: `every week on Tue and Thu until 2026-12-31`."""
    parts = dict(p.split("=", 1) for p in rule.removeprefix("RRULE:").split(";"))
    every = int(parts.get("INTERVAL", "1"))
    text = _("every week") if every == 1 else _("every {every} weeks", every=every)
    if "BYDAY" in parts:
        days = [d.title()[:2] for d in parts["BYDAY"].split(",")]
        names = {w[:2].title(): w.title() for w in WEEKDAYS}
        listed = [names[d] for d in days]
        text += " on " + (
            listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
        )
    if "UNTIL" in parts:
        until = parts["UNTIL"]
        text += _(
            " until {until}-{until2}-{until3}",
            until=until[:4],
            until2=until[4:6],
            until3=until[6:8],
        )
    if "COUNT" in parts:
        text += f", {parts['COUNT']} times"
    return text


def weekday_numbers(text: str) -> tuple[int, ...]:
    """`tue,thu` (or in Spanish, `mar,jue`) as rrule weekday numbers (Monday 0); UserError for
    anything else."""
    days = []
    for part in text.lower().split(","):
        number = answer_words.weekday(part)
        if number is None:
            raise UserError(
                _(
                    "I couldn't read “{strip}” as a weekday; list them like `on tue,thu`.",
                    strip=part.strip(),
                )
            )
        days.append(number)
    return tuple(sorted(set(days)))
