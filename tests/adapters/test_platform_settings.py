"""Each platform's settings live with its adapter; the core's name no platform."""

from pydantic_settings import BaseSettings

from adapters.discord.settings import DiscordSettings
from adapters.slack.settings import SlackSettings
from bot.app.settings import CoreSettings


def test_the_core_s_settings_know_no_platform() -> None:
    def variables(settings: type[BaseSettings]) -> set[str]:
        return {field.alias or name for name, field in settings.model_fields.items()}

    core = variables(CoreSettings)
    assert not {v for v in core if v.startswith(("SLACK_", "DISCORD_"))}
    assert {v for v in variables(SlackSettings) if not v.startswith("SLACK_")} == {
        "TURNOUT_HTTP_HOST", "TURNOUT_HTTP_PORT"  # where Slack's HTTP mode listens
    }
    assert all(v.startswith("DISCORD_") for v in variables(DiscordSettings))
