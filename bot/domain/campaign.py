"""Campaigns own everything; teams are the Slack workspaces and Discord servers they live in."""

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

# Shift, task and volunteer numbers are short and per campaign; more digits is a typo.
MAX_NUMBER = 1_000_000


@dataclass(frozen=True, slots=True)
class Campaign:
    id: int
    name: str
    timezone: str
    reminder_offsets: tuple[timedelta, ...]
    # How long a new volunteer may wait for a personal contact before organizers are nudged again.
    contact_within: timedelta
    # How long before a shift organizers get its confirmation check; None: off.
    confirm_check: timedelta | None = timedelta(hours=12)
    # The language of channel posts and of people whose language isn't known; None: English
    # (or the language the deployment runs in).
    language: str | None = None


class Counter(StrEnum):
    """What a campaign numbers with short numbers of its own (#3); stored by these names."""

    SHIFT = "shift"
    TASK = "task"
    VOLUNTEER = "volunteer"


@dataclass(frozen=True, slots=True)
class Team:
    """One Slack workspace, Discord server or console session, attached to one campaign."""

    id: int
    platform: str
    external_id: str
    campaign_id: int
    # The workspace's or server's name as the platform last gave it; "" when it never did.
    name: str = ""

    @property
    def shown_name(self) -> str:
        """How rosters, stats and exports name the team: its own name, else platform and id
        (the console, one team of its own, is just `console`)."""
        if self.name:
            return self.name
        return (
            self.platform
            if self.external_id == self.platform
            else f"{self.platform} {self.external_id}"
        )


@dataclass(frozen=True, slots=True)
class Identity:
    """How one platform knows a person: enough for an adapter to reach them."""

    platform: str
    team_external_id: str
    user_external_id: str


# What a new campaign is called when neither configuration nor its team gives a name.
DEFAULT_CAMPAIGN_NAME = "Our campaign"


@dataclass(frozen=True, slots=True)
class CampaignDefaults:
    """What a new team's campaign starts with (from configuration)."""

    # The fallback name, used when the team has no name of its own.
    name: str = DEFAULT_CAMPAIGN_NAME
    # A name chosen in configuration (TURNOUT_CAMPAIGN_NAME); "" when none was.
    chosen_name: str = ""
    timezone: str = "UTC"
    reminder_offsets: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=1))
    contact_within: timedelta = timedelta(hours=48)

    def name_for(self, team_name: str) -> str:
        """A new team's campaign name: the configured one if chosen, else the team's own
        (a workspace's or server's name reads better in a welcome), else the fallback."""
        return self.chosen_name.strip() or team_name.strip() or self.name
