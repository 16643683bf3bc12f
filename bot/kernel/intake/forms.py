"""Forms: how a filled-in form becomes its command, whichever feature asked for it.

Platforms show forms natively (a Slack modal with date and time pickers, a Discord modal, one
question at a time in the console); the answers come back as strings and are read with the
same parsers as typed commands, so a form can never accept what a command would refuse. Each
feature declares a `FormReader` next to its form; the catalogue collects them into `Forms`.
"""

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.domain.errors import UserError
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.ports.replies import FormSubmission

Values = dict[str, str | tuple[str, ...]]
Parsed = TypeVar("Parsed")
# Reads a form's answers; `key` is what follows a prefix form id (`edit_shift:3` gives "3").
Read = Callable[[Actor, str, Values], Command]


@dataclass(frozen=True, slots=True)
class FormReader:
    """One form and how its answers become `builds`.

    A `form_id` ending in ":" is a prefix: the form carries what it is about after it
    (`edit_shift:3`), so it keeps working after a restart.
    """

    form_id: str
    builds: type[Command]
    read: Read

    def id_for(self, key: int | str) -> str:
        """The id of this form about `key` (a prefix form only)."""
        assert self.form_id.endswith(":"), self.form_id
        return f"{self.form_id}{key}"


class Forms:
    """Every feature's form readers, by form id."""

    def __init__(self, readers: Iterable[FormReader]) -> None:
        self.readers: dict[str, FormReader] = {}
        for reader in readers:
            if reader.form_id in self.readers:
                raise ValueError(f"two forms use the id {reader.form_id!r}")
            self.readers[reader.form_id] = reader

    def command_for(self, actor: Actor, submission: FormSubmission) -> Command:
        """Turn a filled-in form into its command; unknown or malformed answers are UserErrors."""
        reader = self.readers.get(submission.form_id)
        key = ""
        if reader is None:
            prefix, colon, key = submission.form_id.partition(":")
            reader = self.readers.get(prefix + colon) if colon else None
        if reader is None:
            raise UserError(_("That form has expired; type `/turnout help` to start again."))
        return reader.read(actor, key, submission.values)


@contextmanager
def answering(name: str) -> Iterator[None]:
    """Reading the answer `name`: a UserError raised inside is about that question, so a
    platform can ask it again alone and keep the other answers."""
    try:
        yield
    except UserError as error:
        error.about = error.about or name
        raise


def number_key(key: str, again: str) -> int:
    """The number a prefix form carries; a UserError saying `again` when it isn't one."""
    if not key.isdecimal() or len(key) > 9:
        raise UserError(_("That form has expired; {again}", again=again))
    return int(key)


def answers(options: Mapping[str, Any]) -> Values | None:
    """A command menu's options as a form's answers (None when no option was given at all)."""
    if all(value is None for value in options.values()):
        return None
    return {name: "" if value is None else str(value) for name, value in options.items()}


def text(values: Values, name: str, what: str, *, required: bool = True) -> str:
    """The answer `name`, stripped; a UserError naming `what` if it is missing or not text."""
    value = values.get(name, "")
    if not isinstance(value, str):
        raise UserError(_("Type {what} as text.", what=what), about=name)
    value = value.strip()
    if required and not value:
        raise UserError(_("Please fill in {what}.", what=what), about=name)
    return value


def word(values: Values, name: str, what: str) -> typed.Word:
    """The answer `name` as one word for the typed-value parsers (quoted: spaces allowed)."""
    return typed.Word(text(values, name, what), quoted=True)


def parsed(values: Values, name: str, what: str, parse: Callable[[typed.Word], Parsed]) -> Parsed:
    """The answer `name` read by `parse` (a typed-value parser); its refusal is about `name`."""
    with answering(name):
        return parse(word(values, name, what))
