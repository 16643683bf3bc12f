"""Slack's settings: tokens, organizers and channels, from the environment and `.env`."""

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class SlackSettings(BaseSettings):
    """The `SLACK_*` variables (and where HTTP mode listens); setting SLACK_BOT_TOKEN turns
    Slack on."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    # A bot token, plus an app token (Socket Mode) or a signing secret (HTTP mode).
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
    # Where HTTP mode listens: POST /slack/events and GET /healthz.
    http_host: str = Field("0.0.0.0", alias="TURNOUT_HTTP_HOST")
    http_port: int = Field(3000, alias="TURNOUT_HTTP_PORT", ge=1, le=65535)

    @field_validator("slack_bot_token")
    @classmethod
    def _slack_bot_token(cls, value: str) -> str:
        return _token(value, "xoxb-", "the Bot User OAuth Token from OAuth & Permissions")

    @field_validator("slack_app_token")
    @classmethod
    def _slack_app_token(cls, value: str) -> str:
        return _token(value, "xapp-", "an App-Level Token with connections:write")

    @model_validator(mode="after")
    def _slack_connection(self) -> "SlackSettings":
        if self.slack_bot_token and not (self.slack_app_token or self.slack_signing_secret):
            raise ValueError(
                "SLACK_BOT_TOKEN is set, so also set SLACK_APP_TOKEN (Socket Mode) "
                "or SLACK_SIGNING_SECRET (HTTP mode)"
            )
        return self

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token)


def _token(value: str, prefix: str, what: str) -> str:
    value = value.strip()
    if value and not value.startswith(prefix):
        raise ValueError(f"expected {what}, which starts with {prefix}")
    return value
