"""Storage of apps installed into teams through OAuth (Slack workspaces): tokens and who
installed them, and the one-time states that tie an install's redirect to its browser."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Installation:
    """The app as installed into one team: what the platform handed over at the install (or
    the last token refresh). Tokens are secrets: never logged, never shown."""

    platform: str
    team_external_id: str
    bot_token: str
    installed_at: datetime
    # The organization of an Enterprise Grid workspace, "" for any other.
    enterprise_id: str = ""
    # Who installed it (their account on the platform); None once they are forgotten.
    installer: str | None = None
    team_name: str = ""
    app_id: str = ""
    bot_id: str = ""
    bot_user_id: str = ""
    bot_scopes: str = ""
    # With token rotation on, the token expires and this refreshes it.
    bot_refresh_token: str | None = None
    bot_token_expires_at: datetime | None = None


class InstallationRepository(ABC):
    @abstractmethod
    async def save(self, installation: Installation) -> None:
        """Record `installation`, replacing the team's earlier one (a reinstall, a refresh)."""

    @abstractmethod
    async def find(self, platform: str, team_external_id: str) -> Installation | None:
        """The team's installation, if the app is installed there."""

    @abstractmethod
    async def delete(self, platform: str, team_external_id: str) -> bool:
        """Forget the team's installation (uninstalled, tokens revoked); False if none."""

    @abstractmethod
    async def teams(self, platform: str) -> list[str]:
        """Every team the app is installed into on `platform`."""

    @abstractmethod
    async def issue_state(self, state: str, expires_at: datetime) -> None:
        """Remember a one-time OAuth state until `expires_at`."""

    @abstractmethod
    async def consume_state(self, state: str, now: datetime) -> bool:
        """True, once only, for a state issued and not yet expired at `now`."""
