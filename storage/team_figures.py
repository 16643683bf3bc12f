"""A period's numbers per team, for campaigns of linked teams: the seats people of each team
filled and attended, their calls, and the team's newcomers; counted as storage/figures.py
counts the totals, each person counted in the team of their first account."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, ScalarSelect, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.attendance import Outcome
from bot.domain.campaign import Team
from bot.domain.linking import TeamFigures
from storage.figures import _SEATS, _counting, _in, _total
from storage.tables import attendance, identities, shifts, signups, teams, volunteers


def _team_of(volunteer_id: ColumnElement[int]) -> ScalarSelect[int]:
    """The team of a volunteer's first account (a correlated scalar subquery)."""
    account, first = identities.alias("account"), identities.alias("first_account")
    first_id = (
        select(func.min(first.c.id))
        .where(first.c.volunteer_id == volunteer_id)
        .correlate_except(first)
        .scalar_subquery()
    )
    return (
        select(teams.c.id)
        .join(
            account,
            and_(
                account.c.platform == teams.c.platform,
                account.c.team_external_id == teams.c.external_id,
            ),
        )
        .where(account.c.id == first_id)
        .correlate_except(teams, account)
        .scalar_subquery()
    )


async def team_figures(
    db: AsyncConnection, campaign_id: int, start: datetime | None, end: datetime, now: datetime
) -> Sequence[TeamFigures]:
    """The campaign's numbers of [start, end), one row per team that has any."""
    seat_team = _team_of(signups.c.volunteer_id).label("team_id")
    seats = await db.execute(
        select(
            seat_team,
            func.count(signups.c.id),
            _total(_counting(now, Outcome.ATTENDED)),
            _total(attendance.c.calls),
        )
        .select_from(_SEATS)
        .where(shifts.c.campaign_id == campaign_id, _in(shifts.c.starts_at, start, end))
        .group_by(seat_team)
    )
    counted: dict[int | None, list[int]] = {
        team_id: [int(filled), int(attended), int(calls), 0]
        for team_id, filled, attended, calls in seats.all()
    }
    newcomer_team = _team_of(volunteers.c.id).label("team_id")
    newcomers = await db.execute(
        select(newcomer_team, func.count(volunteers.c.id))
        .where(
            volunteers.c.campaign_id == campaign_id,
            _in(volunteers.c.joined_at, start, end),
            # As the totals count them: organizers are staff, not newcomers.
            or_(volunteers.c.contacted_by.is_(None), volunteers.c.contacted_by != volunteers.c.id),
        )
        .group_by(newcomer_team)
    )
    for team_id, new in newcomers.all():
        counted.setdefault(team_id, [0, 0, 0, 0])[3] = int(new)
    known = await db.execute(
        select(teams).where(teams.c.id.in_([t for t in counted if t is not None]))
    )
    names = {
        row.id: Team(row.id, row.platform, row.external_id, row.campaign_id, row.name or "")
        for row in known
    }
    return [
        TeamFigures(names[team_id].shown_name if team_id is not None else None, *figures)
        for team_id, figures in sorted(counted.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    ]
