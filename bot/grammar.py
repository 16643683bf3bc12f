"""The text command grammar shared by Slack and the console: a typed line becomes a Command.

Whatever people type, `parse` returns a Command or raises a UserError whose sentence says what to
type instead; no other exception escapes. Words are read one at a time, on demand, so free text
at the end of a line (an announcement, a description) is kept verbatim and never tokenized: an
apostrophe or a stray quote in it cannot break anything.
"""

import difflib
import functools
import re
from collections.abc import Callable
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.commands import (
    Actor,
    Announce,
    CancelShift,
    ClaimTask,
    Command,
    CreateShift,
    FinishTask,
    ForgetMe,
    JoinShift,
    LeaveShift,
    ListNewVolunteers,
    ListShifts,
    ListTasks,
    MarkContacted,
    MyShifts,
    PostTask,
    ReleaseTask,
    SetCampaignReminders,
    SetCampaignTimezone,
    SetMyReminders,
    SetMyTimezone,
    ShowHelp,
    ShowRoster,
    StartProfile,
)
from bot.domain.errors import UserError
from bot.domain.text import clean_text
from bot.domain.timing import DEFAULT_REMINDER_OFFSETS, parse_duration, parse_reminder_offsets
from bot.help import TOPICS, USAGES, Usage, usage

MAX_NUMBER = 1_000_000
MAX_SEATS = 500
MAX_SLOTS = 100
MAX_LINK = 500
SHORTEST_SHIFT = timedelta(minutes=15)
LONGEST_SHIFT = timedelta(hours=12)

# Phones and Slack turn " into typographic quotes, not always in matching pairs, so any of
# these opens a quoted group and any of them closes it. Apostrophes never quote (Maria's).
_QUOTES = '"“”„'
_QUOTE = re.compile(f"[{_QUOTES}]")
_SPACES = re.compile(r"\s*")
_BARE = re.compile(r"\S+")
_NUMBER = re.compile(r"#?([0-9]+)")
_NEGATIVE = re.compile(r"#?-[0-9]+")
_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_CLOCK_24 = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_CLOCK_12 = re.compile(r"([0-9]{1,2})(?::([0-9]{2}))?([ap])\.?m\.?", re.IGNORECASE)
_BARE_CLOCK = re.compile(r"[0-9]{1,2}(?::[0-9]{2})?")
_MERIDIEM = ("am", "pm", "a.m.", "p.m.")
# A host is required; <>"` never belong in a link and would break how it is shown.
_LINK = re.compile(r"https?://[^\s/?#<>\"`]+[^\s<>\"`]*", re.IGNORECASE)
_REMINDER_TEXT = re.compile(r"[0-9a-zA-Z, ]{1,100}")
# Characters that could ping or turn into markup if an echo of the input reached a platform.
_UNSAFE_ECHO = frozenset("`<>@&")


def parse(actor: Actor, line: str) -> Command:
    """Read a whole slash command as typed, e.g. `/phonebank join 3`; raise UserError if unclear."""
    parts = line.split(None, 1)
    if not parts:
        raise UserError("Type a command, like `/phonebank list` or `/turnout help`.")
    return parse_command(actor, parts[0], parts[1] if len(parts) > 1 else "")


def parse_command(actor: Actor, command: str, text: str) -> Command:
    """Read a command name (`/phonebank`) and the text after it, as Slack delivers them."""
    name = command.strip().lower().removeprefix("/")
    if name not in _COMMANDS:
        raise UserError(
            f"{_capital(_shown(command.strip()))} isn't a Turnout command. "
            "Try `/phonebank`, `/task`, `/volunteer` or `/turnout help`."
        )
    subcommands, without_subcommand = _COMMANDS[name]
    words = _Words(text, usage(name, "help"))
    first = words.take()
    if first is None:
        return without_subcommand(actor)
    subcommand = first.text.lower()
    if subcommand not in subcommands:
        raise _unknown_subcommand(name, first.text)
    words.usage = usage(name, subcommand)
    return subcommands[subcommand](actor, words)


class _Word:
    __slots__ = ("quoted", "text")

    def __init__(self, text: str, *, quoted: bool) -> None:
        self.text = text
        self.quoted = quoted


