"""Shifts: list, join, leave, mine, create, roster, cancel, announce; organizers booking people
on and off them; and how shifts look in lists."""

from bot.kernel.feature import Feature
from bot.shifts import bookings
from bot.shifts.entries import ENTRIES
from bot.shifts.new_shift import SHIFT
from bot.shifts.notices import NOTICES

FEATURE = Feature(
    "shifts",
    entries=ENTRIES,
    forms=(SHIFT,),
    notices=NOTICES,
    erase=(bookings.erase_bookings,),
)
