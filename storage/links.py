"""Link codes, and moving a team's campaign into another (or a team out of one).

What moves when a campaign joins another is read from the schema, not listed: every table with
a `campaign_id` column follows, so a table added later moves too (tests/integration/
test_linking_storage.py checks the numbered ones are known here).
"""

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from sqlalchemy import Select, Table, and_, delete, exists, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.campaign import Campaign, Counter, Team
from bot.domain.linking import LinkCode, Renumbered, TeamFigures, TeamShare
from bot.domain.volunteer import Volunteer
from bot.ports.links import LinkRepository
from storage import rows, team_erasure
from storage.campaigns import next_number
from storage.tables import campaigns, counters, identities, link_codes, metadata, teams
from storage.team_figures import team_figures

# Tables whose rows carry a short number people type, and the counter it comes from.
NUMBERED: dict[str, Counter] = {
    "shifts": Counter.SHIFT,
    "tasks": Counter.TASK,
    "volunteers": Counter.VOLUNTEER,
}
# Not moved row by row: the campaign itself, and its counters (the joined campaign's go on).
_KEPT = {"campaigns", "counters"}


def campaign_tables() -> list[Table]:
    """Every table whose rows belong to a campaign, in the schema's order."""
    return [
        table
        for table in metadata.sorted_tables
        if "campaign_id" in table.c and table.name not in _KEPT
    ]


def home_identities() -> Select[tuple[int, int]]:
    """Each volunteer's first account (volunteer_id, identity_id): the team they count in."""
    return select(
        identities.c.volunteer_id, func.min(identities.c.id).label("identity_id")
    ).group_by(identities.c.volunteer_id)


def _code(row: object) -> LinkCode:
    return LinkCode(
        id=row.id,  # type: ignore[attr-defined]
        campaign_id=row.campaign_id,  # type: ignore[attr-defined]
        team_id=row.team_id,  # type: ignore[attr-defined]
        expires_at=row.expires_at,  # type: ignore[attr-defined]
        presented_by=row.presented_by,  # type: ignore[attr-defined]
        used_at=row.used_at,  # type: ignore[attr-defined]
    )