class _Words:
    """A cursor over the text after the command name that knows the usage to teach on errors."""

    def __init__(self, text: str, usage: Usage) -> None:
        self._text = text
        self._pos = 0
        self.usage = usage

    def take(self) -> _Word | None:
        """The next word or quoted group, or None at the end of the line."""
        start = _SPACES.match(self._text, self._pos).end()
        if start == len(self._text):
            self._pos = start
            return None
        if self._text[start] in _QUOTES:
            close = _QUOTE.search(self._text, start + 1)
            if close is None:
                raise UserError(
                    f"I couldn't find the closing quote after {_shown(self._text[start:])}. "
                    'Put the text between a pair of double quotes, like `"Saturday calls"`.'
                )
            self._pos = close.end()
            return _Word(self._text[start + 1 : close.start()], quoted=True)
        bare = _BARE.match(self._text, start)
        assert bare is not None  # start is not whitespace and not the end
        self._pos = bare.end()
        return _Word(bare.group(), quoted=False)

    def peek_bare(self) -> str | None:
        """The next run of non-space characters, quotes and all, without moving on.

        Peeking never reads quotes, so it cannot fail on free text that follows.
        """
        bare = _BARE.match(self._text, _SPACES.match(self._text, self._pos).end())
        return bare.group() if bare else None

    def need(self, what: str) -> _Word:
        word = self.take()
        if word is None:
            raise UserError(f"I'm missing {what}. {self.hint}")
        return word

    def rest(self) -> str:
        """Everything not read yet, verbatim apart from the whitespace around it."""
        rest = self._text[self._pos :].strip()
        self._pos = len(self._text)
        return rest

    def end(self) -> None:
        extra = self.peek_bare()
        if extra is not None:
            raise UserError(f"I didn't expect {_shown(extra)} there. {self.hint}")

    @property
    def hint(self) -> str:
        return f"Type `{self.usage.syntax}`, like `{self.usage.example}`."


def _shown(text: str) -> str:
    """What the person typed, in backticks, to quote back in an error; `that` if unsafe to echo.

    Echoes are short and never carry control characters, mentions or markup, so an error can't
    ping a channel or garble the reply.
    """
    short = text if len(text) <= 30 else text[:30] + "…"
    if not short.strip() or not short.isprintable() or not _UNSAFE_ECHO.isdisjoint(short):
        return "that"
    return f"`{short}`"


def _capital(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _unknown_subcommand(command: str, typed: str) -> UserError:
    subcommands = [name for name in USAGES[command] if name != "help"]
    listed = [f"`/{command} {subcommands[0]}`", *(f"`{name}`" for name in subcommands[1:])]
    choices = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]
    nudge = ""
    if command == "phonebank" and _NUMBER.fullmatch(typed):
        # People type the shift number straight after the command, meaning "join it".
        nudge = f"To sign up for shift {typed.lstrip('#')}, type `/phonebank join {typed}`. "
    return UserError(
        f"{_capital(_shown(f'/{command} {typed}'))} isn't something I know. {nudge}"
        f"Try {choices} — or `/{command} help`."
    )


# Values


def _number(word: _Word, name: str, example: str, *, high: int = MAX_NUMBER) -> int:
    text = word.text.strip()
    match = _NUMBER.fullmatch(text)
    if match is None:
        if _NEGATIVE.fullmatch(text):
            raise UserError(f"The {name} must be at least 1, like `{example}`.")
        raise UserError(
            f"I couldn't read {_shown(text)} as a {name}. Type a whole number, like `{example}`."
        )
    digits = match.group(1).lstrip("0")
    # Checked before int(): a 5,000-digit number must not reach int()'s own digit limit.
    value = int(digits) if digits and len(digits) <= len(str(MAX_NUMBER)) else len(digits)
    if value < 1:
        raise UserError(f"The {name} must be at least 1, like `{example}`.")
    if value > high or len(digits) > len(str(MAX_NUMBER)):
        if high == MAX_NUMBER:
            raise UserError(f"That {name} is far too large; type one like `{example}`.")
        raise UserError(f"The {name} must be between 1 and {high}, like `{example}`.")
    return value


def _date(word: _Word) -> date:
    match = _DATE.fullmatch(word.text.strip())
    if match is None:
        raise UserError(
            f"I couldn't read {_shown(word.text)} as a date. Use YYYY-MM-DD, like `2026-11-28`."
        )
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise UserError(
            f"{_capital(_shown(word.text))} isn't a date on the calendar. "
            "Check the month and day, written YYYY-MM-DD, like `2026-11-28`."
        ) from None


def _start_time(words: _Words) -> time:
    text = words.need("the start time").text.strip()
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
            f"I couldn't read {_shown(text)} as a start time. "
            "Use 24-hour HH:MM like `18:00`, or `6pm` or `6:30pm`."
        )
    return time(hour, minute)


