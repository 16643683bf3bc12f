"""Live posts on Slack: messages the bot posts itself (chat.postMessage) and then edits
(chat.update) as their shift changes, through the real slack-bolt against the fake Slack."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp
import pytest

from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults
from bot.domain.post import EDIT_DELAY
from tests.adapters.slack.conftest import (
    GENERAL,
    OLIVIA,
    VERA,
    WALT,
    Rig,
    platform_for,
)
from tests.adapters.slack.fake_slack import Call, FakeSlack
from tests.conftest import Database
from tests.fakes import frozen_clock

SATURDAY = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2'


async def posted_shift(rig: Rig, line: str = SATURDAY) -> Call:
    """`/phonebank create` in #general, and the live post the bot puts up there itself."""
    await rig.command(line, user=OLIVIA)
    note = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], channel=GENERAL)
    assert "I'm posting it here" in note.text
    return await rig.delivered("chat.postMessage", lambda c: "📞" in c.text, channel=GENERAL)


async def edited(rig: Rig, count: int = 1) -> Call:
    """Let the coalescing delay pass and the dispatcher send; the `count`th chat.update."""
    rig.clock.advance(EDIT_DELAY)
    await rig.deliver()
    return await rig.fake.wait_for("chat.update", count=count)


async def joined(rig: Rig, user: tuple[str, str]) -> None:
    await rig.command("/phonebank join 1", user=user)
    said = await rig.fake.wait_for("chat.postEphemeral", user=user[0])
    assert "You're in" in said.text or "waitlist" in said.text


async def test_create_posts_the_shift_and_a_join_updates_that_message(rig: Rig) -> None:
    post = await posted_shift(rig)
    assert "▰▰ 2 of 2 left" in post.text
    assert [b["text"]["text"] for b in post.buttons()] == ["Join", "Leave"]

    await joined(rig, VERA)
    assert not rig.fake.calls_to("chat.update")  # it waits a moment for more changes

    update = await edited(rig)
    assert update["channel"] == GENERAL
    assert update["ts"] == _posted_ts(rig, post)
    assert "▰▱ 1 of 2 left" in update.text
    assert [b["text"]["text"] for b in update.buttons()] == ["Join", "Leave"]


def _posted_ts(rig: Rig, post: Call) -> str:
    # The fake numbers ts in the order it answered postMessage/postEphemeral calls.
    answered = [c for c in rig.fake.calls if c.method in ("chat.postMessage", "chat.postEphemeral")]
    return f"{1700000000 + answered.index(post) + 1}.000100"


async def test_fifty_joins_in_a_burst_are_a_few_updates(rig: Rig) -> None:
    await posted_shift(rig, '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 60')
    people = [(f"U0CALLER{n:02d}", f"caller{n}") for n in range(50)]
    for user_id, name in people:
        rig.fake.add_user(user_id, name)

    # Fifty people press Join within the same few seconds, as after a big announcement.
    bodies = [rig.command_body("/phonebank join 1", user) for user in people]
    answers = await asyncio.gather(*(rig.post(body) for body in bodies))
    assert all(a.status == 200 for a in answers)
    await rig.fake.wait_for("chat.postEphemeral", lambda c: "You're in" in c.text, count=50)
    rig.clock.advance(EDIT_DELAY)
    await rig.deliver()
    rig.clock.advance(EDIT_DELAY)
    await rig.deliver()

    updates = rig.fake.calls_to("chat.update")
    assert 1 <= len(updates) <= 3
    assert "10 of 60 left" in updates[-1].text


