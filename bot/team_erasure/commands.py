"""What organizers ask when erasing their team's data, and the way out."""

from dataclasses import dataclass

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class EraseTeam(Command):
    """`/turnout erase-team [confirm]`: say what goes, or (confirmed) erase it."""

    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class ConfirmEraseTeam(Command):
    """The Erase button: it names the team it was shown to, so it erases no other."""

    team_id: int


@dataclass(frozen=True, slots=True)
class KeepTeam(Command):
    """The organizer thought better of erasing the team."""
