"""Each kind's figures for a period: shifts held, seats attended, the debriefs' two counts.

One aggregate query grouped by kind, next to storage/figures.py's (whose outcome rule it
shares), so `/turnout stats` costs one statement more however many kinds there are.
"""

from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.attendance import Outcome
from bot.domain.kinds import KINDS
from bot.domain.phonebank import ShiftStatus
from bot.domain.signup import SignupStatus
from bot.domain.stats import KindFigures
from storage.figures import _counting, _in, _total
from storage.tables import attendance, phone_banks, shifts, signups

_ORDER = {kind.id: index for index, kind in enumerate(KINDS)}
# Every scheduled shift, with its held seats (if any) and their attendance.
_SHIFTS = (
    shifts.join(phone_banks, phone_banks.c.id == shifts.c.phone_bank_id)
    .outerjoin(
        signups,
        and_(
            signups.c.shift_id == shifts.c.id,
            signups.c.status == SignupStatus.CONFIRMED.value,
        ),
    )
    .outerjoin(attendance, attendance.c.signup_id == signups.c.id)
)


async def by_kind(
    db: AsyncConnection, campaign_id: int, start: datetime | None, end: datetime, *, now: datetime
) -> tuple[KindFigures, ...]:
    """The figures of each kind with a shift held in [start, end), in the kinds' order."""
    result = await db.execute(
        select(
            phone_banks.c.kind,
            func.count(func.distinct(shifts.c.id)),
            # A shift without sign-ups has one row of NULLs here, which never reads as attended.
            _total(_counting(now, Outcome.ATTENDED)),
            _total(attendance.c.calls),
            _total(attendance.c.conversations),
        )
        .select_from(_SHIFTS)
        .where(
            shifts.c.campaign_id == campaign_id,
            shifts.c.status == ShiftStatus.SCHEDULED.value,
            _in(shifts.c.starts_at, start, end),
        )
        .group_by(phone_banks.c.kind)
    )
    found = [
        KindFigures(kind, int(held), int(attended), int(first), int(second))
        for kind, held, attended, first, second in result.all()
    ]
    return tuple(sorted(found, key=lambda figures: _ORDER.get(figures.kind, len(_ORDER))))