@asynccontextmanager
async def running(database: Database, fake: FakeSlack) -> AsyncIterator[Rig]:
    """One Turnout process: its own storage over the test's database, its own Slack app."""
    storage = await database.open()
    platform = platform_for(fake)
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[platform.messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    await platform.start(bot.turnout)
    try:
        async with aiohttp.ClientSession() as http:
            yield Rig(fake, platform, bot, clock, http)
    finally:
        await platform.stop()
        await bot.wakeups.stop()


async def test_after_a_restart_the_same_post_keeps_being_updated(
    database: Database, fake_slack: FakeSlack
) -> None:
    async with running(database, fake_slack) as before:
        post = await posted_shift(before)
        ts = _posted_ts(before, post)

    async with running(database, fake_slack) as after:
        await joined(after, VERA)
        update = await edited(after)
        assert (update["channel"], update["ts"]) == (GENERAL, ts)
        assert "1 of 2 left" in update.text


async def test_a_429_on_an_update_is_waited_out_and_the_update_lands(rig: Rig) -> None:
    await posted_shift(rig)
    rig.fake.fail("chat.update", "ratelimited", status=429, retry_after=1)

    await joined(rig, VERA)
    rig.clock.advance(EDIT_DELAY)
    report = await rig.deliver()

    assert report.rate_limited == 1 and report.failed == 0
    first, second = rig.fake.calls_to("chat.update")
    assert first.args == second.args
    assert "1 of 2 left" in second.text


@pytest.mark.parametrize("error", ["message_not_found", "channel_not_found", "not_in_channel"])
async def test_a_deleted_post_or_a_lost_channel_is_forgotten_after_one_failed_update(
    rig: Rig, error: str, caplog: pytest.LogCaptureFixture
) -> None:
    await posted_shift(rig)
    rig.fake.fail("chat.update", error, times=5)

    await joined(rig, VERA)
    rig.clock.advance(EDIT_DELAY)
    report = await rig.deliver()
    assert report.failed == 1
    assert error in caplog.text and "won't be edited again" in caplog.text

    await joined(rig, WALT)
    rig.clock.advance(EDIT_DELAY * 10)
    await rig.deliver()
    assert len(rig.fake.calls_to("chat.update")) == 1


async def test_a_post_button_joins_and_the_post_follows(rig: Rig) -> None:
    post = await posted_shift(rig)

    await rig.press(post.button("Join"), VERA, on=post)

    said = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], channel=GENERAL)
    assert "You're in" in said.text  # only Vera sees her answer; the post is for everyone
    update = await edited(rig)
    assert update["ts"] == _posted_ts(rig, post) and "1 of 2 left" in update.text


async def test_phonebank_board_posts_the_upcoming_shifts_and_keeps_them_current(rig: Rig) -> None:
    await posted_shift(rig)
    await rig.command("/phonebank post board", user=OLIVIA)
    board = await rig.delivered(
        "chat.postMessage", lambda c: "Upcoming phone banks" in c.text, channel=GENERAL
    )
    assert "#1 Saturday calls" in board.text and "2 of 2 left" in board.text

    await joined(rig, VERA)
    rig.clock.advance(EDIT_DELAY)
    await rig.deliver()
    await rig.fake.wait_for("chat.update", count=2)
    by_ts = {c["ts"]: c for c in rig.fake.calls_to("chat.update")}
    assert "1 of 2 left" in by_ts[_posted_ts(rig, board)].text


async def test_people_s_text_in_a_post_is_plain_text(rig: Rig) -> None:
    post = await posted_shift(
        rig, '/phonebank create "Calls <@U0WALT> *now*" 2026-11-28 18:00 2h 2'
    )
    assert "<@U0WALT>" not in post.text and "&lt;@U0WALT&gt;" in post.text


async def test_a_post_the_bot_cannot_put_up_tells_the_organizer_what_to_do(rig: Rig) -> None:
    rig.fake.outside.add(GENERAL)  # the bot was never invited to #general

    await rig.command(SATURDAY, user=OLIVIA)
    told = await rig.delivered("chat.postMessage", channel="D0ORG")

    assert "couldn't put the post up in that channel: the bot isn't in that channel" in told.text
    assert "/invite @Turnout" in told.text and "/phonebank post 1" in told.text
    rig.fake.outside.clear()
    await joined(rig, VERA)
    rig.clock.advance(EDIT_DELAY)
    await rig.deliver()
    assert not rig.fake.calls_to("chat.update")  # nothing was posted, so nothing is edited
