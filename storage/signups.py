"""Sign-ups for shifts: who holds a seat, who waits, in the order they arrived."""

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from sqlalchemy import ScalarSelect, and_, bindparam, case, func, insert, literal, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.expression import ColumnElement

from bot.domain.phonebank import HeldShift, Shift, ShiftStatus
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.ports.shifts import SignupRepository
from storage import rows
from storage.tables import shifts, signups, volunteers

_ACTIVE = (
    SignupStatus.CONFIRMED.value,
    SignupStatus.WAITLISTED.value,
    SignupStatus.OFFERED.value,
)
# A seat kept for an offer counts as taken: nobody else gets it while the offer is open.
_SEATED = (SignupStatus.CONFIRMED.value, SignupStatus.OFFERED.value)

# Built once: building a statement and its cache key costs more than running it on SQLite.
_ADD = insert(signups).returning(signups.c.id)


def _one_of(column: ColumnElement[str], values: tuple[str, ...]) -> ColumnElement[bool]:
    """`column IN (…)` for a fixed list, as plain bound values: a list of values given to
    in_() becomes an expanding parameter, spliced into the SQL again on every execution."""
    return column.in_([literal(value, column.type) for value in values])


def _seats(name: str, statuses: tuple[str, ...]) -> ScalarSelect[int]:
    # An alias of its own: these count the whole shift, not the outer query's sign-up.
    counted = signups.alias(f"counted_{name}")
    return (
        select(func.count())
        .where(counted.c.shift_id == bindparam("shift_id"), _one_of(counted.c.status, statuses))
        .scalar_subquery()
    )


# The volunteer's active sign-up (NULLs when there is none) with the shift's seat counts: the
# join's duplicate check and the count that places it, in one statement.
_ACTIVE_SIGNUP = (
    select(
        *signups.c,
        _seats("seated", _SEATED).label("confirmed"),
        _seats("waitlisted", (SignupStatus.WAITLISTED.value,)).label("waitlisted"),
    )
    .select_from(
        select(literal(1).label("one"))
        .subquery("one_row")
        .outerjoin(
            signups,
            and_(
                signups.c.shift_id == bindparam("shift_id"),
                signups.c.volunteer_id == bindparam("volunteer_id"),
                _one_of(signups.c.status, _ACTIVE),
            ),
        )
    )
    .order_by(signups.c.id.desc())
    .limit(1)
)
# The active sign-ups of many volunteers (load_many): "ids" expands to however many it has.
_ACTIVE_OF_MANY = select(signups).where(
    signups.c.volunteer_id.in_(bindparam("ids", expanding=True)), signups.c.status.in_(_ACTIVE)
)
_COUNTS = (
    select(signups.c.status, func.count())
    .where(signups.c.shift_id == bindparam("shift_id"), signups.c.status.in_(_ACTIVE))
    .group_by(signups.c.status)
)
_FIRST_WAITLISTED = (
    select(signups)
    .where(
        signups.c.shift_id == bindparam("shift_id"),
        signups.c.status == SignupStatus.WAITLISTED.value,
    )
    .order_by(signups.c.id)
    .limit(1)
)
_FIRST_WAITLISTED_FOR = _FIRST_WAITLISTED.where(signups.c.position_id == bindparam("position_id"))
_POSITION_COUNTS = (
    select(signups.c.position_id, signups.c.status, func.count())
    .where(signups.c.shift_id == bindparam("shift_id"), signups.c.status.in_(_ACTIVE))
    .group_by(signups.c.position_id, signups.c.status)
)
_AHEAD_IN_LINE = select(func.count()).where(
    signups.c.shift_id == bindparam("shift_id"),
    signups.c.status == SignupStatus.WAITLISTED.value,
    signups.c.id < bindparam("signup_id"),
)
_AHEAD_FOR_POSITION = _AHEAD_IN_LINE.where(signups.c.position_id == bindparam("position_id"))
_SET_STATUS = update(signups).where(
    signups.c.id == bindparam("signup_id"), signups.c.shift_id == bindparam("held_shift_id")
)
_UPCOMING_FOR = (
    rows.select_shifts(*signups.c)
    .join(signups, signups.c.shift_id == shifts.c.id)
    .where(
        signups.c.volunteer_id == bindparam("volunteer_id"),
        signups.c.status.in_(_ACTIVE),
        shifts.c.status == ShiftStatus.SCHEDULED.value,
        shifts.c.starts_at > bindparam("now"),
    )
    .order_by(shifts.c.starts_at, signups.c.id)
)


