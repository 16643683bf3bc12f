"""Numbers for organizers, counted in the database: every figure is an aggregate query, so
`/turnout stats all` costs the same few statements however many rows a campaign has."""

from collections.abc import Sequence
from datetime import datetime, time
from typing import Any

from sqlalchemy import (
    ColumnElement,
    and_,
    case,
    delete,
    exists,
    extract,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.attendance import Mark, Report
from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.phonebank import ShiftStatus
from bot.domain.signup import SignupStatus
from bot.domain.stats import (
    DEFAULT_DIGEST,
    ActiveVolunteer,
    DigestSchedule,
    PeriodFigures,
    UpcomingShift,
    WeekFigures,
)
from bot.domain.task import ClaimStatus
from bot.ports.stats import StatsRepository
from storage.tables import (
    attendance,
    campaigns,
    digest_schedules,
    notices,
    phone_banks,
    shifts,
    signups,
    stats_opt_outs,
    task_claims,
    tasks,
    volunteers,
)

# bot.domain.attendance.Attendance.presence, as SQL: an organizer's mark wins; then "I couldn't
# make it"; then a check-in or "I made it". A sign-up with no attendance row reads as NULLs.
_ATTENDED = case(
    (attendance.c.mark == Mark.HERE.value, 1),
    (attendance.c.mark.is_not(None), 0),
    (attendance.c.report == Report.MISSED.value, 0),
    (attendance.c.checked_in_at.is_not(None), 1),
    (attendance.c.report == Report.MADE_IT.value, 1),
    else_=0,
)
_MISSED = case(
    (attendance.c.mark == Mark.NO_SHOW.value, 1),
    (attendance.c.mark.is_not(None), 0),
    (attendance.c.report == Report.MISSED.value, 1),
    else_=0,
)
# Seats held when the shift began: confirmed sign-ups (the waitlist never held one).
_SEATS = signups.join(
    shifts,
    and_(
        shifts.c.id == signups.c.shift_id,
        signups.c.status == SignupStatus.CONFIRMED.value,
        shifts.c.status == ShiftStatus.SCHEDULED.value,
    ),
).outerjoin(attendance, attendance.c.signup_id == signups.c.id)


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


class SqlStatsRepository(StatsRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        self._dialect = connection.dialect.name

    async def period(
        self, campaign_id: int, start: datetime | None, end: datetime, *, most_active: int = 0
    ) -> PeriodFigures:
        in_period = _in(shifts.c.starts_at, start, end)
        held = shifts.c.status == ShiftStatus.SCHEDULED.value
        shift_row = (
            await self._db.execute(
                select(
                    _total(case((held, 1), else_=0)),
                    _total(case((held, 0), else_=1)),
                    _total(case((held, shifts.c.capacity), else_=0)),
                ).where(shifts.c.campaign_id == campaign_id, in_period)
            )
        ).one()
        where = (shifts.c.campaign_id == campaign_id, in_period)
        if most_active:
            seat_row, active = await self._seats_and_most_active(where, campaign_id, most_active)
        else:
            seat_row, active = await self._seats(where), ()
        joined = and_(
            volunteers.c.campaign_id == campaign_id, _in(volunteers.c.joined_at, start, end)
        )
        people_row = (
            await self._db.execute(
                select(func.count(volunteers.c.id), func.count(volunteers.c.contacted_at)).where(
                    joined
                )
            )
        ).one()
        waiting = await self._db.scalar(
            select(func.count(volunteers.c.id)).where(
                volunteers.c.campaign_id == campaign_id,
                volunteers.c.contacted_at.is_(None),
                volunteers.c.forgotten_at.is_(None),
                volunteers.c.joined_at < end,
            )
        )
        done = await self._db.scalar(
            select(func.count(task_claims.c.id))
            .join(tasks, tasks.c.id == task_claims.c.task_id)
            .where(
                tasks.c.campaign_id == campaign_id,
                task_claims.c.status == ClaimStatus.DONE.value,
                _in(task_claims.c.updated_at, start, end),
            )
        )
        return PeriodFigures(
            shifts_held=int(shift_row[0]),
            shifts_cancelled=int(shift_row[1]),
            seats_offered=int(shift_row[2]),
            seats_filled=int(seat_row[0]),
            reconfirmed=int(seat_row[1]),
            attended=int(seat_row[2]),
            no_shows=int(seat_row[3]),
            calls=int(seat_row[4]),
            conversations=int(seat_row[5]),
            new_volunteers=int(people_row[0]),
            contacted=int(people_row[1]),
            median_contact_seconds=await self._median_contact(
                joined, int(people_row[1]), all_time=start is None
            ),
            waiting_now=int(waiting or 0),
            tasks_done=int(done or 0),
            most_active=active,
        )

    async def _seats(self, where: tuple[ColumnElement[bool], ...]) -> Sequence[int]:
        """Seats filled, "I'll be there", attended, no-shows, calls, conversations."""
        row = (
            await self._db.execute(
                select(
                    func.count(signups.c.id),
                    func.count(attendance.c.reconfirmed_at),
                    _total(_ATTENDED),
                    _total(_MISSED),
                    _total(attendance.c.calls),
                    _total(attendance.c.conversations),
                )
                .select_from(_SEATS)
                .where(*where)
            )
        ).one()
        return [int(value) for value in row]

    async def _seats_and_most_active(
        self, where: tuple[ColumnElement[bool], ...], campaign_id: int, limit: int
    ) -> tuple[Sequence[int], tuple[ActiveVolunteer, ...]]:
        """The seat figures (one plain aggregate) and the most active (one grouped query).

        Only seats with an attendance row can count towards attending or calls, so the leaders
        are grouped from those alone: no grouping of everyone's seats, no materialised CTE.
        Erased and unlisted people are dropped after the count, so the top `limit` are among
        the top `limit` plus their number: only those are kept and looked up.
        """
        seat_row = await self._seats(where)
        # `+ 0`: SQLite would otherwise walk the sign-ups in volunteer order (a random read
        # per row) instead of from the campaign's shifts in the period.
        who = (signups.c.volunteer_id + 0).label("volunteer_id")
        attended = func.sum(_ATTENDED).label("attended")
        calls = _total(attendance.c.calls).label("calls")
        per = (
            select(who, attended, calls)
            .select_from(
                signups.join(
                    shifts,
                    and_(
                        shifts.c.id == signups.c.shift_id,
                        signups.c.status == SignupStatus.CONFIRMED.value,
                        shifts.c.status == ShiftStatus.SCHEDULED.value,
                    ),
                ).join(attendance, attendance.c.signup_id == signups.c.id)
            )
            # A seat neither attended nor with calls adds nothing to a leader's figures: leave it
            # out of the grouping (the database sorts what it groups; fewer rows, less sorting).
            .where(*where, or_(_ATTENDED == 1, attendance.c.calls.is_not(None)))
            .group_by(who)
            .subquery()
        )
        leaders = (
            await self._db.execute(
                select(per.c.volunteer_id, per.c.attended, per.c.calls)
                .where(per.c.attended > 0)
                .order_by(per.c.attended.desc(), per.c.calls.desc(), per.c.volunteer_id)
                .limit(limit + await self._not_listed(campaign_id))
            )
        ).all()
        if not leaders:
            return seat_row, ()
        named = {
            row[0]: (row[1], row[2] or "")
            for row in await self._db.execute(
                select(volunteers.c.id, volunteers.c.number, volunteers.c.display_name).where(
                    volunteers.c.id.in_([row[0] for row in leaders]),
                    volunteers.c.forgotten_at.is_(None),
                    ~exists().where(stats_opt_outs.c.volunteer_id == volunteers.c.id),
                )
            )
        }
        active = tuple(
            ActiveVolunteer(
                number=named[row[0]][0], name=named[row[0]][1], shifts=int(row[1]),
                calls=int(row[2]),
            )
            for row in leaders
            if row[0] in named
        )[:limit]  # fmt: skip
        return seat_row, active

    async def _median_contact(
        self, joined: ColumnElement[bool], contacted: int, *, all_time: bool
    ) -> float | None:
        """The median wait for a first contact, in seconds, picked by the database."""
        if not contacted:
            return None
        reached = and_(joined, volunteers.c.contacted_at.is_not(None))
        if self._dialect == "postgresql":
            median = func.percentile_cont(0.5).within_group(_seconds_to_contact())
            value = await self._db.scalar(select(median).where(reached))
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
            value = await self._db.scalar(select(func.avg(middle.c.days) * 86400.0))
        # julianday() is a float of days: to a tenth of a second is as exact as it gets.
        return round(float(value), 1) if value is not None else None

    async def _not_listed(self, campaign_id: int) -> int:
        """How many of the campaign's volunteers may not be named (an upper bound)."""
        erased = await self._db.scalar(
            select(func.count()).where(
                volunteers.c.campaign_id == campaign_id, volunteers.c.forgotten_at.is_not(None)
            )
        )
        # Walk the few opt-outs and look each person up, not the campaign's volunteers (which
        # SQLite's planner would scan for a join).
        opted_out = await self._db.scalar(
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

    async def weeks(self, campaign_id: int, bounds: Sequence[datetime]) -> Sequence[WeekFigures]:
        # Which week a shift falls in, by the bounds (local Mondays): one grouped query.
        week = case(
            *[(shifts.c.starts_at < bound, i) for i, bound in enumerate(bounds[1:])],
            else_=len(bounds),
        )
        result = await self._db.execute(
            select(week, func.count(signups.c.id), _total(_ATTENDED))
            .select_from(_SEATS)
            .where(
                shifts.c.campaign_id == campaign_id,
                shifts.c.starts_at >= bounds[0],
                shifts.c.starts_at < bounds[-1],
            )
            .group_by(week)
        )
        counted = {int(row[0]): (int(row[1]), int(row[2])) for row in result}
        return [WeekFigures(bound, *counted.get(i, (0, 0))) for i, bound in enumerate(bounds[:-1])]

    async def upcoming(
        self, campaign_id: int, start: datetime, end: datetime
    ) -> Sequence[UpcomingShift]:
        confirmed = (
            select(func.count(signups.c.id))
            .where(
                signups.c.shift_id == shifts.c.id,
                signups.c.status == SignupStatus.CONFIRMED.value,
            )
            .scalar_subquery()
        )
        result = await self._db.execute(
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

    async def set_listed(self, volunteer_id: int, listed: bool) -> None:
        await self._db.execute(
            delete(stats_opt_outs).where(stats_opt_outs.c.volunteer_id == volunteer_id)
        )
        if not listed:
            await self._db.execute(insert(stats_opt_outs).values(volunteer_id=volunteer_id))

    async def is_listed(self, volunteer_id: int) -> bool:
        found = await self._db.scalar(
            select(literal(1)).where(stats_opt_outs.c.volunteer_id == volunteer_id)
        )
        return found is None

    async def erase_person(self, volunteer_id: int) -> None:
        await self.set_listed(volunteer_id, True)

    async def digest(self, campaign_id: int) -> tuple[DigestSchedule, datetime | None]:
        row = (
            await self._db.execute(
                select(
                    digest_schedules.c.weekday,
                    digest_schedules.c.at_minute,
                    digest_schedules.c.queued_for,
                ).where(digest_schedules.c.campaign_id == campaign_id)
            )
        ).first()
        if row is None:
            return DEFAULT_DIGEST, None
        return _schedule(row[0], row[1]), row[2]

    async def set_digest(
        self, campaign_id: int, schedule: DigestSchedule, queued_for: datetime | None
    ) -> None:
        values = {
            "weekday": schedule.weekday,
            "at_minute": schedule.at.hour * 60 + schedule.at.minute,
            "queued_for": queued_for,
        }
        dialect: Any = postgresql if self._dialect == "postgresql" else sqlite
        await self._db.execute(
            dialect.insert(digest_schedules)
            .values(campaign_id=campaign_id, **values)
            .on_conflict_do_update(index_elements=["campaign_id"], set_=values)
        )

    async def claim_digest(
        self, campaign_id: int, was: datetime | None, queued_for: datetime
    ) -> bool:
        if was is None:
            # A campaign's first digest: the row is made now, by one process only.
            default = DEFAULT_DIGEST
            dialect: Any = postgresql if self._dialect == "postgresql" else sqlite
            await self._db.execute(
                dialect.insert(digest_schedules)
                .values(
                    campaign_id=campaign_id,
                    weekday=default.weekday,
                    at_minute=default.at.hour * 60 + default.at.minute,
                    queued_for=None,
                )
                .on_conflict_do_nothing(index_elements=["campaign_id"])
            )
            previous: ColumnElement[bool] = digest_schedules.c.queued_for.is_(None)
        else:
            previous = digest_schedules.c.queued_for == was
        changed = await self._db.execute(
            update(digest_schedules)
            .where(
                digest_schedules.c.campaign_id == campaign_id,
                digest_schedules.c.weekday.is_not(None),
                previous,
            )
            .values(queued_for=queued_for)
        )
        return bool(changed.rowcount)

    async def unqueued_digests(self, limit: int) -> Sequence[tuple[int, DigestSchedule]]:
        result = await self._db.execute(
            select(campaigns.c.id, digest_schedules.c.weekday, digest_schedules.c.at_minute)
            .outerjoin(digest_schedules, digest_schedules.c.campaign_id == campaigns.c.id)
            .where(
                (digest_schedules.c.campaign_id.is_(None))
                | (
                    digest_schedules.c.weekday.is_not(None)
                    & digest_schedules.c.queued_for.is_(None)
                )
            )
            .order_by(campaigns.c.id)
            .limit(limit)
        )
        return [
            (row[0], DEFAULT_DIGEST if row[2] is None else _schedule(row[1], row[2]))
            for row in result
        ]

    async def cancel_digests(self, campaign_id: int) -> None:
        await self._db.execute(
            update(notices)
            .where(
                notices.c.campaign_id == campaign_id,
                notices.c.kind == NoticeKind.DIGEST.value,
                notices.c.state == NoticeState.PENDING.value,
            )
            .values(state=NoticeState.CANCELLED.value)
        )


def _schedule(weekday: int | None, at_minute: int) -> DigestSchedule:
    return DigestSchedule(weekday=weekday, at=time(*divmod(at_minute, 60)))
