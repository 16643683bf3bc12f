"""Discord's settings: the token, servers, organizers and channels, from the environment."""

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.discord.shards import Shards, count_setting, ids_setting, shards_from
from bot.app.settings import listed


class DiscordSettings(BaseSettings):
    """The `DISCORD_*` variables; setting DISCORD_TOKEN turns Discord on."""

    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", populate_by_name=True, title="Discord"
    )

    discord_token: str = Field(
        "",
        alias="DISCORD_TOKEN",
        description="The bot token from the Developer Portal (your application, Bot, Reset "
        "Token); setting it turns Discord on.",
    )
    discord_api_url: str = Field(
        "https://discord.com/api/v10",
        alias="DISCORD_API_URL",
        description="Another address for Discord's REST API (the tests' local fake uses it).",
    )
    # Empty: ask Discord (GET /gateway/bot), as the library does.
    discord_gateway_url: str = Field(
        "",
        alias="DISCORD_GATEWAY_URL",
        description="Another address for Discord's gateway websocket (the tests' local fake "
        "uses it). Unset, Turnout asks Discord, as the library does.",
    )
    # Servers whose commands are synced at start (instantly); empty: sync globally.
    discord_guild_ids: str = Field(
        "",
        alias="DISCORD_GUILD_IDS",
        description="Server IDs to register the slash commands in at start (instant), "
        "comma-separated. Unset, they are registered globally, which Discord may take up to "
        "an hour to show.",
    )
    # A role name or ID; members with Manage Events are organizers too.
    discord_organizer_role: str = Field(
        "Organizer",
        alias="DISCORD_ORGANIZER_ROLE",
        description="The organizers' role, by name or ID; members with the Manage Events "
        "permission are organizers too.",
    )
    # Channel IDs or names.
    discord_organizer_channel: str = Field(
        "",
        alias="DISCORD_ORGANIZER_CHANNEL",
        description="Where organizer alerts go: a channel name or ID the bot can post in.",
    )
    discord_volunteer_channel: str = Field(
        "",
        alias="DISCORD_VOLUNTEER_CHANNEL",
        description="Where a volunteer whose direct messages are closed is mentioned instead, "
        "once (a channel name or ID).",
    )
    # Sharding (see shards.py): how many shards in all, and which this process holds.
    discord_shard_count: str = Field(
        "",
        alias="DISCORD_SHARD_COUNT",
        description="For a bot in thousands of servers: how many shards the bot runs in all. "
        "Unset, one connection serves every server.",
    )
    discord_shard_ids: str = Field(
        "",
        alias="DISCORD_SHARD_IDS",
        description="The shards this process holds, comma-separated (e.g. 0,1), when several "
        "processes share the shards; each shard must be held by exactly one process. Unset: "
        "all of them.",
    )

    @field_validator("discord_guild_ids")
    @classmethod
    def _discord_guild_ids(cls, value: str) -> str:
        if not all(part.isdecimal() for part in listed(value)):
            raise ValueError("list server IDs (numbers) separated by commas")
        return value

    @field_validator("discord_shard_count")
    @classmethod
    def _discord_shard_count(cls, value: str) -> str:
        return count_setting(value)

    @field_validator("discord_shard_ids")
    @classmethod
    def _discord_shard_ids(cls, value: str) -> str:
        return ids_setting(value)

    @model_validator(mode="after")
    def _shards_agree(self) -> "DiscordSettings":
        shards_from(self.discord_shard_count, self.discord_shard_ids)
        return self

    @property
    def discord_shards(self) -> Shards | None:
        """The shards this process holds; None: one connection, as discord.py decides."""
        return shards_from(self.discord_shard_count, self.discord_shard_ids)

    @property
    def discord_enabled(self) -> bool:
        return bool(self.discord_token)
