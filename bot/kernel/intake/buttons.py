"""Buttons: `turnout:<verb>[:<number>[:<number>]]`, read back into the commands they stand for.

The action names what it acts on, so a button keeps working after a restart and on any
platform; the number is the short per-campaign number people also type. Each feature declares
its verbs next to its commands (`JOIN = Numbered("join", JoinShift, "shift")`) and draws its
buttons from them (`JOIN.action(3)`), so a button can't name a verb nobody reads; the catalogue
collects every feature's verbs into one `Buttons`, which refuses two verbs of the same name.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.domain.errors import UserError
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _

PREFIX = "turnout"
# Link buttons open an address and send nothing the core reads; platforms that still report
# the click (Slack) get this prefix, acknowledged and ignored.
LINK_PREFIX = "turnout-link"


@dataclass(frozen=True, slots=True)
class Plain:
    """A button that carries no number: `turnout:shifts`."""

    verb: str
    builds: type[Command]
    fixed: Mapping[str, Any] = field(default_factory=dict)

    def action(self) -> str:
        return f"{PREFIX}:{self.verb}"

    def command(self, actor: Actor) -> Command:
        return self.builds(actor, **self.fixed)


@dataclass(frozen=True, slots=True)
class Numbered:
    """A button that names one thing by its number: `turnout:join:3` `fills` `shift=3`.

    `value` turns the number into the field's value where the field is not the number itself.
    """

    verb: str
    builds: type[Command]
    fills: str
    fixed: Mapping[str, Any] = field(default_factory=dict)
    value: Callable[[int], Any] | None = None

    def action(self, number: int) -> str:
        return f"{PREFIX}:{self.verb}:{number}"

    def command(self, actor: Actor, number: int) -> Command:
        value = number if self.value is None else self.value(number)
        return self.builds(actor, **{self.fills: value}, **self.fixed)


@dataclass(frozen=True, slots=True)
class Paired:
    """A button with two numbers: `turnout:seats:3:6` confirms 6 seats on shift 3.

    `value` reads the second number into its field (a date as 20261128, a time as 1930) and
    raises `old_button()` for one it can't read.
    """

    verb: str
    builds: type[Command]
    first: str
    second: str
    fixed: Mapping[str, Any] = field(default_factory=dict)
    value: Callable[[int], Any] | None = None

    def action(self, first: int, second: int) -> str:
        return f"{PREFIX}:{self.verb}:{first}:{second}"

    def command(self, actor: Actor, first: int, second: int) -> Command:
        value = second if self.value is None else self.value(second)
        return self.builds(actor, **{self.first: first, self.second: value}, **self.fixed)


Verb = Plain | Numbered | Paired


class Buttons:
    """Every feature's verbs, read back from a pressed button's action."""

    def __init__(self, verbs: Iterable[Verb]) -> None:
        self.verbs: dict[str, Verb] = {}
        for verb in verbs:
            if verb.verb in self.verbs:
                raise ValueError(f"two buttons use the verb {verb.verb!r}")
            self.verbs[verb.verb] = verb

    def command_for(self, actor: Actor, pressed: str) -> Command:
        """The command a pressed button stands for; a UserError for one no verb reads."""
        prefix, _skip, rest = pressed.partition(":")
        name, _skip, numbers = rest.partition(":")
        verb = self.verbs.get(name) if prefix == PREFIX else None
        first, _skip, second = numbers.partition(":")
        if isinstance(verb, Plain) and not numbers:
            return verb.command(actor)
        if isinstance(verb, Numbered) and _short_number(numbers):
            return verb.command(actor, int(numbers))
        if isinstance(verb, Paired) and _short_number(first) and _short_number(second):
            return verb.command(actor, int(first), int(second))
        raise old_button()


def link_action(name: str) -> str:
    """The identifier of a link button, e.g. link_action('calendar:3')."""
    return f"{LINK_PREFIX}:{name}"


def old_button() -> UserError:
    """The refusal for a button no verb reads (from a version of Turnout that had it)."""
    return UserError(
        _("That button is from an older version of Turnout; type `/turnout help` instead.")
    )


def _short_number(text: str) -> bool:
    return text.isdecimal() and len(text) < 10
