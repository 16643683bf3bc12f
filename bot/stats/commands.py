"""What organizers ask of the campaign's numbers and its weekly digest."""

from dataclasses import dataclass

from bot.kernel.commands import Command


# Numbers for organizers
@dataclass(frozen=True, slots=True)
class ShowStats(Command):
    # `7d`, `30d`, `90d` or `all`.
    period: str = "30d"


@dataclass(frozen=True, slots=True)
class SetDigest(Command):
    # `off`, or `<weekday> <HH:MM>`; read by bot.domain.stats.read_digest.
    when: str


@dataclass(frozen=True, slots=True)
class SetListed(Command):
    # `on` or `off`: whether I may be named among the most active volunteers.
    choice: str
