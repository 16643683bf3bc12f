"""How what people give (a typed line, a menu's options) becomes a catalogue entry's command.

Most entries are read parameter by parameter (`read_text`, `read_options`); the few with a
grammar of their own (quoted titles, keywords in any order, a bare command that opens a form)
name their reader, which lives with their feature. The readers of one parameter several
features share live here. Every reader returns a Command or raises a UserError whose sentence
says what to type instead.
"""

from collections.abc import Callable, Mapping
from typing import Any

from bot.domain.errors import UserError
from bot.domain.text import MAX_NAME, clean_text
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Kind, Param


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
        word = words.need(_("the {what}", what=param.what)) if param.required else words.take()
        if word is None:
            return _ABSENT
        return typed.number(word, param.what, words.usage.example, high=param.high)
    if param.kind is Kind.FLAG:
        # A flag is typed as its own name: `/volunteer forget-me confirm`.
        word = words.take()
        if word is not None and word.text.lower() != param.name:
            raise UserError(
                _(
                    "I didn't expect {shown} there. {hint}",
                    shown=typed.shown(word.text),
                    hint=words.hint,
                )
            )
        return word is not None
    if param.read is None:
        raise TypeError(f"the {param.kind} parameter {param.name!r} needs a reader")
    return param.read(words)


# Readers of one parameter's text


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


def person(words: typed.Words) -> str:
    """The rest of the line as a volunteer's name or `#number`."""
    who = words.rest()
    if not who:
        raise UserError(_("I'm missing who: a name or a #number. {hint}", hint=words.hint))
    return clean_text(who, what="name", limit=MAX_NAME)
