"""Campaigns, the teams they live in, and the short numbers they hand out."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.campaign import Campaign, Counter, Team
from bot.ports import CampaignRepository
from storage import rows
from storage.tables import campaigns, counters, teams


class SqlCampaignRepository(CampaignRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def team(self, platform: str, external_id: str) -> Team | None:
        """The team for a Slack workspace or Discord server, if Turnout has met it."""
        result = await self._db.execute(
            select(teams).where(teams.c.platform == platform, teams.c.external_id == external_id)
        )
        row = result.mappings().first()
        return rows.team(row) if row else None

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
    ) -> Team:
        """Create the team and a campaign of its own."""
        created = await self._db.execute(
            insert(campaigns)
            .values(
                name=campaign_name,
                timezone=timezone,
                reminder_offsets=reminder_offsets,
                contact_within_minutes=contact_within,
                created_at=now,
            )
            .returning(campaigns.c.id)
        )
        campaign_id = created.scalar_one()
        added = await self._db.execute(
            insert(teams)
            .values(platform=platform, external_id=external_id, campaign_id=campaign_id)
            .returning(teams.c.id)
        )
        team_id = added.scalar_one()
        return Team(id=team_id, platform=platform, external_id=external_id, campaign_id=campaign_id)

    async def get(self, campaign_id: int) -> Campaign:
        """The campaign; LookupError if there is none with that id."""
        result = await self._db.execute(select(campaigns).where(campaigns.c.id == campaign_id))
        return rows.campaign(rows.one(result, f"campaign {campaign_id}"))

    async def save(self, campaign: Campaign) -> None:
        """Store the campaign's settings (name, timezone, reminder offsets, contact_within)."""
        await self._db.execute(
            update(campaigns)
            .where(campaigns.c.id == campaign.id)
            .values(
                name=campaign.name,
                timezone=campaign.timezone,
                reminder_offsets=campaign.reminder_offsets,
                contact_within_minutes=campaign.contact_within,
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
        dialect = postgresql if self._db.dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(counters)
            .values(campaign_id=campaign_id, name=Counter(counter).value, value=1)
            .on_conflict_do_update(
                index_elements=[counters.c.campaign_id, counters.c.name],
                set_={"value": counters.c.value + 1},
            )
            .returning(counters.c.value)
        )
        return int((await self._db.execute(statement)).scalar_one())
