"""Where link codes live, and how a team moves between campaigns."""

from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from bot.domain.campaign import Campaign, Team
from bot.domain.linking import LinkCode, Renumbered, TeamFigures, TeamShare
from bot.domain.volunteer import Volunteer


class LinkRepository(ABC):
    @abstractmethod
    async def add_code(
        self, team: Team, code_hash: str, *, now: datetime, expires_at: datetime
    ) -> None:
        """Keep a new code (its hash) for the team's campaign."""

    @abstractmethod
    async def by_hash(self, code_hash: str) -> LinkCode | None: ...

    @abstractmethod
    async def get(self, code_id: int) -> LinkCode | None: ...

    @abstractmethod
    async def presented(self, code_id: int, team: Team) -> None:
        """Note that `team` typed the code and was asked to confirm (its button names the row)."""

    @abstractmethod
    async def redeem(self, code_id: int, team: Team, now: datetime) -> bool:
        """Use the code for `team`, once: False when it was used or expired meanwhile (of two
        teams redeeming at once, exactly one gets True)."""

    @abstractmethod
    async def join(self, joining_campaign_id: int, campaign_id: int) -> Sequence[Renumbered]:
        """Move everything of the joining campaign (its teams, people, shifts, tasks…) into
        `campaign_id`, numbering its shifts, tasks and volunteers with that campaign's
        counters; returns each new number."""

    @abstractmethod
    async def leave(self, team: Team, campaign: Campaign, name: str, now: datetime) -> Team:
        """Give `team` a campaign of its own again (named `name`, with `campaign`'s settings):
        the people only this team reaches go with it, keeping their numbers; shifts, tasks
        and sign-ups stay. The new campaign's counters continue the old one's, so a number seen
        before never names something else."""

    @abstractmethod
    async def teams_of_people(self, volunteer_ids: Collection[int]) -> Mapping[int, Team]:
        """Each volunteer's team: the one of the account Turnout met them on first (the
        erased have none)."""

    @abstractmethod
    async def team_figures(
        self, campaign_id: int, start: datetime | None, end: datetime, now: datetime
    ) -> Sequence[TeamFigures]:
        """A period's numbers per team (each person counted in their first account's team),
        teams in the order they met Turnout, erased volunteers last."""

    @abstractmethod
    async def team_names(self, campaign_id: int) -> Mapping[tuple[str, str], str]:
        """The shown name of each team, by (platform, external id), whose people are in the
        campaign (its own teams, and those that left it with sign-ups made)."""

    @abstractmethod
    async def name_team(self, team: Team, name: str) -> None:
        """Keep the team's name as its platform gives it now."""

    @abstractmethod
    async def team_share(self, team: Team, *, whole_campaign: bool) -> TeamShare:
        """What erasing `team` takes: with `whole_campaign`, its campaign's shifts, sign-ups
        and tasks too (see people_to_erase for the volunteers)."""

    @abstractmethod
    async def people_to_erase(self, team: Team, *, whole_campaign: bool) -> Sequence[Volunteer]:
        """The volunteers only `team` reaches (with `whole_campaign`, and everyone of its
        campaign) who are not forgotten yet."""

    @abstractmethod
    async def erase_team(self, team: Team) -> None:
        """Delete the team's row and every row keyed by it (its app's installation, its link
        codes, what arrived from it, its posts): a later install starts afresh."""

    @abstractmethod
    async def empty_campaign(self, campaign_id: int) -> None:
        """Delete every row of the campaign (shifts, sign-ups, tasks, notices, posts,
        settings…) but its people's and its own: forgetting them then has nothing of it to
        give up."""

    @abstractmethod
    async def erase_campaign(self, campaign_id: int) -> int:
        """Delete every row of the campaign and, its people forgotten, theirs and its own;
        returns how many of them stay, anonymous, because another campaign counts them (the
        campaign's own row then stays too, empty). What forgetting them queued about another
        campaign's shifts moves to that campaign."""

    @abstractmethod
    async def joined(self, team: Team) -> bool:
        """Whether `team` came into its campaign with a link code, rather than starting it."""
