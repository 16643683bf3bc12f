"""Slack hears back within 3 seconds whatever the core is doing; slow work happens after."""

import asyncio

import pytest

from adapters.slack import app as slack_app
from bot.ports.replies import Reply
from tests.adapters.slack.conftest import GENERAL, OLIVIA, VERA, Rig, payload
from tests.adapters.slack.test_modals import SHIFT_ANSWERS


def hold(rig: Rig, method: str) -> asyncio.Event:
    """Make the core wait in `method` until the returned event is set."""
    release = asyncio.Event()
    original = getattr(rig.bot.turnout, method)

    async def held(*args: object) -> Reply:
        await release.wait()
        return await original(*args)

    setattr(rig.bot.turnout, method, held)
    return release


async def test_a_slash_command_is_acknowledged_before_the_core_answers(rig: Rig) -> None:
    release = hold(rig, "run_slash")

    answer = await rig.command("/phonebank list")

    assert answer.status == 200
    assert not rig.fake.posts(), "the ack came back before any answer was made"
    release.set()
    shown = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "No shifts are scheduled yet" in shown.text


async def test_a_button_is_acknowledged_before_the_core_answers(rig: Rig) -> None:
    release = hold(rig, "press")
    button = {
        "action_id": "turnout:shifts",
        "value": "turnout:shifts",
        "text": {"type": "plain_text", "text": "See upcoming shifts"},
    }

    answer = await rig.press(button, VERA)

    assert answer.status == 200 and not rig.fake.posts()
    release.set()
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])


async def test_a_slow_form_closes_the_modal_and_the_answer_follows_as_a_message(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slack_app, "FORM_PATIENCE", 0.05)
    await rig.command("/phonebank create", user=OLIVIA)
    opened = await rig.fake.wait_for("views.open")
    release = hold(rig, "submit")

    answer = await rig.submit(opened, SHIFT_ANSWERS)

    assert answer.status == 200 and answer.body == ""
    release.set()
    said = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], channel=GENERAL)
    assert "Created #1" in said.text


async def test_a_slow_form_that_fails_says_why_in_a_message(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(slack_app, "FORM_PATIENCE", 0.05)
    await rig.command("/phonebank create", user=OLIVIA)
    opened = await rig.fake.wait_for("views.open")
    release = hold(rig, "submit")

    answer = await rig.submit(
        opened, SHIFT_ANSWERS | {"duration": {"type": "plain_text_input", "value": "forever"}}
    )

    assert answer.status == 200 and answer.body == ""
    release.set()
    said = await rig.fake.wait_for("chat.postEphemeral", user="U0ORG")
    assert "length" in said.text.lower()


async def test_events_are_acknowledged_before_the_welcome_is_processed(rig: Rig) -> None:
    release = hold(rig, "welcome")

    answer = await rig.event(payload("team_join"))

    assert answer.status == 200
    release.set()
    await rig.delivered("chat.postMessage", channel="D0NEWBIE")
