"""Campaigns own everything; teams are the Slack workspaces and Discord servers they live in."""

from dataclasses import dataclass
from datetime import timedelta

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


@dataclass(frozen=True, slots=True)
class Team:
    """One Slack workspace, Discord server or console session, attached to one campaign."""

    id: int
    platform: str
    external_id: str
    campaign_id: int


@dataclass(frozen=True, slots=True)
class Identity:
    """How one platform knows a person: enough for an adapter to reach them."""

    platform: str
    team_external_id: str
    user_external_id: str
