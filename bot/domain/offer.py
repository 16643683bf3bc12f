"""Seat offers: a seat that opens close to the start is offered, not given.

Within OFFER_WINDOW of the start, the first on the waitlist is told "a seat opened, take it
within 30 minutes" and the seat is kept for them meanwhile (a new joiner waits behind). Taking
it confirms them; passing, or no answer within OFFER_FOR, takes them off the waitlist and the
offer moves to the next in line. So nobody is ever confirmed for a seat they were not told
about in time, and the waitlist only ever holds people who have not been offered this seat yet.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# A seat opening this close to the start (or later) is offered instead of given.
OFFER_WINDOW = timedelta(hours=3)
# How long the first in line has to take an offered seat.
OFFER_FOR = timedelta(minutes=30)


class Answer(StrEnum):
    TAKEN = "taken"
    PASSED = "passed"
    LAPSED = "lapsed"


@dataclass(frozen=True, slots=True)
class Offer:
    signup_id: int
    shift_id: int
    offered_at: datetime
    expires_at: datetime
    answer: Answer | None = None

    def is_open(self, now: datetime) -> bool:
        return self.answer is None and now < self.expires_at


def offers_instead(*, starts_at: datetime, now: datetime) -> bool:
    """Whether a seat opening now is offered (close to the start) rather than given at once."""
    return starts_at - now <= OFFER_WINDOW
