"""Settings: defaults that run, and one clear line naming the variable when one is wrong."""

import os
from pathlib import Path

import pytest

from bot.app.cli import load_settings
from bot.app.settings import ConfigurationError, listed


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only what each test sets: no stray .env file or exported tokens from the machine."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("SLACK_", "DISCORD_", "TURNOUT_")) or name == "DATABASE_URL":
            monkeypatch.delenv(name)


def one_line_refusal(monkeypatch: pytest.MonkeyPatch, variables: dict[str, str]) -> str:
    """Start-up refused with these variables set: its message, checked to be one line."""
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigurationError) as refused:
        load_settings()
    message = str(refused.value)
    assert "\n" not in message, message
    return message


def test_nothing_set_runs_the_console_with_no_platform() -> None:
    settings = load_settings()
    assert settings.database_url == "sqlite:///turnout.db"
    assert not settings.slack_enabled and not settings.discord_enabled
    assert (settings.http_host, settings.http_port) == ("0.0.0.0", 3000)


def test_slack_is_enabled_by_a_bot_token_with_an_app_token_or_a_signing_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2-abc")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-A1-2-def")
    assert load_settings().slack_enabled
    monkeypatch.delenv("SLACK_APP_TOKEN")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5")
    assert load_settings().slack_enabled


def test_a_slack_bot_token_alone_says_which_second_setting_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    message = one_line_refusal(monkeypatch, {"SLACK_BOT_TOKEN": "xoxb-1-2-abc"})
    assert "SLACK_APP_TOKEN" in message and "SLACK_SIGNING_SECRET" in message


@pytest.mark.parametrize(
    ("variable", "value", "says"),
    [
        ("SLACK_BOT_TOKEN", "xapp-1-A1-2-def", "starts with xoxb-"),
        ("SLACK_APP_TOKEN", "xoxb-1-2-abc", "starts with xapp-"),
        ("DISCORD_GUILD_IDS", "123, my server", "server IDs"),
        ("TURNOUT_HTTP_PORT", "70000", "less than or equal to 65535"),
    ],
)
def test_a_wrong_value_is_one_line_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, says: str
) -> None:
    message = one_line_refusal(monkeypatch, {"SLACK_SIGNING_SECRET": "secret", variable: value})
    assert message.startswith(f"{variable} is not valid:") and says in message


def test_slack_client_credentials_and_a_signing_secret_serve_many_workspaces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SLACK_CLIENT_ID", "1111.2222")
    monkeypatch.setenv("SLACK_CLIENT_SECRET", "d41d8cd98f00b204e9800998ecf8427e")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5")
    settings = load_settings()
    assert settings.slack_enabled and settings.slack_oauth


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({"SLACK_CLIENT_ID": "1111.2222"}, "set SLACK_CLIENT_SECRET too"),
        ({"SLACK_CLIENT_SECRET": "abc"}, "set SLACK_CLIENT_ID too"),
        (
            {"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "abc"},
            "also set SLACK_SIGNING_SECRET",
        ),
        (
            {
                "SLACK_CLIENT_ID": "1111.2222",
                "SLACK_CLIENT_SECRET": "abc",
                "SLACK_SIGNING_SECRET": "s",
                "SLACK_BOT_TOKEN": "xoxb-1-2-abc",
            },
            "not both",
        ),
    ],
)
def test_a_half_set_up_oauth_mode_is_one_line_saying_what_to_set(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], named: str
) -> None:
    message = one_line_refusal(monkeypatch, variables)
    assert named in message, message


def test_discord_is_enabled_by_its_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", "MTIz.abc.def")
    monkeypatch.setenv("DISCORD_GUILD_IDS", "111, 222")
    settings = load_settings()
    assert settings.discord_enabled and listed(settings.discord_guild_ids) == ("111", "222")


def test_a_campaign_name_counts_as_chosen_only_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().chosen_campaign_name == ""
    monkeypatch.setenv("TURNOUT_CAMPAIGN_NAME", "Smith for Senate")
    assert load_settings().chosen_campaign_name == "Smith for Senate"


def test_discord_is_unsharded_unless_a_shard_count_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().discord_shards is None
    monkeypatch.setenv("DISCORD_SHARD_COUNT", "4")
    everything = load_settings().discord_shards
    monkeypatch.setenv("DISCORD_SHARD_IDS", "2, 3")
    some = load_settings().discord_shards
    assert everything is not None and everything.held == (0, 1, 2, 3)
    assert everything.syncs_commands
    assert some is not None and (some.count, some.held) == (4, (2, 3))
    assert not some.syncs_commands


@pytest.mark.parametrize(
    ("variables", "says"),
    [
        ({"DISCORD_SHARD_COUNT": "0"}, "DISCORD_SHARD_COUNT is not valid: give the number"),
        ({"DISCORD_SHARD_COUNT": "two"}, "DISCORD_SHARD_COUNT is not valid: give the number"),
        (
            {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0, one"},
            "DISCORD_SHARD_IDS is not valid: list shard numbers separated by commas",
        ),
        (
            {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "1,1"},
            "DISCORD_SHARD_IDS is not valid: shard 1 is listed twice",
        ),
        ({"DISCORD_SHARD_IDS": "0"}, "DISCORD_SHARD_IDS needs DISCORD_SHARD_COUNT"),
        (
            {"DISCORD_SHARD_COUNT": "2", "DISCORD_SHARD_IDS": "0,2"},
            "DISCORD_SHARD_IDS names shard 2, but with DISCORD_SHARD_COUNT=2 the shards are 0 to 1",
        ),
    ],
)
def test_a_wrong_sharding_is_one_line_saying_what_to_set(
    monkeypatch: pytest.MonkeyPatch, variables: dict[str, str], says: str
) -> None:
    message = one_line_refusal(monkeypatch, variables)
    assert message.startswith(says), message
