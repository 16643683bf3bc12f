"""What organizers ask to post in a channel: a shift, or the board of upcoming shifts."""

from dataclasses import dataclass

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class PostShift(Command):
    """`/phonebank post <shift>`: post the shift again here, kept current (organizers)."""

    shift: int


@dataclass(frozen=True, slots=True)
class PostBoard(Command):
    """`/phonebank board`: post the board of upcoming shifts here, kept current (organizers)."""
