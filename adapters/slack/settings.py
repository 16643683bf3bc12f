"""Slack's settings: tokens, organizers and channels, from the environment and `.env`."""

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class SlackSettings(BaseSettings):
    """The `SLACK_*` variables (and where HTTP mode listens); setting SLACK_BOT_TOKEN (one
    workspace), or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (many, installed through OAuth),
    turns Slack on."""

    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", populate_by_name=True, title="Slack"
    )

    # A bot token, plus an app token (Socket Mode) or a signing secret (HTTP mode).
    slack_bot_token: str = Field(
        "",
        alias="SLACK_BOT_TOKEN",
        description="The Bot User OAuth Token (`xoxb-…`) from OAuth & Permissions, for one "
        "workspace; setting it turns Slack on.",
    )
    slack_app_token: str = Field(
        "",
        alias="SLACK_APP_TOKEN",
        description="An App-Level Token (`xapp-…`) with the `connections:write` scope: Socket "
        "Mode, which needs no public address.",
    )
    slack_signing_secret: str = Field(
        "",
        alias="SLACK_SIGNING_SECRET",
        description="The Signing Secret from Basic Information, for HTTP mode instead: Slack "
        "posts to `/slack/events` and Turnout checks each request's signature.",
    )
    slack_api_url: str = Field(
        "https://slack.com/api/",
        alias="SLACK_API_URL",
        description="Another address for Slack's Web API (the tests' local fake uses it).",
    )
    # Many workspaces: the app's credentials (Basic Information > App Credentials); each
    # workspace installs Turnout from /slack/install, and its tokens are kept in the database.
    slack_client_id: str = Field(
        "",
        alias="SLACK_CLIENT_ID",
        description="Many workspaces: the app's Client ID from Basic Information. With "
        "`SLACK_CLIENT_SECRET` and `SLACK_SIGNING_SECRET` (and no `SLACK_BOT_TOKEN`), each "
        "workspace installs Turnout from `/slack/install`; their tokens are kept in the "
        "database.",
    )
    slack_client_secret: str = Field(
        "",
        alias="SLACK_CLIENT_SECRET",
        repr=False,
        description="Many workspaces: the app's Client Secret from Basic Information.",
    )
    # The Redirect URL set under OAuth & Permissions (https://…/slack/oauth_redirect); when
    # empty, Slack uses the one set there.
    slack_redirect_uri: str = Field(
        "",
        alias="SLACK_REDIRECT_URI",
        description="Many workspaces: the Redirect URL set under OAuth & Permissions "
        "(`https://…/slack/oauth_redirect`). Unset, Slack uses the one set there.",
    )
    # Where "Add to Slack" sends the browser: Slack's authorize page (tests point it elsewhere).
    slack_authorize_url: str = Field(
        "https://slack.com/oauth/v2/authorize",
        alias="SLACK_AUTHORIZE_URL",
        description="Where Add to Slack sends the browser: Slack's authorize page (the tests' "
        "local fake uses another).",
    )
    # Organizers: user IDs (U…), members of a user group (its handle or S… ID), workspace admins.
    slack_organizers: str = Field(
        "",
        alias="SLACK_ORGANIZERS",
        description="Organizers' member IDs, comma-separated (`U012AB3CD,U045EF6GH`). With many "
        "workspaces, each workspace's organizers are whoever installed Turnout there, its "
        "admins and owners, and those they name.",
    )
    slack_organizer_group: str = Field(
        "",
        alias="SLACK_ORGANIZER_GROUP",
        description="A user group whose members are organizers: its handle (`@organizers`) "
        "or `S…` ID.",
    )
    slack_admins_are_organizers: bool = Field(
        False,
        alias="SLACK_ADMINS_ARE_ORGANIZERS",
        description="Whether the workspace's admins and owners count as organizers too.",
    )
    # Channel IDs (C…) or names (#organizers).
    slack_organizer_channel: str = Field(
        "",
        alias="SLACK_ORGANIZER_CHANNEL",
        description="Where organizer alerts go, a `C…` ID or `#name` (invite the bot there). "
        "Unset, organizers get them by direct message.",
    )
    slack_volunteer_channel: str = Field(
        "",
        alias="SLACK_VOLUNTEER_CHANNEL",
        description="People who join this channel (`C…` ID or `#name`) are welcomed like new "
        "members of the workspace.",
    )
    # Where HTTP mode listens: POST /slack/events and GET /healthz.
    http_host: str = Field(
        "0.0.0.0",
        alias="TURNOUT_HTTP_HOST",
        description="The address `turnout run` listens on, in every mode, for `GET /healthz`, "
        "`GET /metrics`, calendar feeds and the organizer's desk; in Slack's HTTP mode also "
        "for `POST /slack/events`. `turnout console` listens only with `TURNOUT_PUBLIC_URL` "
        "set.",
    )
    http_port: int = Field(
        3000,
        alias="TURNOUT_HTTP_PORT",
        ge=1,
        le=65535,
        description="The port `turnout run` listens on (see `TURNOUT_HTTP_HOST`).",
    )

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
        oauth = bool(self.slack_client_id or self.slack_client_secret)
        if oauth and self.slack_bot_token:
            raise ValueError(
                "set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and "
                "SLACK_CLIENT_SECRET (many workspaces, installed through OAuth), not both"
            )
        if oauth and not (self.slack_client_id and self.slack_client_secret):
            missing = "SLACK_CLIENT_SECRET" if self.slack_client_id else "SLACK_CLIENT_ID"
            raise ValueError(
                f"SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together: set {missing} too "
                "(Basic Information > App Credentials)"
            )
        if oauth and not self.slack_signing_secret:
            raise ValueError(
                "SLACK_CLIENT_ID is set, so also set SLACK_SIGNING_SECRET: workspaces installed "
                "through OAuth reach Turnout over HTTP"
            )
        if oauth and self.slack_app_token:
            raise ValueError(
                "workspaces installed through OAuth reach Turnout over HTTP: "
                "remove SLACK_APP_TOKEN (Socket Mode serves one workspace)"
            )
        if self.slack_bot_token and not (self.slack_app_token or self.slack_signing_secret):
            raise ValueError(
                "SLACK_BOT_TOKEN is set, so also set SLACK_APP_TOKEN (Socket Mode) "
                "or SLACK_SIGNING_SECRET (HTTP mode)"
            )
        return self

    @property
    def slack_oauth(self) -> bool:
        """Many workspaces, each installed through OAuth, instead of one bot token."""
        return bool(self.slack_client_id)

    @property
    def slack_enabled(self) -> bool:
        return bool(self.slack_bot_token or self.slack_oauth)


def _token(value: str, prefix: str, what: str) -> str:
    value = value.strip()
    if value and not value.startswith(prefix):
        raise ValueError(f"expected {what}, which starts with {prefix}")
    return value
