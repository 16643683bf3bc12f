"""The adapter's front desk: interactions in, core calls, answers out within Discord's 3 s.

Every handler answers: the core runs with a short budget; if it is done in time the answer
is the interaction's response, otherwise the interaction is deferred ("thinking…") and the
answer follows up. Whatever goes wrong is logged and answered with a friendly sentence.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import discord
from discord import app_commands

from adapters.discord import organizers
from adapters.discord.components import FormModal, answers, form_target, pressed
from adapters.discord.membership import Membership, Unreachable
from adapters.discord.organizers import OrganizerRule
from adapters.discord.render import NO_PINGS, Rendered, render
from bot.app.arrivals import Options, Press, Receipt, Submit, Welcome, Work
from bot.app.turnout import SOMETHING_BROKE, Turnout
from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.kernel.commands import Actor
from bot.kernel.i18n import N_, _, refusal
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Entry
from bot.ports.replies import Form, FormSubmission, Message, Reply

log = logging.getLogger(__name__)

# Discord drops an interaction not answered within 3 s; leave room for the round trip.
BUDGET = 2.0
NO_SERVER = N_(
    "I can't tell which server this is for. Please use the command in the server instead."
)
FORM_TOO_SLOW = N_("That took me too long to open the form; please try again.")
# Said alike for a server the bot is not in and one the person left: nothing about it is shown.
NOT_A_MEMBER = N_(
    "I can't find you in the server this button is for, so I did nothing. If you're still "
    "part of the campaign, join its server again and use the command there."
)
DISCORD_UNREACHABLE = N_("Discord didn't answer me just now; nothing changed. Please try again.")
FILE_TOO_BIG = N_(
    "The file is bigger than Discord lets me attach here, so I couldn't send it. For an export, "
    "try a shorter period (`30d`), or export from Slack or the console."
)
# Discord's answer to an attachment over the upload limit.
TOO_LARGE = 413


class Desk:
    def __init__(
        self,
        *,
        turnout: Turnout,
        rule: OrganizerRule,
        budget: float = BUDGET,
        membership: Membership | None = None,
    ) -> None:
        self.turnout = turnout
        self.rule = rule
        self.membership = membership or Membership()
        self.budget = budget

    # What people do

    async def command(
        self,
        interaction: discord.Interaction,
        entry: Entry,
        options: Mapping[str, Any],
    ) -> None:
        """A slash command: the catalogue entry it runs and the options given."""
        await self._answer(
            interaction,
            Options(entry.group, entry.verb, dict(options)),
            lambda actor, receipt: self.turnout.run_options(actor, entry, options, receipt),
            public=entry.public,
        )

    async def press(self, interaction: discord.Interaction) -> None:
        """A button was pressed (called for every component interaction)."""
        data: Mapping[str, Any] = interaction.data or {}
        target = pressed(str(data.get("custom_id", "")))
        if target is None:
            return
        action, dm_guild = target
        await self._answer(
            interaction,
            Press(action),
            lambda actor, receipt: self.turnout.press(actor, action, receipt),
            guild_id=dm_guild,
        )

    async def submit(self, interaction: discord.Interaction) -> None:
        """A modal of ours was submitted (called for every modal submit interaction)."""
        data: Mapping[str, Any] = interaction.data or {}
        target = form_target(str(data.get("custom_id", "")))
        if target is None:
            return
        form_id, dm_guild = target
        values = answers(data.get("components", []))
        await self._answer(
            interaction,
            Submit(form_id, values),
            lambda actor, receipt: self.turnout.submit(
                actor, FormSubmission(form_id, values), receipt
            ),
            guild_id=dm_guild,
        )

    async def choices(
        self, interaction: discord.Interaction, pick: Pick, typed: str
    ) -> list[app_commands.Choice[int]]:
        actor = await self._actor(interaction, None)
        if not isinstance(actor, Actor):
            return []
        found = await self.turnout.choices(actor, pick, typed)
        return [app_commands.Choice(name=c.label, value=c.number) for c in found]

    async def welcome(self, member: discord.Member) -> None:
        """Someone joined a server: the core welcomes them by DM and tells the organizers."""
        if member.bot:
            return
        actor = organizers.actor(
            member,
            guild_id=member.guild.id,
            guild=member.guild,
            rule=self.rule,
        )
        # A join is delivered once; the key tells apart a later leave-and-rejoin.
        joined = member.joined_at.timestamp() if member.joined_at else ""
        receipt = await self.turnout.accept(
            f"{organizers.PLATFORM}:join:{member.guild.id}:{member.id}:{joined}",
            actor.identity,
            Welcome(),
            {},
        )
        if receipt.duplicate:
            return
        reply = await self.turnout.welcome(actor, receipt)
        if isinstance(reply, Message) and reply.error:
            # By the member's id: the reply may quote their name, which never goes in the log.
            log.warning("could not welcome %s", member.id)

    # Answering in time

    async def _answer(
        self,
        interaction: discord.Interaction,
        asked: Work,
        work: Callable[[Actor, Receipt], Awaitable[Reply]],
        *,
        public: bool = False,
        guild_id: int | None = None,
    ) -> None:
        actor = await self._actor(interaction, guild_id)
        if not isinstance(actor, Actor):
            await self._send_now(interaction, Message(_(actor), error=True), None)
            return
        # Recorded before it runs, so a crash leaves it waiting, not lost (arrivals.py).
        receipt = await self.turnout.accept(
            f"{organizers.PLATFORM}:{interaction.id}",
            actor.identity,
            asked,
            {"channel": actor.channel},
        )
        if receipt.duplicate:
            return
        # Buttons in DMs name their server; so must the buttons of the answer.
        dm_guild = None if interaction.guild_id else guild_id
        task = asyncio.ensure_future(_safely(work, actor, receipt))
        done, _pending = await asyncio.wait({task}, timeout=self.budget)
        try:
            if task in done:
                await self._send_now(interaction, task.result(), dm_guild)
                return
            await interaction.response.defer(ephemeral=not public, thinking=True)
            reply = await task
            if isinstance(reply, Form):
                reply = Message(_(FORM_TOO_SLOW), error=True)
            shown = render(reply, dm_guild=dm_guild)
            if public and shown.ephemeral:
                # The first follow-up would fill the public "thinking…" message; a private
                # answer (a refusal, say) must not, so that message goes and a private one comes.
                await interaction.delete_original_response()
            await _sent(interaction.followup.send, shown)
        except discord.HTTPException as error:
            # The interaction expired or Discord refused the answer; nothing more to do.
            log.warning("could not answer interaction %s: %s", interaction.id, error)

    async def _send_now(
        self, interaction: discord.Interaction, reply: Reply, dm_guild: int | None
    ) -> None:
        if isinstance(reply, Form) and interaction.type is not discord.InteractionType.modal_submit:
            await interaction.response.send_modal(FormModal(reply, guild_id=dm_guild))
            return
        await _sent(interaction.response.send_message, render(reply, dm_guild=dm_guild))

    async def _actor(self, interaction: discord.Interaction, guild_id: int | None) -> Actor | str:
        """Who acts, for which server; or the sentence that refuses them.

        In a server, Discord names both. A DM press names its server in the button, and counts
        only while the presser is still a member there: a removed member's old welcome DM, or a
        button naming a server the bot is not in, must neither act nor create anything.
        """
        user = interaction.user
        # Where a live post would go: the server channel the interaction came from.
        channel = ""
        if interaction.guild_id is not None:
            server = interaction.guild_id
            guild = interaction.client.get_guild(server)
            channel = str(interaction.channel_id or "")
        elif guild_id is not None:
            server = guild_id
            try:
                guild = await self.membership.server(interaction.client, guild_id)
                if guild is None:
                    return NOT_A_MEMBER
                member = await self.membership.member(guild, user.id)
            except Unreachable as error:
                log.warning("could not check membership of %s: %s", user.id, error)
                return DISCORD_UNREACHABLE
            if member is None:
                return NOT_A_MEMBER
            user = member
        else:
            return NO_SERVER
        return organizers.actor(
            user,
            guild_id=server,
            guild=guild,
            rule=self.rule,
            channel=channel,
            locale=str(interaction.locale),
        )


async def _sent(send: Callable[..., Awaitable[Any]], shown: Rendered) -> None:
    """Send an answer; one whose files Discord finds too big says so instead (only to them)."""
    try:
        await send(**shown.message(), ephemeral=shown.ephemeral)
    except discord.HTTPException as error:
        if error.status != TOO_LARGE or not shown.files:
            raise
        log.warning("an answer's files were too big for Discord: %s", error)
        await send(content=_(FILE_TOO_BIG), ephemeral=True, allowed_mentions=NO_PINGS)


async def _safely(
    work: Callable[[Actor, Receipt], Awaitable[Reply]], actor: Actor, receipt: Receipt
) -> Reply:
    try:
        return await work(actor, receipt)
    except UserError as error:
        return Message(refusal(error), error=True)
    except Exception:
        log.exception("failed to handle a Discord interaction")
        return Message(_(SOMETHING_BROKE), error=True)


class DiscordReplayer:
    """Recovery's way to Discord (bot/app/arrivals.py): the sender as a member now, and a DM
    for the late answer (an interaction can no longer be answered after a restart)."""

    platform = organizers.PLATFORM

    def __init__(self, desk: Desk, client: Callable[[], discord.Client | None], send: Any) -> None:
        self._desk = desk
        self._client = client
        self._send = send

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        client = self._client()
        if client is None:
            return None
        guild = await self._desk.membership.server(client, int(identity.team_external_id))
        if guild is None:
            return None
        member = await self._desk.membership.member(guild, int(identity.user_external_id))
        if member is None:
            return None
        return organizers.actor(
            member,
            guild_id=guild.id,
            guild=guild,
            rule=self._desk.rule,
            channel=str(route.get("channel") or ""),
        )

    async def answer(self, identity: Identity, route: Mapping[str, Any], reply: Reply) -> None:
        await self._send(identity, reply)
