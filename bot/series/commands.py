"""What organizers and volunteers ask of a weekly series."""

from dataclasses import dataclass
from datetime import date

from bot.kernel.commands import Command


@dataclass(frozen=True, slots=True)
class Repeats:
    """How a weekly series repeats, as `/phonebank repeat` or the repeat questions say."""

    every: int = 1
    weekdays: tuple[int, ...] = ()
    until: date | None = None
    times: int | None = None


@dataclass(frozen=True, slots=True)
class RepeatShift(Command):
    """`/phonebank repeat`: make the shift the first date of a weekly series."""

    shift: int
    every: int = 1
    weekdays: tuple[int, ...] = ()
    until: date | None = None
    times: int | None = None


@dataclass(frozen=True, slots=True)
class StartRepeatForm(Command):
    """The Repeat button after creating a shift: ask how it repeats, in a form."""

    shift: int


@dataclass(frozen=True, slots=True)
class JoinEveryWeek(Command):
    """The Every week button: a standing sign-up for the shift's series."""

    shift: int
