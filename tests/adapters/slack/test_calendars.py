"""Add to calendar on Slack: a link button in Block Kit, and feeds on HTTP mode's own server."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import aiohttp
import icalendar
import pytest

from adapters.web.feeds import feed_routes
from bot.app.bootstrap import bootstrap
from bot.calendars.feed_links import FeedLinks
from bot.domain.campaign import CampaignDefaults
from storage import SqlStorage
from tests.adapters.slack.conftest import VERA, WALT, Rig, platform_for
from tests.adapters.slack.fake_slack import FakeSlack
from tests.fakes import frozen_clock

# 6 PM in New York on Nov 28 (EST).
START = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)
SMALL = '/phonebank create "Library calls" 2026-11-28 18:00 2h 1 https://dialer.example/lib'


async def test_youre_in_has_an_add_to_calendar_link_button(rig: Rig) -> None:
    await rig.as_organizer(SMALL)

    await rig.command("/phonebank join 1", user=VERA)

    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "You're in! #1" in joined.text
    button = joined.button("Add to calendar")
    assert "value" not in button
    query = parse_qs(urlsplit(button["url"]).query)
    # 6 PM in New York on Nov 28 (EST) is 23:00 UTC.
    assert query["dates"] == ["20261128T230000Z/20261129T010000Z"]
    assert query["text"] == ["Phone bank: Library calls"]
    # Pressing it opens the browser; Slack still reports the click, which is only acknowledged.
    before = len(rig.fake.calls)
    answer = await rig.press(button, VERA)
    assert answer.status == 200
    assert [c.method for c in rig.fake.calls[before:]] == []


async def test_the_ics_of_a_private_youre_in_is_uploaded_to_the_volunteers_dm(rig: Rig) -> None:
    await rig.as_organizer(SMALL)

    await rig.command("/phonebank join 1", user=VERA)

    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "I've sent you shift-1.ics in our direct messages." in joined.text
    await rig.fake.wait_for("files.completeUploadExternal")
    [asked] = rig.fake.calls_to("files.getUploadURLExternal")
    assert asked["filename"] == "shift-1.ics"
    [shared] = rig.fake.files_in("D0VERA")
    [event] = icalendar.Calendar.from_ical(shared.content).walk("VEVENT")
    assert event.decoded("dtstart") == START
    assert "https://dialer.example/lib" in str(event["description"])


async def test_the_promotion_dm_has_the_link_button_too(rig: Rig) -> None:
    await rig.as_organizer(SMALL)
    await rig.command("/phonebank join 1", user=WALT)
    await rig.command("/phonebank join 1", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    await rig.command("/phonebank leave 1", user=WALT)
    await rig.fake.wait_for("chat.postEphemeral", user=WALT[0], count=2)

    promoted = await rig.delivered("chat.postMessage", lambda c: "a seat opened up" in c.text)
    assert promoted.button("Add to calendar")["url"].startswith(
        "https://calendar.google.com/calendar/render?"
    )
    # Vera's own .ics: the waitlist place had none, the seat has one.
    [shared] = rig.fake.files_in("D0VERA")
    assert shared.filename == "shift-1.ics"
    [event] = icalendar.Calendar.from_ical(shared.content).walk("VEVENT")
    assert str(event["status"]) == "CONFIRMED"


@pytest.fixture
async def feeding_rig(storage: SqlStorage, fake_slack: FakeSlack) -> AsyncIterator[Rig]:
    platform = platform_for(fake_slack)
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[platform.messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
        feeds=FeedLinks("https://turnout.example.org"),
    )
    assert platform.serve_also(feed_routes)
    await platform.start(bot.turnout)
    try:
        async with aiohttp.ClientSession() as http:
            yield Rig(fake_slack, platform, bot, clock, http)
    finally:
        await platform.stop()
        await bot.wakeups.stop()


async def test_http_mode_serves_the_feed_beside_slack_events(feeding_rig: Rig) -> None:
    rig = feeding_rig
    await rig.as_organizer(SMALL)
    await rig.command("/phonebank join 1", user=VERA)
    await rig.command("/volunteer calendar", user=VERA)

    answer = await rig.fake.wait_for(
        "chat.postEphemeral", lambda c: "calendar feed" in c.text, user=VERA[0]
    )
    url = answer.button("Open the feed")["url"]
    path = urlsplit(url).path
    async with rig.http.get(f"http://127.0.0.1:{rig.platform.port}{path}") as fetched:
        assert fetched.status == 200
        calendar = icalendar.Calendar.from_ical(await fetched.read())
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Phone bank: Library calls"
    async with rig.http.get(f"http://127.0.0.1:{rig.platform.port}/calendar/nope.ics") as bad:
        assert bad.status == 404


def test_socket_mode_runs_no_web_server_so_feeds_need_their_own(fake_slack: FakeSlack) -> None:
    platform = platform_for(fake_slack, app_token="xapp-1-test")

    assert platform.serve_also(feed_routes) is False