def _shift_length(word: _Word) -> timedelta:
    length = parse_duration(word.text)
    if length is None:
        raise UserError(
            f"I couldn't read {_shown(word.text)} as the length of the shift. "
            "Use hours or minutes, like `2h`, `90m` or `1h30m`."
        )
    if not SHORTEST_SHIFT <= length <= LONGEST_SHIFT:
        raise UserError(
            "A shift can last from 15 minutes to 12 hours; "
            "give its length like `2h`, `90m` or `1h30m`."
        )
    return length


def _link(word: _Word) -> str:
    text = word.text.strip()
    if text.startswith("<") and text.endswith(">"):
        # Slack sends links it recognised as <url> or <url|label>.
        text = text[1:-1].split("|", 1)[0]
    if len(text) > MAX_LINK:
        raise UserError(f"That link is too long; please use one under {MAX_LINK} characters.")
    if not _LINK.fullmatch(text) or not text.isprintable():
        raise UserError(
            f"I couldn't read {_shown(text)} as a link. "
            "Give the full address without spaces, like `https://dialer.example/abc`."
        )
    return clean_text(text, what="link", limit=MAX_LINK)


def _title(word: _Word) -> str:
    return clean_text(word.text, what="title", limit=100)


@functools.cache
def _zones() -> dict[str, str]:
    # Read once, on first use: scanning the zone database takes a moment.
    return {
        name.lower(): name
        for name in available_timezones()
        if name not in ("localtime", "Factory")
    }


def _zone(words: _Words) -> str:
    # Zones use underscores for spaces; `America/New York` means America/New_York.
    typed = "_".join(words.rest().split())
    if not typed:
        raise UserError(f"I'm missing the time zone. {words.hint}")
    name = _zones().get(typed.lower()) if len(typed) <= 64 else None
    if name is not None:
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError, OSError):
            pass
    guess = _guess_zone(typed.lower()) if len(typed) <= 64 else None
    suggestion = f"Did you mean `{guess}`? " if guess else ""
    raise UserError(
        f"I don't know the time zone {_shown(typed)}. {suggestion}"
        "Use an Area/City name like `America/Chicago` or `Europe/Berlin`."
    )


def _guess_zone(typed: str) -> str | None:
    zones = _zones()
    by_city = [name for key, name in zones.items() if key.rsplit("/", 1)[-1] == typed]
    if len(by_city) == 1:
        return by_city[0]
    close = difflib.get_close_matches(typed, zones, n=1, cutoff=0.8)
    return zones[close[0]] if close else None


def _reminder_offsets(words: _Words) -> tuple[timedelta, ...] | None:
    """Offsets before a shift; () for `off`, None for `default`."""
    text = words.rest()
    if not text:
        raise UserError(f"I'm missing the reminder times. {words.hint}")
    if text.lower() in ("off", "none", "no"):
        return ()
    if text.lower() == "default":
        return None
    if not _REMINDER_TEXT.fullmatch(text):
        # parse_reminder_offsets quotes the input back; only plain text gets that far.
        raise UserError(
            "Reminder times are hours or minutes separated by commas, like `24h,1h`; "
            "or type `off` or `default`."
        )
    return parse_reminder_offsets(text)


# Subcommands


def _no_arguments(build: Callable[[Actor], Command]) -> Callable[[Actor, _Words], Command]:
    def handler(actor: Actor, words: _Words) -> Command:
        words.end()
        return build(actor)

    return handler


def _one_number(what: str) -> Callable[[_Words], int]:
    def read(words: _Words) -> int:
        number = _number(words.need(f"the {what}"), what, words.usage.example)
        words.end()
        return number

    return read


_shift_number = _one_number("shift number")
_task_number = _one_number("task number")


def _help(topic: str) -> Callable[[Actor, _Words], Command]:
    return _no_arguments(lambda actor: ShowHelp(actor, topic=topic))


def _list_shifts(actor: Actor, words: _Words) -> Command:
    word = words.take()
    page = 1 if word is None else _number(word, "page number", words.usage.example)
    words.end()
    return ListShifts(actor, page=page)


def _create_shift(actor: Actor, words: _Words) -> Command:
    title_word = words.need("the title")
    day_word = words.need("the date")
    try:
        day = _date(day_word)
    except UserError:
        if not title_word.quoted and not any(c.isdigit() for c in day_word.text):
            # `/phonebank create Saturday calls 2026-…`: the title lost its quotes.
            raise UserError(
                "When the title has more than one word, put it in double quotes. "
                f"{words.hint}"
            ) from None
        raise
    start = _start_time(words)
    length = _shift_length(words.need("the length of the shift"))
    seats = _number(words.need("the number of seats"), "number of seats", words.usage.example,
                    high=MAX_SEATS)
    link_word = words.take()
    link = None if link_word is None else _link(link_word)
    words.end()
    return CreateShift(actor, title=_title(title_word), day=day, start=start, duration=length,
                       capacity=seats, link=link)


