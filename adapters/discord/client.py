"""The discord.py client: command tree, persistent buttons, modal submissions, member joins."""

import asyncio
import logging
from typing import Any

import aiohttp
import discord
from discord import app_commands

from adapters.discord.commands import groups
from adapters.discord.desk import Desk
from adapters.discord.render import NO_PINGS
from adapters.discord.shards import Shards
from adapters.discord.translations import CatalogueTranslator
from bot.app.turnout import SOMETHING_BROKE
from bot.kernel.i18n import _

log = logging.getLogger(__name__)

# Rate limits longer than this are raised (and rescheduled by the dispatcher) instead of
# slept through; 30 s is the least discord.py accepts.
MAX_RATE_LIMIT_WAIT = 30.0


def intents(*, members: bool) -> discord.Intents:
    """Guilds for servers, channels and roles; members (privileged) for welcome on join."""
    chosen = discord.Intents.none()
    chosen.guilds = True
    chosen.members = members
    return chosen


# How long discord.py waits after the last GUILD_CREATE before it calls the client ready. Its
# default, 2 s, is for bots in many guilds; Turnout's few arrive together right after READY.
GUILD_READY_TIMEOUT = 0.5


class TurnoutClient(discord.Client):
    def __init__(
        self,
        desk: Desk,
        *,
        members: bool,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
        http_trace: aiohttp.TraceConfig | None = None,
        **sharding: Any,
    ) -> None:
        super().__init__(
            **sharding,
            intents=intents(members=members),
            allowed_mentions=NO_PINGS,
            max_ratelimit_timeout=MAX_RATE_LIMIT_WAIT,
            # Turnout never lists members; fetching them all at start would only slow it down.
            chunk_guilds_at_startup=False,
            guild_ready_timeout=guild_ready_timeout,
            # Sees every REST answer: where the platform's 429s are counted.
            http_trace=http_trace or aiohttp.TraceConfig(),
        )
        self.desk = desk
        self.ready = asyncio.Event()
        self.tree = Tree(self)
        for group in groups(desk):
            self.tree.add_command(group)

    async def setup_hook(self) -> None:
        # Spanish descriptions for Spanish clients, sent with the tree when it is synced.
        await self.tree.set_translator(CatalogueTranslator())

    async def on_ready(self) -> None:
        self.ready.set()

    async def on_member_join(self, member: discord.Member) -> None:
        try:
            await self.desk.welcome(member)
        except Exception:
            log.exception("failed to welcome member %s", member.id)

    async def on_raw_member_remove(self, payload: discord.RawMemberRemoveEvent) -> None:
        self.desk.membership.forget(payload.guild_id, payload.user.id)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        # Buttons and modals on any message ever sent, before or after a restart, are read
        # from the interaction itself (see components), so nothing is registered per message.
        if interaction.type is discord.InteractionType.component:
            await self.desk.press(interaction)
        elif interaction.type is discord.InteractionType.modal_submit:
            await self.desk.submit(interaction)


# Discord lets a bot IDENTIFY `max_concurrency` shards per 5 s (1 for most bots), so each
# shard after a process's first waits this long before it identifies.
IDENTIFY_GAP = 5.0


class ShardedTurnoutClient(TurnoutClient, discord.AutoShardedClient):
    """The same client over several gateway connections, one per shard this process holds."""

    def __init__(
        self,
        desk: Desk,
        *,
        shards: Shards,
        members: bool,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
        http_trace: aiohttp.TraceConfig | None = None,
        identify_gap: float = IDENTIFY_GAP,
    ) -> None:
        super().__init__(
            desk,
            members=members,
            guild_ready_timeout=guild_ready_timeout,
            http_trace=http_trace,
            shard_count=shards.count,
            shard_ids=list(shards.held),
        )
        self.identify_gap = identify_gap

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        if not initial:
            await asyncio.sleep(self.identify_gap)


class Tree(app_commands.CommandTree[TurnoutClient]):
    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        """Never leave a command unanswered: log it and say something went wrong."""
        log.error("slash command failed", exc_info=error)
        if interaction.response.is_done() or interaction.type is not (
            discord.InteractionType.application_command
        ):
            return
        embed = discord.Embed(description=_(SOMETHING_BROKE), colour=discord.Colour.red())
        try:
            await interaction.response.send_message(embed=embed, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not answer interaction %s", interaction.id)
