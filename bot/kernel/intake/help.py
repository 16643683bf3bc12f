"""The command reference people read with `help`, written from the command catalogue.

The grammar quotes the same usages in its errors, so an error never teaches a different
spelling than the help does. The text is plain (no markup) so Slack, Discord and the console
can all show it as it is; each topic ends with where the documentation says more.
"""

from collections.abc import Mapping, Sequence

from bot.kernel.i18n import _
from bot.kernel.intake.docs import Docs
from bot.kernel.intake.entry import Entry, Group, Topic, Who
from bot.kernel.intake.topics import ORGANIZERS_HAVE


def help_text(
    groups: Sequence[Group],
    topics: Mapping[Topic, Sequence[Entry]],
    topic: str,
    *,
    organizer: bool,
    host: bool = False,
    docs: Docs,
) -> str:
    """The command reference for a topic ('' or an unknown topic: an overview of everything).

    `topics` holds every topic with its commands, in help's order. Each person reads only the
    commands they may run: organizers all of them, the host of a shift also what a host may do
    on it, everyone else what every volunteer may. Whoever doesn't see every command reads one
    line saying what else organizers have, so nobody is taught a command that will only refuse
    them.
    """
    chosen = find(topics, topic)
    if chosen is not None:
        section = _role if chosen.who else _section
        lines = section(chosen, topics, organizer=organizer, host=host)
        return "\n".join([*lines, *_more(docs, chosen.doc_for(organizer=organizer))])
    lines = [_("Turnout helps our volunteers find shifts and tasks. Commands:")]
    lines += [f"/{g.name} help — {_(g.overview)}" for g in groups if g.overview]
    if organizer:
        turnout = find(topics, "turnout")
        assert turnout is not None, "every group is a topic"
        lines += ["", *_section(turnout, topics, organizer=True, host=host)]
    else:
        lines.append(_("/turnout help — this overview"))
        lines.append(_("Organizers also have commands to {what}.", what=_(ORGANIZERS_HAVE)))
    named = {g.name for g in groups}
    lines += ["", one_topic([t.name for t in topics if t.name not in named])]
    return "\n".join([*lines, *_more(docs, "index.md")])


def find(topics: Mapping[Topic, Sequence[Entry]], name: str) -> Topic | None:
    """The topic `name` (or one of its other names) means, if any."""
    return next((t for t in topics if name in t.names), None)


def one_topic(names: Sequence[str]) -> str:
    """The sentence that says how to ask about one of `names`."""
    return _("For one topic, type /turnout help and one of: {topics}.", topics=", ".join(names))


def may_run(entry: Entry, *, organizer: bool, host: bool) -> bool:
    """Whether the reader may run the entry at all (a host: on the shift they host)."""
    return organizer or entry.who is Who.EVERYONE or (host and entry.who is Who.HOST)


def _section(
    topic: Topic, topics: Mapping[Topic, Sequence[Entry]], *, organizer: bool, host: bool
) -> list[str]:
    entries = topics[topic]
    lines = [f"{_(topic.heading)}:"]
    shown = [e for e in entries if may_run(e, organizer=organizer, host=host)]
    lines += [f"{e.usage.syntax} — {_(e.usage.summary)}" for e in shown]
    return [*lines, *_organizers_also(topic, hidden=len(shown) < len(entries))]


def _role(
    role: Topic, topics: Mapping[Topic, Sequence[Entry]], *, organizer: bool, host: bool
) -> list[str]:
    """A role's commands, too many to explain one by one: a line per topic naming those the
    reader may run (`shifts: /shift create, edit`), each explained in its topic's help."""
    mine = {id(e) for e in topics[role] if may_run(e, organizer=organizer, host=host)}
    lines, placed = [f"{_(role.heading)}:"], set()
    for topic, entries in topics.items():
        shown = [e for e in entries if id(e) in mine]
        # Each group is a topic of its own, which holds all of them: only the others list.
        if topic.who or not shown or all(e.group == topic.name for e in entries):
            continue
        lines.append(f"{topic.name}: {_commands(shown)}")
        placed |= {id(e) for e in shown}
    rest = [e for e in topics[role] if id(e) in mine - placed]
    if rest:
        lines.append(_("And: {commands}", commands=_commands(rest)))
    if mine:
        lines.append(_("Type /turnout help and one of these topics to read how to use each."))
    return [*lines, *_organizers_also(role, hidden=len(mine) < len(topics[role]))]


def _commands(entries: Sequence[Entry]) -> str:
    """`/shift create, edit; /turnout stats`: each group once, its verbs after it."""
    parts: list[tuple[str, list[str]]] = []
    for entry in entries:
        if parts and parts[-1][0] == entry.group:
            parts[-1][1].append(entry.verb)
        else:
            parts.append((entry.group, [entry.verb]))
    return "; ".join(f"/{group} {', '.join(verbs)}" for group, verbs in parts)


def _organizers_also(topic: Topic, *, hidden: bool) -> list[str]:
    if not hidden:
        return []
    what = _(topic.organizers_have or ORGANIZERS_HAVE)
    return [_("Organizers also have commands to {what}.", what=what)]


def _more(docs: Docs, doc: str) -> list[str]:
    """Where the documentation says more, when the reader can follow it there."""
    link = docs.link(doc)
    return [] if link is None else [_("More: {link}", link=link)]
