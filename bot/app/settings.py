"""The core's settings, from the environment and `.env`; read once, by the start-up module only.

They know no platform: each adapter keeps its own (adapters/slack/settings.py,
adapters/discord/settings.py), and bot/app/cli.py reads them all together.
"""

import re
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.calendars.feed_links import FeedLinks
from bot.desk import DeskLinks
from bot.domain.campaign import DEFAULT_CAMPAIGN_NAME, CampaignDefaults
from bot.domain.errors import UserError
from bot.domain.timing import parse_duration, parse_reminder_offsets, parse_zone
from bot.kernel.intake.docs import Docs

T = TypeVar("T")
# An http(s) address with a host, and perhaps a path under which Turnout is served.
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+(/[^\s?#]*)?", re.IGNORECASE)
S = TypeVar("S", bound=BaseSettings)


class ConfigurationError(Exception):
    """One line naming the variable that is missing or wrong."""


class CoreSettings(BaseSettings):
    """The database, a new campaign's defaults, logging and delivery."""

    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", populate_by_name=True, title="The core"
    )

    database_url: str = Field(
        "sqlite:///turnout.db",
        alias="DATABASE_URL",
        description="Where Turnout keeps its data: a SQLite file, or PostgreSQL "
        "(`postgresql://user@host/db`), which is what several `turnout run` processes on one "
        "database need (one for Slack and one for Discord, or replicas): they share the "
        "reminders without sending any twice.",
    )
    campaign_name: str = Field(
        DEFAULT_CAMPAIGN_NAME,
        alias="TURNOUT_CAMPAIGN_NAME",
        min_length=1,
        description="The name a new workspace's or server's campaign starts with. Unset, each "
        "campaign is named after its workspace or server (the console's is the default).",
    )
    timezone: str = Field(
        "UTC",
        alias="TURNOUT_TIMEZONE",
        description="A new campaign's time zone, an IANA name like `America/Chicago`: shifts "
        "are planned in it. Organizers change it with `/turnout tz`.",
    )
    reminders: str = Field(
        "24h,1h",
        alias="TURNOUT_REMINDERS",
        description="When volunteers are reminded before a shift, by default, like `24h,1h` "
        "or `off`. Organizers change it with `/turnout reminders`; each volunteer may choose "
        "their own.",
    )
    contact_within: str = Field(
        "48h",
        alias="TURNOUT_CONTACT_WITHIN",
        description="How long a new volunteer may wait for someone to contact them before "
        "organizers are nudged again (at least an hour, like `48h` or `2d`).",
    )
    log_level: str = Field(
        "INFO",
        alias="TURNOUT_LOG_LEVEL",
        description="How much the log says: `DEBUG`, `INFO`, `WARNING` or `ERROR`.",
    )
    # How long a process's claim on a due message, or on a command it acknowledged, lasts;
    # after a crash, what it had claimed but not finished goes out (or runs) once this runs out.
    delivery_lease_seconds: int = Field(
        60,
        alias="TURNOUT_DELIVERY_LEASE_SECONDS",
        ge=10,
        le=3600,
        description="How long one process's claim on a due message, or on a command it "
        "acknowledged, lasts (10 to 3600 seconds). After a crash, the messages it had claimed "
        "but not sent go out, and the commands it had not finished run, once this runs out.",
    )
    public_url: str = Field(
        "",
        alias="TURNOUT_PUBLIC_URL",
        description="The address people reach this bot at over the web, behind your proxy "
        "(like `https://turnout.example.org`; a path is allowed). Set, `/volunteer calendar` "
        "hands out private calendar feeds under it and `/turnout desk` sign-in links to the "
        "organizer's desk.",
    )
    secret: SecretStr = Field(
        SecretStr(""),
        alias="TURNOUT_SECRET",
        description="Signs calendar feed and desk links (16 or more random characters). "
        "Unset, a random one is made once and kept in the database. Never logged; changing it "
        "turns away every feed link handed out so far.",
    )
    # Help's pointers into the documentation. A self-hosted copy has no documentation site
    # unless its operator publishes one, and no central site is sure to describe the version
    # installed, so by default they name the page in the docs/ folder that ships with it.
    docs_url: str = Field(
        "",
        alias="TURNOUT_DOCS_URL",
        description="Where you publish this documentation (what `mkdocs build` writes), like "
        "`https://turnout.example.org/docs`: `/turnout help <topic>` links to its pages. "
        "Unset, help names the page in the `docs/` folder that ships with Turnout, like "
        "`docs/organizers.md#shifts`.",
    )

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

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str) -> str:
        return _web_address(value, "the bot's public web address, like https://turnout.example.org")

    @field_validator("docs_url")
    @classmethod
    def _docs_url(cls, value: str) -> str:
        return _web_address(value, "the documentation's web address, like https://example.org/docs")

    @field_validator("secret")
    @classmethod
    def _secret(cls, value: SecretStr) -> SecretStr:
        if value.get_secret_value() and len(value.get_secret_value()) < 16:
            raise ValueError("use at least 16 random characters (or leave it unset)")
        return value

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError("use DEBUG, INFO, WARNING or ERROR")
        return value.upper()

    @property
    def chosen_campaign_name(self) -> str:
        """TURNOUT_CAMPAIGN_NAME when it was set, else "": a new workspace's or server's
        campaign is then named after it, which reads better in a welcome than the default."""
        return self.campaign_name if "campaign_name" in self.model_fields_set else ""

    def calendar_feeds(self) -> FeedLinks | None:
        """Private calendar feeds, when TURNOUT_PUBLIC_URL says where they can be fetched."""
        if not self.public_url:
            return None
        return FeedLinks(self.public_url, self.secret.get_secret_value())

    def desk_links(self) -> DeskLinks | None:
        """The organizer's desk, when TURNOUT_PUBLIC_URL says where it can be reached."""
        if not self.public_url:
            return None
        return DeskLinks(self.public_url, self.secret.get_secret_value())

    def docs(self) -> Docs:
        """Where help's pointers into the documentation lead (TURNOUT_DOCS_URL, if set)."""
        return Docs(self.docs_url)

    def campaign_defaults(self) -> CampaignDefaults:
        """What a new team's campaign starts with."""
        contact_within = parse_duration(self.contact_within)
        assert contact_within is not None
        return CampaignDefaults(
            name=self.campaign_name,
            chosen_name=self.chosen_campaign_name,
            timezone=self.timezone,
            reminder_offsets=parse_reminder_offsets(self.reminders),
            contact_within=contact_within,
        )


def load(settings: type[S]) -> S:
    """Read `settings` from the environment; a wrong value raises one line naming it."""
    try:
        return settings()
    except ValidationError as error:
        first = error.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ").rstrip(".")
        if not first["loc"]:
            raise ConfigurationError(f"{message}.") from None
        raise ConfigurationError(f"{first['loc'][0]} is not valid: {message}.") from None


def listed(value: str) -> tuple[str, ...]:
    """A comma-separated setting as its non-empty parts: 'U1, U2' → ('U1', 'U2')."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _web_address(value: str, what: str) -> str:
    value = value.strip().rstrip("/")
    if value and not _WEB_ADDRESS.fullmatch(value):
        raise ValueError(f"write {what}")
    return value


def _checked(parse: Callable[[str], T], value: str) -> T:
    try:
        return parse(value)
    except UserError as error:
        raise ValueError(error.message) from None
