"""Storage of campaigns, their teams and their volunteers."""

from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from bot.domain.campaign import Campaign, Counter, Identity, Team
from bot.domain.volunteer import Volunteer


class CampaignRepository(ABC):
    @abstractmethod
    async def team(self, platform: str, external_id: str) -> Team | None: ...

    @abstractmethod
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
        """Create the team (named as its platform names it, if it does) and a campaign of its
        own."""

    @abstractmethod
    async def get(self, campaign_id: int) -> Campaign: ...

    @abstractmethod
    async def load_many(self, campaign_ids: Collection[int]) -> None:
        """A hint: `get` is about to be asked for each of these. Storage may read them all now,
        in one query, and answer from what it read in this unit of work. Changes nothing
        anyone can observe."""

    @abstractmethod
    async def save(self, campaign: Campaign) -> None:
        """Store the campaign's settings (name, timezone, reminder offsets, contact_within)."""

    @abstractmethod
    async def teams_of(self, campaign_id: int) -> Sequence[Team]: ...

    @abstractmethod
    async def next_number(self, campaign_id: int, counter: Counter) -> int:
        """Hand out the next short number of `counter` (shifts, tasks, volunteers), race-free."""


class VolunteerRepository(ABC):
    @abstractmethod
    async def by_identity(self, identity: Identity) -> Volunteer | None: ...

    @abstractmethod
    async def add(
        self, campaign_id: int, number: int, identity: Identity, display_name: str, now: datetime
    ) -> Volunteer:
        """A new volunteer reachable through `identity`; follow_up_due_at is left unset."""

    @abstractmethod
    async def add_newcomer(
        self,
        campaign_id: int,
        identity: Identity,
        display_name: str,
        now: datetime,
        *,
        follow_up_due_at: datetime | None = None,
        platform_timezone: str | None = None,
        platform_language: str | None = None,
    ) -> Volunteer:
        """As `add`, numbered with the campaign's next volunteer number, with the follow-up
        due time and profile zone and language written in the same row.

        Where transactions run side by side (PostgreSQL) the number is assigned as the unit of
        work commits, since every newcomer of a campaign updates the same counter and holds it
        until commit; until then the volunteer's `number` is a negative placeholder.
        """

    @abstractmethod
    async def get(self, volunteer_id: int) -> Volunteer: ...

    @abstractmethod
    async def load_many(self, volunteer_ids: Collection[int]) -> None:
        """A hint: `get` and `identities` are about to be asked for each of these. Storage may
        read them all now (one query for the volunteers, one for their identities) and answer
        from what it read in this unit of work. Changes nothing anyone can observe."""

    @abstractmethod
    async def save(self, volunteer: Volunteer) -> None:
        """Store every mutable field of the volunteer."""

    @abstractmethod
    async def identities(self, volunteer_id: int) -> Sequence[Identity]:
        """How to reach the volunteer, most recently seen first."""

    @abstractmethod
    async def find(self, campaign_id: int, ref: str) -> Sequence[Volunteer]:
        """Volunteers matching `ref`: their number (`12` or `#12`) or name, case-insensitive."""

    @abstractmethod
    async def was_forgotten(self, campaign_id: int, number: int) -> bool:
        """Whether `number` belonged to a volunteer of the campaign who was erased (forget-me):
        their row is kept cleared, or is gone with nothing left to count. Numbers are never
        handed out twice, so a number up to the last one handed out with no row was erased."""

    @abstractmethod
    async def uncontacted(self, campaign_id: int) -> Sequence[Volunteer]:
        """Volunteers nobody has contacted yet, longest waiting first (forgotten ones excluded)."""

    @abstractmethod
    async def follow_ups_due(self, now: datetime, limit: int) -> Sequence[Volunteer]:
        """Volunteers in any campaign whose follow_up_due_at has come."""

    @abstractmethod
    async def next_follow_up_at(self) -> datetime | None:
        """The earliest follow_up_due_at in any campaign (None: no follow-up is waiting)."""

    @abstractmethod
    async def forget(self, volunteer_id: int, now: datetime) -> None:
        """Erase name, zone, profile and platform identities, and whatever else storage keeps
        that names the volunteer; keep the row for anonymous counts."""

    @abstractmethod
    async def forget_all(self, volunteer_ids: Sequence[int], now: datetime) -> None:
        """forget each of `volunteer_ids` (a team's people), many per statement."""

    @abstractmethod
    async def remove_all_unreferenced(self, volunteer_ids: Sequence[int]) -> int:
        """remove_if_unreferenced each of `volunteer_ids`; returns how many stay."""

    @abstractmethod
    async def remove_if_unreferenced(self, volunteer_id: int) -> bool:
        """Delete an erased volunteer's row, and the notices to or about them, when nothing
        else refers to it (no sign-ups, claims, shifts or tasks): nothing is left to count."""
