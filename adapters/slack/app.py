"""The slack-bolt AsyncApp and its listeners: payloads in, the core's replies out.

Every listener acknowledges first and works after, so Slack always hears back within its 3
seconds however slow the database is. The one exception is a modal submission, whose answer
may keep the modal open with an error under a field: the core gets up to 2 seconds for it,
and past that the modal closes and the answer follows as a message.
"""

import asyncio
import json
import logging
import re
import uuid
from collections.abc import Awaitable, Mapping
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack import texts
from adapters.slack.answers import AGAIN_PREFIX, Answers, Respond, channel_of, in_bot_dm
from adapters.slack.blocks import FORM_PREFIX, answers, error_block, message, unescape
from adapters.slack.channels import Channels
from adapters.slack.home import Home, from_home
from adapters.slack.people import PLATFORM, People
from adapters.slack.workspaces import in_workspace
from bot import catalogue
from bot.app.arrivals import Press, Receipt, Slash, Submit, Welcome, Work
from bot.app.turnout import ALREADY_DONE, Turnout
from bot.domain.campaign import Identity
from bot.kernel import timefmt
from bot.kernel.commands import Actor
from bot.kernel.i18n import _
from bot.kernel.intake.buttons import LINK_PREFIX, PREFIX
from bot.ports.replies import Form, FormSubmission, Message, Reply

log = logging.getLogger(__name__)

# The slash commands are the catalogue's groups, so the grammar and Slack can never disagree.
COMMANDS = tuple(f"/{group.name}" for group in catalogue.GROUPS)
# The events the manifest subscribes to, each with why (the manifest's comment above it).
EVENTS = {
    "team_join": "Someone joined the workspace: welcome them.",
    "member_joined_channel": "Someone joined SLACK_VOLUNTEER_CHANNEL: welcome them too.",
    "app_home_opened": "Someone opened the app's Home tab: show them their own Home.",
}
# How long a modal submission may wait for the core before acknowledging regardless.
FORM_PATIENCE = 2.0
# How long the acknowledgement may wait for the command to be recorded (see accepted()).
ACCEPT_PATIENCE = 1.0


def build_app(
    *,
    client: AsyncWebClient,
    signing_secret: str,
    turnout: Turnout,
    people: People,
    channels: Channels,
    volunteer_channel: str = "",
    oauth: AsyncOAuthSettings | None = None,
) -> AsyncApp:
    """`oauth`: many workspaces, each request authorized from its installation (bolt then
    calls oauth.v2.access with its own tokenless client, as `client` has a token per call)."""
    app = AsyncApp(
        name="turnout",
        client=AsyncWebClient(base_url=client.base_url) if oauth else client,
        oauth_settings=oauth,
        signing_secret=signing_secret,
        # Socket Mode needs no signature; HTTP mode refuses any request without a valid one.
        request_verification_enabled=bool(signing_secret),
        logger=logging.getLogger("turnout.slack.bolt"),
    )
    listeners = Listeners(
        turnout=turnout,
        people=people,
        answers=Answers(client),
        channels=channels,
        volunteer_channel=volunteer_channel,
    )
    for command in COMMANDS:
        app.command(command)(listeners.on_command)
    app.action(re.compile(rf"^{PREFIX}:"))(listeners.on_press)
    app.action(re.compile(rf"^{LINK_PREFIX}:"))(_opened_link)
    app.action(re.compile(rf"^{FORM_PREFIX}"))(listeners.on_inline_form)
    app.action(re.compile(rf"^{AGAIN_PREFIX}"))(listeners.on_again)
    app.view(re.compile(rf"^{FORM_PREFIX}"))(listeners.on_modal)
    app.event("team_join")(listeners.on_team_join)
    app.event("member_joined_channel")(listeners.on_member_joined_channel)
    app.event("app_home_opened")(listeners.on_app_home_opened)
    return app


