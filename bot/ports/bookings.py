"""Storage of organizer bookings: the record of who added, removed or moved whom."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.booking import Booking, BookingAction


class BookingRepository(ABC):
    @abstractmethod
    async def record(
        self,
        *,
        campaign_id: int,
        shift_id: int,
        volunteer_id: int,
        by_id: int,
        action: BookingAction,
        at: datetime,
    ) -> None: ...

    @abstractmethod
    async def for_shift(self, shift_id: int) -> Sequence[Booking]:
        """The shift's bookings, oldest first."""
