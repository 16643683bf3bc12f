"""A sign-up's life: the seat invariant, reminders, the timed notices a seat brings, and seat
offers near the start. Every change of seats goes through `seats`; the seat's own commands
and buttons (join, leave, take or pass an offered seat) are declared here, and the features
above handle them."""

from bot.kernel.feature import Feature, Sweep
from bot.signups import buttons, offers, reminders, seats, timed
from bot.signups.buttons import JOIN, LEAVE, PASS, SHIFTS, TAKE
from bot.signups.commands import JoinShift, LeaveShift, ListShifts, PassSeat, TakeSeat
from bot.signups.seat_notices import (
    NOTICES,
    booker,
    cant_make_it,
    live_shift,
    seat_message,
    still_on,
    with_calendar,
)
from bot.signups.topic import SHIFTS_TOPIC

FEATURE = Feature(
    "signups",
    buttons=(buttons.JOIN, buttons.LEAVE, buttons.SHIFTS, buttons.TAKE, buttons.PASS),
    notices=NOTICES,
    sweeps=(
        Sweep(
            offers.let_offers_lapse,
            "%s ran out and moved on",
            "seat offer",
            "seat offers",
            next_at=offers.next_lapse_at,
        ),
    ),
    erase=(seats.give_up_every_seat,),
)

__all__ = [
    "FEATURE",
    "JOIN",
    "LEAVE",
    "PASS",
    "SHIFTS",
    "SHIFTS_TOPIC",
    "TAKE",
    "JoinShift",
    "LeaveShift",
    "ListShifts",
    "PassSeat",
    "TakeSeat",
    "booker",
    "cant_make_it",
    "live_shift",
    "offers",
    "reminders",
    "seat_message",
    "seats",
    "still_on",
    "timed",
    "with_calendar",
]
