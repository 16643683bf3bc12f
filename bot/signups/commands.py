"""A seat's own commands: list the shifts, join, leave, and take or pass an offered seat."""

from dataclasses import dataclass

from bot.kernel.commands import Command


# Phone banks and shifts
@dataclass(frozen=True, slots=True)
class ListShifts(Command):
    page: int = 1
    # `/shift list canvass`: one kind's shifts (its id); None: every kind.
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class JoinShift(Command):
    shift: int
    # On a shift with positions, the one to take (its name, or its number in the list).
    position: str = ""


@dataclass(frozen=True, slots=True)
class LeaveShift(Command):
    shift: int
    # A date of a weekly series: leave it and every later one, and end "Every week".
    following: bool = False


@dataclass(frozen=True, slots=True)
class TakeSeat(Command):
    """ "Take the seat": the offeree takes the seat kept for them."""

    shift: int


@dataclass(frozen=True, slots=True)
class PassSeat(Command):
    """ "Pass": the offeree lets the seat go to the next in line."""

    shift: int
