"""Seat offers: one row per sign-up offered a seat, open until answered or run out."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import RowMapping, bindparam, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.offer import Answer, Offer
from bot.domain.phonebank import HeldShift
from bot.ports.offers import OfferRepository
from storage.tables import seat_offers

_GET = select(seat_offers).where(seat_offers.c.signup_id == bindparam("signup_id"))
_ANSWER = (
    update(seat_offers)
    .where(
        seat_offers.c.signup_id == bindparam("the_signup_id"),
        seat_offers.c.shift_id == bindparam("held_shift_id"),
        seat_offers.c.answer.is_(None),
    )
    .values(answer=bindparam("the_answer"), answered_at=bindparam("now"))
)
_LAPSED = (
    select(seat_offers)
    .where(seat_offers.c.answer.is_(None), seat_offers.c.expires_at <= bindparam("now"))
    .order_by(seat_offers.c.expires_at)
    .limit(bindparam("limit"))
)

_NEXT_LAPSE = select(func.min(seat_offers.c.expires_at)).where(seat_offers.c.answer.is_(None))


def _offer(row: RowMapping) -> Offer:
    answer = row[seat_offers.c.answer]
    return Offer(
        signup_id=row[seat_offers.c.signup_id],
        shift_id=row[seat_offers.c.shift_id],
        offered_at=row[seat_offers.c.offered_at],
        expires_at=row[seat_offers.c.expires_at],
        answer=Answer(answer) if answer else None,
    )


class SqlOfferRepository(OfferRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(
        self, held: HeldShift, signup_id: int, now: datetime, expires_at: datetime
    ) -> None:
        await self._db.execute(
            insert(seat_offers),
            {
                "signup_id": signup_id,
                "shift_id": held.shift.id,
                "offered_at": now,
                "expires_at": expires_at,
            },
        )

    async def get(self, signup_id: int) -> Offer | None:
        row = (await self._db.execute(_GET, {"signup_id": signup_id})).mappings().first()
        return _offer(row) if row else None

    async def answer(self, held: HeldShift, signup_id: int, answer: Answer, now: datetime) -> None:
        changed = await self._db.execute(
            _ANSWER,
            {
                "the_signup_id": signup_id,
                "held_shift_id": held.shift.id,
                "the_answer": answer.value,
                "now": now,
            },
        )
        if changed.rowcount != 1:
            raise LookupError(f"no open offer for sign-up {signup_id} on shift {held.shift.id}")

    async def withdraw(self, held: HeldShift, signup_id: int) -> None:
        await self._db.execute(
            delete(seat_offers).where(
                seat_offers.c.signup_id == signup_id, seat_offers.c.shift_id == held.shift.id
            )
        )

    async def lapsed(self, now: datetime, *, limit: int) -> Sequence[Offer]:
        result = await self._db.execute(_LAPSED, {"now": now, "limit": limit})
        return [_offer(row) for row in result.mappings()]

    async def next_lapse_at(self) -> datetime | None:
        return (await self._db.execute(_NEXT_LAPSE)).scalar_one_or_none()
