"""What an organizer or host asks of the desk from chat."""

from dataclasses import dataclass

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class OpenDesk(Command):
    """`/turnout desk [signout]`: a sign-in link to the desk (signout: end every session)."""

    signout: bool = False
