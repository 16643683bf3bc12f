"""Calendars in SQL: feed keys, sign-up revisions (SEQUENCE) and the feed signing secret."""

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from sqlalchemy import TextClause, delete, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.phonebank import Shift
from bot.domain.signup import Signup
from bot.ports.calendars import CalendarRepository
from storage import rows
from storage.tables import calendar_entries, calendar_feeds, instance_secrets, shifts, signups

_FEED_SECRET = "calendar-feed"


@lru_cache(maxsize=32)
def _revise(rows: int) -> TextClause:
    """An upsert of `rows` entries, written out: SQLAlchemy does not cache the compiled form of
    an ON CONFLICT construct, so the query builder cost a join more than all its other
    statements together. The same SQL on SQLite and PostgreSQL; one cached form per count."""
    values = ", ".join(f"(:signup_id_{n}, :fingerprint_{n}, 0)" for n in range(rows))
    return text(
        f"INSERT INTO {calendar_entries.name} (signup_id, fingerprint, sequence) VALUES {values}"
        " ON CONFLICT (signup_id) DO UPDATE SET fingerprint = excluded.fingerprint,"
        f" sequence = {calendar_entries.name}.sequence + 1"
        f" WHERE {calendar_entries.name}.fingerprint != excluded.fingerprint"
        " RETURNING signup_id, sequence"
    )


async def instance_secret(db: AsyncConnection, name: str, made: str) -> str:
    """The random secret kept under `name`; `made` is stored (and returned) the first time,
    unless it is "" (only reading: "" when there is none)."""
    query = select(instance_secrets.c.value).where(instance_secrets.c.name == name)
    stored = (await db.execute(query)).scalar_one_or_none()
    if stored is not None or not made:
        return str(stored or "")
    await db.execute(insert(instance_secrets).values(name=name, value=made))
    return made


class SqlCalendarRepository(CalendarRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def secret(self, made: str) -> str:
        return await instance_secret(self._db, _FEED_SECRET, made)

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
        # One upsert: new entries at 0, changed ones a SEQUENCE up; a join's .ics costs one
        # statement. Unchanged entries are left alone (no write on every feed fetch), so
        # RETURNING leaves them out and their stored SEQUENCE is read after.
        parameters: dict[str, object] = {}
        for n, (signup_id, fingerprint) in enumerate(changes.items()):
            parameters[f"signup_id_{n}"] = signup_id
            parameters[f"fingerprint_{n}"] = fingerprint
        revised = await self._db.execute(_revise(len(changes)), parameters)
        sequences = {row.signup_id: row.sequence for row in revised}
        unchanged = [signup_id for signup_id in changes if signup_id not in sequences]
        if unchanged:
            stored = select(calendar_entries.c.signup_id, calendar_entries.c.sequence).where(
                calendar_entries.c.signup_id.in_(unchanged)
            )
            for row in await self._db.execute(stored):
                sequences[row.signup_id] = row.sequence
        return sequences
