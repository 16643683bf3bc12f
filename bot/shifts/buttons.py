"""The shifts' buttons: Book anyway (with `over`, a seat added if it is full) when a booking
falls outside the times the volunteer said they're free, named by shift and volunteer number,
and Cancel; and a shift's roster, for its host (and organizers)."""

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
ROSTER = Numbered("roster", ShowRoster, "shift")
