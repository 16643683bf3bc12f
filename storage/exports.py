"""Exports: the rows of an export, read in batches by id, and the log of exports made.

Each batch is a few queries (the rows, then the people and sign-ups they need, by id), so an
export of 100k volunteers reads 100 batches and never holds the whole table.
"""

from collections import defaultdict
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Row,
    RowMapping,
    Select,
    bindparam,
    func,
    insert,
    select,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.attendance import Attendance
from bot.domain.campaign import Identity
from bot.domain.export import (
    BATCH,
    ClaimLine,
    ExportKind,
    ExportPeriod,
    ExportRecord,
    Person,
    Seat,
    ShiftLine,
    SignupLine,
    VolunteerLine,
)
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.domain.volunteer import Volunteer
from bot.ports.exports import ExportRepository
from storage import export_rows
from storage.engine import long_reads
from storage.tables import (
    attendance,
    exports,
    identities,
    phone_banks,
    positions,
    shifts,
    signups,
    task_claims,
    tasks,
    volunteers,
)

_IDS: BindParameter[Any] = bindparam("ids", expanding=True)
_CANCELLED = SignupStatus.CANCELLED.value
# Shifts a sign-ups export keeps built (a few MiB): the national campaign's 20,000 all fit.
_SHIFTS_KEPT = 25_000


