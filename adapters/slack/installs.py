"""Slack workspaces installed through OAuth, kept in Turnout's own database.

slack-bolt's installation and state store interfaces, implemented over the storage port
(bot/ports/installations.py), so installations live in Turnout's tables (SQLite or
PostgreSQL, through its migrations) rather than in files. Only the bot's part of an install is
kept: Turnout asks for no user scopes, so there are no user tokens to keep.

`Tokens` hands out a workspace's bot token as of now, refreshing it first when token rotation
is on and it expires soon, so a reminder sent at 3 AM never goes out with an expired token.
"""

import asyncio
import logging
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.models.installation import Installation as SlackInstall
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.token_rotation.async_rotator import AsyncTokenRotator

from adapters.slack.naming import PLATFORM
from bot.ports.installations import Installation
from bot.ports.storage import Storage

log = logging.getLogger(__name__)

# How long an install's state (the link from "Add to Slack" to the redirect) stays good.
STATE_LIFETIME = timedelta(minutes=10)


class InstallationStore(AsyncInstallationStore):
    """bolt's installation store over Turnout's storage: one installation per workspace."""

    def __init__(self, storage: Storage | None = None) -> None:
        self._known_storage = storage
        # Called with a workspace's team ID whenever its installation changes or goes.
        self.changed: list[Callable[[str], None]] = []

    def attach(self, storage: Storage) -> None:
        """Keep installations in `storage` (the adapter is built before storage opens)."""
        self._known_storage = storage

    @property
    def _storage(self) -> Storage:
        if self._known_storage is None:
            raise RuntimeError("the installation store has no storage attached yet")
        return self._known_storage

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_save(self, installation: SlackInstall) -> None:
        await self._save(_kept(installation))

    async def async_save_bot(self, bot: Bot) -> None:
        team = bot.team_id or ""
        async with self._storage.unit_of_work() as uow:
            earlier = await uow.installations.find(PLATFORM, team)
        await self._save(_kept_bot(bot, installer=earlier.installer if earlier else None))

    async def _save(self, installation: Installation) -> None:
        async with self._storage.unit_of_work() as uow:
            await uow.installations.save(installation)
            await uow.commit()
        self._tell(installation.team_external_id)

    async def async_find_bot(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        is_enterprise_install: bool | None = False,
    ) -> Bot | None:
        found = await self.find(team_id or "")
        return _bot(found) if found is not None else None

    async def async_find_installation(
        self,
        *,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None = None,
        is_enterprise_install: bool | None = False,
    ) -> SlackInstall | None:
        found = await self.find(team_id or "")
        if found is None or (user_id is not None and user_id != found.installer):
            return None
        return _install(found)

    async def find(self, team_id: str) -> Installation | None:
        async with self._storage.unit_of_work(write=False) as uow:
            return await uow.installations.find(PLATFORM, team_id)

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        await self.forget(team_id or "")

    async def async_delete_installation(
        self, *, enterprise_id: str | None, team_id: str | None, user_id: str | None = None
    ) -> None:
        # Only the workspace's install is kept: a person's own tokens were never stored.
        if user_id is None:
            await self.forget(team_id or "")

    async def forget(self, team_id: str) -> bool:
        """Delete the workspace's tokens (uninstalled, or its tokens revoked)."""
        async with self._storage.unit_of_work() as uow:
            gone = await uow.installations.delete(PLATFORM, team_id)
            await uow.commit()
        self._tell(team_id)
        return gone

    def _tell(self, team_id: str) -> None:
        for listener in self.changed:
            listener(team_id)


class StateStore(AsyncOAuthStateStore):
    """One-time states for installs under way, in Turnout's storage (so any process may
    receive the redirect)."""

    def __init__(self, storage: Storage, lifetime: timedelta = STATE_LIFETIME) -> None:
        self._storage = storage
        self._lifetime = lifetime

    @property
    def logger(self) -> logging.Logger:
        return log

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        async with self._storage.unit_of_work() as uow:
            await uow.installations.issue_state(state, datetime.now(UTC) + self._lifetime)
            await uow.commit()
        return state

    async def async_consume(self, state: str) -> bool:
        async with self._storage.unit_of_work() as uow:
            good = await uow.installations.consume_state(state, datetime.now(UTC))
            await uow.commit()
        return good