class Listeners:
    def __init__(
        self,
        *,
        turnout: Turnout,
        people: People,
        answers: Answers,
        channels: Channels,
        volunteer_channel: str,
    ) -> None:
        self._turnout = turnout
        self._people = people
        self._answers = answers
        self._channels = channels
        self._volunteer_channel = volunteer_channel
        self._home = Home(turnout, answers.client)

    async def on_command(self, ack: AsyncAck, body: dict[str, Any], respond: Respond) -> None:
        command, text = str(body["command"]), str(body.get("text", ""))
        work = Slash(command, unescape(text))
        receipt = await self._accepted(
            ack, body, _identity(body), work, str(body.get("channel_id") or "")
        )
        if not receipt.duplicate:
            await _guarded(respond, self._command(body, command, text, respond, receipt))

    async def on_again(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        """A form couldn't open in time; the button runs the slash command again."""
        value = action.get("value")
        again = value.removeprefix(AGAIN_PREFIX).strip() if isinstance(value, str) else ""
        if not again:
            await ack()
            # A button that lost its value (edited, or from elsewhere): say what to type.
            await _guarded(respond, respond(text=_(texts.AGAIN_LOST), response_type="ephemeral"))
            return
        command, _space, text = again.partition(" ")
        receipt = await self._accepted(
            ack, body, _identity(body), Slash(command, unescape(text)), channel_of(body)
        )
        if receipt.duplicate:
            return
        interaction = {
            "command": command,
            "text": text,
            "channel_id": channel_of(body),
            "user_id": body["user"]["id"],
            "user_name": body["user"].get("name") or body["user"].get("username", ""),
            "team_id": (body.get("team") or {}).get("id", ""),
            "team_domain": (body.get("team") or {}).get("domain", ""),
            "trigger_id": body["trigger_id"],
        }
        await _guarded(respond, self._command(interaction, command, text, respond, receipt))

    async def _command(
        self, body: dict[str, Any], command: str, text: str, respond: Respond, receipt: Receipt
    ) -> None:
        actor = await self._people.from_command(body)
        reply = await self._turnout.run_slash(actor, command, unescape(text), receipt)
        await self._answers.to_command(body, reply, respond)

    async def _accepted(
        self, ack: AsyncAck, body: dict[str, Any], identity: Identity, work: Work, channel: str
    ) -> Receipt:
        """Record the work, then acknowledge it (after ACCEPT_PATIENCE regardless: Slack
        wants its answer within 3 s). The work runs once the record is written, never
        before, so a run can't commit ahead of the row that says it is waiting."""
        key = str(body.get("trigger_id") or "")
        if not key:
            await ack()
            return Receipt()
        accepting = asyncio.ensure_future(
            self._turnout.accept(f"{PLATFORM}:{key}", identity, work, {"channel": channel})
        )
        await asyncio.wait({accepting}, timeout=ACCEPT_PATIENCE)
        await ack()
        return await accepting

    async def on_press(
        self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any], respond: Respond
    ) -> None:
        pressed = str(action.get("value") or action["action_id"])
        receipt = await self._accepted(
            ack, body, _identity(body), Press(pressed), "" if from_home(body) else channel_of(body)
        )
        if receipt.duplicate:
            return

        async def work() -> None:
            actor = await self._people.from_interaction(body)
            reply = await self._turnout.press(actor, pressed, receipt)
            if not from_home(body):
                await self._answers.to_press(body, pressed, reply, respond)
                return
            # A Home tab has no conversation to answer in: forms open over it (and publish
            # Home when saved), anything else goes to the app's Messages tab, and Home shows
            # what changed.
            await self._answers.from_home(body, reply)
            if not isinstance(reply, Form):
                await self._home.publish(actor)

        await _guarded(None if from_home(body) else respond, work())

    async def on_inline_form(
        self,
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        client: AsyncWebClient,
    ) -> None:
        """Save pressed under a form asked inside the bot's DM (the welcome questions)."""
        form_id = str(action["action_id"]).removeprefix(FORM_PREFIX)
        values = answers((body.get("state") or {}).get("values") or {})
        receipt = await self._accepted(
            ack, body, _identity(body), Submit(form_id, values), channel_of(body)
        )
        if receipt.duplicate:
            return

        async def work() -> None:
            actor = await self._people.from_interaction(body)
            reply = await self._turnout.submit(actor, FormSubmission(form_id, values), receipt)
            channel = in_bot_dm(body)
            message_ts = (body.get("container") or {}).get("message_ts")
            if _refused(reply) or channel is None or not message_ts:
                # The form stays as it was, so the answers can be corrected and saved again.
                await self._answers.to_press(body, action["action_id"], reply, respond)
                return
            # Done: the answer takes the form's place, so it can't be saved twice by mistake.
            await client.chat_update(channel=channel, ts=message_ts, **message(reply))

        await _guarded(respond, work())

    async def on_modal(self, ack: AsyncAck, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = str(body["user"]["id"])
        # The whole answer, organizer lookup included, runs against the clock.
        pending = asyncio.ensure_future(self._submitted(body, view))
        done, _pending = await asyncio.wait({pending}, timeout=FORM_PATIENCE)
        if done and pending.exception() is None:
            reply = pending.result()
            if isinstance(reply, Message) and reply.error:
                said = timefmt.plain(reply.text)
                # The question the core named, else the one the sentence is most likely about.
                field = error_block(view.get("blocks") or [], said, about=reply.about)
                if field is not None:
                    # The modal stays open with the answers given and the reason under a field.
                    await ack(response_action="errors", errors={field: said})
                    return
        await ack()
        try:
            metadata = _metadata(view)
            await self._answers.to_person(user, metadata.get("channel"), await pending)
            if metadata.get("home"):
                # Opened from the Home tab: it shows the new settings at once.
                await self._home.publish(await self._people.from_interaction(body))
        except Exception:
            log.exception("couldn't answer a form submission from %s", user)

    async def _submitted(self, body: dict[str, Any], view: dict[str, Any]) -> Reply:
        form_id = str(view["callback_id"]).removeprefix(FORM_PREFIX)
        values = answers((view.get("state") or {}).get("values") or {})
        # Recorded before anything runs; the acknowledgement waits for the answer anyway.
        metadata = _metadata(view)
        receipt = await self._turnout.accept(
            f"{PLATFORM}:{body.get('trigger_id') or view.get('id')}",
            _identity(body),
            Submit(form_id, values),
            {"channel": str(metadata.get("channel") or "")},
        )
        if receipt.duplicate:
            return Message(_(ALREADY_DONE))
        actor = await self._people.from_interaction(body)
        return await self._turnout.submit(actor, FormSubmission(form_id, values), receipt)

    async def on_team_join(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        user = event.get("user") or {}
        if _is_person(user):
            team = str(user.get("team_id") or body.get("team_id") or "")
            await self._welcome(body, team, user)

    async def on_member_joined_channel(
        self, event: dict[str, Any], body: dict[str, Any], client: AsyncWebClient
    ) -> None:
        if not self._volunteer_channel:
            return
        try:
            wanted = await self._channels.id_of(self._volunteer_channel)
            if wanted is None or event.get("channel") != wanted:
                return
            found = await client.users_info(user=event["user"])
        except Exception:
            log.exception("couldn't look up who joined %s", event.get("channel"))
            return
        user = found.get("user") or {}
        team = str(event.get("team") or body.get("team_id", ""))
        if _is_person(user):
            await self._welcome(body, team, user)

    async def on_app_home_opened(self, event: dict[str, Any], body: dict[str, Any]) -> None:
        """The Home tab was opened: publish the person's Home as it is now."""
        if event.get("tab") != "home" or not event.get("user"):
            return  # the Messages tab opens too; it needs nothing from us
        try:
            team = str(body.get("team_id") or "")
            await self._home.publish(await self._people.from_user_id(str(event["user"]), team))
        except Exception:
            log.exception("couldn't publish the Home tab of %s", event.get("user"))

    async def _welcome(self, body: dict[str, Any], team: str, user: dict[str, Any]) -> None:
        """Welcome a newcomer once, however often Slack delivers the event (it redelivers
        when an acknowledgement was slow or lost, with the same event_id), and later if the
        database can't answer now (bot/app/arrivals.py)."""
        try:
            identity = Identity(PLATFORM, team, str(user["id"]))
            key = f"{PLATFORM}:{body.get('event_id') or uuid.uuid4()}"
            receipt = await self._turnout.accept(key, identity, Welcome(), {})
            if receipt.duplicate:
                return
            newcomer = await self._people.from_user(user, team)
            reply = await self._turnout.welcome(newcomer, receipt)
            # By the account's id: a name or the welcome's text never goes in the log.
            refused = isinstance(reply, Message) and reply.error
            log.info(
                "%s %s",
                "couldn't welcome" if refused else "welcomed",
                newcomer.identity.user_external_id,
            )
        except Exception:
            log.exception("couldn't welcome a newcomer")


async def _opened_link(ack: AsyncAck) -> None:
    """A link button opened its address in the browser; there is nothing more to do."""
    await ack()


async def _guarded(respond: Respond | None, work: Awaitable[None]) -> None:
    """Run a listener's work after ack: log what breaks and tell the person, never crash."""
    try:
        await work
    except Exception:
        log.exception("a Slack listener failed")
        if respond is not None:
            try:
                await respond(text=_(texts.SOMETHING_BROKE), response_type="ephemeral")
            except Exception:
                log.exception("couldn't tell the person that something broke")


def _refused(reply: Reply) -> bool:
    return isinstance(reply, Message) and reply.error


def _is_person(user: dict[str, Any]) -> bool:
    return bool(user.get("id")) and not (
        user.get("is_bot") or user.get("deleted") or user.get("id") == "USLACKBOT"
    )


def _identity(body: dict[str, Any]) -> Identity:
    """Who sent an interaction or a slash command, as the inbox keeps them."""
    user = body.get("user") or {}
    team = body.get("team") or {}
    return Identity(
        PLATFORM,
        str(body.get("team_id") or team.get("id") or user.get("team_id") or ""),
        str(body.get("user_id") or user.get("id") or ""),
    )


def _metadata(view: dict[str, Any]) -> dict[str, Any]:
    """A modal's private_metadata: where it was opened (ours, so JSON; anything else: {})."""
    try:
        found = json.loads(view.get("private_metadata") or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


class SlackReplayer:
    """Recovery's way to Slack (bot/app/arrivals.py): the sender as they are now, and the late
    answer privately in the conversation they asked in, else in a DM."""

    platform = PLATFORM

    def __init__(self, people: People, answers: Answers) -> None:
        self._people = people
        self._answers = answers

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        channel = str(route.get("channel") or "")
        with in_workspace(identity.team_external_id):
            return await self._people.actor(
                identity.team_external_id, identity.user_external_id, "", channel=channel
            )

    async def answer(self, identity: Identity, route: Mapping[str, Any], reply: Reply) -> None:
        channel = str(route.get("channel") or "") or None
        with in_workspace(identity.team_external_id):
            await self._answers.to_person(identity.user_external_id, channel, reply)