class SqlSignupRepository(SignupRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        # Read by load_many (for a batch of notices): the active sign-up, or None, per
        # (shift id, volunteer id). Any write here forgets them all.
        self._active_read: dict[tuple[int, int], Signup | None] = {}
        # Seat counts read along with `active`, for the `counts` a join asks for next; any
        # write here forgets them.
        self._counted: dict[int, tuple[int, int]] = {}
        # Seat counts per position, for the join that picks a position and then places it.
        self._position_counted: dict[int, dict[int, tuple[int, int]]] = {}

    def _forget_read(self) -> None:
        self._active_read.clear()
        self._counted.clear()
        self._position_counted.clear()

    async def add(
        self,
        held: HeldShift,
        volunteer_id: int,
        status: SignupStatus,
        now: datetime,
        position_id: int | None = None,
    ) -> Signup:
        """A new sign-up for the held shift (for one of its positions, if it has them); its id
        records its place in the arrival order."""
        self._forget_read()
        shift_id = held.shift.id
        added = await self._db.execute(
            _ADD,
            {
                "shift_id": shift_id,
                "volunteer_id": volunteer_id,
                "status": SignupStatus(status).value,
                "created_at": now,
                "updated_at": now,
                "position_id": position_id,
            },
        )
        return Signup(
            added.scalar_one(), shift_id, volunteer_id, SignupStatus(status), now, position_id
        )

    async def active(self, shift_id: int, volunteer_id: int) -> Signup | None:
        """The volunteer's confirmed or waitlisted sign-up for the shift, if any."""
        if (shift_id, volunteer_id) in self._active_read:
            return self._active_read[shift_id, volunteer_id]
        result = await self._db.execute(
            _ACTIVE_SIGNUP, {"shift_id": shift_id, "volunteer_id": volunteer_id}
        )
        row = result.mappings().one()
        self._counted[shift_id] = (row["confirmed"], row["waitlisted"])
        return rows.signup(row) if row[signups.c.id] is not None else None

    async def load_many(self, pairs: Collection[tuple[int, int]]) -> None:
        """Read the active sign-up of each (shift id, volunteer id) not read yet, in one query
        for all their volunteers; `active` then answers from memory."""
        wanted = dict.fromkeys(set(pairs) - self._active_read.keys())
        if not wanted:
            return
        ids = sorted({volunteer for _, volunteer in wanted})
        for row in (await self._db.execute(_ACTIVE_OF_MANY, {"ids": ids})).mappings():
            pair = (row[signups.c.shift_id], row[signups.c.volunteer_id])
            signup = rows.signup(row)
            kept = wanted.get(pair)
            # As `active`: the latest active sign-up for the pair.
            if pair in wanted and (kept is None or signup.id > kept.id):
                wanted[pair] = signup
        self._active_read.update(wanted)

    async def counts(self, shift_id: int) -> tuple[int, int]:
        """(seats taken, waitlisted): a seat kept for an open offer is taken."""
        if shift_id in self._counted:
            return self._counted[shift_id]
        result = await self._db.execute(_COUNTS, {"shift_id": shift_id})
        counted: dict[str, int] = {status: count for status, count in result}
        return (
            sum(counted.get(status, 0) for status in _SEATED),
            counted.get(SignupStatus.WAITLISTED.value, 0),
        )

    async def first_waitlisted(
        self, shift_id: int, position_id: int | None = None
    ) -> Signup | None:
        """The sign-up that moves up when a seat opens: the earliest on the waitlist (for
        `position_id`'s seats, if given)."""
        if position_id is None:
            result = await self._db.execute(_FIRST_WAITLISTED, {"shift_id": shift_id})
        else:
            result = await self._db.execute(
                _FIRST_WAITLISTED_FOR, {"shift_id": shift_id, "position_id": position_id}
            )
        row = result.mappings().first()
        return rows.signup(row) if row else None

    async def position_counts(self, shift_id: int) -> Mapping[int, tuple[int, int]]:
        """(seats taken, waitlisted) per position id of a shift with positions."""
        if shift_id in self._position_counted:
            return self._position_counted[shift_id]
        counted: dict[int, tuple[int, int]] = {}
        result = await self._db.execute(_POSITION_COUNTS, {"shift_id": shift_id})
        for position_id, status, count in result:
            if position_id is None:
                continue
            taken, waiting = counted.get(position_id, (0, 0))
            if status in _SEATED:
                taken += count
            else:
                waiting += count
            counted[position_id] = (taken, waiting)
        self._position_counted[shift_id] = counted
        return counted

    async def waitlist_position(self, signup: Signup) -> int:
        """1 for the next in line (in its position's line, on a shift with positions)."""
        values = {"shift_id": signup.shift_id, "signup_id": signup.id}
        if signup.position_id is None:
            result = await self._db.execute(_AHEAD_IN_LINE, values)
        else:
            result = await self._db.execute(
                _AHEAD_FOR_POSITION, {**values, "position_id": signup.position_id}
            )
        return result.scalar_one() + 1

    async def set_status(
        self, held: HeldShift, signup_id: int, status: SignupStatus, now: datetime
    ) -> None:
        """Confirm, waitlist or cancel one of the held shift's sign-ups."""
        self._forget_read()
        changed = await self._db.execute(
            _SET_STATUS,
            {
                "signup_id": signup_id,
                "held_shift_id": held.shift.id,
                "status": SignupStatus(status).value,
                "updated_at": now,
            },
        )
        if changed.rowcount != 1:
            raise LookupError(f"sign-up {signup_id} is not on shift {held.shift.id}")

    async def roster(self, shift_id: int) -> Sequence[tuple[Signup, Volunteer]]:
        """Active sign-ups with their volunteers, confirmed first, each in arrival order."""
        confirmed_first = case(
            (signups.c.status == SignupStatus.CONFIRMED.value, 0),
            (signups.c.status == SignupStatus.OFFERED.value, 1),
            else_=2,
        )
        result = await self._db.execute(
            select(signups, volunteers)
            .join(volunteers, volunteers.c.id == signups.c.volunteer_id)
            .where(signups.c.shift_id == shift_id, signups.c.status.in_(_ACTIVE))
            .order_by(confirmed_first, signups.c.id)
        )
        return [(rows.signup(row), rows.volunteer(row)) for row in result.mappings()]

    async def upcoming_for(
        self, volunteer_id: int, now: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        """The volunteer's active sign-ups for scheduled shifts that have not started."""
        result = await self._db.execute(_UPCOMING_FOR, {"volunteer_id": volunteer_id, "now": now})
        return [(rows.signup(row), rows.shift(row)) for row in result.mappings()]

    async def confirmed_upcoming(
        self, campaign_id: int, now: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        """Every confirmed sign-up in the campaign for shifts that have not started."""
        result = await self._db.execute(
            rows.select_shifts(*signups.c)
            .join(signups, signups.c.shift_id == shifts.c.id)
            .where(
                shifts.c.campaign_id == campaign_id,
                shifts.c.status == ShiftStatus.SCHEDULED.value,
                shifts.c.starts_at > now,
                signups.c.status == SignupStatus.CONFIRMED.value,
            )
            .order_by(shifts.c.starts_at, signups.c.id)
        )
        return [(rows.signup(row), rows.shift(row)) for row in result.mappings()]