class Tokens:
    """A workspace's bot token as of now: from the store, refreshed first if rotation is on and
    it expires within `refresh_before`. Remembered for `remember` so a fan-out doesn't read
    the database for each message; forgotten at once when the installation changes."""

    def __init__(
        self,
        store: InstallationStore,
        rotator: AsyncTokenRotator,
        *,
        refresh_before: timedelta = timedelta(minutes=120),
        remember: timedelta = timedelta(seconds=60),
    ) -> None:
        self._store = store
        self._rotator = rotator
        self._refresh_before = refresh_before
        self._remember = remember
        self._known: dict[str, tuple[str, datetime]] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        store.changed.append(self.forget)

    def forget(self, team_id: str) -> None:
        self._known.pop(team_id, None)

    async def bot_token(self, team_id: str) -> str | None:
        """The token to call Slack with for `team_id`; None if Turnout isn't installed there."""
        known = self._known.get(team_id)
        now = datetime.now(UTC)
        if known is not None and now < known[1]:
            return known[0]
        # One refresh per workspace at a time: the others wait for its result.
        async with self._locks.setdefault(team_id, asyncio.Lock()):
            known = self._known.get(team_id)
            if known is not None and now < known[1]:
                return known[0]
            found = await self._store.find(team_id)
            if found is None:
                return None
            bot = _bot(found)
            if found.bot_refresh_token:
                minutes = int(self._refresh_before.total_seconds() // 60)
                refreshed = await self._rotator.perform_bot_token_rotation(
                    bot=bot, minutes_before_expiration=minutes
                )
                if refreshed is not None:
                    await self._store.async_save_bot(refreshed)
                    found = _kept_bot(refreshed, installer=found.installer)
            until = now + self._remember
            expires = found.bot_token_expires_at
            if expires is not None:
                # Asked again before it would need refreshing.
                until = min(until, expires - self._refresh_before)
            self._known[team_id] = (found.bot_token, until)
            return found.bot_token


def _kept(install: SlackInstall) -> Installation:
    return Installation(
        platform=PLATFORM,
        team_external_id=install.team_id or "",
        bot_token=install.bot_token or "",
        installed_at=_moment(install.installed_at) or datetime.now(UTC),
        enterprise_id=install.enterprise_id or "",
        installer=install.user_id,
        team_name=install.team_name or "",
        app_id=install.app_id or "",
        bot_id=install.bot_id or "",
        bot_user_id=install.bot_user_id or "",
        bot_scopes=",".join(install.bot_scopes or ()),
        bot_refresh_token=install.bot_refresh_token,
        bot_token_expires_at=_moment(install.bot_token_expires_at),
    )


def _kept_bot(bot: Bot, *, installer: str | None) -> Installation:
    return Installation(
        platform=PLATFORM,
        team_external_id=bot.team_id or "",
        bot_token=bot.bot_token,
        installed_at=_moment(bot.installed_at) or datetime.now(UTC),
        enterprise_id=bot.enterprise_id or "",
        installer=installer,
        team_name=bot.team_name or "",
        app_id=bot.app_id or "",
        bot_id=bot.bot_id,
        bot_user_id=bot.bot_user_id,
        bot_scopes=",".join(bot.bot_scopes or ()),
        bot_refresh_token=bot.bot_refresh_token,
        bot_token_expires_at=_moment(bot.bot_token_expires_at),
    )


def _common(kept: Installation) -> dict[str, Any]:
    return {
        "app_id": kept.app_id or None,
        "enterprise_id": kept.enterprise_id or None,
        "team_id": kept.team_external_id,
        "team_name": kept.team_name or None,
        "bot_token": kept.bot_token,
        "bot_id": kept.bot_id,
        "bot_user_id": kept.bot_user_id,
        "bot_scopes": kept.bot_scopes,
        "bot_refresh_token": kept.bot_refresh_token,
        "bot_token_expires_at": kept.bot_token_expires_at,
        "installed_at": kept.installed_at,
    }


def _bot(kept: Installation) -> Bot:
    return Bot(**_common(kept))


def _install(kept: Installation) -> SlackInstall:
    # The installer may have been forgotten; the install still stands.
    return SlackInstall(user_id=kept.installer or "", **_common(kept))


def _moment(value: float | int | datetime | str | None) -> datetime | None:
    """slack_sdk's timestamps (epoch seconds, mostly) as aware datetimes."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str):
        return _moment(datetime.fromisoformat(value))
    return datetime.fromtimestamp(float(value), UTC)
