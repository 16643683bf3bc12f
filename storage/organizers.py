"""Each team's named organizers (bot/ports/organizers.py)."""

from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.organizers import NamedOrganizer, NamedOrganizers
from bot.ports.organizers import OrganizerRepository
from storage.tables import named_organizers, teams
from storage.tables.organizers import GROUP, PERSON

_ROW = (named_organizers.c.id, named_organizers.c.account, named_organizers.c.name)


class SqlOrganizerRepository(OrganizerRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def named(self, platform: str, team_external_id: str) -> NamedOrganizers:
        found = await self._db.execute(
            select(named_organizers.c.kind, *_ROW)
            .join(teams, teams.c.id == named_organizers.c.team_id)
            .where(teams.c.platform == platform, teams.c.external_id == team_external_id)
            .order_by(named_organizers.c.id)
        )
        people: list[NamedOrganizer] = []
        group = group_name = ""
        for kind, row_id, account, name in found.all():
            if kind == PERSON:
                people.append(NamedOrganizer(row_id, account, name))
            else:
                group, group_name = account, name
        return NamedOrganizers(tuple(people), group, group_name)

    async def name(self, team_id: int, account: str, name: str, now: datetime) -> bool:
        known = select(named_organizers.c.id).where(_person(team_id), _account(account))
        if await self._db.scalar(known) is not None:
            return False
        await self._db.execute(
            insert(named_organizers).values(
                team_id=team_id, kind=PERSON, account=account, name=name, named_at=now
            )
        )
        return True

    async def unname(self, team_id: int, account: str) -> bool:
        gone = await self._db.execute(
            delete(named_organizers).where(_person(team_id), _account(account))
        )
        return bool(gone.rowcount)

    async def unname_row(self, team_id: int, row_id: int) -> NamedOrganizer | None:
        found = await self._db.execute(
            select(*_ROW).where(_person(team_id), named_organizers.c.id == row_id)
        )
        row = found.first()
        if row is None:
            return None
        await self._db.execute(delete(named_organizers).where(named_organizers.c.id == row_id))
        return NamedOrganizer(row.id, row.account, row.name)

    async def set_group(self, team_id: int, group: str, name: str, now: datetime) -> None:
        await self._db.execute(
            delete(named_organizers).where(
                named_organizers.c.team_id == team_id, named_organizers.c.kind == GROUP
            )
        )
        if group:
            await self._db.execute(
                insert(named_organizers).values(
                    team_id=team_id, kind=GROUP, account=group, name=name, named_at=now
                )
            )


def _person(team_id: int) -> ColumnElement[bool]:
    return and_(named_organizers.c.team_id == team_id, named_organizers.c.kind == PERSON)


def _account(account: str) -> ColumnElement[bool]:
    return named_organizers.c.account == account
