"""Reminders and other DMs survive Slack's rate limits, and failures reach the organizers."""

from datetime import timedelta

import pytest

from tests.adapters.slack.conftest import ORGANIZER_CHANNEL, VERA, Rig, payload
from tests.adapters.slack.fake_slack import Call

TOMORROW = '/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 5'


def reminders(rig: Rig) -> list[Call]:
    return [
        c for c in rig.fake.calls_to("chat.postMessage", channel="D0VERA") if "Reminder" in c.text
    ]


async def vera_joins_tomorrows_shift(rig: Rig) -> None:
    await rig.as_organizer(TOMORROW)
    await rig.command("/phonebank join 1")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    await rig.delivered("chat.postMessage", channel="D0VERA")  # her welcome


async def test_a_rate_limited_reminder_is_sent_once_after_retry_after(rig: Rig) -> None:
    await vera_joins_tomorrows_shift(rig)
    rig.fake.fail("chat.postMessage", "ratelimited", status=429, retry_after=30)

    rig.clock.advance(timedelta(hours=10))
    first = await rig.deliver()
    too_soon = await rig.deliver()
    rig.clock.advance(timedelta(seconds=31))
    then = await rig.deliver()
    after = await rig.deliver()

    assert first.retried == 1 and first.sent == 0
    assert too_soon.sent == 0, "it waits as long as Slack asked"
    assert then.sent == 1 and after.sent == 0
    tries = reminders(rig)
    assert len(tries) == 2, "one refused with 429, one delivered"
    assert tries[1].button("Can't make it")["value"] == "turnout:leave:1"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("user_not_found", "Slack doesn't know their account any more"),
        ("cannot_dm_bot", "that account is a bot"),
    ],
)
async def test_an_undeliverable_welcome_is_recorded_and_organizers_are_told(
    rig: Rig, code: str, reason: str
) -> None:
    rig.fake.fail("conversations.open", code, when={"users": "U0NEWBIE"})

    await rig.event(payload("team_join"))

    told = await rig.delivered(
        "chat.postMessage", lambda c: "couldn't deliver" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert f"the welcome message to Nina (#1): {reason} ({code})" in told.text
    assert not rig.fake.calls_to("chat.postMessage", channel="D0NEWBIE")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("account_inactive", "their Slack account is deactivated"),
        ("user_not_found", "Slack doesn't know their account any more"),
    ],
)
async def test_an_undeliverable_reminder_is_recorded_and_organizers_are_told(
    rig: Rig, code: str, reason: str
) -> None:
    await vera_joins_tomorrows_shift(rig)
    rig.fake.fail("chat.postMessage", code, when={"channel": "D0VERA"}, times=5)

    rig.clock.advance(timedelta(hours=10))
    report = await rig.deliver()

    assert report.failed == 1
    told = await rig.delivered(
        "chat.postMessage", lambda c: "couldn't deliver" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert f"a shift reminder to vera (#2): {reason} ({code})" in told.text
    again = await rig.deliver()
    assert again.sent == again.failed == again.retried == 0, "given up on, not retried"


async def test_a_slack_outage_is_retried_with_backoff(rig: Rig) -> None:
    await vera_joins_tomorrows_shift(rig)
    rig.fake.fail("chat.postMessage", "internal_error", status=500)

    rig.clock.advance(timedelta(hours=10))
    first = await rig.deliver()
    rig.clock.advance(timedelta(minutes=10))
    then = await rig.deliver()

    assert first.retried == 1 and then.sent == 1
    assert len(reminders(rig)) == 2


async def test_an_answer_that_meets_a_rate_limit_arrives_once_after_the_wait(rig: Rig) -> None:
    rig.fake.fail("chat.postEphemeral", "ratelimited", status=429, retry_after=1)

    await rig.command("/phonebank list")

    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    assert len(rig.fake.calls_to("chat.postEphemeral")) == 2, "refused once, then delivered"
    assert not rig.fake.calls_to("response_url")
