"""How times and waits read to a person, always in their own zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo


def when(moment: datetime, zone: ZoneInfo) -> str:
    """`Sat Nov 28, 6:00 PM EST`."""
    local = moment.astimezone(zone)
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return f"{local:%a %b} {local.day}, {hour}:{local:%M} {half} {local.tzname()}"


def day(moment: datetime, zone: ZoneInfo) -> str:
    """`Sat Nov 28`."""
    local = moment.astimezone(zone)
    return f"{local:%a %b} {local.day}"


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
