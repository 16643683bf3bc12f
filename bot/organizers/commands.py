"""What organizers ask of the team's list of organizers."""

from dataclasses import dataclass

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class ManageOrganizers(Command):
    """`/turnout organizers [add|remove|group] [who]`: the list, or a change to it ("" change:
    the list)."""

    change: str = ""
    who: str = ""


@dataclass(frozen=True, slots=True)
class UnnameOrganizer(Command):
    """A Remove button beside a named organizer: it names the row, not the person."""

    row_id: int
