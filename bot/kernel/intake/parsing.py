"""How what people give (a typed line, a menu's options) becomes a catalogue entry's command.

Most entries are read parameter by parameter (`read_text`, `read_options`); the few with a
grammar of their own (quoted titles, keywords in any order, a bare command that opens a form)
name their reader in the catalogue, and those readers live here too. Every reader returns a
Command or raises a UserError whose sentence says what to type instead.
"""

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from bot.campaign.commands import ShowHelp
from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_ANNOUNCEMENT, MAX_CAPACITY
from bot.domain.task import MAX_DESCRIPTION, MAX_SLOTS
from bot.domain.text import MAX_NAME, clean_text
from bot.domain.timing import DEFAULT_REMINDER_OFFSETS
from bot.kernel.commands import Actor, Command
from bot.kernel.intake import forms
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Kind, Param, TextReader
from bot.shifts.commands import CreateShift, StartShiftForm
from bot.tasks.commands import PostTask, StartTaskForm


def read_text(entry: Entry, actor: Actor, words: typed.Words) -> Command:
    """The entry's command from the words typed after its verb; a UserError if they don't fit."""
    if entry.text is not None:
        return entry.text(actor, words)
    values = dict(entry.fixed)
    for param in entry.params:
        value = _typed(param, words)
        if value is not _ABSENT:
            values[param.target] = value
    words.end()
    return entry.builds(actor, **values)


def read_options(entry: Entry, actor: Actor, options: Mapping[str, Any]) -> Command:
    """The entry's command from menu options by name (absent or None: not given).

    Numbers, flags and topics arrive typed and within the parameter's limits (the menu enforces
    them); text goes through the same reader as a typed line.
    """
    given = {p.target: options.get(p.name) for p in entry.params}
    if entry.options is not None:
        return entry.options(actor, given)
    values = dict(entry.fixed)
    for param in entry.params:
        value = given[param.target]
        if value is None:
            continue
        if param.kind is Kind.TEXT and param.read is not None:
            value = param.read(typed.Words(str(value), entry.usage))
        values[param.target] = value
    return entry.builds(actor, **values)


# An optional number left out: the command's own default applies.
_ABSENT = object()


def _typed(param: Param, words: typed.Words) -> Any:
    if param.kind is Kind.NUMBER:
        word = words.need(f"the {param.what}") if param.required else words.take()
        if word is None:
            return _ABSENT
        return typed.number(word, param.what, words.usage.example, high=param.high)
    if param.kind is Kind.FLAG:
        # A flag is typed as its own name: `/volunteer forget-me confirm`.
        word = words.take()
        if word is not None and word.text.lower() != param.name:
            raise UserError(f"I didn't expect {typed.shown(word.text)} there. {words.hint}")
        return word is not None
    if param.read is None:
        raise TypeError(f"the {param.kind} parameter {param.name!r} needs a reader")
    return param.read(words)


# Readers of one parameter's text


def announcement(words: typed.Words) -> str:
    """The rest of the line as a message to everyone on a shift."""
    message = words.rest()
    if not message:
        raise UserError(f"I'm missing the message. {words.hint}")
    return clean_text(message, what="announcement", limit=MAX_ANNOUNCEMENT, multiline=True)


def contacted_who(words: typed.Words) -> str:
    """The rest of the line as the name or #number of a newcomer."""
    who = words.rest()
    if not who:
        raise UserError(f"I'm missing who you contacted. {words.hint}")
    return clean_text(who, what="name", limit=MAX_NAME)


def campaign_offsets(words: typed.Words) -> tuple[timedelta, ...]:
    """Reminder times for the campaign: it always has some, so `default` puts back Turnout's."""
    offsets = typed.reminder_offsets(words)
    return DEFAULT_REMINDER_OFFSETS if offsets is None else offsets


def one_word(name: str) -> Callable[[typed.Words], str]:
    """One optional word, as typed; the use case judges it (its error says what to type)."""

    def read(words: typed.Words) -> str:
        word = words.take()
        return "" if word is None else word.text

    read.__name__ = f"read_{name}"
    return read


def rest_of_line(name: str) -> Callable[[typed.Words], str]:
    """The rest of the line, as typed; the use case judges it."""

    def read(words: typed.Words) -> str:
        return words.rest()

    read.__name__ = f"read_{name}"
    return read


# Entries with a grammar of their own


def create_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank create "<title>" <date> <time> <length> <seats> [<link>]`; bare: the form."""
    if words.peek_bare() is None:
        return StartShiftForm(actor)
    title_word = words.need("the title")
    title = typed.title(title_word)
    day_word = words.need("the date")
    try:
        day = typed.day(day_word)
    except UserError:
        if not title_word.quoted and not any(c.isdigit() for c in day_word.text):
            # `/phonebank create Saturday calls 2026-…`: the title lost its quotes.
            raise UserError(
                f"When the title has more than one word, put it in double quotes. {words.hint}"
            ) from None
        raise
    start = typed.start_time(words)
    length = typed.shift_length(words.need("the length of the shift"))
    seats = typed.number(
        words.need("the number of seats"),
        "number of seats",
        words.usage.example,
        high=MAX_CAPACITY,
    )
    link_word = words.take()
    link = None if link_word is None else typed.link(link_word)
    words.end()
    return CreateShift(
        actor, title=title, day=day, start=start, duration=length, capacity=seats, link=link
    )


def post_task(actor: Actor, words: typed.Words) -> Command:
    """`/task post "<title>" [due <date>] [slots <n>] [<description>]`; bare: the form."""
    if words.peek_bare() is None:
        return StartTaskForm(actor)
    title_word = words.need("the title")
    title = typed.title(title_word)
    next_word = (words.peek_bare() or "").lower()
    if not title_word.quoted and next_word and next_word not in ("due", "slots"):
        # `/task post Call voters`: a bare title would silently take only the first word.
        raise UserError(
            f"When the title has more than one word, put it in double quotes. {words.hint}"
        )
    due_on: date | None = None
    slots = 1
    seen: set[str] = set()
    # `due` and `slots` come in either order, each at most once, before the description.
    while (keyword := (words.peek_bare() or "").lower()) in {"due", "slots"} - seen:
        words.take()
        seen.add(keyword)
        if keyword == "due":
            due_on = typed.day(words.need("the due date"))
        else:
            slots = typed.number(
                words.need("the number of slots"),
                "number of slots",
                words.usage.example,
                high=MAX_SLOTS,
            )
    rest = words.rest()
    description = (
        clean_text(rest, what="description", limit=MAX_DESCRIPTION, multiline=True)
        if rest
        else None
    )
    return PostTask(
        actor, title=title, due_on=due_on, slots=slots, description=description
    )


def help_topic(topics: tuple[str, ...]) -> TextReader:
    """`/turnout help [topic]`: the overview, or one group's commands."""

    def read(actor: Actor, words: typed.Words) -> Command:
        word = words.take()
        topic = "" if word is None else word.text.lower().removeprefix("/")
        if word is not None and topic not in topics:
            raise UserError(f"I have no help on {typed.shown(word.text)}. {words.hint}")
        words.end()
        return ShowHelp(actor, topic=topic)

    return read


def shift_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/phonebank create` from a menu: no options opens the form, else read as its answers."""
    return forms.from_options(forms.SHIFT, actor, answers)


def task_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/task post` from a menu: no options opens the form, else read as its answers."""
    return forms.from_options(forms.TASK, actor, answers)
