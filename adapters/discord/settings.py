"""Discord's settings: the token, servers, organizers and channels, from the environment."""

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from adapters.discord.shards import Shards, count_setting, ids_setting, shards_from
from bot.app.settings import listed


class DiscordSettings(BaseSettings):
    """The `DISCORD_*` variables; setting DISCORD_TOKEN turns Discord on."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    discord_token: str = Field("", alias="DISCORD_TOKEN")
    discord_api_url: str = Field("https://discord.com/api/v10", alias="DISCORD_API_URL")
    # Empty: ask Discord (GET /gateway/bot), as the library does.
    discord_gateway_url: str = Field("", alias="DISCORD_GATEWAY_URL")
    # Servers whose commands are synced at start (instantly); empty: sync globally.
    discord_guild_ids: str = Field("", alias="DISCORD_GUILD_IDS")
    # A role name or ID; members with Manage Events are organizers too.
    discord_organizer_role: str = Field("Organizer", alias="DISCORD_ORGANIZER_ROLE")
    # Channel IDs or names.
    discord_organizer_channel: str = Field("", alias="DISCORD_ORGANIZER_CHANNEL")
    discord_volunteer_channel: str = Field("", alias="DISCORD_VOLUNTEER_CHANNEL")
    # Sharding (see shards.py): how many shards in all, and which this process holds.
    discord_shard_count: str = Field("", alias="DISCORD_SHARD_COUNT")
    discord_shard_ids: str = Field("", alias="DISCORD_SHARD_IDS")

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
