"""The text command grammar shared by Slack and the console: a typed line becomes a Command.

Whatever people type, `parse` returns a Command or raises a UserError whose sentence says what to
type instead; no other exception escapes. Words are read one at a time, on demand, so free text
at the end of a line (an announcement, a description) is kept verbatim and never tokenized: an
apostrophe or a stray quote in it cannot break anything.
"""

import functools
import re
from collections.abc import Callable
from datetime import date, timedelta

from bot import commands
from bot import typed_values as typed
from bot.commands import Actor, Command
from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY
from bot.domain.task import MAX_SLOTS
from bot.domain.text import clean_text
from bot.domain.timing import DEFAULT_REMINDER_OFFSETS
from bot.help import TOPICS, USAGES, usage

# A shift number typed where the subcommand goes: `/phonebank 3`.
_SHIFT_NUMBER = re.compile(r"#?[0-9]{1,7}")


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
            f"{typed.capital(typed.shown(command.strip()))} isn't a Turnout command. "
            "Try `/phonebank`, `/task`, `/volunteer` or `/turnout help`."
        )
    subcommands, without_subcommand = _COMMANDS[name]
    words = typed.Words(text, usage(name, "help"))
    first = words.take()
    if first is None:
        return without_subcommand(actor)
    subcommand = first.text.lower()
    if subcommand not in subcommands:
        raise _unknown_subcommand(name, first.text)
    words.usage = usage(name, subcommand)
    return subcommands[subcommand](actor, words)


def _unknown_subcommand(command: str, word: str) -> UserError:
    subcommands = [name for name in USAGES[command] if name != "help"]
    listed = [f"`/{command} {subcommands[0]}`", *(f"`{name}`" for name in subcommands[1:])]
    choices = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1]
    said = typed.capital(typed.shown(f"/{command} {word}"))
    if command == "phonebank" and _SHIFT_NUMBER.fullmatch(word):
        # People type the shift number straight after the command, meaning "join it".
        return UserError(
            f"{said} isn't something I know. "
            f"To sign up for shift {word.lstrip('#')}, type `/phonebank join {word}`."
        )
    return UserError(f"{said} isn't something I know. Try {choices} — or `/{command} help`.")


def _campaign_offsets(words: typed.Words) -> tuple[timedelta, ...]:
    # A campaign always has reminder times of its own; `default` puts back Turnout's.
    offsets = typed.reminder_offsets(words)
    return DEFAULT_REMINDER_OFFSETS if offsets is None else offsets


# Subcommands


def _no_arguments(build: Callable[[Actor], Command]) -> Callable[[Actor, typed.Words], Command]:
    def handler(actor: Actor, words: typed.Words) -> Command:
        words.end()
        return build(actor)

    return handler


def _one_number(what: str) -> Callable[[typed.Words], int]:
    def read(words: typed.Words) -> int:
        number = typed.number(words.need(f"the {what}"), what, words.usage.example)
        words.end()
        return number

    return read


_shift_number = _one_number("shift number")
_task_number = _one_number("task number")


def _list_shifts(actor: Actor, words: typed.Words) -> Command:
    word = words.take()
    page = 1 if word is None else typed.number(word, "page number", words.usage.example)
    words.end()
    return commands.ListShifts(actor, page=page)


def _create_shift(actor: Actor, words: typed.Words) -> Command:
    if words.peek_bare() is None:
        return commands.StartShiftForm(actor)
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
    return commands.CreateShift(
        actor, title=title, day=day, start=start, duration=length, capacity=seats, link=link
    )


def _announce(actor: Actor, words: typed.Words) -> Command:
    shift = typed.number(words.need("the shift number"), "shift number", words.usage.example)
    message = words.rest()
    if not message:
        raise UserError(f"I'm missing the message. {words.hint}")
    text = clean_text(message, what="announcement", limit=1500, multiline=True)
    return commands.Announce(actor, shift=shift, message=text)


def _post_task(actor: Actor, words: typed.Words) -> Command:
    if words.peek_bare() is None:
        return commands.StartTaskForm(actor)
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
    description = clean_text(rest, what="description", limit=1000, multiline=True) if rest else None
    return commands.PostTask(
        actor, title=title, due_on=due_on, slots=slots, description=description
    )


def _contacted(actor: Actor, words: typed.Words) -> Command:
    who = words.rest()
    if not who:
        raise UserError(f"I'm missing who you contacted. {words.hint}")
    return commands.MarkContacted(actor, who=clean_text(who, what="name", limit=100))


def _forget_me(actor: Actor, words: typed.Words) -> Command:
    word = words.take()
    if word is not None and word.text.lower() != "confirm":
        raise UserError(f"I didn't expect {typed.shown(word.text)} there. {words.hint}")
    words.end()
    return commands.ForgetMe(actor, confirmed=word is not None)


def _overview(actor: Actor, words: typed.Words) -> Command:
    word = words.take()
    topic = "" if word is None else word.text.lower().removeprefix("/")
    if word is not None and topic not in TOPICS:
        raise UserError(f"I have no help on {typed.shown(word.text)}. {words.hint}")
    words.end()
    return commands.ShowHelp(actor, topic=topic)


_Handler = Callable[[Actor, typed.Words], Command]

# Per command: its subcommands, and what the command alone means.
_COMMANDS: dict[str, tuple[dict[str, _Handler], Callable[[Actor], Command]]] = {
    "phonebank": (
        {
            "list": _list_shifts,
            "join": lambda actor, words: commands.JoinShift(actor, shift=_shift_number(words)),
            "leave": lambda actor, words: commands.LeaveShift(actor, shift=_shift_number(words)),
            "mine": _no_arguments(commands.MyShifts),
            "create": _create_shift,
            "roster": lambda actor, words: commands.ShowRoster(actor, shift=_shift_number(words)),
            "cancel": lambda actor, words: commands.CancelShift(actor, shift=_shift_number(words)),
            "announce": _announce,
            "help": _no_arguments(functools.partial(commands.ShowHelp, topic="phonebank")),
        },
        commands.ListShifts,
    ),
    "task": (
        {
            "list": _no_arguments(commands.ListTasks),
            "claim": lambda actor, words: commands.ClaimTask(actor, task=_task_number(words)),
            "done": lambda actor, words: commands.FinishTask(actor, task=_task_number(words)),
            "release": lambda actor, words: commands.ReleaseTask(actor, task=_task_number(words)),
            "post": _post_task,
            "help": _no_arguments(functools.partial(commands.ShowHelp, topic="task")),
        },
        commands.ListTasks,
    ),
    "volunteer": (
        {
            "tz": lambda actor, words: commands.SetMyTimezone(actor, zone=typed.zone(words)),
            "reminders": lambda actor, words: commands.SetMyReminders(
                actor, offsets=typed.reminder_offsets(words)
            ),
            "profile": _no_arguments(commands.StartProfile),
            "forget-me": _forget_me,
            "new": _no_arguments(commands.ListNewVolunteers),
            "contacted": _contacted,
            "help": _no_arguments(functools.partial(commands.ShowHelp, topic="volunteer")),
        },
        lambda actor: commands.ShowHelp(actor, topic="volunteer"),
    ),
    "turnout": (
        {
            "tz": lambda actor, words: commands.SetCampaignTimezone(actor, zone=typed.zone(words)),
            "reminders": lambda actor, words: commands.SetCampaignReminders(
                actor, offsets=_campaign_offsets(words)
            ),
            "help": _overview,
        },
        lambda actor: commands.ShowHelp(actor, topic=""),
    ),
}
