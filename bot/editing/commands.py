"""What organizers ask to change a shift, and a volunteer's "Still works"."""

from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.kernel.commands import Command


# Organizer control of a shift
@dataclass(frozen=True, slots=True)
class StartEditForm(Command):
    """`/phonebank edit <shift>` alone: the shift's form, filled in with what it is now."""

    shift: int


@dataclass(frozen=True, slots=True)
class EditShift(Command):
    """Change some of a shift's details; None leaves a detail as it is.

    `link` "" removes the link. Fewer seats than people confirmed moves the last to join back
    to the waitlist, which needs `confirm`; so does a typed change that DMs people, once the
    organizer has seen how many.
    """

    shift: int
    title: str | None = None
    day: date | None = None
    start: time | None = None
    duration: timedelta | None = None
    capacity: int | None = None
    link: str | None = None
    confirm: bool = False
    # The organizer already saw who a change tells (the edit form says so), so it saves at once.
    shown_who: bool = False
    # A date of a weekly series: this date, every later one, and the dates still to come.
    following: bool = False


@dataclass(frozen=True, slots=True)
class KeepShiftAfterMove(Command):
    """The Still works button on a "your shift moved" message."""

    shift: int
