"""Numbers for organizers, counted in the database: every figure is an aggregate query, so
`/turnout stats all` costs the same few statements however many rows a campaign has.

The queries behind SqlStatsRepository's period, weeks and upcoming (storage/stats.py).
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, extract, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.attendance import NO_ANSWER_AFTER, Mark, Outcome, Report
from bot.domain.phonebank import ShiftStatus
from bot.domain.signup import SignupStatus
from bot.domain.stats import (
    ActiveVolunteer,
    PeriodFigures,
    UpcomingShift,
    WeekFigures,
    week_of_kinds,
)
from bot.domain.task import ClaimStatus
from storage.tables import (
    attendance,
    phone_banks,
    shifts,
    signups,
    stats_opt_outs,
    task_claims,
    tasks,
    volunteers,
)


def _outcome(now: datetime) -> Any:
    """bot.domain.attendance.outcome, as SQL (a sign-up with no attendance row reads as
    NULLs): a mark wins, then checking in or "I made it", then "I couldn't make it", then
    silence past the deadline is a no-show."""
    return case(
        (attendance.c.mark == Mark.HERE.value, Outcome.ATTENDED.value),
        (attendance.c.mark == Mark.NO_SHOW.value, Outcome.NO_SHOW.value),
        (
            or_(
                attendance.c.checked_in_at.is_not(None),
                attendance.c.report == Report.MADE_IT.value,
            ),
            Outcome.ATTENDED.value,
        ),
        (attendance.c.report == Report.MISSED.value, Outcome.COULDNT_MAKE_IT.value),
        (shifts.c.ends_at <= now - NO_ANSWER_AFTER, Outcome.NO_SHOW.value),
        else_=Outcome.NO_WORD.value,
    )


def _counting(now: datetime, *outcomes: Outcome) -> Any:
    """1 for a seat whose outcome is one of `outcomes`, else 0."""
    return case((_outcome(now).in_([o.value for o in outcomes]), 1), else_=0)


# Seats held when the shift began: confirmed sign-ups (the waitlist never held one).
_HELD_SEAT = and_(
    shifts.c.id == signups.c.shift_id,
    signups.c.status == SignupStatus.CONFIRMED.value,
    shifts.c.status == ShiftStatus.SCHEDULED.value,
)
_SEATS = signups.join(shifts, _HELD_SEAT).outerjoin(
    attendance, attendance.c.signup_id == signups.c.id
)

Where = tuple[ColumnElement[bool], ...]


def _in(column: Any, start: datetime | None, end: datetime) -> ColumnElement[bool]:
    return and_(column < end, column >= start) if start is not None else column < end


def _total(expression: Any) -> Any:
    return func.coalesce(func.sum(expression), 0)


def _seconds_to_contact() -> Any:
    return extract("epoch", volunteers.c.contacted_at - volunteers.c.joined_at)


# SQLite keeps UTC as text; julianday() reads it, in days. Exactly the expression of the index
# ix_volunteers_campaign_id_contact_wait (migration 0011): SQLite walks that index in order.
_DAYS_TO_CONTACT = func.julianday(volunteers.c.contacted_at) - func.julianday(
    volunteers.c.joined_at
)


async def period(
    db: AsyncConnection,
    campaign_id: int,
    start: datetime | None,
    end: datetime,
    *,
    now: datetime,
    most_active: int = 0,
) -> PeriodFigures:
    """As StatsRepository.period: shifts, seats, newcomers and tasks of [start, end)."""
    where = (shifts.c.campaign_id == campaign_id, _in(shifts.c.starts_at, start, end))
    held, cancelled, offered = await _shifts(db, where)
    seats = await _seats(db, where, now)
    active = await _most_active(db, where, campaign_id, most_active, now) if most_active else ()
    joined = and_(
        volunteers.c.campaign_id == campaign_id,
        _in(volunteers.c.joined_at, start, end),
        # Organizers count themselves as contacted the moment Turnout meets them (they need
        # no welcome): staff, not newcomers, so neither their number nor their zero wait.
        or_(volunteers.c.contacted_by.is_(None), volunteers.c.contacted_by != volunteers.c.id),
    )
    new, contacted = (
        await db.execute(
            select(func.count(volunteers.c.id), func.count(volunteers.c.contacted_at)).where(joined)
        )
    ).one()
    return PeriodFigures(
        shifts_held=held,
        shifts_cancelled=cancelled,
        seats_offered=offered,
        seats_filled=seats[0],
        reconfirmed=seats[1],
        attended=seats[2],
        no_shows=seats[3],
        couldnt_make_it=seats[4],
        calls=seats[5],
        conversations=seats[6],
        new_volunteers=int(new),
        contacted=int(contacted),
        waiting_now=await _waiting(db, campaign_id, end),
        tasks_done=await _tasks_done(db, campaign_id, start, end),
        median_contact_seconds=await _median_contact(
            db, joined, int(contacted), all_time=start is None
        ),
        most_active=active,
    )


async def _shifts(db: AsyncConnection, where: Where) -> Sequence[int]:
    """Shifts held, shifts cancelled, seats offered by the shifts held."""
    held = shifts.c.status == ShiftStatus.SCHEDULED.value
    row = (
        await db.execute(
            select(
                _total(case((held, 1), else_=0)),
                _total(case((held, 0), else_=1)),
                _total(case((held, shifts.c.capacity), else_=0)),
            ).where(*where)
        )
    ).one()
    return [int(value) for value in row]


async def _seats(db: AsyncConnection, where: Where, now: datetime) -> Sequence[int]:
    """Seats filled, "I'll be there", attended, no-shows, couldn't make it, calls,
    conversations."""
    row = (
        await db.execute(
            select(
                func.count(signups.c.id),
                func.count(attendance.c.reconfirmed_at),
                _total(_counting(now, Outcome.ATTENDED)),
                _total(_counting(now, Outcome.NO_SHOW)),
                _total(_counting(now, Outcome.COULDNT_MAKE_IT)),
                _total(attendance.c.calls),
                _total(attendance.c.conversations),
            )
            .select_from(_SEATS)
            .where(*where)
        )
    ).one()
    return [int(value) for value in row]


async def _waiting(db: AsyncConnection, campaign_id: int, end: datetime) -> int:
    """Volunteers who had joined by `end` and are not contacted yet (nor erased)."""
    waiting = await db.scalar(
        select(func.count(volunteers.c.id)).where(
            volunteers.c.campaign_id == campaign_id,
            volunteers.c.contacted_at.is_(None),
            volunteers.c.forgotten_at.is_(None),
            volunteers.c.joined_at < end,
        )
    )
    return int(waiting or 0)


async def _tasks_done(
    db: AsyncConnection, campaign_id: int, start: datetime | None, end: datetime
) -> int:
    done = await db.scalar(
        select(func.count(task_claims.c.id))
        .join(tasks, tasks.c.id == task_claims.c.task_id)
        .where(
            tasks.c.campaign_id == campaign_id,
            task_claims.c.status == ClaimStatus.DONE.value,
            _in(task_claims.c.updated_at, start, end),
        )
    )
    return int(done or 0)


async def _most_active(
    db: AsyncConnection, where: Where, campaign_id: int, limit: int, now: datetime
) -> tuple[ActiveVolunteer, ...]:
    """The most active (one grouped query), then their numbers and names.

    Only seats with an attendance row can count towards attending or calls, so the leaders
    are grouped from those alone: no grouping of everyone's seats, no materialised CTE.
    Erased and unlisted people are dropped after the count, so the top `limit` are among
    the top `limit` plus their number: only those are kept and looked up.
    """
    # `+ 0`: SQLite would otherwise walk the sign-ups in volunteer order (a random read
    # per row) instead of from the campaign's shifts in the period.
    who = (signups.c.volunteer_id + 0).label("volunteer_id")
    attending = _counting(now, Outcome.ATTENDED)
    attended = func.sum(attending).label("attended")
    calls = _total(attendance.c.calls).label("calls")
    per = (
        select(who, attended, calls)
        .select_from(
            signups.join(shifts, _HELD_SEAT).join(
                attendance, attendance.c.signup_id == signups.c.id
            )
        )
        # A seat neither attended nor with calls adds nothing to a leader's figures: leave it
        # out of the grouping (the database sorts what it groups; fewer rows, less sorting).
        .where(*where, or_(attending == 1, attendance.c.calls.is_not(None)))
        .group_by(who)
        .subquery()
    )
    leaders = (
        await db.execute(
            select(per.c.volunteer_id, per.c.attended, per.c.calls)
            .where(per.c.attended > 0)
            .order_by(per.c.attended.desc(), per.c.calls.desc(), per.c.volunteer_id)
            .limit(limit + await _not_listed(db, campaign_id))
        )
    ).all()
    if not leaders:
        return ()
    named = await _listed_names(db, [row[0] for row in leaders])
    return tuple(
        ActiveVolunteer(
            number=named[row[0]][0], name=named[row[0]][1], shifts=int(row[1]),
            calls=int(row[2]),
        )
        for row in leaders
        if row[0] in named
    )[:limit]  # fmt: skip


async def _listed_names(db: AsyncConnection, ids: Sequence[int]) -> dict[int, tuple[int, str]]:
    """Number and name of each of `ids` who may be named: not erased, not opted out."""
    return {
        row[0]: (row[1], row[2] or "")
        for row in await db.execute(
            select(volunteers.c.id, volunteers.c.number, volunteers.c.display_name).where(
                volunteers.c.id.in_(ids),
                volunteers.c.forgotten_at.is_(None),
                ~exists().where(stats_opt_outs.c.volunteer_id == volunteers.c.id),
            )
        )
    }


async def _not_listed(db: AsyncConnection, campaign_id: int) -> int:
    """How many of the campaign's volunteers may not be named (an upper bound)."""
    erased = await db.scalar(
        select(func.count()).where(
            volunteers.c.campaign_id == campaign_id, volunteers.c.forgotten_at.is_not(None)
        )
    )
    # Walk the few opt-outs and look each person up, not the campaign's volunteers (which
    # SQLite's planner would scan for a join).
    opted_out = await db.scalar(
        select(func.count())
        .select_from(stats_opt_outs)
        .where(
            exists().where(
                volunteers.c.id == stats_opt_outs.c.volunteer_id,
                volunteers.c.campaign_id == campaign_id,
            )
        )
    )
    return int(erased or 0) + int(opted_out or 0)


