"""The one catalogue: every feature's declarations, collected.

Each feature declares what it adds (its command entries, button verbs, form readers, notice
specs, sweeps, erasures and before-commit steps) in its own `FEATURE`; this module only
collects them, and everything else is derived from what it collects: the text grammar, the
help, the handler lookup, button and form routing, the notices the dispatcher can send,
Discord's command tree and Slack's manifest. Tests prove they agree.

`FEATURES` is in the order help lists each group's commands (a group's `help` comes last) and
the order erasures and sweeps run in.
"""

from collections.abc import Sequence
from functools import cache

from bot import (
    attendance,
    calendars,
    campaign,
    desk,
    editing,
    exports,
    home,
    hosting,
    linking,
    live_posts,
    organizers,
    positions,
    series,
    shifts,
    signups,
    stats,
    tasks,
    team_erasure,
    volunteers,
)
from bot.kernel.commands import Actor, Command
from bot.kernel.context import Context
from bot.kernel.feature import BeforeCommit, Feature, Sweep
from bot.kernel.intake import help
from bot.kernel.intake.buttons import Buttons
from bot.kernel.intake.docs import Docs
from bot.kernel.intake.entry import Entry, Handler, Topic
from bot.kernel.intake.forms import Forms
from bot.kernel.intake.grammar import Grammar
from bot.kernel.intake.groups import GROUPS, TOPICS
from bot.kernel.intake.topics import ROLES, group_topic
from bot.kernel.outbox import failures
from bot.kernel.outbox.notices import NoticeBook
from bot.shifts.new_shift import SHIFT_EXAMPLE
from bot.tasks.new_task import TASK_EXAMPLE

__all__ = ["FEATURES", "GROUPS", "SHIFT_EXAMPLE", "TASK_EXAMPLE", "TOPICS", "Catalogue"]

FEATURES: tuple[Feature, ...] = (
    signups.FEATURE,
    shifts.FEATURE,
    live_posts.FEATURE,
    editing.FEATURE,
    series.FEATURE,
    hosting.FEATURE,
    tasks.FEATURE,
    home.FEATURE,
    volunteers.FEATURE,
    positions.FEATURE,
    calendars.FEATURE,
    attendance.FEATURE,
    linking.FEATURE,
    team_erasure.FEATURE,
    organizers.FEATURE,
    campaign.FEATURE,
    stats.FEATURE,
    exports.FEATURE,
    desk.FEATURE,
    # Not a feature of its own: what the outbox says when a delivery fails.
    Feature("delivery failures", notices=failures.NOTICES),
)


def _in_help_order(entries: Sequence[Entry]) -> tuple[Entry, ...]:
    """Group by group in GROUPS order, features in FEATURES order, each group's help last."""
    rank = {name: index for index, name in enumerate(TOPICS)}
    return tuple(sorted(entries, key=lambda e: (rank[e.group], e.verb == "help")))


def _declared_topics(features: Sequence[Feature]) -> tuple[Topic, ...]:
    """Every help topic: each group, what the features declare (by name), then the roles."""
    declared = {t for f in features for t in f.topics}
    declared |= {t for f in features for e in f.entries for t in e.topics}
    return (*map(group_topic, GROUPS), *sorted(declared, key=lambda t: t.name), *ROLES)


