"""Shifts: list, join, leave, mine, create, roster, cancel, announce; organizers booking people
on and off them; and how shifts look in lists."""

from bot.kernel.feature import Feature
from bot.shifts.commands import CreateShift
from bot.shifts.entries import ENTRIES
from bot.shifts.new_shift import CREATE_PARAMS, SHIFT, read_new_shift, shift_form, shift_options
from bot.shifts.notices import NOTICES
from bot.shifts.views import my_seats, shift_item

FEATURE = Feature(
    "shifts",
    entries=ENTRIES,
    forms=(SHIFT,),
    notices=NOTICES,
)

__all__ = [
    "CREATE_PARAMS",
    "FEATURE",
    "SHIFT",
    "CreateShift",
    "my_seats",
    "read_new_shift",
    "shift_form",
    "shift_item",
    "shift_options",
]
