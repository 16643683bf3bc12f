"""Sign-ups and the seat rules: who gets a seat, who waits, who moves up."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class SignupStatus(StrEnum):
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    # First on the waitlist, offered a seat that opened close to the start; the seat is held
    # for them until they take it, pass or the offer runs out (bot/domain/offer.py).
    OFFERED = "offered"
    CANCELLED = "cancelled"

    @property
    def is_active(self) -> bool:
        return self is not SignupStatus.CANCELLED

    @property
    def holds_seat(self) -> bool:
        """Confirmed, or offered a seat kept for them: either way the seat is taken."""
        return self in (SignupStatus.CONFIRMED, SignupStatus.OFFERED)


@dataclass(frozen=True, slots=True)
class Signup:
    id: int
    shift_id: int
    volunteer_id: int
    status: SignupStatus
    # Arrival order: the waitlist is served first come, first served by id.
    created_at: datetime
    # On a shift with positions, the one it is for; its seat and place in line are that
    # position's.
    position_id: int | None = None


def placement(*, confirmed: int, capacity: int) -> SignupStatus:
    """Where a new sign-up lands, given how many seats are already taken."""
    return SignupStatus.CONFIRMED if confirmed < capacity else SignupStatus.WAITLISTED
