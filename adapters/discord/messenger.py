"""Sending what the dispatcher hands us: DMs, organizer-channel posts, channel mentions.

Every failure becomes a DeliveryError the dispatcher understands: 429 → `retry_after`,
closed DMs (50007) → `dms_closed`, gone users and refusals → permanent, the rest → transient.
discord.py sleeps through short rate limits itself (and then delivers once); longer ones, over
the client's `max_ratelimit_timeout`, are raised here so the dispatcher reschedules the notice
instead of holding a sending slot. Every send has a time limit of its own (discord.py's session
allows 5 minutes), longer than discord.py's own rate-limit sleeps (30 s at most).
"""

import asyncio
import logging

import aiohttp
import discord

from adapters.discord.render import NO_PINGS, render
from bot.domain.campaign import Identity, Team
from bot.domain.post import PostRef
from bot.ports.messenger import DeliveryError, Messenger
from bot.ports.replies import Reply

log = logging.getLogger(__name__)

DMS_CLOSED = 50007
UNKNOWN_USER = 10013
UNKNOWN_MESSAGE = 10008
# How long a channel found by name in another process's server is remembered: a renamed
# channel is found again within this, without asking Discord before every alert.
NAMES_REMEMBERED = 300.0
# Used when a 429 says nothing about how long to wait.
_DEFAULT_WAIT = 5.0


class DiscordMessenger(Messenger):
    platform = "discord"

    def __init__(
        self, *, organizer_channel: str, volunteer_channel: str, send_timeout: float = 40.0
    ) -> None:
        self._organizer_channel = organizer_channel
        self._volunteer_channel = volunteer_channel
        self.send_timeout = send_timeout
        # Set by the platform once connected (and replaced if it has to reconnect).
        self.client: discord.Client | None = None
        # (server, channel name) → (loop time until which it holds, the channel's id).
        self._names: dict[tuple[int, str], tuple[float, int | None]] = {}

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        client = self._connected()
        # DM buttons name the server they are about: a DM itself doesn't say.
        shown = render(reply, dm_guild=int(to.team_external_id))
        try:
            async with asyncio.timeout(self.send_timeout):
                channel = await client.create_dm(discord.Object(int(to.user_external_id)))
                await channel.send(**shown.message())
        except Exception as error:
            raise delivery_error(error) from error

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        try:
            async with asyncio.timeout(self.send_timeout):
                channel = await self._channel(
                    int(team.external_id), self._organizer_channel, "DISCORD_ORGANIZER_CHANNEL"
                )
                await channel.send(**render(reply).message())
        except Exception as error:
            raise delivery_error(error) from error

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        """Post in the volunteers channel, pinging `to` and nobody else."""
        user = discord.Object(int(to.user_external_id))
        shown = render(reply)
        shown.content = f"<@{user.id}> {shown.content or ''}".rstrip()
        only_them = discord.AllowedMentions(everyone=False, roles=False, users=[user])
        try:
            async with asyncio.timeout(self.send_timeout):
                channel = await self._channel(
                    int(to.team_external_id), self._volunteer_channel, "DISCORD_VOLUNTEER_CHANNEL"
                )
                await channel.send(**shown.message() | {"allowed_mentions": only_them})
        except Exception as error:
            raise delivery_error(error) from error

    async def post_in_channel(self, team: Team, channel: str, reply: Reply) -> PostRef:
        """A channel message sent by the bot, which it can edit at any later time (an
        interaction's own response can be edited for 15 minutes only)."""
        client = self._connected()
        where = client.get_partial_messageable(int(channel), guild_id=int(team.external_id))
        try:
            async with asyncio.timeout(self.send_timeout):
                sent = await where.send(**render(reply).message())
        except Exception as error:
            raise post_error(error) from error
        return PostRef(self.platform, team.external_id, channel, str(sent.id))

    async def edit_post(self, ref: PostRef, reply: Reply) -> None:
        """The message PATCH: everything the post shows is replaced (content, embeds, buttons)."""
        client = self._connected()
        where = client.get_partial_messageable(int(ref.channel), guild_id=int(ref.team_external_id))
        shown = render(reply)
        try:
            async with asyncio.timeout(self.send_timeout):
                await where.get_partial_message(int(ref.message_id)).edit(
                    content=shown.content,
                    embeds=shown.embeds,
                    view=shown.view(),
                    allowed_mentions=NO_PINGS,
                )
        except Exception as error:
            raise post_error(error) from error

    def _connected(self) -> discord.Client:
        if self.client is None or self.client.is_closed():
            raise DeliveryError("Turnout isn't connected to Discord right now")
        return self.client

    async def _channel(self, guild_id: int, setting: str, variable: str) -> discord.abc.Messageable:
        """The configured channel (an ID or a name) in this team's server."""
        client = self._connected()
        wanted = setting.strip().removeprefix("#")
        if not wanted:
            raise DeliveryError(f"no channel is configured; set {variable}", permanent=True)
        guild = client.get_guild(guild_id)
        if wanted.isdecimal():
            channel = client.get_channel(int(wanted))
            if channel is None:
                return client.get_partial_messageable(int(wanted), guild_id=guild_id)
            home = getattr(channel, "guild", None)
            if home is not None and home.id != guild_id:
                # One server's alerts must never land in another server's channel.
                raise DeliveryError(f"{variable} names a channel in another server", permanent=True)
            if isinstance(channel, discord.abc.Messageable):
                return channel
        elif guild is not None:
            named = discord.utils.get(guild.text_channels, name=wanted)
            if named is not None:
                return named
        elif (found := await self._named_elsewhere(client, guild_id, wanted)) is not None:
            return client.get_partial_messageable(found, guild_id=guild_id)
        raise DeliveryError(
            f"there's no channel {setting.strip()!r} in this server; check {variable}",
            permanent=True,
        )

    async def _named_elsewhere(
        self, client: discord.Client, guild_id: int, name: str
    ) -> int | None:
        """The id of the text channel called `name` in a server this process has no cache of
        (another process holds its shard), asked of Discord and remembered for a while."""
        now = asyncio.get_running_loop().time()
        known = self._names.get((guild_id, name))
        if known is not None and known[0] > now:
            return known[1]
        channels = await client.http.get_all_guild_channels(guild_id)
        # Text and announcement channels: the ones a message can be posted in.
        found = next(
            (int(c["id"]) for c in channels if c.get("name") == name and c.get("type") in (0, 5)),
            None,
        )
        self._names[(guild_id, name)] = (now + NAMES_REMEMBERED, found)
        return found


