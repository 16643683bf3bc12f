"""How times, dates and spans are written for people: the one place that formats them.

Moments are shown in the reader's own zone. Reading what people type is the domain's job
(bot/domain/timing.py); `duration` writes a length back the way it is typed.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo


def when(moment: datetime, zone: ZoneInfo) -> str:
    """`Sat Nov 28, 6:00 PM EST`."""
    local = moment.astimezone(zone)
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return f"{local:%a %b} {local.day}, {hour}:{local:%M} {half} {local.tzname()}"


def day(moment: datetime, zone: ZoneInfo) -> str:
    """`Sat Nov 28`: the day of `moment` in `zone`."""
    return calendar_day(moment.astimezone(zone).date())


def calendar_day(on: date) -> str:
    """`Sat Nov 28`: a date with no time of day (a task's due date)."""
    return f"{on:%a %b} {on.day}"


_DAY = timedelta(days=1)
# Up to two days, hours read naturally (`24h`, `48h` before a shift); beyond, days do.
_READ_IN_HOURS = timedelta(days=2)


def duration(length: timedelta) -> str:
    """A length much as people type it: `1h30m`, `24h`, `48h`, `15m`; whole days past two
    days as days (`14 days`, not `336h`)."""
    if length > _READ_IN_HOURS and not length % _DAY:
        return f"{length // _DAY} days"
    minutes = int(length.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return f"{hours}h{minutes}m"
    return f"{hours}h" if hours else f"{minutes}m"


def span(length: timedelta) -> str:
    """`2 days 3 hours`, `1 hour`, `45 minutes`: the two largest units, to the nearest minute.

    Rounding (not truncating) keeps a reminder sent a few milliseconds late at "1 day".
    """
    minutes = max(0, round(length.total_seconds() / 60))
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    parts = [(days, "day"), (hours, "hour"), (minutes, "minute")]
    shown = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n][:2]
    return " ".join(shown) or "less than a minute"


def iso(moment: datetime, zone: ZoneInfo) -> str:
    """`2026-11-28T18:00:00-05:00`: ISO 8601 in `zone` with its offset, for files (exports)."""
    return moment.astimezone(zone).isoformat(timespec="seconds")


def iso_day(moment: datetime, zone: ZoneInfo) -> str:
    """`2026-11-28`: the ISO date of `moment` in `zone` (for file names)."""
    return iso_date(moment.astimezone(zone).date())


def iso_date(on: date) -> str:
    """`2026-11-28`: a date with no time of day (a task's due date), for files."""
    return on.isoformat()
