"""The organizer's desk in SQL: links used once by one UPDATE, sessions, the shift board."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, case, delete, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.signup import SignupStatus
from bot.ports.desk import BoardShift, DeskRepository, DeskSession
from storage import rows
from storage.calendars import instance_secret
from storage.tables import attendance, desk_links, desk_sessions, shifts, signups

_DESK_SECRET = "desk-link"


class SqlDeskRepository(DeskRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def secret(self, made: str) -> str:
        return await instance_secret(self._db, _DESK_SECRET, made)

    async def add_link(
        self, token_hash: str, volunteer_id: int, now: datetime, expires_at: datetime
    ) -> None:
        await self._db.execute(
            insert(desk_links).values(
                token_hash=token_hash,
                volunteer_id=volunteer_id,
                created_at=now,
                expires_at=expires_at,
            )
        )

    async def link_owner(self, token_hash: str, now: datetime) -> int | None:
        query = select(desk_links.c.volunteer_id).where(
            desk_links.c.token_hash == token_hash,
            desk_links.c.used_at.is_(None),
            desk_links.c.expires_at > now,
        )
        found = (await self._db.execute(query)).scalar_one_or_none()
        return None if found is None else int(found)

    async def use_link(self, token_hash: str, now: datetime) -> int | None:
        # One statement: of two openings at once, the second finds used_at set.
        result = await self._db.execute(
            update(desk_links)
            .where(
                desk_links.c.token_hash == token_hash,
                desk_links.c.used_at.is_(None),
                desk_links.c.expires_at > now,
            )
            .values(used_at=now)
            .returning(desk_links.c.volunteer_id)
        )
        found = result.scalar_one_or_none()
        return None if found is None else int(found)

    async def add_session(
        self, session_hash: str, volunteer_id: int, csrf: str, now: datetime, expires_at: datetime
    ) -> None:
        # Expired sessions go as new ones come, so the table holds live ones only.
        await self._db.execute(delete(desk_sessions).where(desk_sessions.c.expires_at <= now))
        await self._db.execute(delete(desk_links).where(desk_links.c.expires_at <= now))
        await self._db.execute(
            insert(desk_sessions).values(
                session_hash=session_hash,
                volunteer_id=volunteer_id,
                csrf=csrf,
                created_at=now,
                expires_at=expires_at,
            )
        )

    async def session(self, session_hash: str, now: datetime) -> DeskSession | None:
        query = select(desk_sessions).where(
            desk_sessions.c.session_hash == session_hash, desk_sessions.c.expires_at > now
        )
        row = (await self._db.execute(query)).mappings().one_or_none()
        if row is None:
            return None
        return DeskSession(row["volunteer_id"], row["csrf"], row["expires_at"])

    async def sign_out(self, volunteer_id: int) -> int:
        await self._db.execute(delete(desk_links).where(desk_links.c.volunteer_id == volunteer_id))
        ended = await self._db.execute(
            delete(desk_sessions).where(desk_sessions.c.volunteer_id == volunteer_id)
        )
        return int(ended.rowcount)

    async def board(
        self, campaign_id: int, since: datetime, host_id: int | None
    ) -> Sequence[BoardShift]:
        confirmed = signups.c.status == SignupStatus.CONFIRMED.value
        waiting = signups.c.status.in_((SignupStatus.WAITLISTED.value, SignupStatus.OFFERED.value))

        def count(condition: ColumnElement[bool]) -> ColumnElement[int]:
            return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)

        counts = (
            select(
                signups.c.shift_id,
                count(confirmed).label("confirmed"),
                count(waiting).label("waitlisted"),
                count(and_(confirmed, attendance.c.reconfirmed_at.is_not(None))).label(
                    "reconfirmed"
                ),
                count(and_(confirmed, attendance.c.checked_in_at.is_not(None))).label("checked_in"),
                count(
                    and_(
                        confirmed,
                        (attendance.c.mark.is_not(None)) | (attendance.c.reported_at.is_not(None)),
                    )
                ).label("reported"),
            )
            .select_from(signups.outerjoin(attendance, attendance.c.signup_id == signups.c.id))
            .group_by(signups.c.shift_id)
            .subquery()
        )
        query = (
            rows.select_shifts(
                *(
                    func.coalesce(counts.c[name], 0).label(name)
                    for name in ("confirmed", "waitlisted", "reconfirmed", "checked_in", "reported")
                )
            )
            .outerjoin(counts, counts.c.shift_id == shifts.c.id)
            .where(shifts.c.campaign_id == campaign_id, shifts.c.ends_at > since)
            .order_by(shifts.c.starts_at, shifts.c.number)
        )
        if host_id is not None:
            query = query.where(shifts.c.host_id == host_id)
        result = await self._db.execute(query)
        return [
            BoardShift(
                rows.shift(row),
                confirmed=int(row["confirmed"]),
                waitlisted=int(row["waitlisted"]),
                reconfirmed=int(row["reconfirmed"]),
                checked_in=int(row["checked_in"]),
                reported=int(row["reported"]),
            )
            for row in result.mappings()
        ]
