"""The core's Messenger on Slack: DMs through conversations.open, organizer posts to a channel.

Its web client has no retry handlers of its own: when Slack says 429, the DeliveryError carries
Retry-After and the core's durable dispatcher does the waiting, so a reminder is neither lost
in a crash nor sent twice.
"""

import logging
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError, SlackRequestError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.blocks import message
from adapters.slack.channels import Channels
from adapters.slack.errors import error_code, headers, status
from adapters.slack.files import post_with_files
from adapters.slack.once import Once
from adapters.slack.organizers import Organizers
from adapters.slack.workspaces import in_workspace
from bot.domain.campaign import Identity, Team
from bot.domain.post import PostRef
from bot.ports.messenger import DeliveryError, Messenger
from bot.ports.replies import Reply

log = logging.getLogger(__name__)

# Slack error codes after which trying again cannot help, as organizers will read them.
PERMANENT = {
    "user_not_found": "Slack doesn't know their account any more",
    "cannot_dm_bot": "that account is a bot",
    "account_inactive": "their Slack account is deactivated",
    "user_disabled": "their Slack account is deactivated",
    "channel_not_found": "Slack couldn't find a conversation with them",
    "is_archived": "that conversation is archived",
    "not_in_channel": "the bot isn't in the organizer channel (invite it with /invite @Turnout)",
    "restricted_action": "the workspace doesn't let the bot post there",
    "invalid_blocks": "Slack refused the message's layout",
    "not_installed": "Turnout was removed from that Slack workspace",
    "token_revoked": "the Slack workspace revoked Turnout's access",
}

# Slack error codes that say Slack itself is having trouble, even when it answers HTTP 200
# with `ok: false`: tried again with the dispatcher's backoff, as an HTTP 5xx is.
TRANSIENT = {"service_unavailable", "internal_error", "request_timeout", "fatal_error"}

# Why a live post is gone for good, by Slack's error code: it is then forgotten.
POST_GONE = {
    "message_not_found": "the message was deleted",
    "cant_update_message": "Slack won't let the bot edit that message",
    "channel_not_found": "the channel is gone or the bot can't see it",
    "not_in_channel": "the bot isn't in that channel",
    "is_archived": "the channel is archived",
}


def delivery_error(error: Exception) -> DeliveryError:
    """What went wrong, in the terms the dispatcher acts on (wait, retry, or give up)."""
    if isinstance(error, SlackApiError):
        code = error_code(error)
        http = status(error)
        if http == 429 or code == "ratelimited":
            said = headers(error)
            wait = said.get("Retry-After") or said.get("retry-after")
            return DeliveryError("Slack asked us to slow down", retry_after=_seconds(wait))
        if code in PERMANENT:
            return DeliveryError(f"{PERMANENT[code]} ({code})", permanent=True)
        if http >= 500 or code in TRANSIENT:
            return DeliveryError(f"Slack had a problem ({code})")
        return DeliveryError(f"Slack refused it ({code})", permanent=True)
    if isinstance(error, SlackRequestError):
        # The upload POST itself failed (files_upload_v2 raises this for a non-200 answer).
        return DeliveryError(f"Slack didn't take the file ({error})")
    return DeliveryError(f"couldn't reach Slack ({type(error).__name__})")


class SlackMessenger(Messenger):
    platform = "slack"

    def __init__(
        self,
        client: AsyncWebClient,
        *,
        organizers: Organizers,
        channels: Channels,
        organizer_channel: str = "",
    ) -> None:
        self.client = client
        self._organizers = organizers
        self._channels = channels
        self._organizer_channel = organizer_channel
        # (Workspace, user) → their DM channel with the bot; conversations.open is the same
        # every time.
        self._dms: dict[tuple[str, str], str] = {}
        # A DM whose answer was lost is looked for before it is sent again.
        self._once = Once(self._call)

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        with in_workspace(to.team_external_id):
            await self._send_direct(to, reply)

    async def _send_direct(self, to: Identity, reply: Reply) -> None:
        user = (to.team_external_id, to.user_external_id)
        channel = self._dms.get(user)
        if channel is None:
            response = await self._call("conversations_open", users=to.user_external_id)
            channel = str(response["channel"]["id"])
            self._dms[user] = channel
        try:
            await post_with_files(self._once.poster(channel), channel, reply)
        except DeliveryError:
            self._dms.pop(user, None)
            raise

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        with in_workspace(team.external_id):
            await self._post_to_organizers(team, reply)

    async def _post_to_organizers(self, team: Team, reply: Reply) -> None:
        if self._organizer_channel:
            channel = await self._channels.id_of(self._organizer_channel)
            if channel is None:
                raise DeliveryError(
                    f"the bot can't see SLACK_ORGANIZER_CHANNEL {self._organizer_channel}; "
                    "invite it to the channel or use the channel's ID",
                    permanent=True,
                )
            await self._post(channel, reply)
            return
        try:
            organizers = await self._organizers.reachable(team.external_id)
        except SlackApiError as error:
            raise delivery_error(error) from error
        if not organizers:
            raise DeliveryError(
                "no organizers to tell: set SLACK_ORGANIZER_CHANNEL or SLACK_ORGANIZERS",
                permanent=True,
            )
        reached = 0
        first_error: DeliveryError | None = None
        for user in organizers:
            try:
                await self._send_direct(Identity(self.platform, team.external_id, user), reply)
                reached += 1
            except DeliveryError as error:
                log.warning("couldn't DM organizer %s: %s", user, error.reason)
                first_error = first_error or error
        # Retrying after a partial success would repeat the message to those already told.
        if not reached and first_error is not None:
            raise first_error

    async def _post(self, channel: str, reply: Reply) -> None:
        await post_with_files(self._call, channel, reply)

    async def post_in_channel(self, team: Team, channel: str, reply: Reply) -> PostRef:
        """chat.postMessage as the bot, so that chat.update can edit it at any later time (a
        response_url stops working after 30 minutes)."""
        with in_workspace(team.external_id):
            response = await self._post_call("chat_postMessage", channel=channel, **message(reply))
        return PostRef(
            self.platform,
            team.external_id,
            str(response.get("channel") or channel),
            str(response["ts"]),
        )

    async def edit_post(self, ref: PostRef, reply: Reply) -> None:
        with in_workspace(ref.team_external_id):
            await self._post_call(
                "chat_update", channel=ref.channel, ts=ref.message_id, **message(reply)
            )

    async def _post_call(self, method: str, **arguments: Any) -> Any:
        try:
            return await getattr(self.client, method)(**arguments)
        except SlackApiError as error:
            code = error_code(error)
            if code in POST_GONE:
                raise DeliveryError(f"{POST_GONE[code]} ({code})", permanent=True) from error
            raise delivery_error(error) from error
        except (TimeoutError, aiohttp.ClientError) as error:
            raise delivery_error(error) from error

    async def _call(self, method: str, **arguments: Any) -> Any:
        try:
            return await getattr(self.client, method)(**arguments)
        except (TimeoutError, SlackClientError, aiohttp.ClientError) as error:
            raise delivery_error(error) from error


def _seconds(value: str | None) -> float:
    try:
        return max(1.0, float(value)) if value else 30.0
    except ValueError:
        return 30.0
