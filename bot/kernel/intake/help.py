"""The command reference people read with `help`, written from the command catalogue.

The grammar quotes the same usages in its errors, so an error never teaches a different
spelling than the help does. The text is plain (no markup) so Slack, Discord and the console
can all show it as it is.
"""

from collections.abc import Sequence

from bot.kernel.intake.entry import Entry, Group


def help_text(
    groups: Sequence[Group], entries: Sequence[Entry], topic: str, *, organizer: bool
) -> str:
    """The command reference for a topic ('' or an unknown topic: an overview of everything).

    Organizer-only commands are listed only for organizers; everyone else reads one line saying
    organizers have more, so nobody is taught a command that will only refuse them.
    """
    sections = {g.name: (g, [e for e in entries if e.group == g.name]) for g in groups}
    if topic in sections:
        return "\n".join(_section(*sections[topic], organizer=organizer))
    lines = ["Turnout helps our volunteers find shifts and tasks. Commands:"]
    lines += [f"/{g.name} help — {g.overview}" for g in groups if g.overview]
    if organizer:
        lines += ["", *_section(*sections["turnout"], organizer=True)]
    else:
        lines.append("/turnout help — this overview")
        lines.append(
            "Organizers also have commands to " + sections["turnout"][0].organizers_have + "."
        )
    return "\n".join(lines)


def _section(group: Group, entries: Sequence[Entry], *, organizer: bool) -> list[str]:
    lines = [group.heading + ":"]
    shown = [e for e in entries if organizer or not e.organizer]
    lines += [f"{e.usage.syntax} — {e.usage.summary}" for e in shown]
    if not organizer and any(e.organizer for e in entries):
        lines.append("Organizers also have commands to " + group.organizers_have + ".")
    return lines
