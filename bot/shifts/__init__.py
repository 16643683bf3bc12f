"""Shifts: list, join, leave, mine, create, roster, cancel, announce; organizers booking people
on and off them; and how shifts look in lists."""

from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route
from bot.shifts import bookings, buttons
from bot.shifts.commands import CreateShift, KeepOffShift, StartShiftForm
from bot.shifts.entries import ENTRIES
from bot.shifts.kinds import GROUP, KIND, REPEATED, label, shift_entries, where_param
from bot.shifts.new_shift import (
    CREATE_PARAMS,
    KIND_SHIFT,
    SHIFT,
    kind_shift_options,
    read_kind_shift,
    read_new_shift,
    shift_form,
    shift_options,
)
from bot.shifts.notices import NOTICES
from bot.shifts.views import my_seats, shift_item
from bot.signups import SHIFTS_TOPIC

FEATURE = Feature(
    "shifts",
    topics=(SHIFTS_TOPIC,),
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
    "KIND",
    "KIND_SHIFT",
    "REPEATED",
    "SHIFT",
    "CreateShift",
    "StartShiftForm",
    "kind_shift_options",
    "label",
    "my_seats",
    "read_kind_shift",
    "read_new_shift",
    "shift_entries",
    "shift_form",
    "shift_item",
    "shift_options",
    "where_param",
]
