"""Installations through OAuth and the states of installs under way (bot/ports/installations.py)."""

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.ports.installations import Installation, InstallationRepository
from storage.tables import installations, oauth_states


class SqlInstallationRepository(InstallationRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        self._dialect: Any = postgresql if connection.dialect.name == "postgresql" else sqlite

    async def save(self, installation: Installation) -> None:
        values = asdict(installation)
        keys = ("platform", "team_external_id")
        await self._db.execute(
            self._dialect.insert(installations)
            .values(values)
            .on_conflict_do_update(
                index_elements=list(keys),
                set_={k: v for k, v in values.items() if k not in keys},
            )
        )

    async def find(self, platform: str, team_external_id: str) -> Installation | None:
        row = (
            (
                await self._db.execute(
                    select(installations).where(
                        installations.c.platform == platform,
                        installations.c.team_external_id == team_external_id,
                    )
                )
            )
            .mappings()
            .first()
        )
        return Installation(**row) if row is not None else None

    async def delete(self, platform: str, team_external_id: str) -> bool:
        result = await self._db.execute(
            delete(installations).where(
                installations.c.platform == platform,
                installations.c.team_external_id == team_external_id,
            )
        )
        return bool(result.rowcount)

    async def teams(self, platform: str) -> list[str]:
        result = await self._db.execute(
            select(installations.c.team_external_id)
            .where(installations.c.platform == platform)
            .order_by(installations.c.team_external_id)
        )
        return list(result.scalars())

    async def issue_state(self, state: str, expires_at: datetime) -> None:
        await self._db.execute(oauth_states.insert().values(state=state, expires_at=expires_at))

    async def consume_state(self, state: str, now: datetime) -> bool:
        # Expired states go whenever one is used, so the table never grows.
        await self._db.execute(delete(oauth_states).where(oauth_states.c.expires_at <= now))
        used = await self._db.execute(delete(oauth_states).where(oauth_states.c.state == state))
        return bool(used.rowcount)
