"""Starting and stopping: Socket Mode against the fake's websocket, HTTP mode, bad tokens."""

import json
from collections.abc import AsyncIterator

import pytest

from adapters.platform import PlatformError
from adapters.slack import SlackPlatform
from adapters.slack.settings import SlackSettings
from bot.app.bootstrap import Bot, bootstrap
from bot.domain.campaign import CampaignDefaults
from storage import SqlStorage
from tests.adapters.slack.conftest import VERA, Rig, payload, platform_for
from tests.adapters.slack.fake_slack import APP_TOKEN, FakeSlack
from tests.fakes import frozen_clock


def wire(storage: SqlStorage, platform: SlackPlatform) -> Bot:
    return bootstrap(
        storage=storage,
        messengers=[platform.messenger],
        clock=frozen_clock(),
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )


@pytest.fixture
async def socket_mode(
    storage: SqlStorage, fake_slack: FakeSlack
) -> AsyncIterator[tuple[SlackPlatform, Bot]]:
    platform = platform_for(fake_slack, app_token=APP_TOKEN, signing_secret="")
    bot = wire(storage, platform)
    await platform.start(bot.turnout)
    yield platform, bot
    await platform.stop()


async def test_socket_mode_connects_to_the_websocket_with_the_app_token(
    socket_mode: tuple[SlackPlatform, Bot], fake_slack: FakeSlack
) -> None:
    await fake_slack.wait_for_socket()

    opened = fake_slack.calls_to("apps.connections.open")
    assert len(opened) == 1 and opened[0].token == APP_TOKEN


async def test_a_slash_command_over_socket_mode_is_acked_and_answered(
    socket_mode: tuple[SlackPlatform, Bot], fake_slack: FakeSlack
) -> None:
    command = payload("slash_command") | {"command": "/phonebank", "text": "list"}

    envelope = await fake_slack.push("slash_commands", command, accepts_response_payload=True)

    ack = await fake_slack.wait_for_ack(envelope)
    assert ack == {"envelope_id": envelope}
    answered = await fake_slack.wait_for("chat.postEphemeral", user=VERA[0])
    assert "No shifts are scheduled yet" in answered.text


async def test_a_button_and_an_event_over_socket_mode_are_acked(
    socket_mode: tuple[SlackPlatform, Bot], fake_slack: FakeSlack
) -> None:
    pressed = payload("block_actions")
    pressed["actions"][0].update(action_id="turnout:shifts", value="turnout:shifts")

    envelopes = [
        await fake_slack.push("interactive", pressed),
        await fake_slack.push("events_api", payload("team_join")),
    ]

    for envelope in envelopes:
        await fake_slack.wait_for_ack(envelope)
    await fake_slack.wait_for("chat.postEphemeral", user=VERA[0])


async def test_http_mode_serves_events_and_a_health_check(rig: Rig) -> None:
    async with rig.http.get(f"http://127.0.0.1:{rig.platform.port}/healthz") as health:
        assert health.status == 200 and (await health.json())["ok"] is True


async def test_a_refused_bot_token_stops_start_with_one_line_naming_it(
    storage: SqlStorage, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("auth.test", "invalid_auth")
    platform = platform_for(fake_slack)

    with pytest.raises(PlatformError, match=r"Slack refused SLACK_BOT_TOKEN \(invalid_auth\)"):
        await platform.start(wire(storage, platform).turnout)
    await platform.stop()


async def test_a_refused_app_token_stops_start_with_one_line_naming_it(
    storage: SqlStorage, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("apps.connections.open", "invalid_auth")
    platform = platform_for(fake_slack, app_token=APP_TOKEN)

    with pytest.raises(PlatformError, match=r"SLACK_APP_TOKEN \(invalid_auth\)"):
        await platform.start(wire(storage, platform).turnout)
    await platform.stop()


async def test_an_unreachable_slack_is_one_line_too(storage: SqlStorage) -> None:
    platform = SlackPlatform(
        bot_token="xoxb-1", signing_secret="s", api_url="http://127.0.0.1:9/api/", http_port=0
    )

    with pytest.raises(PlatformError, match="can't reach Slack"):
        await platform.start(wire(storage, platform).turnout)
    await platform.stop()


def test_settings_choose_socket_mode_when_an_app_token_is_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, value in {
        "SLACK_BOT_TOKEN": "xoxb-1",
        "SLACK_APP_TOKEN": "xapp-1",
        "SLACK_ORGANIZERS": "U1, U2",
        "SLACK_ORGANIZER_GROUP": "@organizers",
    }.items():
        monkeypatch.setenv(name, value)

    platform = SlackPlatform.from_settings(SlackSettings(_env_file=None))

    assert platform.socket_mode
    assert platform.messenger.platform == "slack"


async def test_a_url_verification_challenge_is_answered(rig: Rig) -> None:
    answer = await rig.event({"type": "url_verification", "challenge": "3eZbrw1aBm2rZgRNFdxV"})

    assert answer.status == 200 and json.loads(answer.body)["challenge"] == "3eZbrw1aBm2rZgRNFdxV"