class SqlExportRepository(ExportRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def volunteers(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[VolunteerLine]]:
        query = select(*export_rows.VOLUNTEER).where(
            _unindexed(volunteers.c.campaign_id) == campaign_id
        )
        if since is not None:
            query = query.where(volunteers.c.joined_at >= since)
        async for batch in self._batches(query, volunteers.c.id):
            people = await self._people([row[0] for row in batch], batch)
            seats = await self._seats(list(people))
            yield [VolunteerLine(person, tuple(seats[vid])) for vid, person in people.items()]

    async def signups(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[SignupLine]]:
        query = (
            select(*export_rows.SIGNUP, *export_rows.SHOWN_ATTENDANCE, positions.c.name)
            .join(shifts, shifts.c.id == signups.c.shift_id)
            .outerjoin(attendance, attendance.c.signup_id == signups.c.id)
            # The position it is for, on a shift with positions.
            .outerjoin(positions, positions.c.id == signups.c.position_id)
            .where(_unindexed(shifts.c.campaign_id) == campaign_id)
        )
        if since is not None:
            query = query.where(shifts.c.starts_at >= since)
        # Each shift is read and built once, not once per sign-up (its times alone are a good
        # part of the cost of a row); forgotten past a bound on memory.
        seen: dict[int, Shift] = {}
        at_record = len(export_rows.SIGNUP)
        async for batch in self._batches(query, signups.c.id):
            rows = [tuple(row) for row in batch]
            people = await self._people({row[2] for row in rows})
            if len(seen) > _SHIFTS_KEPT:
                seen.clear()
            seen.update(await self._shifts({row[1] for row in rows} - seen.keys()))
            yield [
                SignupLine(
                    signup=export_rows.signup(row[:at_record]),
                    updated_at=row[5],
                    shift=seen[row[1]],
                    person=people[row[2]],
                    attendance=export_rows.shown_record(row[0], row[at_record:-1]),
                    position=row[-1] or "",
                )
                for row in rows
            ]

    async def shifts(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[ShiftLine]]:
        query = (
            select(*export_rows.SHIFT)
            .join(phone_banks, phone_banks.c.id == shifts.c.phone_bank_id)
            .where(_unindexed(shifts.c.campaign_id) == campaign_id)
        )
        if since is not None:
            query = query.where(shifts.c.starts_at >= since)
        async for batch in self._batches(query, shifts.c.id):
            found = [export_rows.shift(row) for row in batch]
            ids = [shift.id for shift in found]
            counts: dict[int, dict[str, int]] = defaultdict(dict)
            counted = await self._db.execute(
                select(signups.c.shift_id, signups.c.status, func.count())
                .where(signups.c.shift_id.in_(_IDS))
                .group_by(signups.c.shift_id, signups.c.status),
                {"ids": ids},
            )
            for shift_id, status, n in counted.all():
                counts[shift_id][status] = n
            seats: dict[int, list[Any]] = defaultdict(list)
            held = await self._db.execute(
                select(signups.c.id, signups.c.shift_id, *export_rows.SHOWN_ATTENDANCE)
                .join(attendance, attendance.c.signup_id == signups.c.id)
                .where(
                    signups.c.shift_id.in_(_IDS),
                    signups.c.status == SignupStatus.CONFIRMED.value,
                ),
                {"ids": ids},
            )
            for row in held.all():
                fields = tuple(row)
                seats[fields[1]].append(export_rows.shown_record(fields[0], fields[2:]))
            hosts = await self._volunteers({s.host_id for s in found if s.host_id is not None})
            yield [
                ShiftLine(
                    shift=shift,
                    host=hosts.get(shift.host_id) if shift.host_id is not None else None,
                    confirmed=counts[shift.id].get(SignupStatus.CONFIRMED.value, 0),
                    waitlisted=counts[shift.id].get(SignupStatus.WAITLISTED.value, 0),
                    cancelled=counts[shift.id].get(_CANCELLED, 0),
                    seats=tuple(seats[shift.id]),
                )
                for shift in found
            ]

    async def claims(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[ClaimLine]]:
        query = (
            select(*export_rows.CLAIM)
            .join(tasks, tasks.c.id == task_claims.c.task_id)
            .where(_unindexed(tasks.c.campaign_id) == campaign_id)
        )
        if since is not None:
            query = query.where(task_claims.c.claimed_at >= since)
        async for batch in self._batches(query, task_claims.c.id):
            people = await self._people({tuple(row)[2] for row in batch})
            lines = []
            for row in batch:
                fields = tuple(row)
                claim, task = export_rows.claim(fields)
                lines.append(ClaimLine(claim, fields[5], task, people[claim.volunteer_id]))
            yield lines

    async def record(
        self,
        *,
        campaign_id: int,
        exporter_id: int,
        kind: ExportKind,
        period: ExportPeriod,
        count: int,
        at: datetime,
    ) -> ExportRecord:
        values = {
            "campaign_id": campaign_id,
            "exporter_id": exporter_id,
            "kind": kind.value,
            "period": period.value,
            "rows": count,
            "at": at,
        }
        export_id = await self._db.scalar(insert(exports).values(values).returning(exports.c.id))
        assert export_id is not None
        return ExportRecord(int(export_id), campaign_id, exporter_id, kind, period, count, at)

    async def get(self, export_id: int) -> ExportRecord | None:
        row = (
            (await self._db.execute(select(exports).where(exports.c.id == export_id)))
            .mappings()
            .first()
        )
        return _export(row) if row else None

    async def made(self, campaign_id: int) -> Sequence[ExportRecord]:
        result = await self._db.execute(
            select(exports).where(exports.c.campaign_id == campaign_id).order_by(exports.c.id)
        )
        return [_export(row) for row in result.mappings()]

    # Reading in batches

    async def _batches(
        self, query: Select[Any], key: ColumnElement[int]
    ) -> AsyncIterator[Sequence[Row[Any]]]:
        """`query`'s rows, BATCH at a time in `key` order (`key` is the first column): each
        batch starts after the last key of the one before (keyset paging, which stays fast
        however deep it goes)."""
        after = 0
        while True:
            page = query.where(key > after).order_by(key).limit(BATCH)
            async with long_reads(self._db):
                batch = (await self._db.execute(page)).all()
            if not batch:
                return
            yield batch
            after = batch[-1][0]
            if len(batch) < BATCH:
                return

    async def _shifts(self, ids: Iterable[int]) -> dict[int, Shift]:
        wanted = list(ids)
        if not wanted:
            return {}
        result = await self._db.execute(
            select(*export_rows.SHIFT)
            .join(phone_banks, phone_banks.c.id == shifts.c.phone_bank_id)
            .where(shifts.c.id.in_(_IDS)),
            {"ids": wanted},
        )
        return {row[0]: export_rows.shift(row) for row in result.all()}

    async def _volunteers(self, ids: Iterable[int]) -> dict[int, Volunteer]:
        wanted = list(ids)
        if not wanted:
            return {}
        result = await self._db.execute(
            select(*export_rows.VOLUNTEER).where(volunteers.c.id.in_(_IDS)), {"ids": wanted}
        )
        return {row[0]: export_rows.volunteer(row) for row in result.all()}

    async def _people(
        self, ids: Iterable[int], known: Sequence[Row[Any]] | None = None
    ) -> dict[int, Person]:
        """Volunteers by id (from `known` rows of VOLUNTEER's columns when given) with their
        accounts, in id order."""
        wanted = sorted(set(ids))
        if known is not None:
            found = {row[0]: export_rows.volunteer(row) for row in known}
        else:
            found = await self._volunteers(wanted)
        accounts: dict[int, list[Identity]] = defaultdict(list)
        if wanted:
            result = await self._db.execute(
                select(*export_rows.IDENTITY)
                .where(identities.c.volunteer_id.in_(_IDS))
                .order_by(identities.c.id),
                {"ids": wanted},
            )
            for row in result.all():
                accounts[row[0]].append(export_rows.identity(row))
        return {vid: Person(found[vid], tuple(accounts[vid])) for vid in wanted}

    async def _seats(self, ids: Sequence[int]) -> dict[int, list[Seat]]:
        """The sign-ups (not cancelled) of these volunteers, with what the counts need."""
        seats: dict[int, list[Seat]] = defaultdict(list)
        if not ids:
            return seats
        result = await self._db.execute(
            select(
                signups.c.id,
                signups.c.volunteer_id,
                signups.c.status,
                shifts.c.ends_at,
                attendance.c.checked_in_at,
                attendance.c.report,
                attendance.c.mark,
                attendance.c.calls,
                attendance.c.conversations,
            )
            .join(shifts, shifts.c.id == signups.c.shift_id)
            .outerjoin(attendance, attendance.c.signup_id == signups.c.id)
            .where(signups.c.volunteer_id.in_(_IDS), signups.c.status != _CANCELLED)
            .order_by(signups.c.id),
            {"ids": list(ids)},
        )
        # Plain tuples: a 100k-volunteer export builds one of these per sign-up.
        for (
            signup_id,
            volunteer_id,
            status,
            ends_at,
            checked_in_at,
            report,
            mark,
            calls,
            talks,
        ) in result.all():
            seat = Attendance(
                signup_id,
                checked_in_at=checked_in_at,
                report=export_rows.REPORTS[report] if report else None,
                mark=export_rows.MARKS[mark] if mark else None,
                calls=calls,
                conversations=talks,
            )
            seats[volunteer_id].append(Seat(export_rows.SIGNUP_STATUS[status], ends_at, seat))
        return seats


def _unindexed(campaign_id: ColumnElement[int]) -> ColumnElement[int]:
    """The campaign column, kept out of the index choice (`+ 0`): else SQLite reads a page by
    the campaign's index, all of the campaign's rows sorted for each batch (20 ms a batch of
    the national campaign), where walking the primary key from the last key takes 1.5 ms."""
    return campaign_id + 0


def _export(row: RowMapping) -> ExportRecord:
    return ExportRecord(
        id=row[exports.c.id],
        campaign_id=row[exports.c.campaign_id],
        exporter_id=row[exports.c.exporter_id],
        kind=ExportKind(row[exports.c.kind]),
        period=ExportPeriod(row[exports.c.period]),
        rows=row[exports.c.rows],
        at=row[exports.c.at],
    )
