"""Reading the values people type in commands.

Words and quoted titles, numbers, dates, start times, shift lengths, links, time zones and
reminder times. Each reader returns a clean value or raises a UserError whose sentence says what
to type instead; the errors quote back only short, harmless echoes of what was typed.
"""

import difflib
import functools
import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.domain.campaign import MAX_NUMBER
from bot.domain.errors import UserError
from bot.domain.kinds import check_address, is_link
from bot.domain.phonebank import check_duration, check_link
from bot.domain.text import MAX_TITLE, clean_text
from bot.domain.timing import MAX_ZONE_NAME, parse_duration, parse_reminder_offsets
from bot.kernel.i18n import _
from bot.kernel.intake.examples import SHIFT_DAY, fill


@dataclass(frozen=True, slots=True)
class Usage:
    """How one subcommand is typed, an example that works, and what it does.

    The example's dates are marks (bot/kernel/intake/examples.py), written out from the clock
    as an error leaves Turnout; `example_on` writes them out for a given day.
    """

    syntax: str
    example: str
    summary: str

    def example_on(self, today: date) -> str:
        """The example as typed on `today`, its dates ahead of it."""
        return fill(self.example, today)


# Reminder times as typed, `24h,1h`: a handful of short durations fit easily.
MAX_REMINDER_TEXT = 100

