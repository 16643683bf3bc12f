"""What people ask after the sign-up: confirm, check in, debrief, marks, reports, history."""

from dataclasses import dataclass
from datetime import timedelta

from bot.kernel.commands import Command


# After the sign-up
@dataclass(frozen=True, slots=True)
class ConfirmShift(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class CheckIn(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class ShowAttendance(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class MarkAttendance(Command):
    shift: int
    who: str
    # `here` or `no-show`, as typed; the use case reads it.
    mark: str


@dataclass(frozen=True, slots=True)
class MarkSignup(Command):
    """An organizer's Here / No-show button, which names the sign-up itself."""

    signup: int
    mark: str


@dataclass(frozen=True, slots=True)
class StartDebrief(Command):
    """ "I made it", or `/phonebank debrief <shift>` alone: the debrief form."""

    shift: int


@dataclass(frozen=True, slots=True)
class Debrief(Command):
    shift: int
    calls: int
    conversations: int
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DebriefMissed(Command):
    """ "I couldn't make it"."""

    shift: int


@dataclass(frozen=True, slots=True)
class ShowReport(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class ShowHistory(Command):
    # Empty: the asker's own record.
    who: str = ""


@dataclass(frozen=True, slots=True)
class NudgeShift(Command):
    """ "Nudge them": DM the confirmed who have not said "I'll be there" (once per shift)."""

    shift: int


@dataclass(frozen=True, slots=True)
class SetConfirmCheck(Command):
    """`/turnout confirm-check 12h|off`; None turns it off."""

    before: timedelta | None
