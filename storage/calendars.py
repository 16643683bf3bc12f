"""Calendars in SQL: feed keys, sign-up revisions (SEQUENCE) and the feed signing secret."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.phonebank import Shift
from bot.domain.signup import Signup
from bot.ports.calendars import CalendarRepository
from storage import rows
from storage.tables import calendar_entries, calendar_feeds, instance_secrets, shifts, signups

_FEED_SECRET = "calendar-feed"


class SqlCalendarRepository(CalendarRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def secret(self, made: str) -> str:
        query = select(instance_secrets.c.value).where(instance_secrets.c.name == _FEED_SECRET)
        stored = (await self._db.execute(query)).scalar_one_or_none()
        if stored is not None:
            return str(stored)
        await self._db.execute(insert(instance_secrets).values(name=_FEED_SECRET, value=made))
        return made

    async def feed_key(self, volunteer_id: int) -> str | None:
        query = select(calendar_feeds.c.key).where(calendar_feeds.c.volunteer_id == volunteer_id)
        key = (await self._db.execute(query)).scalar_one_or_none()
        return None if key is None else str(key)

    async def set_feed_key(self, volunteer_id: int, key: str, now: datetime) -> None:
        await self._db.execute(
            delete(calendar_feeds).where(calendar_feeds.c.volunteer_id == volunteer_id)
        )
        await self._db.execute(
            insert(calendar_feeds).values(volunteer_id=volunteer_id, key=key, created_at=now)
        )

    async def entries_for(
        self, volunteer_id: int, ending_after: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        result = await self._db.execute(
            rows.select_shifts(*signups.c)
            .join(signups, signups.c.shift_id == shifts.c.id)
            .where(signups.c.volunteer_id == volunteer_id, shifts.c.ends_at > ending_after)
            .order_by(shifts.c.starts_at, signups.c.id)
        )
        return [(rows.signup(row), rows.shift(row)) for row in result.mappings()]

    async def signup(self, signup_id: int) -> Signup:
        result = await self._db.execute(select(signups).where(signups.c.id == signup_id))
        return rows.signup(rows.one(result, f"sign-up {signup_id}"))

    async def revisions(self, changes: dict[int, str]) -> dict[int, int]:
        if not changes:
            return {}
        stored = {
            row.signup_id: (row.fingerprint, row.sequence)
            for row in await self._db.execute(
                select(calendar_entries).where(calendar_entries.c.signup_id.in_(changes))
            )
        }
        sequences: dict[int, int] = {}
        for signup_id, fingerprint in changes.items():
            if signup_id not in stored:
                await self._db.execute(
                    insert(calendar_entries).values(
                        signup_id=signup_id, fingerprint=fingerprint, sequence=0
                    )
                )
                sequences[signup_id] = 0
                continue
            was, sequence = stored[signup_id]
            if was != fingerprint:
                sequence += 1
                await self._db.execute(
                    update(calendar_entries)
                    .where(calendar_entries.c.signup_id == signup_id)
                    .values(fingerprint=fingerprint, sequence=sequence)
                )
            sequences[signup_id] = sequence
        return sequences

    async def erase_person(self, volunteer_id: int) -> None:
        await self._db.execute(
            delete(calendar_feeds).where(calendar_feeds.c.volunteer_id == volunteer_id)
        )
        theirs = select(signups.c.id).where(signups.c.volunteer_id == volunteer_id)
        await self._db.execute(
            delete(calendar_entries).where(calendar_entries.c.signup_id.in_(theirs))
        )
