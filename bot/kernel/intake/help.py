"""The command reference people read with `help`, written from the command catalogue.

The grammar quotes the same usages in its errors, so an error never teaches a different
spelling than the help does. The text is plain (no markup) so Slack, Discord and the console
can all show it as it is.
"""

from collections.abc import Sequence

from bot.kernel.i18n import N_, _
from bot.kernel.intake.entry import Entry, Group, Who

# What the overview tells everyone but organizers, whose overview lists the commands.
_ORGANIZERS_HAVE = N_("plan shifts and tasks, welcome newcomers and set up the campaign")


def help_text(
    groups: Sequence[Group],
    entries: Sequence[Entry],
    topic: str,
    *,
    organizer: bool,
    host: bool = False,
) -> str:
    """The command reference for a topic ('' or an unknown topic: an overview of everything).

    Each person reads only the commands they may run: organizers all of them, the host of a
    shift also what a host may do on it, everyone else what every volunteer may. Whoever
    doesn't see every command reads one line saying what else organizers have, so nobody is
    taught a command that will only refuse them.
    """
    sections = {g.name: (g, [e for e in entries if e.group == g.name]) for g in groups}
    if topic in sections:
        return "\n".join(_section(*sections[topic], organizer=organizer, host=host))
    lines = [_("Turnout helps our volunteers find shifts and tasks. Commands:")]
    lines += [f"/{g.name} help — {_(g.overview)}" for g in groups if g.overview]
    if organizer:
        lines += ["", *_section(*sections["turnout"], organizer=True, host=host)]
    else:
        lines.append(_("/turnout help — this overview"))
        lines.append(
            _(
                "Organizers also have commands to {what}.",
                what=_(_ORGANIZERS_HAVE),
            )
        )
    return "\n".join(lines)


def may_run(entry: Entry, *, organizer: bool, host: bool) -> bool:
    """Whether the reader may run the entry at all (a host: on the shift they host)."""
    return organizer or entry.who is Who.EVERYONE or (host and entry.who is Who.HOST)


def _section(group: Group, entries: Sequence[Entry], *, organizer: bool, host: bool) -> list[str]:
    lines = [f"{_(group.heading)}:"]
    shown = [e for e in entries if may_run(e, organizer=organizer, host=host)]
    lines += [f"{e.usage.syntax} — {_(e.usage.summary)}" for e in shown]
    if len(shown) < len(entries):
        lines.append(_("Organizers also have commands to {what}.", what=_(group.organizers_have)))
    return lines
