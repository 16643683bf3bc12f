"""Whether someone still belongs to a server: asked of Discord, remembered briefly.

A button in a DM names its server (`turnout:join:3@1234`) but Discord says nothing about the
presser's membership there, so the desk asks before the press counts. With shards held by
several processes, the server itself may be one this process was never told of (its events
go to another process): it is then fetched over REST, like the membership.
"""

import time
from collections.abc import Callable

import discord

# Long enough that a burst of presses costs one fetch, short enough that a removal is felt soon
# (GUILD_MEMBER_REMOVE also forgets at once).
REMEMBER_SECONDS = 60.0
_MAX_REMEMBERED = 10_000


class Unreachable(Exception):
    """Discord did not say whether the person is a member (an outage, not a refusal)."""


class Membership:
    def __init__(
        self,
        *,
        remember: float = REMEMBER_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.remember = remember
        self.clock = clock
        self._seen: dict[tuple[int, int], tuple[float, discord.Member | None]] = {}
        self._servers: dict[int, tuple[float, discord.Guild | None]] = {}

    async def server(self, client: discord.Client, guild_id: int) -> discord.Guild | None:
        """The server, from this process's cache or else from Discord; None when the bot is
        not in it."""
        cached = client.get_guild(guild_id)
        if cached is not None:
            return cached
        now = self.clock()
        seen = self._servers.get(guild_id)
        if seen is not None and seen[0] > now:
            return seen[1]
        try:
            found: discord.Guild | None = await client.fetch_guild(guild_id, with_counts=False)
        except (discord.NotFound, discord.Forbidden):
            found = None
        except discord.HTTPException as error:
            raise Unreachable(str(error)) from error
        if len(self._servers) >= _MAX_REMEMBERED:
            self._servers = {k: v for k, v in self._servers.items() if v[0] > now}
        self._servers[guild_id] = (now + self.remember, found)
        return found

    async def member(self, guild: discord.Guild, user_id: int) -> discord.Member | None:
        """The person as a member of `guild`, or None when they are not (or no longer) one."""
        cached = guild.get_member(user_id)
        if cached is not None:
            return cached
        key, now = (guild.id, user_id), self.clock()
        seen = self._seen.get(key)
        if seen is not None and seen[0] > now:
            return seen[1]
        try:
            found: discord.Member | None = await guild.fetch_member(user_id)
        except discord.NotFound:
            found = None
        except discord.HTTPException as error:
            raise Unreachable(str(error)) from error
        if len(self._seen) >= _MAX_REMEMBERED:
            self._seen = {k: v for k, v in self._seen.items() if v[0] > now}
        self._seen[key] = (now + self.remember, found)
        return found

    def forget(self, guild_id: int, user_id: int) -> None:
        """They left or were removed: the next press asks Discord again."""
        self._seen.pop((guild_id, user_id), None)
