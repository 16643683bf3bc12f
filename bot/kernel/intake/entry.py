"""What one catalogue entry says about a command, so every surface can be derived from it.

An entry is plain data: the command's group and verb, how it is typed and what it does, who may
run it, its typed parameters with the domain's limits, how typed text and option answers become
the command, and the use case that handles it. Each feature declares its entries; `bot.catalogue`
collects them, and the grammar, the help, the handler lookup, Discord's command tree and
Slack's manifest are read from them.
"""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from bot.domain.campaign import MAX_NUMBER
from bot.kernel.commands import Actor, Command
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.typed_values import Usage, Words

if TYPE_CHECKING:
    from bot.kernel.context import Context

# A use case: `async def join_shift(cmd: JoinShift, ctx: Context) -> Reply`.
Handler = Callable[[Any, "Context"], Awaitable[Any]]
TextReader = Callable[[Actor, Words], Command]
OptionReader = Callable[[Actor, Mapping[str, Any]], Command]


class Who(StrEnum):
    """Who may run a command; the use case enforces it, the help and menus show it."""

    EVERYONE = "everyone"
    # The host of the shift (a volunteer who runs it) and organizers; checked per shift.
    HOST = "host of the shift"
    ORGANIZER = "organizer"


class Kind(StrEnum):
    """What a parameter holds, which decides how menus offer it."""

    NUMBER = "number"  # a whole number from 1 to `high`
    TEXT = "text"  # the rest of the typed line, or one text option
    FLAG = "flag"  # yes or no; typed as a keyword, offered as a true/false option
    TOPIC = "topic"  # one of `choices`


@dataclass(frozen=True, slots=True)
class Label:
    """A choice as menus show it: an emoji and a name (a msgid, translated where shown)."""

    emoji: str
    name: str

    def __str__(self) -> str:
        return f"{self.emoji} {self.name}"


@dataclass(frozen=True, slots=True)
class Param:
    """One typed parameter: its name as an option, what it means, and its limits.

    `what` names it in error sentences ("the shift number"); `field` is the form answer or
    command field it fills when that differs from `name`. Text parameters are read by `read`
    (the same reader for a typed line and a menu option), so no surface accepts what another
    refuses.
    """

    name: str
    kind: Kind
    about: str
    what: str = ""
    required: bool = True
    high: int = MAX_NUMBER
    max_length: int = 100
    pick: Pick | None = None
    read: Callable[[Words], Any] | None = None
    choices: tuple[str, ...] = ()
    field: str = ""
    # How menus show each of `choices` (same order); empty: the choices as typed.
    labels: tuple[Label, ...] = ()
    # Names people or groups by @mention: Slack then sends them as IDs (`should_escape`).
    mentions: bool = False

    @property
    def target(self) -> str:
        """The command field (or form answer) this parameter fills."""
        return self.field or self.name


def asked_first(action: str) -> Param:
    """The `confirm` flag of a command that asks before it acts: `action` names what it does
    ("erase", "unlink"); the command's `confirmed` field says it was given."""
    return Param(
        "confirm",
        Kind.FLAG,
        f"True to {action} now; leave it out to be asked first",
        required=False,
        field="confirmed",
    )


@dataclass(frozen=True, slots=True)
class Topic:
    """Something `/turnout help <name>` explains: its commands, and where the documentation
    says more.

    `doc` is a page of the documentation site (under docs/) and the heading on it, like
    `organizers.md#tasks`, where organizers read more; `everyone_doc`, where everyone else does
    (empty: `doc`). `organizers_have` finishes "Organizers also have commands to …" for
    readers who aren't shown every command of the topic. `also` are other names people type for
    it. A feature's commands belong to the topics its `Feature.topics` (or an entry's own
    `topics`) names; a role's topic (`who`) holds every command those people may run.
    """

    name: str
    heading: str
    doc: str
    organizers_have: str = ""
    everyone_doc: str = ""
    also: tuple[str, ...] = ()
    who: tuple[Who, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """What may be typed for it: its name, then its other names."""
        return (self.name, *self.also)

    def doc_for(self, *, organizer: bool) -> str:
        """The page (and heading) the reader reads more on."""
        return self.doc if organizer else self.everyone_doc or self.doc


@dataclass(frozen=True, slots=True)
class Entry:
    """One subcommand, e.g. `/phonebank join`, and everything the surfaces need to offer it.

    Without `text`, a typed line is read parameter by parameter; without `options`, menu
    answers fill the command's fields by parameter. `also` names further commands the entry
    may build (a bare `/phonebank create` asks for a form) with their handlers. `hint` is what
    the command's usage hint shows for it (None: left out); `menu` False keeps it off command
    menus with typed options (Discord, 25 to a command), where `/turnout help` covers every
    topic and buttons from another command (`/phonebank proposals`) do what it does.
    """

    group: str
    verb: str
    usage: Usage
    builds: type[Command]
    handler: Handler
    who: Who = Who.EVERYONE
    params: tuple[Param, ...] = ()
    fixed: Mapping[str, Any] = field(default_factory=dict)
    text: TextReader | None = None
    options: OptionReader | None = None
    also: Mapping[type[Command], Handler] = field(default_factory=dict)
    hint: str | None = None
    menu: bool = True
    # The answer is usually for the whole channel (a new shift or task), so menus say so early.
    public: bool = False
    # Only reads: on SQLite it runs without waiting for (or holding) the write turn. A hint, not
    # a promise: one that turns out to write is rolled back and run again as a writer.
    reads_only: bool = False
    # Whether someone Turnout doesn't know yet becomes a volunteer by running it (welcomed, the
    # organizers told): what signs them up or stores their settings does. Reading never does
    # (`reads_only`), nor does asking to be forgotten.
    enrols: bool = True
    # A long read to do first as a reader (an export), so SQLite's write turn isn't held while
    # it runs; the handler finds its result in `ctx.prepared` (None if it couldn't run there).
    prepare: Handler | None = None
    # Help topics this command belongs to beyond its feature's (`Feature.topics`).
    topics: tuple[Topic, ...] = ()

    @property
    def organizer(self) -> bool:
        return self.who is Who.ORGANIZER

    @property
    def makes_volunteers(self) -> bool:
        """Whether running it makes someone Turnout doesn't know yet a volunteer."""
        return self.enrols and not self.reads_only

    @property
    def handlers(self) -> dict[type[Command], Handler]:
        """Every command this entry may build, with the use case that handles it."""
        return {self.builds: self.handler, **self.also}


@dataclass(frozen=True, slots=True)
class Group:
    """A slash command (`/phonebank`) and how help and command menus present it.

    `alone` is the verb a bare `/phonebank` means. `heading` titles its help section;
    `description` is the short line menus show (Discord), `menu_description` the longer one
    (Slack's command list); `organizers_have` finishes "Organizers also have commands to …",
    said of what only organizers may run (a shift's host reads what hosts may run).
    """

    name: str
    alone: str
    heading: str
    description: str
    menu_description: str
    organizers_have: str
    overview: str = ""


@dataclass(frozen=True, slots=True)
class Route:
    """A command that comes from a button, a form or an arrival, not a slash command.

    `enrols`, as an entry's: whether someone Turnout doesn't know becomes a volunteer by it.
    """

    builds: type[Command]
    handler: Handler
    via: str
    enrols: bool = True
