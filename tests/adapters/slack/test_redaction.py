"""At DEBUG, the libraries' logs show no secrets: response_urls, tokens, the Socket Mode ticket."""

import logging

import pytest

from bot.app import redaction
from storage import SqlStorage
from tests.adapters.slack.conftest import VERA, Rig, payload, platform_for
from tests.adapters.slack.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.adapters.slack.test_platform import wire

LEGACY_TOKEN = payload("slash_command")["token"]


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    redaction.install()  # as `turnout run` does, on the root handlers (caplog's among them)
    return caplog


def _secrets_in(text: str, *secrets: str) -> list[str]:
    return [s for s in secrets if s in text]


async def test_http_mode_logs_no_response_url_or_verification_token(
    rig: Rig, debug_logs: pytest.LogCaptureFixture
) -> None:
    await rig.command("/phonebank list")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    response_url = payload("slash_command")["response_url"]

    logged = debug_logs.text
    assert "turnout" in logged  # the DEBUG lines are there ...
    assert not _secrets_in(logged, LEGACY_TOKEN, response_url, "/respond/", BOT_TOKEN)


async def test_socket_mode_logs_no_ticket_or_app_token(
    storage: SqlStorage, fake_slack: FakeSlack, debug_logs: pytest.LogCaptureFixture
) -> None:
    platform = platform_for(fake_slack, app_token=APP_TOKEN, signing_secret="")
    await platform.start(wire(storage, platform).turnout)
    try:
        await fake_slack.wait_for_socket()
        envelope = await fake_slack.push("slash_commands", payload("slash_command"))
        await fake_slack.wait_for_ack(envelope)
    finally:
        await platform.stop()

    logged = debug_logs.text
    assert "ticket=" in logged  # ... and so are the URLs, with the secret part hidden
    assert "ticket=[redacted]" in logged
    assert not _secrets_in(logged, LEGACY_TOKEN, APP_TOKEN, BOT_TOKEN, "hooks.slack.com/commands/T")


def test_the_filter_hides_each_kind_of_secret() -> None:
    line = (
        "POST /interactions/1310000000000100001/aW50ZXJhY3Rpb246MTMxMDA/callback "
        "{'token': 'gIkuvaNzQIHg97ATvDxqgjtO', 'response_url': 'https://hooks.slack.com/x/y'} "
        "token=abc&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0%2F1%2Fz "
        "wss://wss-primary.slack.com/link/?ticket=1234-abcd&app_id=A0 Authorization: Bot "
        "MTMwMDAwMDAwMDAwMDAwMDAx.GfAkE0.fake-token-for-tests xoxb-1-2-3"
    )

    hidden = redaction.redact(line)

    for secret in (
        "aW50ZXJhY3Rpb246",
        "gIkuvaNz",
        "hooks.slack.com/x",
        "abc&",
        "1234-abcd",
        "fake-token-for-tests",
        "xoxb-1",
        "%2FT0%2F1",
    ):
        assert secret not in hidden, secret
    assert "/interactions/1310000000000100001/[redacted]/callback" in hidden
