"""Weekly series and standing sign-ups."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import RowMapping, bindparam, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.phonebank import Shift, ShiftStatus
from bot.domain.series import Series
from bot.ports.series import SeriesRepository
from storage import rows
from storage.options import HOLDS
from storage.tables import series, shifts, standing_signups

# Built once, with bind parameters.
_GET = select(series).where(series.c.id == bindparam("series_id"))
_ATTACH = (
    update(shifts).where(shifts.c.id == bindparam("shift_id")).values(series_id=bindparam("sid"))
)
_LAGGING = (
    select(series)
    .where(
        series.c.created_through < bindparam("through"),
        or_(series.c.ends_before.is_(None), series.c.ends_before > series.c.created_through),
    )
    .order_by(series.c.id)
    .limit(bindparam("limit"))
    # Two processes sweeping at once must not both create a date: each series is extended by
    # whoever locks it first; the other skips it (PostgreSQL; SQLite has the write turn).
    .with_for_update(of=series, skip_locked=True)
    .execution_options(**{HOLDS: True})
)
_LOCK = _GET.with_for_update(of=series).execution_options(**{HOLDS: True})
_THROUGH = (
    update(series)
    .where(series.c.id == bindparam("series_id"))
    .values(created_through=bindparam("through"))
)
_END = (
    update(series).where(series.c.id == bindparam("series_id")).values(ends_before=bindparam("at"))
)
_DATES_FROM = (
    rows.select_shifts()
    .where(
        shifts.c.series_id == bindparam("series_id"),
        shifts.c.starts_at >= bindparam("starts_at"),
        shifts.c.status == ShiftStatus.SCHEDULED.value,
    )
    .order_by(shifts.c.starts_at)
)
_STANDING_ONE = select(standing_signups.c.id).where(
    standing_signups.c.series_id == bindparam("series_id"),
    standing_signups.c.volunteer_id == bindparam("volunteer_id"),
)
_STANDING = (
    select(standing_signups.c.volunteer_id)
    .where(standing_signups.c.series_id == bindparam("series_id"))
    .order_by(standing_signups.c.id)
)
_END_STANDING = delete(standing_signups).where(
    standing_signups.c.series_id == bindparam("series_id"),
    standing_signups.c.volunteer_id == bindparam("volunteer_id"),
)


class SqlSeriesRepository(SeriesRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, new: Series) -> Series:
        result = await self._db.execute(
            insert(series)
            .values(
                campaign_id=new.campaign_id,
                rule=new.rule,
                first_local=new.first_local.isoformat(),
                timezone=new.timezone,
                title=new.title,
                link=new.link,
                capacity=new.capacity,
                length_minutes=int(new.length.total_seconds() // 60),
                created_by=new.created_by,
                created_through=new.created_through,
                ends_before=new.ends_before,
                kind=new.kind,
            )
            .returning(series.c.id)
        )
        return Series(**{**_fields(new), "id": result.scalar_one()})

    async def get(self, series_id: int) -> Series:
        result = await self._db.execute(_GET, {"series_id": series_id})
        return _series(rows.one(result, f"series {series_id}"))

    async def lock(self, series_id: int) -> Series:
        result = await self._db.execute(_LOCK, {"series_id": series_id})
        return _series(rows.one(result, f"series {series_id}"))

    async def retemplate(self, changed: Series) -> None:
        await self._db.execute(
            update(series)
            .where(series.c.id == changed.id)
            .values(
                title=changed.title,
                link=changed.link,
                capacity=changed.capacity,
                length_minutes=int(changed.length.total_seconds() // 60),
                first_local=changed.first_local.isoformat(),
            )
        )

    async def attach(self, shift_id: int, series_id: int) -> None:
        await self._db.execute(_ATTACH, {"shift_id": shift_id, "sid": series_id})

    async def lagging(self, through: datetime, *, limit: int) -> Sequence[Series]:
        result = await self._db.execute(_LAGGING, {"through": through, "limit": limit})
        return [_series(row) for row in result.mappings()]

    async def created_through(self, series_id: int, through: datetime) -> None:
        await self._db.execute(_THROUGH, {"series_id": series_id, "through": through})

    async def end(self, series_id: int, before: datetime) -> None:
        await self._db.execute(_END, {"series_id": series_id, "at": before})

    async def dates_from(self, series_id: int, starts_at: datetime) -> Sequence[Shift]:
        result = await self._db.execute(
            _DATES_FROM, {"series_id": series_id, "starts_at": starts_at}
        )
        return [rows.shift(row) for row in result.mappings()]

    async def add_standing(self, series_id: int, volunteer_id: int, now: datetime) -> bool:
        found = await self._db.execute(
            _STANDING_ONE, {"series_id": series_id, "volunteer_id": volunteer_id}
        )
        if found.first() is not None:
            return False
        await self._db.execute(
            insert(standing_signups).values(
                series_id=series_id, volunteer_id=volunteer_id, since=now
            )
        )
        return True

    async def standing(self, series_id: int) -> Sequence[int]:
        result = await self._db.execute(_STANDING, {"series_id": series_id})
        return [volunteer_id for (volunteer_id,) in result]

    async def end_standing(self, series_id: int, volunteer_id: int) -> bool:
        result = await self._db.execute(
            _END_STANDING, {"series_id": series_id, "volunteer_id": volunteer_id}
        )
        return bool(result.rowcount)


def _fields(s: Series) -> dict[str, object]:
    return {name: getattr(s, name) for name in Series.__slots__}


def _series(m: RowMapping) -> Series:
    return Series(
        id=m["id"],
        campaign_id=m["campaign_id"],
        rule=m["rule"],
        first_local=datetime.fromisoformat(m["first_local"]),
        timezone=m["timezone"],
        title=m["title"],
        link=m["link"],
        capacity=m["capacity"],
        length=timedelta(minutes=m["length_minutes"]),
        created_by=m["created_by"],
        created_through=m["created_through"],
        ends_before=m["ends_before"],
        kind=m["kind"],
    )
