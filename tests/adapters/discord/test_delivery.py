"""Sending DMs and channel posts: rate limits, closed DMs, and mentions that never ping."""

from datetime import timedelta

import pytest

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import (
    APP_ID,
    ORGANIZERS,
    VOLUNTEERS,
    Call,
    dm_channel,
)
from tests.adapters.discord.interactions import uid

UNTIL_24H_REMINDER = timedelta(days=25, hours=9)  # from Nov 2, 14:00 UTC to Nov 27, 23:00 UTC


async def _maria_on_a_shift(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.deliver()  # her welcome DM and the organizers' alert


def _reminders(world: World) -> list[Call]:
    return [c for c in world.fake.dms_to(uid("Maria")) if "⏰ Reminder" in c.content]


async def test_a_rate_limited_reminder_arrives_once_later(world: World) -> None:
    await _maria_on_a_shift(world)
    dms = rf"/channels/{dm_channel(uid('Maria'))}/messages"
    # Longer than discord.py will sleep through (30 s), so it comes back to the dispatcher.
    world.fake.rate_limit("POST", dms, retry_after=60)

    first = await world.advance(UNTIL_24H_REMINDER)
    too_soon = await world.advance(timedelta(seconds=30))
    later = await world.advance(timedelta(seconds=31))

    assert (first.sent, first.retried) == (0, 1)
    assert too_soon.sent == 0
    assert later.sent == 1
    (reminder,) = _reminders(world)
    # A countdown Discord keeps true however late it arrives, and the time in each reader's zone.
    assert reminder.content.startswith(
        "⏰ Reminder: “Saturday calls” (#1) starts <t:1795906800:R>, at <t:1795906800:F>."
    )
    assert [c.status for c in world.fake.made("POST", dms)][-2:] == [429, 200]


async def test_a_short_rate_limit_is_waited_out_by_discord_py_and_still_sends_once(
    world: World,
) -> None:
    await _maria_on_a_shift(world)
    dms = rf"/channels/{dm_channel(uid('Maria'))}/messages"
    world.fake.rate_limit("POST", dms, retry_after=0.01)

    report = await world.advance(UNTIL_24H_REMINDER)

    # discord.py slept 10 ms and retried inside the same send: the dispatcher saw one success.
    assert (report.sent, report.retried) == (1, 0)
    assert len(_reminders(world)) == 1
    assert [c.status for c in world.fake.made("POST", dms)][-2:] == [429, 200]


async def test_a_429_without_discord_s_proxy_header_is_rescheduled_by_its_retry_after(
    world: World,
) -> None:
    await _maria_on_a_shift(world)
    dms = rf"/channels/{dm_channel(uid('Maria'))}/messages"
    world.fake.fail(
        "POST",
        dms,
        429,
        {"message": "You are being rate limited.", "retry_after": 20},
        headers={"Retry-After": "20"},
    )

    first = await world.advance(UNTIL_24H_REMINDER)
    later = await world.advance(timedelta(seconds=21))

    assert (first.retried, later.sent) == (1, 1)
    assert len(_reminders(world)) == 1


async def test_a_server_error_is_retried_later(world: World) -> None:
    await _maria_on_a_shift(world)
    dms = rf"/channels/{dm_channel(uid('Maria'))}/messages"
    world.fake.fail("POST", dms, 503, {"message": "upstream unavailable", "code": 0})

    first = await world.advance(UNTIL_24H_REMINDER)
    later = await world.advance(timedelta(minutes=5))

    assert (first.retried, later.sent) == (1, 1)
    assert len(_reminders(world)) == 1


async def test_a_send_discord_never_answers_times_out_and_is_retried_once(world: World) -> None:
    await _maria_on_a_shift(world)
    dms = rf"/channels/{dm_channel(uid('Maria'))}/messages"
    world.fake.hang("POST", dms, seconds=3)
    world.platform.messenger.send_timeout = 0.5

    first = await world.advance(UNTIL_24H_REMINDER)
    later = await world.advance(timedelta(seconds=5))

    assert (first.retried, later.sent) == (1, 1)
    # The hung request did reach Discord; what counts is that we stopped waiting and retried.
    assert len(_reminders(world)) <= 2 and later.sent == 1


async def test_closed_dms_tell_organizers_and_mention_the_volunteer_once(world: World) -> None:
    world.fake.close_dms(uid("Maria"))
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)

    for _ in range(3):
        await world.deliver()
    await world.advance(UNTIL_24H_REMINDER)
    for _ in range(3):
        await world.deliver()

    refused = [
        c for c in world.fake.made("POST", rf"/channels/{dm_channel(uid('Maria'))}/messages")
    ]
    assert [c.status for c in refused] == [403, 403]  # the welcome, then the reminder
    told = [
        c.content for c in world.fake.messages_in(ORGANIZERS) if "couldn't deliver" in c.content
    ]
    assert told == [
        "⚠️ I couldn't deliver the welcome message to Maria (#2): their Discord settings don't "
        "allow direct messages from this server. Please reach them another way.",
        "⚠️ I couldn't deliver a shift reminder to Maria (#2): their Discord settings don't "
        "allow direct messages from this server. Please reach them another way.",
    ]
    (mention,) = world.fake.messages_in(VOLUNTEERS)
    assert mention.content.startswith(
        f"<@{uid('Maria')}> I tried to send you a direct message, but your DMs are closed"
    )
    # That one mention pings Maria, and nobody else.
    assert mention.json["allowed_mentions"] == {"parse": [], "users": [int(uid("Maria"))]}


