"""A feature's declaration: everything it adds to Turnout, written next to its definitions.

Each feature package ends its `__init__` with one `FEATURE = Feature(...)`: its command
entries, the commands that come from buttons, forms or arrivals (`routes`), its button verbs,
form readers and notice specs, the help topics its commands belong to, its periodic sweeps,
what it does when a volunteer asks to be forgotten, and what it does just before each command
commits. `bot.catalogue` collects them; nothing else keeps a list of them.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.kernel.context import Context
from bot.kernel.intake.buttons import Verb
from bot.kernel.intake.entry import Entry, Route, Topic
from bot.kernel.intake.forms import FormReader
from bot.kernel.outbox.notices import ChannelPosts, NoticeSpec
from bot.ports.storage import Storage

# What the feature does, in this unit of work, when the person asking (`ctx.volunteer`) asks to
# be forgotten, before storage erases every row that points at them (seats given up, say).
Erase = Callable[[Context], Awaitable[None]]
# Runs in the unit of work of every command, after its use case, just before it commits.
BeforeCommit = Callable[[Context], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Sweep:
    """Periodic work the scheduler runs every minute (before delivering what is due).

    `run` returns how many things it did; the log says `done` % that many `unit`s, and when the
    database is unavailable, that the `waiting` wait for the next sweep. `next_at`, where the
    sweep's work falls due at known moments, says the first: time let pass in one go (the
    console's `:advance`) stops there, as the minutes would have.
    """

    run: Callable[[Storage, datetime], Awaitable[int]]
    done: str
    unit: str
    waiting: str
    next_at: Callable[[Storage], Awaitable[datetime | None]] | None = None


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    entries: tuple[Entry, ...] = ()
    routes: tuple[Route, ...] = ()
    buttons: tuple[Verb, ...] = ()
    forms: tuple[FormReader, ...] = ()
    notices: tuple[NoticeSpec, ...] = ()
    sweeps: tuple[Sweep, ...] = ()
    erase: tuple[Erase, ...] = ()
    before_commit: tuple[BeforeCommit, ...] = ()
    # The one feature whose notices are channel posts rather than messages to people.
    posts: ChannelPosts[Any] | None = None
    # The help topics every one of its commands belongs to (`/turnout help <topic>`).
    topics: tuple[Topic, ...] = ()
