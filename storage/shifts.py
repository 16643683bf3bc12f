"""Phone banks and their shifts."""

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import ScalarSelect, bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.kinds import PHONE_BANK
from bot.domain.phonebank import HeldShift, PhoneBank, Shift, ShiftSeats, ShiftStatus
from bot.domain.signup import SignupStatus
from bot.ports.shifts import ShiftRepository
from storage import rows
from storage.options import HOLDS
from storage.tables import phone_banks, shifts, signups


def _seats(*statuses: SignupStatus) -> ScalarSelect[int]:
    """How many of the shift's sign-ups have one of `statuses`, for use as a column."""
    return (
        select(func.count())
        .where(
            signups.c.shift_id == shifts.c.id,
            signups.c.status.in_([status.value for status in statuses]),
        )
        .scalar_subquery()
    )


# Built once: building a statement and its cache key costs more than running it on SQLite.
_BY_NUMBER = rows.select_shifts().where(
    shifts.c.campaign_id == bindparam("campaign_id"), shifts.c.number == bindparam("number")
)
# Holding needs the write turn on SQLite, so a reader is refused it (storage/engine.py).
_HOLD = _BY_NUMBER.with_for_update(of=shifts).execution_options(**{HOLDS: True})
_GET = rows.select_shifts().where(shifts.c.id == bindparam("shift_id"))
# "ids" expands to however many load_many is given.
_MANY = rows.select_shifts().where(shifts.c.id.in_(bindparam("ids", expanding=True)))
_UPCOMING_WHERE = (
    shifts.c.campaign_id == bindparam("campaign_id"),
    shifts.c.status == ShiftStatus.SCHEDULED.value,
    shifts.c.starts_at > bindparam("now"),
)
_UPCOMING = (
    rows.select_shifts(
        # A seat kept for an offer is taken too.
        _seats(SignupStatus.CONFIRMED, SignupStatus.OFFERED).label("confirmed"),
        _seats(SignupStatus.WAITLISTED).label("waitlisted"),
    )
    .where(*_UPCOMING_WHERE)
    .order_by(shifts.c.starts_at, shifts.c.number)
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)
_HOSTED_BY = (
    rows.select_shifts(
        _seats(SignupStatus.CONFIRMED, SignupStatus.OFFERED).label("confirmed"),
        _seats(SignupStatus.WAITLISTED).label("waitlisted"),
    )
    .where(
        shifts.c.host_id == bindparam("host_id"),
        shifts.c.status == ShiftStatus.SCHEDULED.value,
        shifts.c.starts_at > bindparam("now"),
    )
    .order_by(shifts.c.starts_at, shifts.c.number)
)
_CHANGE_SHIFT = (
    update(shifts)
    .where(shifts.c.id == bindparam("shift_id"))
    .values(
        starts_at=bindparam("new_starts_at"),
        ends_at=bindparam("new_ends_at"),
        capacity=bindparam("new_capacity"),
    )
)
_CHANGE_BANK = (
    update(phone_banks)
    .where(phone_banks.c.id == bindparam("bank_id"))
    .values(title=bindparam("new_title"), link=bindparam("new_link"))
)
_COUNT_UPCOMING = select(func.count()).select_from(shifts).where(*_UPCOMING_WHERE)
# `/shift list canvass`: one kind's upcoming shifts.
_OF_KIND = phone_banks.c.kind == bindparam("kind")
_UPCOMING_OF_KIND = _UPCOMING.where(_OF_KIND)
_COUNT_UPCOMING_OF_KIND = (
    select(func.count())
    .select_from(shifts.join(phone_banks, phone_banks.c.id == shifts.c.phone_bank_id))
    .where(*_UPCOMING_WHERE, _OF_KIND)
)


