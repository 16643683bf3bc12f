"""Which of the bot's Discord shards this process holds (DISCORD_SHARD_COUNT, DISCORD_SHARD_IDS).

A bot in thousands of servers splits its gateway into shards; Discord sends each server's
events (slash commands, button presses, members joining) on one shard only,
`(server id >> 22) % shard count`, and DMs on shard 0. Several Turnout processes sharing one
database may each hold some of the shards; sends go over REST, so any process delivers any
notice it claims from the outbox.
"""

from dataclasses import dataclass

from bot.app.settings import listed


@dataclass(frozen=True)
class Shards:
    """`count` shards in all; this process holds `ids` (empty: every one of them)."""

    count: int
    ids: tuple[int, ...] = ()

    @property
    def held(self) -> tuple[int, ...]:
        return self.ids or tuple(range(self.count))

    @property
    def syncs_commands(self) -> bool:
        """Whether this process registers the slash commands: the one holding shard 0.

        Commands belong to the application, not to a shard, so one PUT at start is enough;
        every process doing it would spend the endpoint's rate limit once per process, and
        during a rolling upgrade old and new processes would overwrite each other's tree.
        """
        return 0 in self.held

    def describe(self) -> str:
        """'shards 0, 1 of 4', for the log and /healthz."""
        held = ", ".join(str(shard) for shard in self.held)
        return f"shard{'s' if len(self.held) > 1 else ''} {held} of {self.count}"


def shard_of(guild_id: int, count: int) -> int:
    """The shard Discord sends a server's events on (its documented sharding formula)."""
    return (guild_id >> 22) % count


def count_setting(value: str) -> str:
    """DISCORD_SHARD_COUNT as written: empty, or a whole number of 1 or more."""
    if value.strip() and not (value.strip().isdecimal() and int(value) >= 1):
        raise ValueError("give the number of shards, a whole number of 1 or more, e.g. 2")
    return value


def ids_setting(value: str) -> str:
    """DISCORD_SHARD_IDS as written: shard numbers separated by commas, each once."""
    parts = listed(value)
    if not all(part.isdecimal() for part in parts):
        raise ValueError("list shard numbers separated by commas, e.g. 0,1")
    for part in parts:
        if parts.count(part) > 1:
            raise ValueError(f"shard {int(part)} is listed twice; name each shard once")
    return value


def shards_from(count: str, ids: str) -> Shards | None:
    """The shards the two settings describe, or None when sharding is not configured.

    Raises ValueError with one sentence naming the variable when they disagree."""
    held = tuple(int(part) for part in listed(ids))
    if not count.strip():
        if held:
            raise ValueError(
                "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT: set it to the number of shards "
                "all processes share, e.g. DISCORD_SHARD_COUNT=2."
            )
        return None
    total = int(count)
    beyond = [shard for shard in held if shard >= total]
    if beyond:
        raise ValueError(
            f"DISCORD_SHARD_IDS names shard {beyond[0]}, but with DISCORD_SHARD_COUNT={total} "
            f"the shards are 0 to {total - 1}; list shards from that range."
        )
    return Shards(total, held)
