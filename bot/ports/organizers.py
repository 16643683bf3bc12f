"""Where each team's named organizers are kept, and how adapters ask for them."""

from abc import ABC, abstractmethod
from datetime import datetime

from bot.domain.organizers import NamedOrganizer, NamedOrganizers


class OrganizerRepository(ABC):
    @abstractmethod
    async def named(self, platform: str, team_external_id: str) -> NamedOrganizers:
        """The team's named people (in the order they were named) and group."""

    @abstractmethod
    async def name(self, team_id: int, account: str, name: str, now: datetime) -> bool:
        """Name the account an organizer of the team; False if it already was (unchanged)."""

    @abstractmethod
    async def unname(self, team_id: int, account: str) -> bool:
        """No longer name the account; False if it wasn't named."""

    @abstractmethod
    async def unname_row(self, team_id: int, row_id: int) -> NamedOrganizer | None:
        """No longer name the person of row `row_id` (a Remove button's), if it is the team's;
        who that was, or None when nobody (removed already, or another team's row)."""

    @abstractmethod
    async def set_group(self, team_id: int, group: str, name: str, now: datetime) -> None:
        """The team's organizers' group or role (replacing any); "" for none."""


class OrganizerLookup(ABC):
    """The named organizers of a team, as the adapters' organizer checks ask for them.

    Never raises: when the answer can't be had, nobody is named (organizer powers are never
    granted by accident)."""

    @abstractmethod
    async def named(self, platform: str, team_external_id: str) -> NamedOrganizers: ...


class NoOrganizerLookup(OrganizerLookup):
    """Nobody named: for adapters wired without the core (their own tests)."""

    async def named(self, platform: str, team_external_id: str) -> NamedOrganizers:
        return NamedOrganizers()