def _sent_messages(world: World) -> list[Call]:
    """Every message the bot sent: channel posts, DMs, interaction replies and follow-ups."""
    return [
        c
        for c in world.fake.calls
        if (c.method == "POST" and c.path.endswith("/messages"))
        or (c.path.endswith("/callback") and c.json["type"] in (4, 7))
        or c.path.startswith(f"/webhooks/{APP_ID}/")
    ]


def _allowed_mentions(call: Call) -> dict:
    body = call.json["data"] if call.path.endswith("/callback") else call.json
    return body["allowed_mentions"]


async def test_no_message_the_bot_sends_can_ping_anyone(world: World) -> None:
    await world.slash("Olivia", "task", "post", title="Call <@1300000000000000403> back")
    await world.join_server("Jamal")
    await _maria_on_a_shift(world)
    await world.slash(
        "Olivia", "phonebank", "announce", shift=1, message="<@1300000000000000403> is driving"
    )
    await world.deliver()

    sent = _sent_messages(world)
    assert len(sent) >= 8
    assert all(_allowed_mentions(c) == {"parse": []} for c in sent)
    posted = next(c for c in sent if "New task #1" in c.text)
    # The mention is shown as written but, with nothing allowed, pings nobody.
    assert "Call <@1300000000000000403> back" in posted.text


@pytest.mark.parametrize(
    "title", ["Everyone @everyone", "Ping @here", "Role <@&1300000000000000300>"]
)
async def test_mass_mentions_in_titles_are_refused_and_nothing_is_posted(
    world: World, title: str
) -> None:
    call = await world.slash("Olivia", "task", "post", title=title)

    assert "can't mention @everyone, @here, a channel or a role" in call.text
    assert call.json["data"]["flags"] == 64
    listed = await world.slash("Maria", "task", "list")
    assert "No open tasks" in listed.text


async def test_a_newcomer_named_everyone_does_not_ping_the_organizers(world: World) -> None:
    from tests.adapters.discord import interactions

    interactions.PEOPLE["@everyone"] = (interactions.user_id(407), [], interactions.PLAIN)
    try:
        await world.join_server("@everyone")
        await world.deliver()
    finally:
        del interactions.PEOPLE["@everyone"]

    (alert,) = world.fake.messages_in(ORGANIZERS)
    assert alert.content.startswith("👋 New volunteer: @everyone (#1)")
    assert alert.json["allowed_mentions"] == {"parse": []}
