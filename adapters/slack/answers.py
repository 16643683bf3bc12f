"""Answering people where they are: in the channel they typed in, in the bot's DM, or a modal.

Private answers go by chat.postEphemeral; when the bot can't post in that conversation (a DM
between two people, a channel it wasn't invited to) the interaction's response_url still
reaches the person. Buttons pressed in a DM with the bot are answered with a new message in
that DM.
"""

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import texts
from adapters.slack.blocks import escape, message, modal
from adapters.slack.errors import error_code
from adapters.slack.files import post_with_files, sent_to_dm, upload
from bot.kernel.i18n import _
from bot.ports.replies import Button, ButtonStyle, Form, Message, Reply

log = logging.getLogger(__name__)

Respond = Callable[..., Awaitable[Any]]

# Buttons that repeat a slash command (its trigger_id expired before the form could open).
AGAIN_PREFIX = "again:"


class Answers:
    def __init__(self, client: AsyncWebClient) -> None:
        self._client = client

    @property
    def client(self) -> AsyncWebClient:
        return self._client

    async def from_home(self, body: dict[str, Any], reply: Reply) -> None:
        """Answer a press on the Home tab: a form opens over it, the rest goes to a DM."""
        user = str(body["user"]["id"])
        if isinstance(reply, Form):
            view = modal(reply, metadata=json.dumps({"home": True}))
            await self._client.views_open(trigger_id=str(body["trigger_id"]), view=view)
            return
        await self.to_person(user, None, reply)

    async def to_command(self, body: dict[str, Any], reply: Reply, respond: Respond) -> None:
        """Answer a slash command in the conversation it was typed in."""
        channel, user = str(body["channel_id"]), str(body["user_id"])
        if isinstance(reply, Form):
            again = f"{AGAIN_PREFIX}{body['command']} {body.get('text', '')}".strip()
            await self._open(str(body["trigger_id"]), reply, channel, user, again, respond)
            return
        await self.in_conversation(channel, user, reply, respond)

    async def to_press(
        self, body: dict[str, Any], pressed: str, reply: Reply, respond: Respond
    ) -> None:
        """Answer a button press next to the button."""
        channel = in_bot_dm(body)
        if channel is not None:
            # In the bot's own DM, forms are asked right there (the welcome questions).
            await self.post(channel, reply)
            return
        channel = channel_of(body)
        user = str(body["user"]["id"])
        if isinstance(reply, Form):
            await self._open(str(body["trigger_id"]), reply, channel, user, pressed, respond)
            return
        await self.in_conversation(channel, user, reply, respond)

    async def to_person(self, user: str, channel: str | None, reply: Reply) -> None:
        """Answer a modal: in the conversation it was opened from, else in a DM."""
        if channel and not isinstance(reply, Form):
            try:
                await self.in_conversation(channel, user, reply, None)
                return
            except SlackApiError as error:
                log.info("answering in a DM: can't post in %s (%s)", channel, error)
        await self.post(await self._dm(user), reply)

    async def post(self, channel: str, reply: Reply) -> None:
        """Post a reply where the bot can write, its files with it (see files.py)."""
        await post_with_files(self._call, channel, reply)

    async def _call(self, method: str, **arguments: Any) -> Any:
        return await getattr(self._client, method)(**arguments)

    async def _dm(self, user: str) -> str:
        opened = await self._client.conversations_open(users=user)
        return str(opened["channel"]["id"])

    async def in_conversation(
        self, channel: str, user: str, reply: Reply, respond: Respond | None
    ) -> None:
        public = getattr(reply, "public", False)
        if isinstance(reply, Message) and reply.files:
            if public:
                await self.post(channel, reply)
                return
            # Ephemeral messages can't carry files: the files go to the person's DM first,
            # so the answer only says they are there once they are.
            titles = ", ".join(f.title or f.filename for f in reply.files)
            try:
                dm = await self._dm(user)
                await self._client.files_upload_v2(**upload(dm, reply, comment=escape(titles)))
                reply = sent_to_dm(reply)
            except SlackClientError as error:
                log.warning("couldn't upload %s for %s: %s", titles, user, error)
                reply = Message(_(texts.UPLOAD_FAILED), error=True)
        payload = message(reply)
        try:
            if public:
                await self._client.chat_postMessage(channel=channel, **payload)
            else:
                await self._client.chat_postEphemeral(channel=channel, user=user, **payload)
        except SlackApiError as error:
            if respond is None:
                raise
            log.debug("answering through response_url: %s", error_code(error))
            await respond(
                text=payload["text"],
                blocks=payload["blocks"],
                response_type="in_channel" if public else "ephemeral",
                replace_original=False,
            )

    async def _open(
        self,
        trigger_id: str,
        form: Form,
        channel: str,
        user: str,
        again: str,
        respond: Respond,
    ) -> None:
        view = modal(form, metadata=json.dumps({"channel": channel}))
        try:
            await self._client.views_open(trigger_id=trigger_id, view=view)
        except SlackApiError as error:
            if error_code(error) != "expired_trigger_id":
                raise
            # A trigger lasts 3 seconds; a button press brings a fresh one.
            retry = Message(
                _(texts.FORM_TOO_SLOW),
                buttons=(Button(_(texts.OPEN_FORM), again, ButtonStyle.PRIMARY),),
            )
            await self.in_conversation(channel, user, retry, respond)


def in_bot_dm(body: dict[str, Any]) -> str | None:
    """The DM channel, when a button was pressed on a message the bot sent into its own DM."""
    channel = channel_of(body)
    container = body.get("container") or {}
    if channel.startswith("D") and not container.get("is_ephemeral"):
        return channel
    return None


def channel_of(body: dict[str, Any]) -> str:
    return str((body.get("channel") or {}).get("id") or body["container"].get("channel_id") or "")