# Phones and Slack turn " into typographic quotes, not always in matching pairs, so any of
# these opens a quoted group and any of them closes it. Apostrophes never quote (Maria's).
_QUOTES = '"“”„'
_QUOTE = re.compile(f"[{_QUOTES}]")
_BARE = re.compile(r"\S+")
_NUMBER = re.compile(r"#?([0-9]+)")
_NEGATIVE = re.compile(r"#?-[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_CLOCK_24 = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_CLOCK_12 = re.compile(r"([0-9]{1,2})(?::([0-9]{2}))?([ap])\.?m\.?", re.IGNORECASE)
_BARE_CLOCK = re.compile(r"[0-9]{1,2}(?::[0-9]{2})?")
_MERIDIEM = ("am", "pm", "a.m.", "p.m.")
_REMINDER_TEXT = re.compile(rf"[0-9a-zA-Z, ]{{1,{MAX_REMINDER_TEXT}}}")
# Characters that could ping or turn into markup if an echo of the input reached a platform.
_UNSAFE_ECHO = frozenset("`<>@&")


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    # Quoted words are never keywords, and only they may hold spaces.
    quoted: bool


class Words:
    """A cursor over the text after the command name that knows the usage to teach on errors."""

    def __init__(self, text: str, usage: Usage) -> None:
        self._text = text
        self._pos = 0
        self.usage = usage

    def take(self) -> Word | None:
        """The next word or quoted group, or None at the end of the line."""
        bare = _BARE.search(self._text, self._pos)
        if bare is None:
            self._pos = len(self._text)
            return None
        start = bare.start()
        if self._text[start] not in _QUOTES:
            self._pos = bare.end()
            return Word(bare.group(), quoted=False)
        close = _QUOTE.search(self._text, start + 1)
        if close is None:
            raise UserError(
                _(
                    "I couldn't find the closing quote after {shown}. Put the text between "
                    'a pair of double quotes, like `"Saturday calls"`.',
                    shown=shown(self._text[start:]),
                )
            )
        self._pos = close.end()
        return Word(self._text[start + 1 : close.start()], quoted=True)

    def peek_bare(self) -> str | None:
        """The next run of non-space characters, quotes and all, without moving on.

        Peeking never reads quotes, so it cannot fail on free text that follows.
        """
        bare = _BARE.search(self._text, self._pos)
        return bare.group() if bare else None

    def need(self, what: str) -> Word:
        word = self.take()
        if word is None:
            raise UserError(_("I'm missing {what}. {hint}", what=what, hint=self.hint))
        return word

    def rest(self) -> str:
        """Everything not read yet, verbatim apart from the whitespace around it."""
        rest = self._text[self._pos :].strip()
        self._pos = len(self._text)
        return rest

    def end(self) -> None:
        extra = self.peek_bare()
        if extra is not None:
            raise UserError(
                _("I didn't expect {shown} there. {hint}", shown=shown(extra), hint=self.hint)
            )

    @property
    def hint(self) -> str:
        return _(
            "Type `{syntax}`, like `{example}`.",
            syntax=self.usage.syntax,
            example=self.usage.example,
        )


def shown(text: str) -> str:
    """What the person typed, in backticks, to quote back in an error; `that` if unsafe to echo.

    Echoes are short and never carry control characters, mentions or markup, so an error can't
    ping a channel or garble the reply.
    """
    short = text if len(text) <= 30 else text[:30] + "…"
    if not short.strip() or not short.isprintable() or not _UNSAFE_ECHO.isdisjoint(short):
        return "that"
    return f"`{short}`"


def capital(sentence: str) -> str:
    """The sentence with its first letter capitalised, for echoes that open a sentence."""
    return sentence[:1].upper() + sentence[1:]


def number(word: Word, name: str, example: str, *, high: int = MAX_NUMBER) -> int:
    """A whole number from 1 to `high`, typed as `3` or `#3`; `example` shows it in place."""
    text = word.text.strip()
    match = _NUMBER.fullmatch(text)
    if match is None:
        if _NEGATIVE.fullmatch(text):
            raise UserError(
                _("The {name} must be at least 1, as in `{example}`.", name=name, example=example)
            )
        raise UserError(
            _(
                "I couldn't read {shown} as a {name}. Type a whole number, as in `{example}`.",
                shown=shown(text),
                name=name,
                example=example,
            )
        )
    digits = match.group(1).lstrip("0")
    if not digits:
        raise UserError(
            _("The {name} must be at least 1, as in `{example}`.", name=name, example=example)
        )
    # Length first: a 5,000-digit number must never reach int() (it has a digit limit).
    if len(digits) > len(str(high)) or int(digits) > high:
        if high == MAX_NUMBER:
            raise UserError(
                _(
                    "That {name} is far too large; type one as in `{example}`.",
                    name=name,
                    example=example,
                )
            )
        raise UserError(
            _(
                "The {name} must be from 1 to {high}, as in `{example}`.",
                name=name,
                high=high,
                example=example,
            )
        )
    return int(digits)


def day(word: Word) -> date:
    """A calendar date typed YYYY-MM-DD. Whether it has passed is for the use case to judge."""
    match = _DATE.fullmatch(word.text.strip())
    if match is None:
        raise UserError(
            _(
                "I couldn't read {shown} as a date. Use YYYY-MM-DD, like `{SHIFT_DAY}`.",
                shown=shown(word.text),
                SHIFT_DAY=SHIFT_DAY,
            )
        )
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise UserError(
            _(
                "{capital} isn't a date on the calendar. Check the month and day, "
                "written YYYY-MM-DD, like `{SHIFT_DAY}`.",
                capital=capital(shown(word.text)),
                SHIFT_DAY=SHIFT_DAY,
            )
        ) from None


def start_time(words: Words) -> time:
    """A time of day: 24-hour `18:00`, or `6pm`, `6:30pm`, `6 pm` (any case)."""
    text = words.need(_("the start time")).text.strip()
    suffix = words.peek_bare()
    if suffix and suffix.lower() in _MERIDIEM and _BARE_CLOCK.fullmatch(text):
        words.take()  # `6 pm` typed with a space
        text += suffix
    hour = minute = -1
    if match := _CLOCK_24.fullmatch(text):
        hour, minute = int(match.group(1)), int(match.group(2))
    elif (match := _CLOCK_12.fullmatch(text)) and 1 <= int(match.group(1)) <= 12:
        hour = int(match.group(1)) % 12 + (12 if match.group(3).lower() == "p" else 0)
        minute = int(match.group(2) or 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise UserError(
            _(
                "I couldn't read {shown} as a start time. Use 24-hour HH:MM like "
                "`18:00`, or `6pm` or `6:30pm`.",
                shown=shown(text),
            )
        )
    return time(hour, minute)


def shift_length(word: Word) -> timedelta:
    """How long a shift lasts, `2h`, `90m` or `1h30m`, within the domain's limits."""
    length = parse_duration(word.text)
    if length is None:
        raise UserError(
            _(
                "I couldn't read {shown} as the length of the shift. Use hours or "
                "minutes, like `2h`, `90m` or `1h30m`.",
                shown=shown(word.text),
            )
        )
    return check_duration(length)


def link(word: Word) -> str:
    """The dialer or script address, as the domain accepts it."""
    checked = check_link(word.text.strip())
    assert checked is not None  # a word is never empty
    return checked


def place(word: Word) -> str:
    """A shift's new link or street address, before its kind is known: words with a space are
    an address (checked as text; the use case checks it suits the shift's kind), anything
    else a link, as `link` reads it."""
    text = word.text.strip()
    if is_link(text) or not any(c.isspace() for c in text):
        return link(word)
    return check_address(text)


def title(word: Word) -> str:
    """A shift or task title, checked like all text that other people will read."""
    return clean_text(word.text, what="title", limit=MAX_TITLE)


@functools.cache
def _zones() -> dict[str, str]:
    # Read once, on first use: scanning the zone database takes a moment.
    return {
        name.lower(): name for name in available_timezones() if name not in ("localtime", "Factory")
    }


def zone(words: Words) -> str:
    """The rest of the line as an IANA zone, returned by its proper name (`America/Chicago`)."""
    # Zones use underscores for spaces; `America/New York` means America/New_York.
    typed = "_".join(words.rest().split())
    if not typed:
        raise UserError(_("I'm missing the time zone. {hint}", hint=words.hint))
    name = _zones().get(typed.lower()) if len(typed) <= MAX_ZONE_NAME else None
    if name is not None:
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    guess = _guess_zone(typed.lower()) if len(typed) <= MAX_ZONE_NAME else None
    suggestion = _("Did you mean `{guess}`? ", guess=guess) if guess else ""
    raise UserError(
        _(
            "I don't know the time zone {shown}. {suggestion}Use an Area/City name "
            "like `America/Chicago` or `Europe/Berlin`.",
            shown=shown(typed),
            suggestion=suggestion,
        )
    )


def _guess_zone(typed: str) -> str | None:
    zones = _zones()
    by_city = [name for key, name in zones.items() if key.rsplit("/", 1)[-1] == typed]
    if len(by_city) == 1:
        return by_city[0]
    close = difflib.get_close_matches(typed, zones, n=1, cutoff=0.8)
    return zones[close[0]] if close else None


def reminder_offsets(words: Words) -> tuple[timedelta, ...] | None:
    """Offsets before a shift; () for `off`, None for `default`."""
    text = words.rest()
    if not text:
        raise UserError(_("I'm missing the reminder times. {hint}", hint=words.hint))
    if text.lower() in ("off", "none", "no"):
        return ()
    if text.lower() == "default":
        return None
    if not _REMINDER_TEXT.fullmatch(text):
        # parse_reminder_offsets quotes the input back; only plain text gets that far.
        raise UserError(
            _(
                "Reminder times are hours or minutes separated by commas, like "
                "`24h,1h`; or type `off` or `default`."
            )
        )
    return parse_reminder_offsets(text)
