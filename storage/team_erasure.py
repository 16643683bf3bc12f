"""Erasing a team (`/turnout erase-team`): the rows of the team itself, and of its campaign.

Which tables hold a campaign's rows is read from the schema, not listed: a table with a
`campaign_id` column, or with a key to such a table's rows (sign-ups through their shift,
attendance through its sign-up), so a table added later is erased too
(tests/integration/test_team_erasure.py proves no row of an erased campaign is left).
Volunteers are the exception: each is erased by forget-me's rules first (storage/erasure.py),
and their own rows go last, once nothing else counts them.
"""

from collections.abc import Sequence

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    delete,
    exists,
    false,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.campaign import Team
from bot.domain.linking import TeamShare
from bot.domain.signup import SignupStatus
from bot.domain.volunteer import Volunteer
from storage import erasure, rows
from storage.tables import (
    campaigns,
    identities,
    metadata,
    notices,
    shifts,
    signups,
    tasks,
    teams,
    volunteers,
)

# Rows of every campaign-keyed table go; the campaign's own row and its people go apart.
_APART = {campaigns.name, volunteers.name}


def campaign_tables() -> list[Table]:
    """Every table whose rows belong to a campaign, directly or through a key, parents first."""
    owned: list[Table] = []
    for table in metadata.sorted_tables:
        if table.name in _APART:
            continue
        if "campaign_id" in table.c or any(key.column.table in owned for key in table.foreign_keys):
            owned.append(table)
    return owned


def team_tables() -> list[Table]:
    """Tables keyed by a team's platform and id rather than by a campaign (installations,
    arrivals, posts): a team's rows there go with it."""
    return [
        table
        for table in metadata.sorted_tables
        if {"platform", "team_external_id"} <= set(table.c.keys())
    ]


def only_reached_by(team: Team) -> Select[tuple[int]]:
    """The ids of the people `team` reaches and no other team does."""
    here = identities.alias("here")
    elsewhere = identities.alias("elsewhere")
    return select(here.c.volunteer_id).where(
        here.c.platform == team.platform,
        here.c.team_external_id == team.external_id,
        ~exists().where(
            elsewhere.c.volunteer_id == here.c.volunteer_id,
            ~and_(
                elsewhere.c.platform == team.platform,
                elsewhere.c.team_external_id == team.external_id,
            ),
        ),
    )


def _belongs(table: Table, campaign_id: int, owned: Sequence[Table]) -> ColumnElement[bool]:
    """The rows of `table` that are the campaign's: by its key, or by a key to one of its rows."""
    clauses: list[ColumnElement[bool]] = []
    if "campaign_id" in table.c:
        clauses.append(table.c.campaign_id == campaign_id)
    for key in table.foreign_keys:
        parent = key.column.table
        if parent in owned and parent is not table:
            assert isinstance(parent, Table)
            theirs = select(key.column).where(_belongs(parent, campaign_id, owned))
            clauses.append(key.parent.in_(theirs))
    return or_(false(), *clauses)


async def people_to_erase(
    db: AsyncConnection, team: Team, *, whole_campaign: bool
) -> list[Volunteer]:
    """The volunteers erasing the team forgets: those only it reaches, and with its whole
    campaign everyone of the campaign; the ones already forgotten aside."""
    reached: ColumnElement[bool] = volunteers.c.id.in_(only_reached_by(team))
    if whole_campaign:
        reached = or_(reached, volunteers.c.campaign_id == team.campaign_id)
    result = await db.execute(
        select(volunteers).where(reached, volunteers.c.forgotten_at.is_(None)).order_by("id")
    )
    return [rows.volunteer(row) for row in result.mappings()]


async def share(db: AsyncConnection, team: Team, *, whole_campaign: bool) -> TeamShare:
    """What erasing `team` takes (see TeamShare)."""
    people = [v.id for v in await people_to_erase(db, team, whole_campaign=whole_campaign)]
    active = signups.c.status != SignupStatus.CANCELLED.value
    if not whole_campaign:
        theirs = await _count(db, active, signups.c.volunteer_id.in_(people))
        return TeamShare(shifts=0, signups=theirs, tasks=0, volunteers=len(people))
    campaign = team.campaign_id
    shift_ids = select(shifts.c.id).where(shifts.c.campaign_id == campaign)
    return TeamShare(
        shifts=await _count(db, shifts.c.campaign_id == campaign),
        signups=await _count(db, active, signups.c.shift_id.in_(shift_ids)),
        tasks=await _count(db, tasks.c.campaign_id == campaign),
        volunteers=len(people),
    )


async def _count(db: AsyncConnection, *where: ColumnElement[bool]) -> int:
    return int(await db.scalar(select(func.count()).where(*where)) or 0)


async def erase_team_rows(db: AsyncConnection, team: Team) -> None:
    """The team's row, and every row keyed by it or by its platform and id."""
    for table in reversed(team_tables()):
        await db.execute(
            delete(table).where(
                table.c.platform == team.platform,
                table.c.team_external_id == team.external_id,
            )
        )
    for table in reversed(metadata.sorted_tables):
        keys = [key.parent for key in table.foreign_keys if key.column is teams.c.id]
        if keys and table is not teams:
            await db.execute(delete(table).where(or_(*(key == team.id for key in keys))))
    await db.execute(delete(teams).where(teams.c.id == team.id))


async def empty_campaign(db: AsyncConnection, campaign_id: int) -> None:
    """Delete every row of the campaign but its people's and its own (see erase_campaign)."""
    owned = campaign_tables()
    for table in reversed(owned):
        await db.execute(delete(table).where(_belongs(table, campaign_id, owned)))


async def erase_campaign(db: AsyncConnection, campaign_id: int) -> int:
    """Every row of the campaign, once forget-me erased its people; returns how many of those
    still stay, anonymous, because another campaign counts them (the campaign's own row then
    stays too, empty, holding them)."""
    # What forgetting its people queued about another campaign's shift (a waitlist there moving
    # up, a late cancellation) is that campaign's to send.
    ours = select(shifts.c.id).where(shifts.c.campaign_id == campaign_id)
    elsewhere = select(shifts.c.campaign_id).where(shifts.c.id == notices.c.shift_id)
    await db.execute(
        update(notices)
        .where(
            notices.c.campaign_id == campaign_id,
            notices.c.shift_id.is_not(None),
            notices.c.shift_id.not_in(ours),
        )
        .values(campaign_id=elsewhere.scalar_subquery())
    )
    await empty_campaign(db, campaign_id)
    # Who reached whom inside the campaign no longer matters: nobody of it stays to count it.
    mine = volunteers.c.campaign_id == campaign_id
    await db.execute(update(volunteers).where(mine).values(contacted_by=None))
    people = list((await db.execute(select(volunteers.c.id).where(mine))).scalars())
    left = await erasure.remove_unreferenced(db, people)
    if left == 0:
        await db.execute(delete(campaigns).where(campaigns.c.id == campaign_id))
    return left
