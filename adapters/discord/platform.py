"""Discord as a Turnout platform: connect, sync the slash commands, listen, disconnect."""

import asyncio
import contextlib
import logging
import math
from types import SimpleNamespace

import aiohttp
import discord
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from adapters.discord.client import (
    GUILD_READY_TIMEOUT,
    IDENTIFY_GAP,
    ShardedTurnoutClient,
    TurnoutClient,
)
from adapters.discord.desk import BUDGET, Desk, DiscordReplayer
from adapters.discord.invite import application_id
from adapters.discord.messenger import DiscordMessenger
from adapters.discord.organizers import OrganizerRule
from adapters.discord.settings import DiscordSettings
from adapters.discord.shards import Shards
from adapters.platform import PlatformError
from bot.app.ops import Connection
from bot.app.settings import listed
from bot.app.turnout import Turnout
from bot.ports.metrics import Metrics, NoMetrics

log = logging.getLogger(__name__)

NO_MEMBERS_INTENT = (
    "Discord refused the Server Members intent, so Turnout can't see people join and won't "
    "welcome them; commands and buttons work. Turn on Server Members Intent in the Developer "
    "Portal (Bot tab) and restart."
)
CONNECT_TIMEOUT = 60.0


class DiscordPlatform:
    def __init__(
        self,
        *,
        token: str,
        api_url: str,
        gateway_url: str = "",
        guild_ids: tuple[int, ...] = (),
        organizer_role: str = "Organizer",
        organizer_channel: str = "",
        volunteer_channel: str = "",
        budget: float = BUDGET,
        guild_ready_timeout: float = GUILD_READY_TIMEOUT,
        metrics: Metrics | None = None,
        shards: Shards | None = None,
        identify_gap: float = IDENTIFY_GAP,
    ) -> None:
        application_id(token)  # a malformed token fails here, with one line
        self._token = token.strip()
        self._api_url = api_url.rstrip("/")
        self._gateway_url = gateway_url
        self._guild_ids = guild_ids
        self._rule = OrganizerRule(organizer_role)
        self._budget = budget
        self._guild_ready_timeout = guild_ready_timeout
        self._metrics = metrics or NoMetrics()
        self.shards = shards
        self._identify_gap = identify_gap
        self.messenger = DiscordMessenger(
            organizer_channel=organizer_channel, volunteer_channel=volunteer_channel
        )
        self._client: TurnoutClient | None = None
        self._runner: asyncio.Task[None] | None = None
        # False once Discord has refused the privileged members intent.
        self.members_intent = True

    @classmethod
    def from_settings(
        cls, settings: DiscordSettings, *, metrics: Metrics | None = None
    ) -> "DiscordPlatform":
        return cls(
            token=settings.discord_token,
            api_url=settings.discord_api_url,
            gateway_url=settings.discord_gateway_url,
            guild_ids=tuple(int(g) for g in listed(settings.discord_guild_ids)),
            organizer_role=settings.discord_organizer_role,
            organizer_channel=settings.discord_organizer_channel,
            volunteer_channel=settings.discord_volunteer_channel,
            metrics=metrics,
            shards=settings.discord_shards,
        )

    @property
    def client(self) -> TurnoutClient | None:
        return self._client

    async def start(self, turnout: Turnout) -> None:
        """Log in, sync the commands, connect the gateway; return once Discord says READY."""
        # discord.py reads its REST base from a class attribute; set it now, not at import.
        Route.BASE = self._api_url
        desk = Desk(
            turnout=turnout,
            rule=self._rule,
            budget=self._budget,
        )
        self.replayer = DiscordReplayer(desk, lambda: self._client, self.messenger.send_direct)
        client = await self._logged_in(desk)
        try:
            await self._use_gateway(client)
            if self.shards is None or self.shards.syncs_commands:
                await self._sync(client)
        except (discord.DiscordException, aiohttp.ClientError, OSError) as error:
            await self.stop()
            raise PlatformError(f"couldn't set up with Discord ({error}).") from None
        except BaseException:
            await self.stop()
            raise
        self._runner = asyncio.create_task(self._run(client, desk), name="discord-gateway")
        ready = asyncio.create_task(self._until_ready())
        done, _ = await asyncio.wait(
            {ready, self._runner}, timeout=CONNECT_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        if ready not in done:
            ready.cancel()
            failure = self._runner.exception() if self._runner in done else None
            await self.stop()
            if isinstance(failure, discord.ConnectionClosed) and failure.code == 4004:
                raise PlatformError("Discord refused DISCORD_TOKEN at the gateway; reset it.")
            raise PlatformError(
                f"couldn't connect to the Discord gateway ({failure or 'timed out'})."
            )
        log.info(
            "connected to Discord as %s%s",
            self._client.user if self._client else "?",
            f" ({self.shards.describe()})" if self.shards else "",
        )

    async def failure(self) -> PlatformError:
        runner = self._runner
        if runner is not None:
            await asyncio.wait({runner})
        if runner is None or self._runner is not runner:
            # Stopped on purpose, or never started: nothing to report, ever.
            return await asyncio.get_running_loop().create_future()
        error = None if runner.cancelled() else runner.exception()
        if isinstance(error, discord.ConnectionClosed) and error.code == 4004:
            return PlatformError(
                "Discord closed the gateway and refused DISCORD_TOKEN (close code 4004; was "
                "the token reset?): copy the bot token again from the Bot tab of the "
                "Developer Portal into DISCORD_TOKEN and restart."
            )
        if isinstance(error, discord.ConnectionClosed):
            reason = error.reason or "no reason given"
            return PlatformError(
                f"Discord closed the gateway for good (close code {error.code}: {reason}); "
                "check DISCORD_TOKEN and the bot's settings in the Developer Portal, then restart."
            )
        return PlatformError(
            f"the Discord gateway stopped ({error or 'closed'}); check DISCORD_TOKEN and restart."
        )

    async def problem(self) -> str | None:
        """None while the gateway is connected; else what is wrong, in a few words."""
        client, runner = self._client, self._runner
        if client is None or runner is None or runner.done() or client.is_closed():
            return "the gateway is closed"
        if isinstance(client, ShardedTurnoutClient):
            down = [shard.name for shard in self.connections() if not shard.connected]
            return f"the gateway is reconnecting ({', '.join(down)})" if down else None
        if client.ws is None or not client.ws.open:
            return "the gateway is reconnecting"
        return None

    def connections(self) -> list[Connection]:
        """Each shard this process holds, when sharded: connected or not, and its latency."""
        client = self._client
        if self.shards is None or not isinstance(client, ShardedTurnoutClient):
            return []
        running = client.shards
        return [
            Connection(
                name=f"shard {shard}",
                connected=shard in running and not running[shard].is_closed(),
                latency=running[shard].latency if shard in running else math.nan,
            )
            for shard in self.shards.held
        ]

    async def stop(self) -> None:
        client, runner = self._client, self._runner
        self._client = self._runner = None
        self.messenger.client = None
        if client is not None:
            await client.close()
        if runner is not None:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(runner, timeout=10)

    async def _logged_in(self, desk: Desk) -> TurnoutClient:
        client = self._client_for(desk)
        try:
            await client.login(self._token)
        except discord.LoginFailure:
            await client.close()
            raise PlatformError(
                "Discord refused DISCORD_TOKEN: copy the bot token again from the Bot tab of "
                "the Developer Portal (Reset Token)."
            ) from None
        except (discord.HTTPException, aiohttp.ClientError, OSError) as error:
            await client.close()
            raise PlatformError(
                f"couldn't reach Discord at {self._api_url} ({error}); check your connection "
                "or DISCORD_API_URL."
            ) from None
        self._client = client
        self.messenger.client = client
        return client

    def _client_for(self, desk: Desk) -> TurnoutClient:
        """The client as configured: one connection, or the shards this process holds."""
        trace = rate_limits_counted(self._metrics)
        if self.shards is None:
            return TurnoutClient(
                desk,
                members=self.members_intent,
                guild_ready_timeout=self._guild_ready_timeout,
                http_trace=trace,
            )
        return ShardedTurnoutClient(
            desk,
            shards=self.shards,
            members=self.members_intent,
            guild_ready_timeout=self._guild_ready_timeout,
            http_trace=trace,
            identify_gap=self._identify_gap,
        )

    async def _use_gateway(self, client: TurnoutClient) -> None:
        """Point discord.py at DISCORD_GATEWAY_URL, or at the address Discord gives for bots."""
        url = self._gateway_url
        if not url:
            _, url, _ = await client.http.get_bot_gateway()
        # Like Route.BASE, the gateway address is a class attribute in discord.py.
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(url)

    async def _sync(self, client: TurnoutClient) -> None:
        """Register the slash commands: per server (instant) when listed, else globally."""
        try:
            for guild_id in self._guild_ids:
                guild = discord.Object(guild_id)
                client.tree.copy_global_to(guild=guild)
                await client.tree.sync(guild=guild)
            if not self._guild_ids:
                await client.tree.sync()
        except discord.Forbidden as error:
            raise PlatformError(
                f"Discord refused to register the slash commands ({error.text}). Add the bot "
                "with the link from `turnout discord-invite` (it includes the "
                "applications.commands scope), and check DISCORD_GUILD_IDS."
            ) from None
        except discord.HTTPException as error:
            raise PlatformError(f"couldn't register the slash commands ({error}).") from None

    async def _run(self, client: TurnoutClient, desk: Desk) -> None:
        """The gateway connection; without the members intent if Discord refuses it (4014)."""
        while True:
            try:
                await client.connect(reconnect=True)
                return
            except discord.PrivilegedIntentsRequired:
                if not self.members_intent:
                    raise
                log.warning(NO_MEMBERS_INTENT)
                self.members_intent = False
                await client.close()
                client = await self._logged_in(desk)

    async def _until_ready(self) -> None:
        while True:
            client = self._client
            if client is not None and client.ready.is_set():
                return
            # The client may be replaced (members intent refused), so look again each time.
            with contextlib.suppress(asyncio.TimeoutError):
                if client is not None:
                    await asyncio.wait_for(client.ready.wait(), timeout=0.1)
                else:
                    await asyncio.sleep(0.1)


def rate_limits_counted(metrics: Metrics) -> aiohttp.TraceConfig:
    """Counts each 429 Discord answers, for operators: discord.py sleeps through most of them
    itself, so its HTTP session's trace is where they can all be seen."""

    async def ended(
        session: aiohttp.ClientSession,
        context: SimpleNamespace,
        params: aiohttp.TraceRequestEndParams,
    ) -> None:
        if params.response.status == 429:
            metrics.rate_limited("discord")

    trace = aiohttp.TraceConfig()
    trace.on_request_end.append(ended)
    return trace
