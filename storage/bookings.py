"""Organizer bookings: the record behind "added by Olivia" on a roster."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.booking import Booking, BookingAction
from bot.ports.bookings import BookingRepository
from storage.tables import bookings

# Built once, with bind parameters (building costs more than running on SQLite).
_RECORD = insert(bookings).values(
    campaign_id=bindparam("campaign_id"),
    shift_id=bindparam("shift_id"),
    volunteer_id=bindparam("volunteer_id"),
    by_id=bindparam("by_id"),
    action=bindparam("action"),
    at=bindparam("at"),
)
_FOR_SHIFT = (
    select(bookings)
    .where(bookings.c.shift_id == bindparam("shift_id"))
    .order_by(bookings.c.at, bookings.c.id)
)


class SqlBookingRepository(BookingRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def record(
        self,
        *,
        campaign_id: int,
        shift_id: int,
        volunteer_id: int,
        by_id: int,
        action: BookingAction,
        at: datetime,
    ) -> None:
        await self._db.execute(
            _RECORD,
            {
                "campaign_id": campaign_id,
                "shift_id": shift_id,
                "volunteer_id": volunteer_id,
                "by_id": by_id,
                "action": action.value,
                "at": at,
            },
        )

    async def for_shift(self, shift_id: int) -> Sequence[Booking]:
        """The shift's bookings, oldest first."""
        result = await self._db.execute(_FOR_SHIFT, {"shift_id": shift_id})
        return [
            Booking(
                shift_id=row["shift_id"],
                volunteer_id=row["volunteer_id"],
                by_id=row["by_id"],
                action=BookingAction(row["action"]),
                at=row["at"],
            )
            for row in result.mappings()
        ]
