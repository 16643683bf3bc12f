"""The notice queue: every message Turnout owes someone, claimed and settled by the dispatcher.

The dispatcher only ever touches the head of the queue. Pending notices are found through the
(state, due_at) index and expired leases through (state, lease_until), so neither claiming nor
finding the next wake-up time reads the rows that are not due yet.
"""

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Text,
    Update,
    and_,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.notice import NewNotice, Notice, NoticeKind, NoticeState
from bot.ports.notices import NoticeRepository
from storage import rows
from storage.tables import notices

_OUTCOMES = frozenset(
    {NoticeState.SENT, NoticeState.SKIPPED, NoticeState.CANCELLED, NoticeState.FAILED}
)


def about(volunteer_id: int) -> ColumnElement[bool]:
    """Organizer notices name whom they are about in their payload (`"volunteer_id": 3`);
    payloads are JSON text with sorted keys, the same bytes on every database."""
    text = type_coerce(notices.c.payload, Text)
    key = f'"volunteer_id": {int(volunteer_id)}'
    return or_(text.contains(key + ","), text.contains(key + "}"))


# Built once: building a statement and its cache key costs more than running it on SQLite.
_ADD = insert(notices).returning(notices.c.id)
# Several rows at once (executemany): no ids come back, so no row-by-row RETURNING.
_ADD_ALL = insert(notices)
# Outcomes are recorded for many notices at once: a batch of sends is one UPDATE.
_MARK_MANY = update(notices).where(notices.c.id.in_(bindparam("notice_ids", expanding=True)))


@cache
def _cancel(
    by_signup: bool, by_shift: bool, by_volunteer: bool, kinds: tuple[str, ...] | None
) -> Update:
    """cancel_pending's UPDATE for the filters given, each shape built once (8 shapes, times
    the few lists of kinds callers name). The kinds are plain bound values, not an expanding
    parameter, which would be spliced into the SQL again on every execution."""
    conditions = [notices.c.state == bindparam("pending")]
    if by_signup:
        conditions.append(notices.c.signup_id == bindparam("by_signup"))
    if by_shift:
        conditions.append(notices.c.shift_id == bindparam("by_shift"))
    if by_volunteer:
        conditions.append(notices.c.volunteer_id == bindparam("by_volunteer"))
    if kinds is not None:
        conditions.append(
            notices.c.kind.in_([literal(kind, notices.c.kind.type) for kind in kinds])
        )
    return update(notices).where(*conditions).values(state=NoticeState.CANCELLED.value)


