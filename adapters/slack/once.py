"""A DM whose chat.postMessage went unanswered (timed out, or the connection dropped) may have
been posted all the same: trying again blindly would send it twice.

Each DM the dispatcher sends carries the key of what it delivers (`SENDING`, "notice-12") in
its message metadata. When a try goes unanswered, the next try first asks
conversations.history whether a message of the bot's carrying that key arrived in the
conversation since the first try; if one did, it is taken as sent and not posted again.
"""

import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import aiohttp

from adapters.slack.files import Call
from bot.ports.messenger import SENDING, DeliveryError

log = logging.getLogger(__name__)

EVENT_TYPE = "turnout_notice"
# The failures after which a message may have been posted though no answer came.
UNANSWERED = (TimeoutError, aiohttp.ServerDisconnectedError)
# Slack's clock and ours may disagree: look this many seconds further back than the first try.
SKEW = 60.0
# Unanswered sends remembered by this process (bounded; each is forgotten once settled).
_REMEMBERED = 1000


class Once:
    def __init__(self, call: Call, *, now: Callable[[], float] = time.time) -> None:
        self._call = call
        self._now = now
        # (channel, key) → when its first unanswered try started (Unix time).
        self._unanswered: OrderedDict[tuple[str, str], float] = OrderedDict()
        self._warned = False

    def poster(self, channel: str) -> Call:
        """`call`, with chat.postMessage in `channel` posting what is being sent at most once
        however often it is tried (when Slack can be asked)."""
        key = SENDING.get()
        if not key:
            return self._call

        async def call(method: str, **arguments: Any) -> Any:
            if method != "chat_postMessage":
                return await self._call(method, **arguments)
            return await self._post(channel, key, arguments)

        return call

    async def _post(self, channel: str, key: str, arguments: dict[str, Any]) -> Any:
        since = self._unanswered.get((channel, key))
        if since is not None:
            found = await self._arrived(channel, key, since)
            if found is not None:
                log.info("%s had reached Slack before its answer was lost; not sent again", key)
                del self._unanswered[(channel, key)]
                return found
        metadata = {"event_type": EVENT_TYPE, "event_payload": {"key": key}}
        started = self._now()
        try:
            response = await self._call("chat_postMessage", metadata=metadata, **arguments)
        except DeliveryError as error:
            if isinstance(error.__cause__, UNANSWERED):
                self._unanswered[(channel, key)] = started if since is None else since
                if len(self._unanswered) > _REMEMBERED:
                    self._unanswered.popitem(last=False)
            raise
        self._unanswered.pop((channel, key), None)
        return response

    async def _arrived(self, channel: str, key: str, since: float) -> dict[str, Any] | None:
        """The bot's message carrying `key` posted in `channel` since `since`, if any."""
        try:
            response = await self._call(
                "conversations_history",
                channel=channel,
                oldest=f"{since - SKEW:.6f}",
                include_all_metadata=True,
                limit=200,
            )
        except DeliveryError as error:
            if not error.permanent:
                raise  # can't tell yet: try again later rather than risk sending it twice
            # Slack won't say (no im:history scope): send it again, as without the check.
            if not self._warned:
                log.warning("can't look whether a DM arrived before resending it: %s", error)
                self._warned = True
            return None
        for message in response.get("messages") or []:
            metadata = message.get("metadata") or {}
            if (
                message.get("bot_id")
                and metadata.get("event_type") == EVENT_TYPE
                and (metadata.get("event_payload") or {}).get("key") == key
            ):
                return dict(message)
        return None
