"""Editing's buttons: Still works after a move, and Save and tell them for a typed edit that
DMs people, its new value carried as the second number."""

from datetime import date, time, timedelta

from bot.editing.commands import EditShift, KeepShiftAfterMove
from bot.kernel.intake.buttons import Numbered, Paired, old_button

STILL = Numbered("still", KeepShiftAfterMove, "shift")


def _day(number: int) -> date:
    """20261128 as a date."""
    try:
        return date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        raise old_button() from None


def _clock(number: int) -> time:
    """1930 as 19:30."""
    try:
        return time(number // 100, number % 100)
    except ValueError:
        raise old_button() from None


def _minutes(number: int) -> timedelta:
    return timedelta(minutes=number)


CONFIRMED = {"confirm": True}
SEATS = Paired("seats", EditShift, "shift", "capacity", CONFIRMED)
NEW_DATE = Paired("newdate", EditShift, "shift", "day", CONFIRMED, value=_day)
NEW_TIME = Paired("newtime", EditShift, "shift", "start", CONFIRMED, value=_clock)
NEW_LENGTH = Paired("newlength", EditShift, "shift", "duration", CONFIRMED, value=_minutes)
