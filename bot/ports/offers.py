"""Storage of seat offers: the seat kept for the first on the waitlist near the start."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.offer import Answer, Offer
from bot.domain.phonebank import HeldShift


class OfferRepository(ABC):
    @abstractmethod
    async def add(
        self, held: HeldShift, signup_id: int, now: datetime, expires_at: datetime
    ) -> None:
        """Offer the held shift's seat to the sign-up until `expires_at`."""

    @abstractmethod
    async def get(self, signup_id: int) -> Offer | None: ...

    @abstractmethod
    async def answer(self, held: HeldShift, signup_id: int, answer: Answer, now: datetime) -> None:
        """Close the open offer with `answer`."""

    @abstractmethod
    async def withdraw(self, held: HeldShift, signup_id: int) -> None:
        """The seat on offer is gone (fewer seats): forget the offer, so a later one can be made."""

    @abstractmethod
    async def lapsed(self, now: datetime, *, limit: int) -> Sequence[Offer]:
        """Open offers whose time ran out, oldest first (for the sweep)."""

    @abstractmethod
    async def next_lapse_at(self) -> datetime | None:
        """When the first open offer runs out (None: no offer is open)."""
