"""Sign-ups and the seat rules: who gets a seat, who waits, who moves up."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SignupStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    CANCELLED = "cancelled"

    @property
    def is_active(self) -> bool:
        return self is not SignupStatus.CANCELLED


@dataclass(frozen=True, slots=True)
class Signup:
    id: int
    shift_id: int
    volunteer_id: int
    status: SignupStatus
    # Arrival order: the waitlist is served first come, first served by id.
    created_at: datetime


def placement(*, confirmed: int, capacity: int) -> SignupStatus:
    """Where a new sign-up lands, given how many seats are already taken."""
    return SignupStatus.CONFIRMED if confirmed < capacity else SignupStatus.WAITLISTED
