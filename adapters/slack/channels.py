"""Channels named in settings (`C0123…` or `#organizers`), as the IDs Slack's events carry."""

import asyncio
import logging
import re

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.errors import error_code

log = logging.getLogger(__name__)

_CHANNEL_ID = re.compile(r"[CG][A-Z0-9]{2,}")


class Channels:
    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client
        self._ids: dict[str, str] = {}
        self._lock = asyncio.Lock()

    async def id_of(self, configured: str) -> str | None:
        """The channel's ID, or None when no channel by that name is visible to the bot."""
        configured = configured.strip()
        if not configured or _CHANNEL_ID.fullmatch(configured):
            return configured or None
        name = configured.removeprefix("#").lower()
        async with self._lock:
            if name not in self._ids:
                found = await self._look_up(name)
                if found is None:
                    # Not remembered: the bot may be invited, or Slack may answer, next time.
                    log.warning("no channel named #%s is visible to the bot", name)
                    return None
                self._ids[name] = found
            return self._ids[name]

    async def _look_up(self, name: str) -> str | None:
        cursor = ""
        try:
            while True:
                page = await self._client.conversations_list(
                    types="public_channel,private_channel",
                    exclude_archived=True,
                    limit=1000,
                    cursor=cursor or None,
                )
                for channel in page.get("channels") or ():
                    if str(channel.get("name", "")).lower() == name:
                        return str(channel["id"])
                cursor = (page.get("response_metadata") or {}).get("next_cursor") or ""
                if not cursor:
                    return None
        except SlackApiError as error:
            log.warning("can't list channels to find #%s (%s)", name, error_code(error))
            return None