class SqlNoticeRepository(NoticeRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, notice: NewNotice) -> int:
        """Queue a notice as pending; returns its id."""
        added = await self._db.execute(_ADD, _values(notice))
        self._queued(notice.due_at)
        return int(added.scalar_one())

    async def add_all(self, notices: Sequence[NewNotice]) -> None:
        """Queue several notices as pending, in one executemany."""
        if notices:
            await self._db.execute(_ADD_ALL, [_values(notice) for notice in notices])
            self._queued(min(notice.due_at for notice in notices))

    def _queued(self, due_at: datetime) -> None:
        if self.earliest_queued is None or due_at < self.earliest_queued:
            self.earliest_queued = due_at

    async def cancel_pending(
        self,
        *,
        signup_id: int | None = None,
        shift_id: int | None = None,
        volunteer_id: int | None = None,
        kinds: Sequence[NoticeKind] | None = None,
    ) -> int:
        """Cancel pending notices matching every given filter; returns how many.

        At least one of signup, shift or volunteer is required: cancelling every pending
        notice of every campaign is never what a caller means.
        """
        if signup_id is None and shift_id is None and volunteer_id is None:
            raise ValueError("cancel_pending needs a signup_id, shift_id or volunteer_id")
        given = {"by_signup": signup_id, "by_shift": shift_id, "by_volunteer": volunteer_id}
        named = None if kinds is None else tuple(NoticeKind(kind).value for kind in kinds)
        statement = _cancel(*(value is not None for value in given.values()), named)
        result = await self._db.execute(statement, {**given, "pending": NoticeState.PENDING.value})
        return result.rowcount

    async def claim_due(
        self,
        now: datetime,
        *,
        limit: int,
        lease: timedelta,
        skip_campaigns: Collection[int] = (),
    ) -> Sequence[Notice]:
        """Take up to `limit` due notices (pending, or sending with an expired lease), soonest
        first, mark them sending until now + lease, and count an attempt. Campaigns in
        `skip_campaigns` are left for later: the dispatcher names those it already holds
        enough of, so that another campaign's notices are claimed beside a flood.

        Safe against other processes claiming at the same time: on PostgreSQL the rows are
        picked FOR UPDATE SKIP LOCKED, so a concurrent claimer takes the next ones instead of
        waiting; on SQLite BEGIN IMMEDIATE lets only one claimer in at a time.
        """
        due = _due(now)
        if skip_campaigns:
            due = and_(due, notices.c.campaign_id.notin_(sorted(skip_campaigns)))
        picked = (
            select(notices.c.id)
            .where(due)
            .order_by(notices.c.due_at, notices.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
            # A locking CTE is evaluated exactly once on PostgreSQL, never folded into the UPDATE.
            .cte("picked")
        )
        result = await self._db.execute(
            update(notices)
            .where(notices.c.id == picked.c.id)
            .values(
                state=NoticeState.SENDING.value,
                lease_until=now + lease,
                attempts=notices.c.attempts + 1,
            )
            .returning(*notices.c)
        )
        claimed = [rows.notice(row) for row in result.mappings()]
        # RETURNING promises no order; what is due soonest is sent first.
        return sorted(claimed, key=lambda notice: (notice.due_at, notice.id))

    async def mark(
        self, notice_id: int, state: NoticeState, now: datetime, *, error: str | None = None
    ) -> None:
        """Record the outcome: sent, skipped, cancelled or failed. The lease ends."""
        outcome = NoticeState(state)
        if outcome not in _OUTCOMES:
            raise ValueError(f"{outcome} is not an outcome; use retry_at to send again later")
        values: dict[str, Any] = {"state": outcome.value, "lease_until": None}
        if outcome is NoticeState.SENT:
            values["sent_at"] = now
        if error is not None:
            values["last_error"] = error
        await self._db.execute(_MARK_MANY, {"notice_ids": [notice_id], **values})

    async def mark_sent(self, notice_ids: Sequence[int], now: datetime) -> None:
        """Record that these notices were sent at `now`, in one statement."""
        if notice_ids:
            values = {"state": NoticeState.SENT.value, "lease_until": None, "sent_at": now}
            await self._db.execute(_MARK_MANY, {"notice_ids": list(notice_ids), **values})

    async def retry_at(
        self, notice_id: int, due_at: datetime, *, error: str, attempt_used: bool = True
    ) -> None:
        """Put a claimed notice back to pending, due again at `due_at`."""
        values: dict[str, Any] = {
            "state": NoticeState.PENDING.value,
            "due_at": due_at,
            "lease_until": None,
            "last_error": error,
        }
        if not attempt_used:
            values["attempts"] = notices.c.attempts - 1
        await self._db.execute(update(notices).where(notices.c.id == notice_id).values(values))

    async def count_due(self, now: datetime, *, at_most: int) -> int:
        due = select(notices.c.id).where(_due(now)).limit(at_most).subquery()
        result = await self._db.execute(select(func.count()).select_from(due))
        return int(result.scalar_one())

    async def next_due_at(self) -> datetime | None:
        """The earliest due time among pending notices (and sending ones, by lease expiry).

        Each half is the first entry of an index, so this costs the same with a million
        pending reminders as with one.
        """
        pending = (
            select(notices.c.due_at)
            .where(notices.c.state == NoticeState.PENDING.value)
            .order_by(notices.c.due_at)
            .limit(1)
            .scalar_subquery()
        )
        leased = (
            select(notices.c.lease_until)
            .where(notices.c.state == NoticeState.SENDING.value)
            .order_by(notices.c.lease_until)
            .limit(1)
            .scalar_subquery()
        )
        result = await self._db.execute(select(pending, leased))
        times = [moment for moment in result.one() if moment is not None]
        return min(times, default=None)

    async def ever_queued(self, volunteer_id: int, kind: NoticeKind) -> bool:
        statement = (
            select(notices.c.id)
            .where(notices.c.volunteer_id == volunteer_id, notices.c.kind == kind.value)
            .limit(1)
        )
        return (await self._db.execute(statement)).first() is not None

    async def latest_about(self, volunteer_id: int, kind: NoticeKind) -> Notice | None:
        statement = (
            select(notices)
            .where(
                notices.c.volunteer_id.is_(None),
                notices.c.kind == kind.value,
                about(volunteer_id),
            )
            .order_by(notices.c.id.desc())
            .limit(1)
        )
        row = (await self._db.execute(statement)).mappings().first()
        return rows.notice(row) if row is not None else None


def _values(notice: NewNotice) -> dict[str, Any]:
    return {
        "campaign_id": notice.campaign_id,
        "kind": NoticeKind(notice.kind).value,
        "volunteer_id": notice.volunteer_id,
        "shift_id": notice.shift_id,
        "signup_id": notice.signup_id,
        "payload": notice.payload,
        "due_at": notice.due_at,
        "state": NoticeState.PENDING.value,
        "attempts": 0,
    }


def _due(now: datetime) -> ColumnElement[bool]:
    """Notices to send now: pending and due, or claimed by a process whose lease ran out."""
    return or_(
        and_(notices.c.state == NoticeState.PENDING.value, notices.c.due_at <= now),
        and_(notices.c.state == NoticeState.SENDING.value, notices.c.lease_until <= now),
    )