class Catalogue:
    """Everything derived from a set of features: what the front door, the dispatcher, the
    scheduler and the adapters read. Each use case is lent it as `ctx.catalogue`."""

    def __init__(self, features: Sequence[Feature]) -> None:
        self.features = tuple(features)
        # Every help topic; `/turnout help` offers them all (on Discord, as its choices).
        self.topics = _declared_topics(features)
        # Every subcommand, group by group in GROUPS order, each in the order help lists it.
        names = tuple(topic.name for topic in self.topics)
        also = tuple(name for topic in self.topics for name in topic.also)
        own = [e for f in features for e in f.entries] + [campaign.turnout_help(names, also)]
        # `/shift` is `/phonebank` for every kind: derived from its entries, never listed twice.
        mine = [e for e in own if e.group != shifts.GROUP]
        self.entries = _in_help_order([*mine, *shifts.shift_entries(own)])
        # Commands that come from a button, a form or an arrival rather than a slash command.
        self.routes = tuple(route for f in features for route in f.routes)
        self.sweeps: tuple[Sweep, ...] = tuple(sweep for f in features for sweep in f.sweeps)
        self.before_commit: tuple[BeforeCommit, ...] = tuple(
            step for f in features for step in f.before_commit
        )
        self.grammar = Grammar(GROUPS, self.entries)
        self.buttons = Buttons(verb for f in features for verb in f.buttons)
        self.forms = Forms(reader for f in features for reader in f.forms)
        self.handlers = self._handlers()
        self.topic_entries = {topic: self._entries_of(topic) for topic in self.topics}

    def _entries_of(self, topic: Topic) -> tuple[Entry, ...]:
        """The commands `topic` lists, in help's order: a group's, a role's (by who may run
        them), or those whose feature or entry names it. Outside its group's own topic, a
        command `/shift` repeats is listed once, as `/shift` (which serves every kind), and
        no `help` is listed."""
        if topic.name in TOPICS:
            return tuple(e for e in self.entries if e.group == topic.name)
        by_feature = {(e.group, e.verb): f.topics for f in self.features for e in f.entries}
        repeated = {e.verb for e in self.entries if e.group == shifts.GROUP}

        def belongs(e: Entry) -> bool:
            if topic.who:
                return e.who in topic.who
            inherited = by_feature.get((e.group, e.verb)) or by_feature.get(
                (shifts.REPEATED, e.verb), ()
            )
            return topic in (*inherited, *e.topics)

        return tuple(
            e
            for e in self.entries
            if e.verb != "help"
            and not (e.group == shifts.REPEATED and e.verb in repeated)
            and belongs(e)
        )

    def _handlers(self) -> dict[type[Command], Handler]:
        """Every command an entry or route may build, with its use case; each has one.

        Raises ValueError if two declarations name different use cases for one command, so a
        conflict shows at start-up rather than as a wrong answer.
        """
        found: dict[type[Command], Handler] = {}
        pairs = [pair for entry in self.entries for pair in entry.handlers.items()]
        pairs += [(route.builds, route.handler) for route in self.routes]
        for command, handler in pairs:
            if found.setdefault(command, handler) is not handler:
                raise ValueError(f"{command.__name__} has two handlers in the catalogue")
        return found

    def preparers(self) -> dict[type[Command], Handler]:
        """The commands whose entries read first, outside the write turn, with that reading."""
        return {e.builds: e.prepare for e in self.entries if e.prepare is not None}

    def visitors_welcome(self) -> frozenset[type[Command]]:
        """The commands someone Turnout doesn't know may run without becoming a volunteer."""
        entries = [entry.builds for entry in self.entries if not entry.makes_volunteers]
        return frozenset([*entries, *(r.builds for r in self.routes if not r.enrols)])

    def readers(self) -> frozenset[type[Command]]:
        """The commands whose entries only read (they may start outside SQLite's write turn)."""
        return frozenset(entry.builds for entry in self.entries if entry.reads_only)

    def notice_book(self) -> NoticeBook:
        """Every feature's notice specs, and the one feature's channel posts."""
        posts = [f.posts for f in self.features if f.posts is not None]
        assert len(posts) == 1, "exactly one feature puts up channel posts"
        return NoticeBook([spec for f in self.features for spec in f.notices], posts[0])

    def help_text(
        self, topic: str, *, organizer: bool, host: bool = False, docs: Docs | None = None
    ) -> str:
        """The command reference for `topic` ("": the overview), as its reader may use it,
        pointing into the documentation at `docs` (unpublished: the docs/ folder)."""
        return help.help_text(
            GROUPS, self.topic_entries, topic, organizer=organizer, host=host, docs=docs or Docs()
        )

    async def erase(self, ctx: Context) -> None:
        """What every feature does as the person asking is forgotten, in this unit of work."""
        for feature in self.features:
            for erase in feature.erase:
                await erase(ctx)


@cache
def catalogue() -> Catalogue:
    """Turnout's catalogue, built the first time it is asked for (nothing is built at import)."""
    return Catalogue(FEATURES)


def entries(group_name: str) -> tuple[Entry, ...]:
    """A group's entries in the order its help lists them (empty for an unknown group)."""
    return tuple(entry for entry in catalogue().entries if entry.group == group_name)


def find(group_name: str, verb: str) -> Entry | None:
    """The entry for `/<group_name> <verb>`, or None when there is no such subcommand."""
    for entry in catalogue().entries:
        if entry.group == group_name and entry.verb == verb:
            return entry
    return None


def parse(actor: Actor, line: str) -> Command:
    """A slash command as typed, e.g. `/phonebank join 3`; UserError if unclear."""
    return catalogue().grammar.parse(actor, line)


def parse_command(actor: Actor, command: str, text: str) -> Command:
    """A command name (`/phonebank`) and the text after it, as Slack delivers them."""
    return catalogue().grammar.parse_command(actor, command, text)


def help_text(topic: str, *, organizer: bool, host: bool = False, docs: Docs | None = None) -> str:
    """The command reference for `topic` ("": the overview), as its reader may use it."""
    return catalogue().help_text(topic, organizer=organizer, host=host, docs=docs)
