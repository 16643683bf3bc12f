"""The shifts' buttons: Book anyway (with `over`, a seat added if it is full) when a booking
falls outside the times the volunteer said they're free, named by shift and volunteer number,
and Cancel; and a shift's roster, for its host (and organizers)."""

from dataclasses import dataclass

from bot.kernel.commands import Actor, Command
from bot.kernel.intake.buttons import Numbered, Paired, Plain
from bot.shifts.commands import AddToShift, KeepOffShift, ShowRoster


def _volunteer(number: int) -> str:
    """The volunteer's number as `who` names them: `#12`."""
    return f"#{number}"


BOOK = Paired("book", AddToShift, "shift", "who", {"confirm": True}, value=_volunteer)
BOOK_OVER = Paired(
    "bookover", AddToShift, "shift", "who", {"confirm": True, "over": True}, value=_volunteer
)
DONT_BOOK = Plain("dontbook", KeepOffShift)


@dataclass(frozen=True, slots=True)
class _BookAs(Paired):
    """Book anyway, in a position: the second number carries the volunteer's number and the
    position's name does not fit a button, so it is typed back from `book_as`'s encoding."""

    def command(self, actor: Actor, first: int, second: int) -> Command:
        person, place = divmod(second, _PLACES)
        return AddToShift(actor, shift=first, who=f"#{person}", confirm=True, position=str(place))


# Positions per shift stay below this (bot/domain/positions.py MAX_POSITIONS).
_PLACES = 100
BOOK_AS = _BookAs("bookas", AddToShift, "shift", "who")


def book_as(person: int, place: int) -> int:
    """The Book anyway button's second number: volunteer `person` in the shift's position
    number `place` (1 for the first)."""
    return person * _PLACES + place


ROSTER = Numbered("roster", ShowRoster, "shift")
