"""A Slack profile is a nicety: when users.info answers something that isn't Slack's JSON, the
person is answered all the same, named as the request names them."""

import logging

import pytest

from tests.adapters.slack.conftest import OLIVIA, VERA, Rig
from tests.adapters.slack.test_delivery import TOMORROW

GARBLED = [
    pytest.param(500, "<html><body>Internal Server Error</body></html>", "text/html", id="500"),
    pytest.param(405, "Method Not Allowed", "text/plain", id="405"),
    pytest.param(502, "{ not json", "application/json", id="broken-json"),
]


@pytest.mark.parametrize(("status", "body", "content_type"), GARBLED)
async def test_a_command_is_answered_without_the_profile_when_users_info_answers_garbage(
    rig: Rig, caplog: pytest.LogCaptureFixture, status: int, body: str, content_type: str
) -> None:
    await rig.as_organizer(TOMORROW)
    rig.fake.fail("users.info", "", times=100, status=status, body=body, content_type=content_type)

    with caplog.at_level(logging.DEBUG):
        await rig.command("/phonebank join 1")
        joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
        await rig.command("/phonebank mine")
        mine = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)

    assert "You're in!" in joined.text
    assert "Tomorrow calls" in mine.text
    assert "Something went wrong" not in joined.text + mine.text
    assert len(rig.fake.calls_to("users.info", user=VERA[0])) >= 1, "the profile was asked for"
    roster = await rig.as_organizer("/phonebank roster 1")
    assert "vera" in str(roster), "named as the slash command named her"

    trouble = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(trouble) == 1, [r.getMessage() for r in trouble]
    said = trouble[0].getMessage()
    assert VERA[0] not in said and "vera" not in said.lower()
    assert trouble[0].exc_info is None
    assert OLIVIA[0] not in said
