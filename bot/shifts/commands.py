"""What organizers and volunteers ask of shifts: mine, create, roster, cancel, announce, book."""

from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.domain.kinds import PHONE_BANK
from bot.kernel.commands import Command
from bot.series import Repeats


@dataclass(frozen=True, slots=True)
class MyShifts(Command):
    pass


@dataclass(frozen=True, slots=True)
class CreateShift(Command):
    title: str
    day: date
    start: time
    duration: timedelta
    capacity: int
    link: str | None = None
    # The create form's repeat answer: the new shift starts a weekly series at once.
    repeats: Repeats | None = None
    # The form had no room to ask how it repeats (Discord): the reply offers a Repeat button.
    offer_repeat: bool = False
    # Its kind's id (bot.domain.kinds): `/phonebank create` makes phone banks.
    kind: str = PHONE_BANK.id


@dataclass(frozen=True, slots=True)
class StartShiftForm(Command):
    """`/phonebank create` with nothing after it: ask for the shift in a form.

    `/shift create` alone asks the kind first (None); with a kind chosen, its form."""

    kind: str | None = PHONE_BANK.id


@dataclass(frozen=True, slots=True)
class ShowRoster(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class CancelShift(Command):
    shift: int
    # A date of a weekly series: cancel it and every later one.
    following: bool = False


@dataclass(frozen=True, slots=True)
class Announce(Command):
    """A message to everyone confirmed for a shift; `waitlist` also to those waiting."""

    shift: int
    message: str
    waitlist: bool = False


@dataclass(frozen=True, slots=True)
class AddToShift(Command):
    """An organizer books `who` (a name or `#number`); `over` adds a seat if it is full;
    `confirm` books them even outside the times they said they're free."""

    shift: int
    who: str
    over: bool = False
    confirm: bool = False
    # On a shift with positions, the one to book them in (`as driver`).
    position: str = ""


@dataclass(frozen=True, slots=True)
class KeepOffShift(Command):
    """The Cancel button when a booking outside someone's availability asked first."""


@dataclass(frozen=True, slots=True)
class RemoveFromShift(Command):
    shift: int
    who: str


@dataclass(frozen=True, slots=True)
class MoveBetweenShifts(Command):
    who: str
    from_shift: int
    to_shift: int
