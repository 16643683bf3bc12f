"""Durations people type, and when a reminder falls due."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.errors import UserError
from bot.domain.text import N_

DEFAULT_REMINDER_OFFSETS = (timedelta(hours=24), timedelta(hours=1))
MAX_REMINDERS = 4
MIN_REMINDER = timedelta(minutes=5)
MAX_REMINDER = timedelta(days=14)
# The longest IANA zone name is 32 characters; anything past this is not one.
MAX_ZONE_NAME = 64
_DURATION = re.compile(r"(?:(\d{1,3})d)?(?:(\d{1,4})h)?(?:(\d{1,5})m)?", re.IGNORECASE)
_DAY = timedelta(days=1)


def parse_duration(text: str) -> timedelta | None:
    """`2h`, `90m`, `1h30m`, `2d` → timedelta; None when the text is not a duration."""
    match = _DURATION.fullmatch(text.strip())
    if not match or not any(match.groups()):
        return None
    days, hours, minutes = (int(part or 0) for part in match.groups())
    return timedelta(days=days, hours=hours, minutes=minutes)


def parse_reminder_offsets(text: str) -> tuple[timedelta, ...]:
    """`24h,1h` → offsets before a shift, longest first, duplicates dropped."""
    offsets: set[timedelta] = set()
    for part in text.replace(" ", "").split(","):
        offset = parse_duration(part) if part else None
        if offset is None:
            raise UserError(
                N_(
                    "I couldn't read `{part}` as a time before the shift. "
                    "Use hours or minutes separated by commas, like `24h,1h` or `2h,30m`."
                ),
                part=part,
            )
        if not MIN_REMINDER <= offset <= MAX_REMINDER:
            raise UserError(
                N_(
                    "`{part}` is out of range: reminders can go out between 5 minutes "
                    "and 14 days before a shift."
                ),
                part=part,
            )
        offsets.add(offset)
    if len(offsets) > MAX_REMINDERS:
        raise UserError(N_("That's a lot of reminders: choose at most {most}."), most=MAX_REMINDERS)
    return tuple(sorted(offsets, reverse=True))


def reminder_due(starts_at: datetime, offset: timedelta, zone: ZoneInfo) -> datetime:
    """When a reminder `offset` before a shift goes out.

    Whole days count on the wall clock of the zone the shift was planned in, so a 24 h reminder
    for an 18:00 shift arrives at 18:00 the day before even across a daylight-saving change;
    the remainder counts in real time.
    """
    days, remainder = divmod(offset, _DAY)
    # Arithmetic on a zoneinfo-aware datetime moves the wall clock; the UTC offset of the
    # result is then looked up afresh for the new date.
    wall = starts_at.astimezone(zone) - days * _DAY
    return wall.astimezone(starts_at.tzinfo) - remainder


def known_zone(name: str) -> bool:
    """Whether `name` is an IANA zone Turnout can show times in (a platform's profile zone)."""
    try:
        parse_zone(name)
    except UserError:
        return False
    return True


def parse_zone(text: str) -> ZoneInfo:
    """An IANA zone like `America/Chicago`, or a friendly UserError."""
    name = text.strip()
    try:
        if not name or ".." in name or name.startswith("/"):
            raise ValueError(name)
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        raise UserError(
            N_(
                "I don't know the time zone “{name}”. Use a zone name like `America/Chicago`, "
                "`America/New_York` or `Europe/Berlin`."
            ),
            name=name[:60],
        ) from None
