"""Settings from the environment and `.env`; read once, by the start-up module only."""

from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from pydantic import Field, ValidationError, field_validator
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
        variable = first["loc"][0] if first["loc"] else "configuration"
        message = str(first["msg"]).removeprefix("Value error, ")
        raise ConfigurationError(f"{variable} is not valid: {message.rstrip('.')}.") from None


def _checked(parse: Callable[[str], T], value: str) -> T:
    try:
        return parse(value)
    except UserError as error:
        raise ValueError(error.message) from None
