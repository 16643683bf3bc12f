"""Settings from the environment and `.env`; read once, by the start-up module only."""

from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.domain.errors import UserError
from bot.domain.timing import parse_duration, parse_reminder_offsets, parse_zone
from bot.usecases.context import CampaignDefaults

T = TypeVar("T")


class ConfigurationError(Exception):
    """One line naming the variable that is missing or wrong."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    database_url: str = Field("sqlite:///turnout.db", alias="DATABASE_URL")
    campaign_name: str = Field("Our campaign", alias="TURNOUT_CAMPAIGN_NAME", min_length=1)
    timezone: str = Field("UTC", alias="TURNOUT_TIMEZONE")
    reminders: str = Field("24h,1h", alias="TURNOUT_REMINDERS")
    contact_within: str = Field("48h", alias="TURNOUT_CONTACT_WITHIN")
    log_level: str = Field("INFO", alias="TURNOUT_LOG_LEVEL")
    # How long a process's claim on a due message lasts; after a crash, what it had claimed but
    # not yet sent goes out once this runs out.
    delivery_lease_seconds: int = Field(60, alias="TURNOUT_DELIVERY_LEASE_SECONDS", ge=10, le=3600)

    # Slack: a bot token, plus an app token (Socket Mode) or a signing secret (HTTP mode).
    slack_bot_token: str = Field("", alias="SLACK_BOT_TOKEN")
    slack_app_token: str = Field("", alias="SLACK_APP_TOKEN")
    slack_signing_secret: str = Field("", alias="SLACK_SIGNING_SECRET")
    slack_api_url: str = Field("https://slack.com/api/", alias="SLACK_API_URL")
    # Organizers: user IDs (U…), members of a user group (its handle or S… ID), workspace admins.
    slack_organizers: str = Field("", alias="SLACK_ORGANIZERS")
    slack_organizer_group: str = Field("", alias="SLACK_ORGANIZER_GROUP")
    slack_admins_are_organizers: bool = Field(False, alias="SLACK_ADMINS_ARE_ORGANIZERS")
    # Channel IDs (C…) or names (#organizers).
    slack_organizer_channel: str = Field("", alias="SLACK_ORGANIZER_CHANNEL")
    slack_volunteer_channel: str = Field("", alias="SLACK_VOLUNTEER_CHANNEL")
    http_host: str = Field("0.0.0.0", alias="TURNOUT_HTTP_HOST")
    http_port: int = Field(3000, alias="TURNOUT_HTTP_PORT", ge=1, le=65535)

    # Discord
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

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return _checked(parse_zone, value).key

    @field_validator("reminders")
    @classmethod
    def _reminders(cls, value: str) -> str:
        _checked(parse_reminder_offsets, value)
        return value

    @field_validator("contact_within")
    @classmethod
    def _contact_within(cls, value: str) -> str:
        span = parse_duration(value)
        if span is None or span < timedelta(hours=1):
            raise ValueError("write a duration of at least an hour, like 48h or 2d")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError("use DEBUG, INFO, WARNING or ERROR")
        return value.upper()

    @field_validator("slack_bot_token")
    @classmethod
    def _slack_bot_token(cls, value: str) -> str:
        return _token(value, "xoxb-", "the Bot User OAuth Token from OAuth & Permissions")

    @field_validator("slack_app_token")
    @classmethod
    def _slack_app_token(cls, value: str) -> str:
        return _token(value, "xapp-", "an App-Level Token with connections:write")

    @field_validator("discord_guild_ids")
    @classmethod
    def _discord_guild_ids(cls, value: str) -> str:
        if not all(part.isdecimal() for part in listed(value)):
            raise ValueError("list server IDs (numbers) separated by commas")
        return value

    @model_validator(mode="after")
    def _slack_connection(self) -> "Settings":
        if self.slack_bot_token and not (self.slack_app_token or self.slack_signing_secret):
            raise ValueError(
                "SLACK_BOT_TOKEN is set, so also set SLACK_APP_TOKEN (Socket Mode) "
                "or SLACK_SIGNING_SECRET (HTTP mode)"
            )
        return self

    @property
    def chosen_campaign_name(self) -> str:
        """TURNOUT_CAMPAIGN_NAME when it was set, else "": a new workspace's or server's
        campaign is then named after it, which reads better in a welcome than the default."""
        return self.campaign_name if "campaign_name" in self.model_fields_set else ""

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token)

    @property
    def discord_enabled(self) -> bool:
        return bool(self.discord_token)

    def campaign_defaults(self) -> CampaignDefaults:
        contact_within = parse_duration(self.contact_within)
        assert contact_within is not None
        return CampaignDefaults(
            name=self.campaign_name,
            timezone=self.timezone,
            reminder_offsets=parse_reminder_offsets(self.reminders),
            contact_within=contact_within,
        )


def load_settings() -> Settings:
    try:
        return Settings()
    except ValidationError as error:
        first = error.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ").rstrip(".")
        if not first["loc"]:
            raise ConfigurationError(f"{message}.") from None
        raise ConfigurationError(f"{first['loc'][0]} is not valid: {message}.") from None


def listed(value: str) -> tuple[str, ...]:
    """A comma-separated setting as its non-empty parts: 'U1, U2' → ('U1', 'U2')."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _token(value: str, prefix: str, what: str) -> str:
    value = value.strip()
    if value and not value.startswith(prefix):
        raise ValueError(f"expected {what}, which starts with {prefix}")
    return value


def _checked(parse: Callable[[str], T], value: str) -> T:
    try:
        return parse(value)
    except UserError as error:
        raise ValueError(error.message) from None
