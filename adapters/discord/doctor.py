"""`turnout doctor` on Discord: the token, the privileged intents, the servers and whether the
bot can post in the configured channels; each a bounded REST call, each a line with its fix."""

from dataclasses import dataclass, field
from typing import Any

import aiohttp
import discord

from adapters.discord.client import intents
from adapters.discord.invite import PERMISSIONS, application_id
from adapters.discord.settings import DiscordSettings
from adapters.discord.shards import Shards
from adapters.doctor import TIMEOUT, CheckFailed, Finding, fix, note, ok, unreachable
from bot.app.settings import ConfigurationError, listed

AREA = "discord"
PORTAL = "the Bot tab of the Developer Portal"
# Each privileged intent: the application flags that say it is switched on (the second for
# bots in fewer than 100 servers), its switch in the Developer Portal, and what is lost without.
_PRIVILEGED = {
    "members": (
        ("gateway_guild_members", "gateway_guild_members_limited"),
        "Server Members",
        "newcomers aren't welcomed",
    ),
    "presences": (
        ("gateway_presence", "gateway_presence_limited"),
        "Presence",
        "Turnout can't connect",
    ),
    "message_content": (
        ("gateway_message_content", "gateway_message_content_limited"),
        "Message Content",
        "Turnout can't read messages",
    ),
}
_LABELS = {"read_messages": "View Channel"}
_ADMINISTRATOR = discord.Permissions(administrator=True).value


@dataclass
class _Discord:
    """Discord's REST API as the bot: GET only, each call bounded."""

    session: aiohttp.ClientSession
    api_url: str
    bot_id: str = ""
    # Servers the bot is in, by id, as GET /guilds/{id} answers (roles included).
    guilds: dict[str, dict[str, Any]] = field(default_factory=dict)

    async def get(self, path: str) -> tuple[int, Any]:
        try:
            async with self.session.get(self.api_url + path) as response:
                return response.status, await response.json(content_type=None)
        except (aiohttp.ClientError, OSError, TimeoutError, ValueError) as error:
            found = unreachable(AREA, "Discord", self.api_url, error, "DISCORD_API_URL")
            raise CheckFailed(found) from None


async def check_discord(settings: DiscordSettings) -> list[Finding]:
    """Every Discord check for these settings, in the order a person would fix them."""
    try:
        application_id(settings.discord_token)
    except ConfigurationError as error:
        return [fix(AREA, str(error).rstrip("."))]
    headers = {"Authorization": f"Bot {settings.discord_token.strip()}"}
    timeout = aiohttp.ClientTimeout(total=TIMEOUT)
    findings: list[Finding] = []
    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as session:
        discord_api = _Discord(session, settings.discord_api_url.rstrip("/"))
        try:
            findings.append(await _token(discord_api))
            findings += await _intents(discord_api)
            findings += await _shards(discord_api, settings.discord_shards)
            findings += await _servers(discord_api, listed(settings.discord_guild_ids))
            for variable, configured in (
                ("DISCORD_ORGANIZER_CHANNEL", settings.discord_organizer_channel),
                ("DISCORD_VOLUNTEER_CHANNEL", settings.discord_volunteer_channel),
            ):
                if configured.strip():
                    findings += await _channel(discord_api, variable, configured.strip())
        except CheckFailed as stop:
            findings.append(stop.finding)
    return findings


async def _token(api: _Discord) -> Finding:
    status, me = await api.get("/users/@me")
    if status == 401:
        raise CheckFailed(
            fix(
                AREA,
                f"Discord refused DISCORD_TOKEN — press Reset Token on {PORTAL} and copy the "
                "new token into DISCORD_TOKEN",
            )
        )
    if status != 200:
        raise CheckFailed(_unexpected(status, "who the bot is"))
    api.bot_id = str(me["id"])
    return ok(AREA, f"DISCORD_TOKEN is valid (the bot {me.get('username')})")


async def _intents(api: _Discord) -> list[Finding]:
    """Each privileged intent Turnout asks for is switched on for the application."""
    status, application = await api.get("/applications/@me")
    if status != 200:
        raise CheckFailed(_unexpected(status, "for the bot's intents"))
    flags = discord.ApplicationFlags()
    flags.value = int(application.get("flags") or 0)
    used = [name for name, on in intents(members=True) if on and name in _PRIVILEGED]
    findings = []
    for name in used:
        bits, switch, lost = _PRIVILEGED[name]
        if any(getattr(flags, bit) for bit in bits):
            findings.append(ok(AREA, f"the {switch} intent is on"))
        else:
            findings.append(
                fix(
                    AREA,
                    f"the {switch} intent is off, so {lost} — switch on {switch} Intent under "
                    f"Privileged Gateway Intents on {PORTAL}, save, and restart Turnout",
                )
            )
    return findings


async def _shards(api: _Discord, shards: Shards | None) -> list[Finding]:
    """The shards this process holds, against the count Discord recommends for the bot."""
    status, gateway = await api.get("/gateway/bot")
    if status != 200:
        raise CheckFailed(_unexpected(status, "how many shards the bot needs"))
    recommended = int(gateway.get("shards") or 1)
    guide = "see docs/discord.md, Many servers: sharding"
    if shards is None:
        if recommended <= 1:
            return []
        return [
            note(
                AREA,
                f"Discord recommends {recommended} shards for the bot's servers — set "
                f"DISCORD_SHARD_COUNT ({guide})",
            )
        ]
    if shards.count < recommended:
        return [
            note(
                AREA,
                f"DISCORD_SHARD_COUNT is {shards.count} but Discord recommends {recommended} "
                f"for the bot's servers — raise it in every process ({guide})",
            )
        ]
    return [ok(AREA, f"this process holds {shards.describe()} (DISCORD_SHARD_COUNT)")]


