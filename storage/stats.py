"""Numbers for organizers (issue 16): who may be named among the most active, the weekly
digest's schedule, and the figures, whose aggregate queries are in storage/figures.py."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, time
from typing import Any

from sqlalchemy import ColumnElement, delete, insert, literal, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.stats import (
    DEFAULT_DIGEST,
    DigestSchedule,
    PeriodFigures,
    UpcomingShift,
    WeekFigures,
)
from bot.ports.stats import StatsRepository
from storage import figures, kind_figures
from storage.engine import long_reads
from storage.tables import campaigns, digest_schedules, notices, stats_opt_outs


class SqlStatsRepository(StatsRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        self._dialect = connection.dialect.name

    async def period(
        self,
        campaign_id: int,
        start: datetime | None,
        end: datetime,
        *,
        now: datetime,
        most_active: int = 0,
    ) -> PeriodFigures:
        async with long_reads(self._db):
            found = await figures.period(
                self._db, campaign_id, start, end, now=now, most_active=most_active
            )
            kinds = await kind_figures.by_kind(self._db, campaign_id, start, end, now=now)
            return replace(found, by_kind=kinds)

    async def weeks(
        self, campaign_id: int, bounds: Sequence[datetime], now: datetime
    ) -> Sequence[WeekFigures]:
        async with long_reads(self._db):
            return await figures.weeks(self._db, campaign_id, bounds, now)

    async def upcoming(
        self, campaign_id: int, start: datetime, end: datetime
    ) -> Sequence[UpcomingShift]:
        async with long_reads(self._db):
            return await figures.upcoming(self._db, campaign_id, start, end)

    async def set_listed(self, volunteer_id: int, listed: bool) -> None:
        await self._db.execute(
            delete(stats_opt_outs).where(stats_opt_outs.c.volunteer_id == volunteer_id)
        )
        if not listed:
            await self._db.execute(insert(stats_opt_outs).values(volunteer_id=volunteer_id))

    async def is_listed(self, volunteer_id: int) -> bool:
        found = await self._db.scalar(
            select(literal(1)).where(stats_opt_outs.c.volunteer_id == volunteer_id)
        )
        return found is None

    async def digest(self, campaign_id: int) -> tuple[DigestSchedule, datetime | None]:
        row = (
            await self._db.execute(
                select(
                    digest_schedules.c.weekday,
                    digest_schedules.c.at_minute,
                    digest_schedules.c.queued_for,
                ).where(digest_schedules.c.campaign_id == campaign_id)
            )
        ).first()
        if row is None:
            return DEFAULT_DIGEST, None
        return _schedule(row[0], row[1]), row[2]

    async def set_digest(
        self, campaign_id: int, schedule: DigestSchedule, queued_for: datetime | None
    ) -> None:
        values = {
            "weekday": schedule.weekday,
            "at_minute": schedule.at.hour * 60 + schedule.at.minute,
            "queued_for": queued_for,
        }
        dialect: Any = postgresql if self._dialect == "postgresql" else sqlite
        await self._db.execute(
            dialect.insert(digest_schedules)
            .values(campaign_id=campaign_id, **values)
            .on_conflict_do_update(index_elements=["campaign_id"], set_=values)
        )

    async def claim_digest(
        self, campaign_id: int, was: datetime | None, queued_for: datetime
    ) -> bool:
        if was is None:
            # A campaign's first digest: the row is made now, by one process only.
            default = DEFAULT_DIGEST
            dialect: Any = postgresql if self._dialect == "postgresql" else sqlite
            await self._db.execute(
                dialect.insert(digest_schedules)
                .values(
                    campaign_id=campaign_id,
                    weekday=default.weekday,
                    at_minute=default.at.hour * 60 + default.at.minute,
                    queued_for=None,
                )
                .on_conflict_do_nothing(index_elements=["campaign_id"])
            )
            previous: ColumnElement[bool] = digest_schedules.c.queued_for.is_(None)
        else:
            previous = digest_schedules.c.queued_for == was
        changed = await self._db.execute(
            update(digest_schedules)
            .where(
                digest_schedules.c.campaign_id == campaign_id,
                digest_schedules.c.weekday.is_not(None),
                previous,
            )
            .values(queued_for=queued_for)
        )
        return bool(changed.rowcount)

    async def unqueued_digests(self, limit: int) -> Sequence[tuple[int, DigestSchedule]]:
        result = await self._db.execute(
            select(campaigns.c.id, digest_schedules.c.weekday, digest_schedules.c.at_minute)
            .outerjoin(digest_schedules, digest_schedules.c.campaign_id == campaigns.c.id)
            .where(
                (digest_schedules.c.campaign_id.is_(None))
                | (
                    digest_schedules.c.weekday.is_not(None)
                    & digest_schedules.c.queued_for.is_(None)
                )
            )
            .order_by(campaigns.c.id)
            .limit(limit)
        )
        return [
            (row[0], DEFAULT_DIGEST if row[2] is None else _schedule(row[1], row[2]))
            for row in result
        ]

    async def cancel_digests(self, campaign_id: int) -> None:
        await self._db.execute(
            update(notices)
            .where(
                notices.c.campaign_id == campaign_id,
                notices.c.kind == NoticeKind.DIGEST.value,
                notices.c.state == NoticeState.PENDING.value,
            )
            .values(state=NoticeState.CANCELLED.value)
        )


def _schedule(weekday: int | None, at_minute: int) -> DigestSchedule:
    return DigestSchedule(weekday=weekday, at=time(*divmod(at_minute, 60)))
