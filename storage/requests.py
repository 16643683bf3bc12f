"""Signed requests already seen: one row each, inserted once however many processes race."""

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.ports.requests import RequestRepository
from storage.tables import seen_requests


class SqlRequestRepository(RequestRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        self._dialect = connection.dialect.name

    async def remember(self, key: str, now: datetime, window: timedelta) -> bool:
        await self._db.execute(delete(seen_requests).where(seen_requests.c.seen_at < now - window))
        dialect: Any = postgresql if self._dialect == "postgresql" else sqlite
        added = await self._db.execute(
            dialect.insert(seen_requests)
            .values(key=key, seen_at=now)
            .on_conflict_do_nothing(index_elements=["key"])
        )
        return bool(added.rowcount == 1)
