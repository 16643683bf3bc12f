"""What happened after each sign-up: one `attendance` row per sign-up, made on first save."""

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import RowMapping, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.attendance import Attendance, Mark, Report
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.ports.attendance import AttendanceRepository
from storage import erasure, rows
from storage.tables import attendance, shift_nudges, shifts, signups

FIELDS = (
    "reconfirmed_at",
    "checked_in_at",
    "report",
    "reported_at",
    "mark",
    "marked_by",
    "marked_at",
    "calls",
    "conversations",
    "notes",
)

# Built once, with bind parameters (see storage/signups.py for why).
_GET = select(attendance).where(attendance.c.signup_id == bindparam("signup_id"))
_OF_MANY = select(attendance).where(attendance.c.signup_id.in_(bindparam("ids", expanding=True)))
_FOR_SHIFT = (
    select(attendance)
    .join(signups, signups.c.id == attendance.c.signup_id)
    .where(signups.c.shift_id == bindparam("shift_id"))
)
_UPDATE = update(attendance).where(attendance.c.signup_id == bindparam("the_signup_id"))
_INSERT = insert(attendance)
_SIGNUP = (
    rows.select_shifts(*signups.c)
    .join(signups, signups.c.shift_id == shifts.c.id)
    .where(signups.c.id == bindparam("signup_id"))
)
# A sign-up that held a seat: confirmed, or cancelled after the shift began (never the waitlist).
_HISTORY = (
    rows.select_shifts(*signups.c, *[attendance.c[f] for f in FIELDS])
    .join(signups, signups.c.shift_id == shifts.c.id)
    .outerjoin(attendance, attendance.c.signup_id == signups.c.id)
    .where(
        signups.c.volunteer_id == bindparam("volunteer_id"),
        signups.c.status == SignupStatus.CONFIRMED.value,
    )
    .order_by(shifts.c.starts_at, signups.c.id)
)


_NUDGED = select(shift_nudges.c.nudged_at).where(shift_nudges.c.shift_id == bindparam("shift_id"))


def record(signup_id: int, row: RowMapping) -> Attendance:
    """A sign-up's record from a row holding the attendance columns (all NULL: empty)."""
    report = row[attendance.c.report]
    mark = row[attendance.c.mark]
    return Attendance(
        signup_id=signup_id,
        reconfirmed_at=row[attendance.c.reconfirmed_at],
        checked_in_at=row[attendance.c.checked_in_at],
        report=Report(report) if report else None,
        reported_at=row[attendance.c.reported_at],
        mark=Mark(mark) if mark else None,
        marked_by=row[attendance.c.marked_by],
        marked_at=row[attendance.c.marked_at],
        calls=row[attendance.c.calls],
        conversations=row[attendance.c.conversations],
        notes=row[attendance.c.notes],
    )


def _values(record: Attendance) -> dict[str, Any]:
    values: dict[str, Any] = {f: getattr(record, f) for f in FIELDS}
    values["report"] = record.report.value if record.report else None
    values["mark"] = record.mark.value if record.mark else None
    return values


class SqlAttendanceRepository(AttendanceRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        # Records read by load_many (for a batch of notices); a save here forgets them.
        self._read: dict[int, Attendance] = {}

    async def get(self, signup_id: int) -> Attendance:
        if signup_id in self._read:
            return self._read[signup_id]
        row = (await self._db.execute(_GET, {"signup_id": signup_id})).mappings().first()
        return record(signup_id, row) if row else Attendance(signup_id)

    async def load_many(self, signup_ids: Collection[int]) -> None:
        key = attendance.c.signup_id
        read = await rows.load_many(
            self._db, _OF_MANY, signup_ids, self._read, key, lambda row: record(row[key], row)
        )
        # A sign-up with no row yet has an empty record, as `get` answers.
        for signup_id in read:
            self._read.setdefault(signup_id, Attendance(signup_id))

    async def for_shift(self, shift_id: int) -> Mapping[int, Attendance]:
        result = await self._db.execute(_FOR_SHIFT, {"shift_id": shift_id})
        return {
            row[attendance.c.signup_id]: record(row[attendance.c.signup_id], row)
            for row in result.mappings()
        }

    async def save(self, record: Attendance) -> None:
        # Update first: a sign-up's row is written by commands on that one sign-up, which
        # the volunteer or an organizer run one at a time, so insert-if-missing is enough.
        self._read.pop(record.signup_id, None)
        values = _values(record)
        changed = await self._db.execute(_UPDATE, {"the_signup_id": record.signup_id, **values})
        if changed.rowcount == 0:
            await self._db.execute(_INSERT, {"signup_id": record.signup_id, **values})

    async def signup(self, signup_id: int) -> tuple[Signup, Shift] | None:
        row = (await self._db.execute(_SIGNUP, {"signup_id": signup_id})).mappings().first()
        return (rows.signup(row), rows.shift(row)) if row else None

    async def history(self, volunteer_id: int) -> Sequence[tuple[Signup, Shift, Attendance]]:
        result = await self._db.execute(_HISTORY, {"volunteer_id": volunteer_id})
        return [
            (rows.signup(row), rows.shift(row), record(row[signups.c.id], row))
            for row in result.mappings()
        ]

    async def erase_notes(self, volunteer_id: int) -> None:
        self._read.clear()
        await erasure.erase_from(self._db, volunteer_id, attendance)

    async def nudged_at(self, shift_id: int) -> datetime | None:
        found: datetime | None = await self._db.scalar(_NUDGED, {"shift_id": shift_id})
        return found

    async def nudge(self, shift_id: int, now: datetime) -> datetime | None:
        before = await self._db.scalar(_NUDGED, {"shift_id": shift_id})
        if before is not None:
            return before
        # Two organizers pressing at once on PostgreSQL: the second insert conflicts, and the
        # command runs again (bot/app/turnout.py), finding the first one's row.
        await self._db.execute(insert(shift_nudges), {"shift_id": shift_id, "nudged_at": now})
        return None
