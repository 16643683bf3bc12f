"""How times, dates and spans are written for people: the one place that formats them.

Moments are shown in the reader's own zone; `at` also marks them so that Discord and Slack show
every reader their own zone. Reading what people type is the domain's job (bot/domain/timing.py);
`duration` writes a length back the way it is typed.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from babel.dates import format_skeleton, format_time, get_day_names

from bot.domain.text import without_marks
from bot.kernel.i18n import _, babel_locale, marked, ngettext


def when(moment: datetime, zone: ZoneInfo) -> str:
    """`Sat Nov 28, 6:00 PM EST` (in Spanish `sáb, 28 de nov, 6:00 p.m. EST`)."""
    local = moment.astimezone(zone)
    if (locale := babel_locale()) is not None:
        return _(
            "{day}, {time} {zone}",
            day=_babel_day(local.date(), locale),
            time=_babel_clock(local, locale),
            zone=local.tzname(),
        )
    hour = local.hour % 12 or 12
    half = "AM" if local.hour < 12 else "PM"
    return marked(f"{local:%a %b} {local.day}, {hour}:{local:%M} {half} {local.tzname()}")


def clock(moment: datetime, zone: ZoneInfo) -> str:
    """`6:00 PM`: the time of day of `moment` in `zone`, when the reader knows the day."""
    local = moment.astimezone(zone)
    if (locale := babel_locale()) is not None:
        return _babel_clock(local, locale)
    hour = local.hour % 12 or 12
    return marked(f"{hour}:{local:%M} {'AM' if local.hour < 12 else 'PM'}")


def day(moment: datetime, zone: ZoneInfo) -> str:
    """`Sat Nov 28`: the day of `moment` in `zone`."""
    return calendar_day(moment.astimezone(zone).date())


def calendar_day(on: date) -> str:
    """`Sat Nov 28`: a date with no time of day (a task's due date)."""
    if (locale := babel_locale()) is not None:
        return _babel_day(on, locale)
    return marked(f"{on:%a %b} {on.day}")


def weekday(index: int) -> str:
    """`Mon` … `Sun` (0 is Monday), in the reader's language: a weekday shown with no date."""
    if (locale := babel_locale()) is not None:
        return str(get_day_names("abbreviated", locale=locale)[index]).capitalize()
    return marked(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[index])


def _babel_day(on: date, locale: str) -> str:
    return format_skeleton("MMMEd", on, locale=locale)


def _babel_clock(local: datetime, locale: str) -> str:
    # CLDR puts a narrow no-break space before `p.m.`; a plain one reads the same everywhere.
    return format_time(local, "short", locale=locale).replace("\u202f", " ")


_DAY = timedelta(days=1)
# Up to two days, hours read naturally (`24h`, `48h` before a shift); beyond, days do.
_READ_IN_HOURS = timedelta(days=2)


def duration(length: timedelta) -> str:
    """A length much as people type it: `1h30m`, `24h`, `48h`, `15m`; whole days past two
    days as days (`14 days`, not `336h`)."""
    if length > _READ_IN_HOURS and not length % _DAY:
        return ngettext("{count} day", "{count} days", length // _DAY)
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
    every = (
        ngettext("{count} day", "{count} days", days) if days else "",
        ngettext("{count} hour", "{count} hours", hours) if hours else "",
        ngettext("{count} minute", "{count} minutes", minutes) if minutes else "",
    )
    shown = [unit for unit in every if unit][:2]
    if len(shown) == 2:
        return _("{larger} {smaller}", larger=shown[0], smaller=shown[1])
    return shown[0] if shown else _("less than a minute")


# A moment inside a text, for each adapter to show natively: a Discord timestamp, Slack date
# formatting, or `fallback` as today (the console, push previews, anything plain). Built from
# Unicode noncharacters, which people's text never keeps (`without_marks` runs on every
# command and name as it enters the core), so nobody can type one.
_OPEN, _SPLIT, _CLOSE = "\ufdd0", "\ufdd1", "\ufdd2"
_TOKEN = re.compile(f"{_OPEN}(-?\\d{{1,12}}):([FR]){_SPLIT}([^{_OPEN}{_SPLIT}{_CLOSE}]*){_CLOSE}")


class Style(StrEnum):
    """How a moment is shown where the platform can: its full date and time, or a countdown."""

    FULL = "F"
    COUNTDOWN = "R"


@dataclass(frozen=True, slots=True)
class Moment:
    """A moment found in a text: when it is, how to show it, and its plain words."""

    unix: int
    style: Style
    fallback: str


def at(moment: datetime, zone: ZoneInfo) -> str:
    """`when(moment, zone)`, marked so platforms show it in each reader's own zone."""
    return _token(moment, Style.FULL, when(moment, zone))


def countdown(moment: datetime, now: datetime) -> str:
    """`in 5 hours` until `moment`, marked so Discord keeps counting down (`<t:…:R>`)."""
    return _token(moment, Style.COUNTDOWN, _("in {span}", span=span(moment - now)))


def _token(moment: datetime, style: Style, fallback: str) -> str:
    return f"{_OPEN}{int(moment.timestamp())}:{style.value}{_SPLIT}{fallback}{_CLOSE}"


def render(text: str, show: Callable[[Moment], str]) -> str:
    """`text` with each marked moment replaced by `show(moment)`."""

    def one(match: re.Match[str]) -> str:
        return show(Moment(int(match.group(1)), Style(match.group(2)), match.group(3)))

    # A stray mark (a token cut short by a length limit) is dropped, never shown.
    return without_marks(_TOKEN.sub(one, text))


def plain(text: str) -> str:
    """`text` as today's words: each marked moment as its explicit-zone text."""
    return render(text, lambda moment: moment.fallback)


def iso(moment: datetime, zone: ZoneInfo) -> str:
    """`2026-11-28T18:00:00-05:00`: ISO 8601 in `zone` with its offset, for files (exports)."""
    return moment.astimezone(zone).isoformat(timespec="seconds")


def iso_day(moment: datetime, zone: ZoneInfo) -> str:
    """`2026-11-28`: the ISO date of `moment` in `zone` (for file names)."""
    return iso_date(moment.astimezone(zone).date())


def iso_date(on: date) -> str:
    """`2026-11-28`: a date with no time of day (a task's due date), for files."""
    return on.isoformat()
