"""What people asked for, from before its acknowledgement until done (bot/ports/inbox.py)."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.campaign import Identity
from bot.ports.inbox import Arrival, InboxRepository
from storage.tables import inbox


class SqlInboxRepository(InboxRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        self._dialect = connection.dialect.name

    async def accept(self, arrival: Arrival, lease: timedelta) -> bool:
        dialect: Any = postgresql if self._dialect == "postgresql" else sqlite
        added = await self._db.execute(
            dialect.insert(inbox)
            .values(
                key=arrival.key,
                platform=arrival.identity.platform,
                team_external_id=arrival.identity.team_external_id,
                user_external_id=arrival.identity.user_external_id,
                payload=arrival.payload,
                accepted_at=arrival.accepted_at,
                lease_until=arrival.accepted_at + lease,
            )
            .on_conflict_do_nothing(index_elements=["key"])
        )
        return bool(added.rowcount == 1)

    async def done(self, key: str, now: datetime) -> bool:
        marked = await self._db.execute(
            update(inbox)
            .where(inbox.c.key == key, inbox.c.done_at.is_(None))
            .values(done_at=now, payload=None)
        )
        if marked.rowcount == 1:
            return True
        # Not waiting: never recorded (it could not be, in time), or done already.
        return await self._db.scalar(select(inbox.c.key).where(inbox.c.key == key)) is None

    async def claim_stale(self, now: datetime, lease: timedelta, limit: int) -> list[Arrival]:
        stale = (
            select(inbox)
            .where(inbox.c.done_at.is_(None), inbox.c.lease_until < now)
            .order_by(inbox.c.accepted_at)
            .limit(limit)
        )
        if self._dialect == "postgresql":
            # Two processes looking at once take different rows.
            stale = stale.with_for_update(skip_locked=True)
        claimed: list[Arrival] = []
        for row in (await self._db.execute(stale)).mappings():
            taken = await self._db.execute(
                update(inbox)
                .where(inbox.c.key == row["key"], inbox.c.lease_until == row["lease_until"])
                .values(lease_until=now + lease)
            )
            if taken.rowcount == 1:
                claimed.append(
                    Arrival(
                        key=row["key"],
                        identity=Identity(
                            row["platform"], row["team_external_id"], row["user_external_id"]
                        ),
                        payload=row["payload"] or "",
                        accepted_at=row["accepted_at"],
                    )
                )
        return claimed

    async def prune(self, now: datetime, keep: timedelta) -> int:
        gone = await self._db.execute(delete(inbox).where(inbox.c.accepted_at < now - keep))
        return int(gone.rowcount or 0)
