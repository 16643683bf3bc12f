"""The app manifest creates exactly the app the adapter serves, in one paste."""

from pathlib import Path

import pytest
import yaml

import adapters.slack
from adapters.slack import manifest as generated
from adapters.slack.app import COMMANDS, EVENTS
from bot.catalogue import TOPICS, entries

MANIFEST = Path(adapters.slack.__file__).parent / "manifest.yaml"

# Why each scope is there: the Web API methods and events the adapter uses.
SCOPES = {
    "commands",  # slash commands
    "chat:write",  # chat.postMessage, chat.postEphemeral, chat.update
    "files:write",  # files.getUploadURLExternal, files.completeUploadExternal
    "im:write",  # conversations.open
    "im:history",  # conversations.history in the bot's DMs, after a send timed out
    "users:read",  # users.info, team_join
    "usergroups:read",  # usergroups.list, usergroups.users.list
    "channels:read",  # conversations.list and .info, member_joined_channel (public)
    "groups:read",  # the same for private channels
}


def manifest() -> dict:
    return yaml.safe_load(MANIFEST.read_text())


def test_the_manifest_lists_exactly_the_commands_the_grammar_knows() -> None:
    commands = [c["command"] for c in manifest()["features"]["slash_commands"]]

    assert sorted(commands) == sorted(f"/{name}" for name in TOPICS) == sorted(COMMANDS)
    for command in manifest()["features"]["slash_commands"]:
        assert command["description"] and command["usage_hint"]
        assert len(command["description"]) <= 100 and len(command["usage_hint"]) <= 1000


def test_the_manifest_declares_the_slash_commands_the_catalogue_generates() -> None:
    assert manifest()["features"]["slash_commands"] == generated.slash_commands()
    # Regenerating changes nothing, comments and all: the checked-in file is current.
    assert generated.rewritten(MANIFEST.read_text()) == MANIFEST.read_text()
    assert generated.main(["--check"]) == 0


def test_each_usage_hint_names_real_subcommands_in_the_order_help_lists_them() -> None:
    for command in manifest()["features"]["slash_commands"]:
        group = command["command"].removeprefix("/")
        verbs = [e.verb for e in entries(group)]
        hinted = [part.split()[0] for part in command["usage_hint"].strip("[]").split(" | ")]
        assert hinted == [verb for verb in verbs if verb in hinted], command["command"]
        assert "help" in hinted


def test_a_stale_manifest_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "manifest.yaml"
    stale.write_text(MANIFEST.read_text().replace("join 3 | ", ""))
    monkeypatch.setattr(generated, "MANIFEST", stale)

    assert generated.main(["--check"]) == 1
    assert generated.main([]) == 0
    assert stale.read_text() == MANIFEST.read_text()


def test_the_manifest_subscribes_to_the_events_the_app_handles() -> None:
    assert sorted(manifest()["settings"]["event_subscriptions"]["bot_events"]) == sorted(EVENTS)


def test_the_manifest_asks_for_the_scopes_used_and_no_more() -> None:
    assert set(manifest()["oauth_config"]["scopes"]["bot"]) == SCOPES


def test_the_scopes_turnout_doctor_checks_are_the_ones_the_manifest_asks_for() -> None:
    assert generated.bot_scopes() == manifest()["oauth_config"]["scopes"]["bot"]


def test_the_manifest_sets_up_socket_mode_and_interactivity() -> None:
    settings = manifest()["settings"]

    assert settings["socket_mode_enabled"] is True
    assert settings["interactivity"]["is_enabled"] is True
    assert manifest()["features"]["bot_user"]["display_name"] == "Turnout"


def test_the_manifest_ships_with_the_package() -> None:
    assert MANIFEST.is_file()
