"""Bookings: an organizer putting a volunteer on a shift, taking them off, or moving them.

Each is recorded (who did what to whom, when) so the roster can say how someone got there.
"""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class BookingAction(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MOVED_IN = "moved_in"
    MOVED_OUT = "moved_out"

    @property
    def verb(self) -> str:
        """How the roster says it: `added by Olivia`."""
        return {
            BookingAction.ADDED: "added",
            BookingAction.REMOVED: "removed",
            BookingAction.MOVED_IN: "moved here",
            BookingAction.MOVED_OUT: "moved away",
        }[self]


@dataclass(frozen=True, slots=True)
class Booking:
    shift_id: int
    volunteer_id: int
    by_id: int
    action: BookingAction
    at: datetime
