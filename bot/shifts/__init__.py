"""Shifts: list, join, leave, mine, create, roster, cancel, announce; organizers booking people
on and off them; and how shifts look in lists."""

from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route
from bot.shifts import bookings, buttons
from bot.shifts.commands import CreateShift, KeepOffShift
from bot.shifts.entries import ENTRIES
from bot.shifts.kinds import GROUP, label, shift_entries
from bot.shifts.new_shift import (
    CREATE_PARAMS,
    KIND_SHIFT,
    SHIFT,
    read_new_shift,
    shift_form,
    shift_options,
)
from bot.shifts.notices import NOTICES
from bot.shifts.views import my_seats, shift_item

FEATURE = Feature(
    "shifts",
    entries=ENTRIES,
    routes=(
        Route(
            KeepOffShift,
            bookings.keep_off_shift,
            "the Cancel button when a booking outside someone's availability asks first "
            "(turnout:dontbook)",
        ),
    ),
    buttons=(buttons.BOOK, buttons.BOOK_AS, buttons.BOOK_OVER, buttons.DONT_BOOK, buttons.ROSTER),
    forms=(SHIFT, KIND_SHIFT),
    notices=NOTICES,
)

__all__ = [
    "CREATE_PARAMS",
    "FEATURE",
    "GROUP",
    "SHIFT",
    "CreateShift",
    "label",
    "my_seats",
    "read_new_shift",
    "shift_entries",
    "shift_form",
    "shift_item",
    "shift_options",
]