async def _servers(api: _Discord, configured: tuple[str, ...]) -> list[Finding]:
    """The configured servers (DISCORD_GUILD_IDS), or else every server the bot is in."""
    if not configured:
        status, partial = await api.get("/users/@me/guilds")
        if status != 200:
            raise CheckFailed(_unexpected(status, "for the servers"))
        if not partial:
            return [
                fix(
                    AREA,
                    "the bot is in no server — add it with the link `turnout discord-invite` "
                    "prints",
                )
            ]
        configured = tuple(str(guild["id"]) for guild in partial)
    findings = []
    for guild_id in configured:
        status, guild = await api.get(f"/guilds/{guild_id}")
        if status != 200:
            findings.append(
                fix(
                    AREA,
                    f"the bot is not in the server {guild_id} (DISCORD_GUILD_IDS) — add it with "
                    "the link `turnout discord-invite` prints, or fix DISCORD_GUILD_IDS",
                )
            )
            continue
        api.guilds[guild_id] = guild
        findings.append(ok(AREA, f"the bot is in the server {guild.get('name')}"))
    return findings


async def _channel(api: _Discord, variable: str, configured: str) -> list[Finding]:
    """The configured channel (an ID, or a name in each server) is there and the bot can post."""
    wanted = configured.removeprefix("#")
    if wanted.isdecimal():
        status, channel = await api.get(f"/channels/{wanted}")
        guild = api.guilds.get(str(channel.get("guild_id"))) if status == 200 else None
        if status == 200 and guild is None:
            return [
                fix(
                    AREA,
                    f"the channel {wanted} ({variable}) is in a server DISCORD_GUILD_IDS doesn't "
                    "list — name a channel in a server it lists, or add that server's ID to it",
                )
            ]
        if guild is None:
            return [
                fix(
                    AREA,
                    f"the bot can't see the channel {wanted} ({variable}) — check the ID, and "
                    "for a private channel add the bot (or its role) to it",
                )
            ]
        return [await _can_post(api, guild, channel, variable)]
    findings = []
    for guild in api.guilds.values():
        status, channels = await api.get(f"/guilds/{guild['id']}/channels")
        # Text and announcement channels: the ones a message can be posted in.
        named = [
            c
            for c in (channels if status == 200 else ())
            if c.get("name") == wanted and c.get("type") in (0, 5)
        ]
        if not named:
            findings.append(
                fix(
                    AREA,
                    f"there's no channel #{wanted} in {guild.get('name')} — check {variable} "
                    "(a channel's name or ID)",
                )
            )
            continue
        findings.append(await _can_post(api, guild, named[0], variable))
    return findings


async def _can_post(
    api: _Discord, guild: dict[str, Any], channel: dict[str, Any], variable: str
) -> Finding:
    where = f"#{channel.get('name')} in {guild.get('name')} ({variable})"
    status, member = await api.get(f"/guilds/{guild['id']}/members/{api.bot_id}")
    if status != 200:
        return _unexpected(status, "for the bot's roles")
    granted = discord.Permissions(_permissions(guild, member, channel, api.bot_id))
    missing = [
        _label(name) for name, wanted in PERMISSIONS if wanted and not getattr(granted, name)
    ]
    if not missing:
        return ok(AREA, f"the bot can post in {where}")
    return fix(
        AREA,
        f"the bot can't post in {where}: it lacks {_listed(missing)} there — in the channel's "
        f"settings, under Permissions, allow the bot (or its role) "
        f"{_listed([_label(n) for n, on in PERMISSIONS if on])}",
    )


def _permissions(
    guild: dict[str, Any], member: dict[str, Any], channel: dict[str, Any], bot_id: str
) -> int:
    """The bot's permissions in `channel`, as Discord computes them: the server's roles, then
    the channel's overwrites for @everyone, for the bot's roles, and for the bot itself."""
    roles = {str(r["id"]): int(r["permissions"]) for r in guild.get("roles") or ()}
    mine = [str(role) for role in member.get("roles") or ()]
    base = roles.get(str(guild["id"]), 0)
    for role in mine:
        base |= roles.get(role, 0)
    if base & _ADMINISTRATOR or str(guild.get("owner_id")) == bot_id:
        return discord.Permissions.all().value
    overwrites = {str(o["id"]): o for o in channel.get("permission_overwrites") or ()}

    def overwritten(value: int, ids: list[str]) -> int:
        allow = deny = 0
        for overwrite in (overwrites[i] for i in ids if i in overwrites):
            allow |= int(overwrite["allow"])
            deny |= int(overwrite["deny"])
        return (value & ~deny) | allow

    base = overwritten(base, [str(guild["id"])])
    return overwritten(overwritten(base, mine), [bot_id])


def _unexpected(status: int, asked: str) -> Finding:
    return fix(
        AREA,
        f"Discord answered HTTP {status} when asked {asked} — try again in a minute; if it "
        "keeps saying so, check DISCORD_API_URL",
    )


def _label(permission: str) -> str:
    return _LABELS.get(permission, permission.replace("_", " ").title())


def _listed(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
