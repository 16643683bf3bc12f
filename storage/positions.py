"""A shift's positions, the qualifications volunteers hold, and the trainings that grant them."""

from collections.abc import Sequence
from dataclasses import replace as replaced
from datetime import datetime

from sqlalchemy import delete, exists, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.phonebank import HeldShift, Shift, ShiftStatus
from bot.domain.positions import Position
from bot.domain.signup import SignupStatus
from bot.ports.positions import PositionRepository
from storage import rows
from storage.tables import positions, qualifications, shift_grants, shifts, signups


def _position(row: object) -> Position:
    return Position(
        id=row.id,  # type: ignore[attr-defined]
        shift_id=row.shift_id,  # type: ignore[attr-defined]
        name=row.name,  # type: ignore[attr-defined]
        seats=row.seats,  # type: ignore[attr-defined]
        requires=row.requires,  # type: ignore[attr-defined]
        place=row.place,  # type: ignore[attr-defined]
    )


class SqlPositionRepository(PositionRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def of_shift(self, shift_id: int) -> list[Position]:
        """The shift's positions in the order they were given; empty for a shift without."""
        result = await self._db.execute(
            select(positions).where(positions.c.shift_id == shift_id).order_by(positions.c.place)
        )
        return [_position(row) for row in result]

    async def replace(
        self, held: HeldShift, wanted: Sequence[tuple[str, int]]
    ) -> tuple[HeldShift, list[Position]]:
        """The held shift's positions become `wanted`, kept by name; its seats their sum."""
        shift = held.shift
        kept = {p.name: p for p in await self.of_shift(shift.id)}
        names = [name for name, _seats in wanted]
        gone = [p.id for name, p in kept.items() if name not in names]
        if gone:
            # Cancelled sign-ups of a position that goes keep their history, without it.
            await self._db.execute(
                update(signups).where(signups.c.position_id.in_(gone)).values(position_id=None)
            )
            await self._db.execute(delete(positions).where(positions.c.id.in_(gone)))
        for place, (name, seats) in enumerate(wanted, start=1):
            if name in kept:
                await self._db.execute(
                    update(positions)
                    .where(positions.c.id == kept[name].id)
                    .values(seats=seats, place=place)
                )
            else:
                await self._db.execute(
                    insert(positions).values(shift_id=shift.id, name=name, seats=seats, place=place)
                )
        capacity = sum(seats for _name, seats in wanted)
        await self._db.execute(
            update(shifts).where(shifts.c.id == shift.id).values(capacity=capacity, positioned=True)
        )
        now_held = HeldShift(replaced(shift, capacity=capacity, positioned=True))
        return now_held, await self.of_shift(shift.id)

    async def require(self, held: HeldShift, position_id: int, qualification: str | None) -> None:
        """A seat in the position needs `qualification` from now on (None: nothing)."""
        await self._db.execute(
            update(positions)
            .where(positions.c.id == position_id, positions.c.shift_id == held.shift.id)
            .values(requires=qualification)
        )

    async def add_grant(self, held: HeldShift, qualification: str) -> bool:
        """Those who attend the held shift earn `qualification`; False if it already did."""
        if qualification in await self.grants_of(held.shift.id):
            return False
        await self._db.execute(
            insert(shift_grants).values(shift_id=held.shift.id, name=qualification)
        )
        return True

    async def grants_of(self, shift_id: int) -> list[str]:
        """The qualifications attending the shift earns."""
        result = await self._db.execute(
            select(shift_grants.c.name)
            .where(shift_grants.c.shift_id == shift_id)
            .order_by(shift_grants.c.id)
        )
        return list(result.scalars())

    async def next_training(
        self, campaign_id: int, qualification: str, now: datetime
    ) -> Shift | None:
        """The first scheduled shift, not started, whose attendees earn `qualification`."""
        result = await self._db.execute(
            rows.select_shifts()
            .join(shift_grants, shift_grants.c.shift_id == shifts.c.id)
            .where(
                shifts.c.campaign_id == campaign_id,
                shifts.c.status == ShiftStatus.SCHEDULED.value,
                shifts.c.starts_at > now,
                shift_grants.c.name == qualification,
            )
            .order_by(shifts.c.starts_at, shifts.c.id)
            .limit(1)
        )
        row = result.mappings().first()
        return rows.shift(row) if row else None

    async def earnable(self, campaign_id: int, qualification: str) -> bool:
        """Some shift of the campaign grants it, or somebody holds it by an organizer's word."""
        granted = exists().where(
            shift_grants.c.name == qualification,
            shift_grants.c.shift_id == shifts.c.id,
            shifts.c.campaign_id == campaign_id,
        )
        held = exists().where(
            qualifications.c.campaign_id == campaign_id,
            qualifications.c.name == qualification,
            qualifications.c.revoked_at.is_(None),
        )
        return bool(await self._db.scalar(select(or_(granted, held))))

    async def word_on(self, campaign_id: int, volunteer_id: int, qualification: str) -> bool | None:
        """An organizer's word on whether the volunteer holds it (None: they said nothing)."""
        words = await self.words_of(campaign_id, volunteer_id)
        return words.get(qualification)

    async def set_word(
        self,
        *,
        campaign_id: int,
        volunteer_id: int,
        qualification: str,
        holds: bool,
        by_id: int,
        at: datetime,
    ) -> None:
        """Record an organizer granting (`holds`) or revoking the qualification."""
        mine = (
            qualifications.c.campaign_id == campaign_id,
            qualifications.c.volunteer_id == volunteer_id,
            qualifications.c.name == qualification,
        )
        await self._db.execute(delete(qualifications).where(*mine))
        await self._db.execute(
            insert(qualifications).values(
                campaign_id=campaign_id,
                volunteer_id=volunteer_id,
                name=qualification,
                by_id=by_id,
                granted_at=at,
                revoked_at=None if holds else at,
            )
        )

    async def trainings_of(
        self, volunteer_id: int, qualification: str | None = None
    ) -> Sequence[tuple[int, datetime, str]]:
        """(sign-up id, shift end, qualification) of each confirmed seat on a granting shift."""
        query = (
            select(signups.c.id, shifts.c.ends_at, shift_grants.c.name)
            .join(shifts, shifts.c.id == signups.c.shift_id)
            .join(shift_grants, shift_grants.c.shift_id == shifts.c.id)
            .where(
                signups.c.volunteer_id == volunteer_id,
                signups.c.status == SignupStatus.CONFIRMED.value,
                shifts.c.status == ShiftStatus.SCHEDULED.value,
            )
            .order_by(shifts.c.ends_at)
        )
        if qualification is not None:
            query = query.where(shift_grants.c.name == qualification)
        result = await self._db.execute(query)
        return [(signup_id, ends_at, name) for signup_id, ends_at, name in result]

    async def words_of(self, campaign_id: int, volunteer_id: int) -> dict[str, bool]:
        """Every organizer's word on the volunteer's qualifications: name → holds."""
        result = await self._db.execute(
            select(qualifications.c.name, qualifications.c.revoked_at).where(
                qualifications.c.campaign_id == campaign_id,
                qualifications.c.volunteer_id == volunteer_id,
            )
        )
        return {name: revoked_at is None for name, revoked_at in result}
