"""What organizers ask when linking their team into another team's campaign, or leaving it."""

from dataclasses import dataclass

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class LinkTeam(Command):
    """`/turnout link`: a new code ("" code), or join the campaign the code names."""

    code: str = ""
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class ConfirmLink(Command):
    """The Confirm button under a code this team typed: it names the code's row, not the code."""

    code_id: int


@dataclass(frozen=True, slots=True)
class UnlinkTeam(Command):
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class KeepLinks(Command):
    """The organizer thought better of linking or unlinking."""