async def _median_contact(
    db: AsyncConnection, joined: ColumnElement[bool], contacted: int, *, all_time: bool
) -> float | None:
    """The median wait for a first contact, in seconds, picked by the database."""
    if not contacted:
        return None
    reached = and_(joined, volunteers.c.contacted_at.is_not(None))
    if db.dialect.name == "postgresql":
        median = func.percentile_cont(0.5).within_group(_seconds_to_contact())
        value = await db.scalar(select(median).where(reached))
    else:
        # The middle one (or the mean of the middle two) by ORDER BY/LIMIT/OFFSET, in days
        # (no bound parameter in the sort key, or it would not match the index). All time:
        # read off the index in order. A period: its newcomers, found by joining date, are
        # few; sorting them beats walking half the index (`+ 0` keeps SQLite off it).
        key = _DAYS_TO_CONTACT if all_time else _DAYS_TO_CONTACT + 0
        middle = (
            select(_DAYS_TO_CONTACT.label("days"))
            .where(reached)
            .order_by(key)
            .limit(2 - contacted % 2)
            .offset((contacted - 1) // 2)
            .subquery()
        )
        value = await db.scalar(select(func.avg(middle.c.days) * 86400.0))
    # julianday() is a float of days: to a tenth of a second is as exact as it gets.
    return round(float(value), 1) if value is not None else None


async def weeks(
    db: AsyncConnection, campaign_id: int, bounds: Sequence[datetime], now: datetime
) -> Sequence[WeekFigures]:
    """As StatsRepository.weeks: seats filled, settled and attended per week of `bounds`, and
    each kind's share (grouped by kind too, still one statement)."""
    # Which week a shift falls in, by the bounds (local Mondays): one grouped query.
    week = case(
        *[(shifts.c.starts_at < bound, i) for i, bound in enumerate(bounds[1:])],
        else_=len(bounds),
    )
    result = await db.execute(
        select(
            week,
            phone_banks.c.kind,
            func.count(signups.c.id),
            _total(_counting(now, *(o for o in Outcome if o.settled))),
            _total(_counting(now, Outcome.ATTENDED)),
        )
        .select_from(_SEATS.join(phone_banks, phone_banks.c.id == shifts.c.phone_bank_id))
        .where(
            shifts.c.campaign_id == campaign_id,
            shifts.c.starts_at >= bounds[0],
            shifts.c.starts_at < bounds[-1],
        )
        .group_by(week, phone_banks.c.kind)
    )
    rows: dict[int, list[tuple[str, int, int, int]]] = {}
    for index, kind, filled, settled, attended in result.all():
        rows.setdefault(int(index), []).append((kind, int(filled), int(settled), int(attended)))
    return [week_of_kinds(bound, rows.get(i, [])) for i, bound in enumerate(bounds[:-1])]


async def upcoming(
    db: AsyncConnection, campaign_id: int, start: datetime, end: datetime
) -> Sequence[UpcomingShift]:
    """As StatsRepository.upcoming: scheduled shifts of [start, end) and their seats taken."""
    confirmed = (
        select(func.count(signups.c.id))
        .where(
            signups.c.shift_id == shifts.c.id,
            signups.c.status == SignupStatus.CONFIRMED.value,
        )
        .scalar_subquery()
    )
    result = await db.execute(
        select(
            shifts.c.number,
            phone_banks.c.title,
            shifts.c.starts_at,
            shifts.c.capacity,
            confirmed,
        )
        .join(phone_banks, phone_banks.c.id == shifts.c.phone_bank_id)
        .where(
            shifts.c.campaign_id == campaign_id,
            shifts.c.status == ShiftStatus.SCHEDULED.value,
            shifts.c.starts_at >= start,
            shifts.c.starts_at < end,
        )
        .order_by(shifts.c.starts_at, shifts.c.number)
    )
    return [
        UpcomingShift(
            number=row[0], title=row[1], starts_at=row[2], capacity=row[3], confirmed=row[4]
        )
        for row in result
    ]