def delivery_error(error: Exception) -> DeliveryError:
    """What a discord.py failure means for the dispatcher."""
    if isinstance(error, DeliveryError):
        return error
    if isinstance(error, discord.RateLimited):
        return DeliveryError("Discord asked us to slow down", retry_after=error.retry_after)
    if isinstance(error, discord.HTTPException):
        if error.status == 429:
            return DeliveryError(
                "Discord asked us to slow down", retry_after=_retry_after(error.response)
            )
        if error.code == DMS_CLOSED:
            return DeliveryError(
                "their Discord settings don't allow direct messages from this server",
                dms_closed=True,
            )
        if error.code == UNKNOWN_USER:
            return DeliveryError("their Discord account no longer exists", permanent=True)
        if error.status >= 500:
            return DeliveryError(f"Discord had a problem ({error.status}); will retry")
        return DeliveryError(
            f"Discord refused the message ({error.code or error.status}: {error.text})",
            permanent=True,
        )
    if isinstance(error, (aiohttp.ClientError, OSError, asyncio.TimeoutError)):
        return DeliveryError(f"couldn't reach Discord ({type(error).__name__})")
    log.exception("unexpected error sending to Discord", exc_info=error)
    return DeliveryError(f"unexpected error ({type(error).__name__})")


def post_error(error: Exception) -> DeliveryError:
    """A live post's failure: a deleted message (404 Unknown Message), a channel gone or out of
    reach (404, 403) is for good and forgets the post; any other is tried again."""
    if isinstance(error, discord.HTTPException) and error.status in (403, 404):
        gone = "the message was deleted" if error.code == UNKNOWN_MESSAGE else "the bot lost access"
        return DeliveryError(f"{gone} ({error.code or error.status})", permanent=True)
    found = delivery_error(error)
    if found.permanent:
        # A refusal that isn't about the message being gone: keep the post, try again later.
        return DeliveryError(found.reason, retry_after=found.retry_after)
    return found


def _retry_after(response: aiohttp.ClientResponse) -> float:
    try:
        return float(response.headers.get("Retry-After", _DEFAULT_WAIT))
    except ValueError:
        return _DEFAULT_WAIT