def _announce(actor: Actor, words: _Words) -> Command:
    shift = _number(words.need("the shift number"), "shift number", words.usage.example)
    message = words.rest()
    if not message:
        raise UserError(f"I'm missing the message. {words.hint}")
    text = clean_text(message, what="announcement", limit=1500, multiline=True)
    return Announce(actor, shift=shift, message=text)


def _post_task(actor: Actor, words: _Words) -> Command:
    title = _title(words.need("the title"))
    due_on: date | None = None
    slots = 1
    seen: set[str] = set()
    # `due` and `slots` come in either order, each at most once, before the description.
    while (keyword := (words.peek_bare() or "").lower()) in ("due", "slots") - seen:
        words.take()
        seen.add(keyword)
        if keyword == "due":
            due_on = _date(words.need("the due date"))
        else:
            slots = _number(words.need("the number of slots"), "number of slots",
                            words.usage.example, high=MAX_SLOTS)
    rest = words.rest()
    description = clean_text(rest, what="description", limit=1000, multiline=True) if rest else None
    return PostTask(actor, title=title, due_on=due_on, slots=slots, description=description)


def _contacted(actor: Actor, words: _Words) -> Command:
    who = words.rest()
    if not who:
        raise UserError(f"I'm missing who you contacted. {words.hint}")
    return MarkContacted(actor, who=clean_text(who, what="name", limit=100))


def _forget_me(actor: Actor, words: _Words) -> Command:
    word = words.take()
    if word is not None and word.text.lower() != "confirm":
        raise UserError(f"I didn't expect {_shown(word.text)} there. {words.hint}")
    words.end()
    return ForgetMe(actor, confirmed=word is not None)


def _my_reminders(actor: Actor, words: _Words) -> Command:
    return SetMyReminders(actor, offsets=_reminder_offsets(words))


def _campaign_reminders(actor: Actor, words: _Words) -> Command:
    offsets = _reminder_offsets(words)
    return SetCampaignReminders(actor, offsets=DEFAULT_REMINDER_OFFSETS if offsets is None else offsets)


def _overview(actor: Actor, words: _Words) -> Command:
    word = words.take()
    topic = "" if word is None else word.text.lower().removeprefix("/")
    if topic not in ("", *TOPICS):
        raise UserError(f"I have no help on {_shown(word.text if word else '')}. {words.hint}")
    words.end()
    return ShowHelp(actor, topic="" if topic == "turnout" else topic)


_Handler = Callable[[Actor, _Words], Command]

# Per command: its subcommands, and what the command alone means.
_COMMANDS: dict[str, tuple[dict[str, _Handler], Callable[[Actor], Command]]] = {
    "phonebank": (
        {
            "list": _list_shifts,
            "join": lambda actor, words: JoinShift(actor, shift=_shift_number(words)),
            "leave": lambda actor, words: LeaveShift(actor, shift=_shift_number(words)),
            "mine": _no_arguments(MyShifts),
            "create": _create_shift,
            "roster": lambda actor, words: ShowRoster(actor, shift=_shift_number(words)),
            "cancel": lambda actor, words: CancelShift(actor, shift=_shift_number(words)),
            "announce": _announce,
            "help": _help("phonebank"),
        },
        ListShifts,
    ),
    "task": (
        {
            "list": _no_arguments(ListTasks),
            "claim": lambda actor, words: ClaimTask(actor, task=_task_number(words)),
            "done": lambda actor, words: FinishTask(actor, task=_task_number(words)),
            "release": lambda actor, words: ReleaseTask(actor, task=_task_number(words)),
            "post": _post_task,
            "help": _help("task"),
        },
        ListTasks,
    ),
    "volunteer": (
        {
            "tz": lambda actor, words: SetMyTimezone(actor, zone=_zone(words)),
            "reminders": _my_reminders,
            "profile": _no_arguments(StartProfile),
            "forget-me": _forget_me,
            "new": _no_arguments(ListNewVolunteers),
            "contacted": _contacted,
            "help": _help("volunteer"),
        },
        lambda actor: ShowHelp(actor, topic="volunteer"),
    ),
    "turnout": (
        {
            "tz": lambda actor, words: SetCampaignTimezone(actor, zone=_zone(words)),
            "reminders": _campaign_reminders,
            "help": _overview,
        },
        lambda actor: ShowHelp(actor, topic=""),
    ),
}