class SqlLinkRepository(LinkRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add_code(
        self, team: Team, code_hash: str, *, now: datetime, expires_at: datetime
    ) -> None:
        await self._db.execute(
            insert(link_codes).values(
                code_hash=code_hash,
                campaign_id=team.campaign_id,
                team_id=team.id,
                created_at=now,
                expires_at=expires_at,
            )
        )

    async def by_hash(self, code_hash: str) -> LinkCode | None:
        result = await self._db.execute(
            select(link_codes).where(link_codes.c.code_hash == code_hash)
        )
        row = result.first()
        return _code(row) if row else None

    async def get(self, code_id: int) -> LinkCode | None:
        result = await self._db.execute(select(link_codes).where(link_codes.c.id == code_id))
        row = result.first()
        return _code(row) if row else None

    async def presented(self, code_id: int, team: Team) -> None:
        await self._db.execute(
            update(link_codes).where(link_codes.c.id == code_id).values(presented_by=team.id)
        )

    async def redeem(self, code_id: int, team: Team, now: datetime) -> bool:
        # One conditional UPDATE: on PostgreSQL a second redeemer waits on the row lock, then
        # finds `used_at` set and changes nothing.
        result = await self._db.execute(
            update(link_codes)
            .where(
                link_codes.c.id == code_id,
                link_codes.c.used_at.is_(None),
                link_codes.c.expires_at > now,
            )
            .values(used_at=now, used_by=team.id)
        )
        return result.rowcount == 1

    async def join(self, joining_campaign_id: int, campaign_id: int) -> Sequence[Renumbered]:
        renumbered: list[Renumbered] = []
        for table in campaign_tables():
            column = table.c.campaign_id
            if column.primary_key:
                # One row per campaign (its settings): the joined campaign's stay.
                await self._db.execute(delete(table).where(column == joining_campaign_id))
                continue
            counter = NUMBERED.get(table.name)
            if counter is None:
                await self._db.execute(
                    update(table)
                    .where(column == joining_campaign_id)
                    .values(campaign_id=campaign_id)
                )
                continue
            moving = await self._db.execute(
                select(table.c.id, table.c.number)
                .where(column == joining_campaign_id)
                .order_by(table.c.number)
            )
            for row_id, old in moving.all():
                new = await next_number(self._db, campaign_id, counter)
                await self._db.execute(
                    update(table)
                    .where(table.c.id == row_id)
                    .values(campaign_id=campaign_id, number=new)
                )
                renumbered.append(Renumbered(counter, old, new, row_id))
        return renumbered

    async def leave(self, team: Team, campaign: Campaign, name: str, now: datetime) -> Team:
        created = await self._db.execute(
            insert(campaigns)
            .values(
                name=name,
                timezone=campaign.timezone,
                reminder_offsets=campaign.reminder_offsets,
                contact_within_minutes=campaign.contact_within,
                confirm_check_minutes=campaign.confirm_check,
                created_at=now,
            )
            .returning(campaigns.c.id)
        )
        own = created.scalar_one()
        await self._db.execute(
            insert(counters).from_select(
                ["campaign_id", "name", "value"],
                select(own, counters.c.name, counters.c.value).where(
                    counters.c.campaign_id == campaign.id
                ),
            )
        )
        volunteers = metadata.tables["volunteers"]
        await self._db.execute(
            update(volunteers)
            .where(
                volunteers.c.campaign_id == campaign.id,
                volunteers.c.id.in_(team_erasure.only_reached_by(team)),
            )
            .values(campaign_id=own)
        )
        await self._db.execute(update(teams).where(teams.c.id == team.id).values(campaign_id=own))
        await self._take_posts(team, campaign.id, own, now)
        return Team(team.id, team.platform, team.external_id, own, team.name)

    async def teams_of_people(self, volunteer_ids: Collection[int]) -> Mapping[int, Team]:
        if not volunteer_ids:
            return {}
        first = home_identities().subquery()
        result = await self._db.execute(
            select(first.c.volunteer_id, teams)
            .join(
                identities,
                identities.c.id == first.c.identity_id,
            )
            .join(
                teams,
                and_(
                    teams.c.platform == identities.c.platform,
                    teams.c.external_id == identities.c.team_external_id,
                ),
            )
            .where(first.c.volunteer_id.in_(list(volunteer_ids)))
        )
        return {row[first.c.volunteer_id]: rows.team(row) for row in result.mappings()}

    async def team_figures(
        self, campaign_id: int, start: datetime | None, end: datetime, now: datetime
    ) -> Sequence[TeamFigures]:
        return await team_figures(self._db, campaign_id, start, end, now)

    async def team_names(self, campaign_id: int) -> Mapping[tuple[str, str], str]:
        volunteers = metadata.tables["volunteers"]
        signups = metadata.tables["signups"]
        shifts = metadata.tables["shifts"]
        people = (
            select(volunteers.c.id)
            .where(volunteers.c.campaign_id == campaign_id)
            .union(
                select(signups.c.volunteer_id)
                .join(shifts, shifts.c.id == signups.c.shift_id)
                .where(shifts.c.campaign_id == campaign_id)
            )
        )
        result = await self._db.execute(
            select(teams)
            .distinct()
            .join(
                identities,
                and_(
                    identities.c.platform == teams.c.platform,
                    identities.c.team_external_id == teams.c.external_id,
                ),
            )
            .where(identities.c.volunteer_id.in_(people))
        )
        return {
            (team.platform, team.external_id): team.shown_name
            for team in (rows.team(row) for row in result.mappings())
        }

    async def _take_posts(self, team: Team, shared: int, own: int, now: datetime) -> None:
        """The team's boards show its own campaign from now on (the unlink queues their edit);
        its posts of the shared campaign's shifts stop being kept current there."""
        posts = metadata.tables["posts"]
        theirs = and_(
            posts.c.campaign_id == shared,
            posts.c.platform == team.platform,
            posts.c.team_external_id == team.external_id,
        )
        await self._db.execute(
            update(posts).where(theirs, posts.c.shift_id.is_(None)).values(campaign_id=own)
        )
        await self._db.execute(
            update(posts)
            .where(theirs, posts.c.shift_id.is_not(None), posts.c.gone_at.is_(None))
            .values(gone_at=now, gone_reason="the team left the campaign", edit_pending=False)
        )

    async def name_team(self, team: Team, name: str) -> None:
        # Only where it differs: commands racing in with the new name queue behind the first
        # one's row lock, then find it named and hold no lock of their own.
        await self._db.execute(
            update(teams)
            .where(teams.c.id == team.id, or_(teams.c.name.is_(None), teams.c.name != name))
            .values(name=name)
        )

    async def team_share(self, team: Team, *, whole_campaign: bool) -> TeamShare:
        return await team_erasure.share(self._db, team, whole_campaign=whole_campaign)

    async def people_to_erase(self, team: Team, *, whole_campaign: bool) -> Sequence[Volunteer]:
        return await team_erasure.people_to_erase(self._db, team, whole_campaign=whole_campaign)

    async def erase_team(self, team: Team) -> None:
        await team_erasure.erase_team_rows(self._db, team)

    async def empty_campaign(self, campaign_id: int) -> None:
        await team_erasure.empty_campaign(self._db, campaign_id)

    async def erase_campaign(self, campaign_id: int) -> int:
        return await team_erasure.erase_campaign(self._db, campaign_id)

    async def joined(self, team: Team) -> bool:
        used = select(link_codes.c.id).where(
            link_codes.c.campaign_id == team.campaign_id, link_codes.c.used_by == team.id
        )
        return bool(await self._db.scalar(select(exists(used))))
