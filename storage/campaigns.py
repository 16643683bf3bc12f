"""Campaigns, the teams they live in, and the short numbers they hand out."""

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Insert, bindparam, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.campaign import Campaign, Counter, Team
from bot.ports.people import CampaignRepository
from storage import rows
from storage.tables import campaigns, counters, teams

# Built once: building a statement and its cache key costs more than running it on SQLite.
_TEAM_WITH_CAMPAIGN = (
    select(teams, campaigns)
    .join(campaigns, campaigns.c.id == teams.c.campaign_id)
    .where(
        teams.c.platform == bindparam("platform"),
        teams.c.external_id == bindparam("external_id"),
    )
)
_CAMPAIGN = select(campaigns).where(campaigns.c.id == bindparam("campaign_id"))
# "ids" expands to however many load_many is given.
_CAMPAIGNS = select(campaigns).where(campaigns.c.id.in_(bindparam("ids", expanding=True)))
_ADD_CAMPAIGN = insert(campaigns).returning(campaigns.c.id)
_ADD_TEAM = insert(teams).returning(teams.c.id)


def _next_number(dialect: Any) -> Insert:
    return (
        dialect.insert(counters)
        .values(campaign_id=bindparam("campaign_id"), name=bindparam("name"), value=1)
        .on_conflict_do_update(
            index_elements=[counters.c.campaign_id, counters.c.name],
            set_={"value": counters.c.value + 1},
        )
        .returning(counters.c.value)
    )


_NEXT_NUMBER = {"postgresql": _next_number(postgresql), "sqlite": _next_number(sqlite)}


class SqlCampaignRepository(CampaignRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection
        # Campaigns read along with their team in this unit of work, so that the `get` that
        # always follows `team` costs no second statement, and those read by load_many.
        self._read: dict[int, Campaign] = {}

    async def team(self, platform: str, external_id: str) -> Team | None:
        """The team for a Slack workspace or Discord server, if Turnout has met it."""
        result = await self._db.execute(
            _TEAM_WITH_CAMPAIGN, {"platform": platform, "external_id": external_id}
        )
        row = result.mappings().first()
        if row is None:
            return None
        self._read[row[campaigns.c.id]] = rows.campaign(row)
        return rows.team(row)

    async def add_team(
        self,
        platform: str,
        external_id: str,
        *,
        campaign_name: str,
        timezone: str,
        reminder_offsets: tuple[timedelta, ...],
        contact_within: timedelta,
        now: datetime,
        team_name: str = "",
    ) -> Team:
        """Create the team and a campaign of its own."""
        created = await self._db.execute(
            _ADD_CAMPAIGN,
            {
                "name": campaign_name,
                "timezone": timezone,
                "reminder_offsets": reminder_offsets,
                "contact_within_minutes": contact_within,
                "created_at": now,
            },
        )
        campaign_id = created.scalar_one()
        added = await self._db.execute(
            _ADD_TEAM,
            {
                "platform": platform,
                "external_id": external_id,
                "campaign_id": campaign_id,
                "name": team_name or None,
            },
        )
        team_id = added.scalar_one()
        return Team(team_id, platform, external_id, campaign_id, team_name)

    async def get(self, campaign_id: int) -> Campaign:
        """The campaign; LookupError if there is none with that id."""
        if campaign_id in self._read:
            return self._read[campaign_id]
        result = await self._db.execute(_CAMPAIGN, {"campaign_id": campaign_id})
        return rows.campaign(rows.one(result, f"campaign {campaign_id}"))

    async def load_many(self, campaign_ids: Collection[int]) -> None:
        """Read the campaigns not read yet in one query; `get` then answers from memory."""
        await rows.load_many(
            self._db, _CAMPAIGNS, campaign_ids, self._read, campaigns.c.id, rows.campaign
        )

    async def save(self, campaign: Campaign) -> None:
        """Store the campaign's settings (name, timezone, reminder offsets, contact_within)."""
        self._read.pop(campaign.id, None)
        await self._db.execute(
            update(campaigns)
            .where(campaigns.c.id == campaign.id)
            .values(
                name=campaign.name,
                timezone=campaign.timezone,
                reminder_offsets=campaign.reminder_offsets,
                contact_within_minutes=campaign.contact_within,
                confirm_check_minutes=campaign.confirm_check,
                language=campaign.language,
            )
        )

    async def teams_of(self, campaign_id: int) -> Sequence[Team]:
        """Every team the campaign lives in, oldest first."""
        result = await self._db.execute(
            select(teams).where(teams.c.campaign_id == campaign_id).order_by(teams.c.id)
        )
        return [rows.team(row) for row in result.mappings()]

    async def next_number(self, campaign_id: int, counter: Counter) -> int:
        """Hand out the next short number ('shift', 'task' or 'volunteer'), race-free.

        One upsert both creates the counter on first use and bumps it afterwards. The row lock
        it takes on PostgreSQL makes concurrent callers queue until this transaction ends, so
        numbers never repeat; a rolled-back command gives its number back.
        """
        return await next_number(self._db, campaign_id, counter)


async def next_number(db: AsyncConnection, campaign_id: int, counter: Counter) -> int:
    """SqlCampaignRepository.next_number, for the repositories that number what they add."""
    statement = _NEXT_NUMBER[db.dialect.name]
    result = await db.execute(statement, {"campaign_id": campaign_id, "name": counter})
    return int(result.scalar_one())
