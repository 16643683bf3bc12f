"""At DEBUG, the logs show no secrets (response_urls, tokens, the Socket Mode ticket) and no
people: the libraries' DEBUG lines, which print whole payloads, never reach a handler."""

import logging
from collections.abc import Iterator

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


class _Everything(logging.Handler):
    """What the libraries logged before any filter: proof the DEBUG lines were there."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name}: {record.getMessage()}")


@pytest.fixture
def unfiltered(debug_logs: pytest.LogCaptureFixture) -> Iterator[_Everything]:
    handler = _Everything()  # added after the Redactor went on the root handlers
    logging.getLogger().addHandler(handler)
    yield handler
    logging.getLogger().removeHandler(handler)


def _secrets_in(text: str, *secrets: str) -> list[str]:
    return [s for s in secrets if s in text]


async def test_http_mode_logs_no_response_url_or_verification_token(
    rig: Rig, debug_logs: pytest.LogCaptureFixture, unfiltered: _Everything
) -> None:
    await rig.command("/phonebank list")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    response_url = payload("slash_command")["response_url"]

    logged = debug_logs.text
    # Bolt printed its DEBUG lines about the request ...
    assert any(line.startswith("turnout.slack.bolt: ") for line in unfiltered.lines)
    # ... and nothing written holds a secret.
    assert not _secrets_in(logged, LEGACY_TOKEN, response_url, "/respond/", BOT_TOKEN)


async def test_socket_mode_logs_no_ticket_or_app_token(
    storage: SqlStorage,
    fake_slack: FakeSlack,
    debug_logs: pytest.LogCaptureFixture,
    unfiltered: _Everything,
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
    assert any("ticket=" in line for line in unfiltered.lines)  # printed at DEBUG ...
    assert "A new session" in logged  # ... while the INFO lines are written
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


async def test_a_welcome_is_logged_by_number_never_by_name(
    rig: Rig, debug_logs: pytest.LogCaptureFixture
) -> None:
    await rig.event(payload("team_join"))
    welcome = await rig.delivered("chat.postMessage", channel="D0NEWBIE")
    assert "Nina" in welcome.text

    assert any(r.name == "adapters.slack.app" for r in debug_logs.records)
    assert "Nina" not in debug_logs.text and "Kowalski" not in debug_logs.text


@pytest.mark.parametrize(
    "line",
    [
        "refresh_token=xoxe-1-My0xLTEyMzQ1Ng-abc&grant_type=refresh_token",
        "{'bot_refresh_token': 'xoxe-1-My0xLTEyMzQ1Ng-abc', 'bot_token': 'xoxe.xoxb-1-abc'}",
        '{"client_secret": "d41d8cd98f00b204e9800998ecf8427e"}',
        "Authorization: Basic MTExMS4yMjIyOmQ0MWQ4Y2Q5OGYwMGIyMDRlOTgwMDk5OGVjZjg0Mjdl",
        "sent with xoxe.xoxb-1-MS0yLTEyMzQ1Ng and xoxe-1-My0xLTEyMzQ1Ng",
    ],
)
def test_oauth_secrets_are_redacted(line: str) -> None:
    hidden = redaction.redact(line)
    for secret in ("My0xLTEyMzQ1Ng", "d41d8cd98f00b204", "MTExMS4yMjIy", "MS0yLTEyMzQ1Ng", "-abc"):
        assert secret not in hidden, hidden
