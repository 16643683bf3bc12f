"""Who is acting, read from a Slack payload: the core's Actor with its organizer flag."""

import json
from typing import Any

from adapters.slack.organizers import Organizers
from bot.commands import Actor
from bot.domain.campaign import Identity

PLATFORM = "slack"


class People:
    def __init__(self, organizers: Organizers, *, workspace_name: str = "") -> None:
        self._organizers = organizers
        # The workspace's own name (from auth.test; events carry none of their own), which the
        # core may name a new workspace's campaign after.
        self.workspace_name = workspace_name

    async def actor(
        self, team_id: str, user_id: str, name: str, team_name: str = "", channel: str = ""
    ) -> Actor:
        return Actor(
            identity=Identity(PLATFORM, team_id, user_id),
            display_name=name or user_id,
            is_organizer=await self._organizers.is_organizer(team_id, user_id),
            team_name=self.workspace_name or team_name,
            channel=channel,
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
        profile = user.get("profile") or {}
        name = (
            profile.get("display_name")
            or profile.get("real_name")
            or user.get("real_name")
            or user.get("name")
            or ""
        )
        return await self.actor(str(user.get("team_id") or team_id), str(user["id"]), str(name))


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