class SqlShiftRepository(ShiftRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        # Read by load_many (for a batch of notices); a write here forgets them.
        self._read: dict[int, Shift] = {}

    async def add(
        self,
        *,
        campaign_id: int,
        number: int,
        title: str,
        link: str | None,
        starts_at: datetime,
        ends_at: datetime,
        capacity: int,
        created_by: int,
        kind: str = PHONE_BANK.id,
    ) -> Shift:
        """Create a phone bank (or another kind's event) with its shift."""
        added_bank = await self._db.execute(
            insert(phone_banks)
            .values(
                campaign_id=campaign_id, title=title, link=link, kind=kind, created_by=created_by
            )
            .returning(phone_banks.c.id)
        )
        phone_bank = PhoneBank(added_bank.scalar_one(), campaign_id, title, link, kind)
        added_shift = await self._db.execute(
            insert(shifts)
            .values(
                campaign_id=campaign_id,
                phone_bank_id=phone_bank.id,
                number=number,
                starts_at=starts_at,
                ends_at=ends_at,
                capacity=capacity,
                status=ShiftStatus.SCHEDULED.value,
            )
            .returning(shifts.c.id)
        )
        return Shift(
            id=added_shift.scalar_one(),
            campaign_id=campaign_id,
            number=number,
            phone_bank=phone_bank,
            starts_at=starts_at,
            ends_at=ends_at,
            capacity=capacity,
            status=ShiftStatus.SCHEDULED,
        )

    async def by_number(self, campaign_id: int, number: int) -> Shift | None:
        """The shift as it stands, to read; changing its seats needs `hold`."""
        result = await self._db.execute(_BY_NUMBER, {"campaign_id": campaign_id, "number": number})
        row = result.mappings().first()
        return rows.shift(row) if row else None

    async def hold(self, campaign_id: int, number: int) -> HeldShift | None:
        """Hold the shift for a change of seats until the unit of work ends.

        On PostgreSQL that is a row lock (FOR UPDATE), so commands for other shifts carry on,
        and under READ COMMITTED every later statement sees what the previous holder committed.
        SQLite ignores FOR UPDATE; there every writing unit of work has the write turn (BEGIN
        IMMEDIATE, see storage/engine.py), which holds the shift just as well.
        """
        result = await self._db.execute(_HOLD, {"campaign_id": campaign_id, "number": number})
        row = result.mappings().first()
        return HeldShift(rows.shift(row)) if row else None

    async def get(self, shift_id: int) -> Shift:
        """The shift; LookupError if there is none with that id."""
        if shift_id in self._read:
            return self._read[shift_id]
        result = await self._db.execute(_GET, {"shift_id": shift_id})
        return rows.shift(rows.one(result, f"shift {shift_id}"))

    async def load_many(self, shift_ids: Collection[int]) -> None:
        """Read the shifts not read yet in one query; `get` then answers from memory."""
        await rows.load_many(self._db, _MANY, shift_ids, self._read, shifts.c.id, rows.shift)

    async def upcoming(
        self,
        campaign_id: int,
        now: datetime,
        *,
        limit: int,
        offset: int = 0,
        kind: str | None = None,
    ) -> Sequence[ShiftSeats]:
        """Scheduled shifts that have not started, soonest first, with how full they are."""
        values = {"campaign_id": campaign_id, "now": now, "limit": limit, "offset": offset}
        if kind is None:
            result = await self._db.execute(_UPCOMING, values)
        else:
            result = await self._db.execute(_UPCOMING_OF_KIND, {**values, "kind": kind})
        return [
            ShiftSeats(rows.shift(row), confirmed=row["confirmed"], waitlisted=row["waitlisted"])
            for row in result.mappings()
        ]

    async def hosts_any(self, volunteer_id: int, *, ended_after: datetime) -> bool:
        """Whether the volunteer hosts a scheduled shift that ends after `ended_after`."""
        result = await self._db.execute(
            select(shifts.c.id)
            .where(
                shifts.c.host_id == volunteer_id,
                shifts.c.status == ShiftStatus.SCHEDULED.value,
                shifts.c.ends_at > ended_after,
            )
            .limit(1)
        )
        return result.first() is not None

    async def count_upcoming(
        self, campaign_id: int, now: datetime, *, kind: str | None = None
    ) -> int:
        """How many shifts `upcoming` would list without a limit."""
        if kind is None:
            result = await self._db.execute(
                _COUNT_UPCOMING, {"campaign_id": campaign_id, "now": now}
            )
        else:
            result = await self._db.execute(
                _COUNT_UPCOMING_OF_KIND, {"campaign_id": campaign_id, "now": now, "kind": kind}
            )
        return result.scalar_one()

    async def hosted_by(self, volunteer_id: int, now: datetime) -> Sequence[ShiftSeats]:
        """Scheduled shifts the volunteer hosts that have not started, soonest first."""
        result = await self._db.execute(_HOSTED_BY, {"host_id": volunteer_id, "now": now})
        return [
            ShiftSeats(rows.shift(row), confirmed=row["confirmed"], waitlisted=row["waitlisted"])
            for row in result.mappings()
        ]

    async def set_status(self, held: HeldShift, status: ShiftStatus) -> None:
        """Schedule or cancel the held shift."""
        self._read.pop(held.shift.id, None)
        await self._db.execute(
            update(shifts)
            .where(shifts.c.id == held.shift.id)
            .values(status=ShiftStatus(status).value)
        )

    async def change(
        self,
        held: HeldShift,
        *,
        title: str,
        link: str | None,
        starts_at: datetime,
        ends_at: datetime,
        capacity: int,
    ) -> HeldShift:
        """Save the held shift's new details; returns it, still held, as it now stands."""
        shift = held.shift
        self._read.pop(shift.id, None)
        await self._db.execute(
            _CHANGE_SHIFT,
            {
                "shift_id": shift.id,
                "new_starts_at": starts_at,
                "new_ends_at": ends_at,
                "new_capacity": capacity,
            },
        )
        await self._db.execute(
            _CHANGE_BANK, {"bank_id": shift.phone_bank.id, "new_title": title, "new_link": link}
        )
        bank = PhoneBank(shift.phone_bank.id, shift.campaign_id, title, link)
        return HeldShift(
            replace(shift, phone_bank=bank, starts_at=starts_at, ends_at=ends_at, capacity=capacity)
        )
