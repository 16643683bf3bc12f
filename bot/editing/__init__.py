"""Editing a shift: its title, time, length, seats and link, with everyone on it told."""

from bot.editing import buttons, edits
from bot.editing.commands import KeepShiftAfterMove
from bot.editing.entries import ENTRIES
from bot.editing.forms import EDIT, LINK
from bot.editing.notices import NOTICES
from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route
from bot.signups import SHIFTS_TOPIC

FEATURE = Feature(
    "editing",
    topics=(SHIFTS_TOPIC,),
    entries=ENTRIES,
    routes=(
        Route(KeepShiftAfterMove, edits.keep_after_move, "the Still works button (turnout:still)"),
    ),
    buttons=(buttons.STILL, buttons.SEATS, buttons.NEW_DATE, buttons.NEW_TIME, buttons.NEW_LENGTH),
    forms=(EDIT, LINK),
    notices=NOTICES,
)

__all__ = ["FEATURE"]
