"""Who is acting, read from a Slack payload: the core's Actor with its organizer flag, and the
time zone of their Slack profile (users.info `tz`), for the texts that can't show each reader
their own zone, and the language their Slack is set to (`locale`, asked with include_locale)."""

import json
import logging
from collections import OrderedDict
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.errors import error_code, not_slack, status
from adapters.slack.naming import PLATFORM
from adapters.slack.organizers import Organizers
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor

log = logging.getLogger(__name__)

# Profiles remembered by this process (bounded: a hint, not a register).
_REMEMBERED = 10_000


class People:
    def __init__(
        self,
        organizers: Organizers,
        *,
        workspace_name: str = "",
        client: AsyncWebClient | None = None,
    ) -> None:
        self._organizers = organizers
        # The workspace's own name (from auth.test; events carry none of their own), which the
        # core may name a new workspace's campaign after.
        self.workspace_name = workspace_name
        # users.info, asked once per person per process: the name, zone and locale on their
        # profile.
        self._client = client
        self._profiles: OrderedDict[str, tuple[str, str, str]] = OrderedDict()
        # What kept users.info from answering, each said once at WARNING.
        self._troubles: set[str] = set()

    async def actor(
        self, team_id: str, user_id: str, name: str, team_name: str = "", channel: str = ""
    ) -> Actor:
        profile_name, zone, locale = await self._profile(user_id)
        organizer = await self._organizers.is_organizer(team_id, user_id)
        # The workspace's name over the payload's `team_domain` (its web address's subdomain),
        # which rosters and link messages would otherwise show.
        workspace = self.workspace_name or await self._organizers.workspace_name(team_id)
        return Actor(
            identity=Identity(PLATFORM, team_id, user_id),
            display_name=name or profile_name or user_id,
            is_organizer=organizer,
            team_name=workspace or team_name,
            channel=channel,
            timezone=zone,
            locale=locale,
            becoming_organizer=self._organizers.becoming(),
            organizer_rule=self._organizers.rule(),
        )

    async def from_command(self, body: dict[str, Any]) -> Actor:
        """A slash command's form fields."""
        return await self.actor(
            str(body["team_id"]),
            str(body["user_id"]),
            str(body.get("user_name") or ""),
            str(body.get("team_domain") or ""),
            str(body.get("channel_id") or ""),
        )

    async def from_interaction(self, body: dict[str, Any]) -> Actor:
        """A block_actions or view_submission payload."""
        user = body.get("user") or {}
        team = body.get("team") or {}
        return await self.actor(
            str(team.get("id") or user.get("team_id") or ""),
            str(user["id"]),
            str(user.get("name") or user.get("username") or ""),
            str(team.get("domain") or ""),
            _channel(body),
        )

    async def from_user(self, user: dict[str, Any], team_id: str) -> Actor:
        """A user object, as team_join and users.info give it."""
        self._remember(str(user["id"]), user)
        return await self.actor(str(user.get("team_id") or team_id), str(user["id"]), "")

    async def from_user_id(self, user_id: str, team_id: str) -> Actor:
        """Someone named only by their ID (an app_home_opened event)."""
        return await self.actor(team_id, user_id, "")

    async def _profile(self, user_id: str) -> tuple[str, str, str]:
        """Their profile's display name, IANA zone and locale (empty when Slack can't say)."""
        known = self._profiles.get(user_id)
        if known is not None:
            self._profiles.move_to_end(user_id)
            return known
        if self._client is None:
            return "", "", ""
        try:
            found = await self._client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            if not_slack(error) or status(error) >= 500:
                # Slack (or a proxy before it) is in trouble: go on without the profile, and
                # ask again next time.
                self._trouble(error_code(error))
                return "", "", ""
            # Not worth asking again this run: the zone is only a better default.
            log.info("no Slack profile for someone (%s)", error_code(error))
            return self._remember(user_id, {})
        except Exception as error:
            self._trouble(type(error).__name__)
            return "", "", ""
        return self._remember(user_id, found.get("user") or {})

    def _trouble(self, why: str) -> None:
        """Say once per kind of trouble that profiles can't be read (no one's ID or name)."""
        level = logging.DEBUG if why in self._troubles else logging.WARNING
        self._troubles.add(why)
        log.log(level, "couldn't read a Slack profile (%s); going on without it", why)

    def _remember(self, user_id: str, user: dict[str, Any]) -> tuple[str, str, str]:
        profile = user.get("profile") or {}
        name = (
            profile.get("display_name")
            or profile.get("real_name")
            or user.get("real_name")
            or user.get("name")
            or ""
        )
        # Slack's `tz` is an IANA name (`America/Chicago`); the core checks it is one it knows.
        # `locale` (`es-ES`, `es-LA`) comes only when asked for; the core reads its language.
        known = (str(name), str(user.get("tz") or ""), str(user.get("locale") or ""))
        self._profiles[user_id] = known
        self._profiles.move_to_end(user_id)
        if len(self._profiles) > _REMEMBERED:
            self._profiles.popitem(last=False)
        return known


def _channel(body: dict[str, Any]) -> str:
    """Where a press or a form came from: the message's channel, or the one a modal was
    opened in (kept in its private_metadata)."""
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    if channel:
        return str(channel)
    try:
        metadata = json.loads((body.get("view") or {}).get("private_metadata") or "{}")
    except ValueError:
        return ""
    return str(metadata.get("channel") or "") if isinstance(metadata, dict) else ""
