"""Private calendar feeds, fetched over real HTTP and read with icalendar like a calendar app."""

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from adapters.web.feeds import feed_routes
from adapters.web.serving import Listener
from bot.app.bootstrap import bootstrap
from bot.calendars.calendar_feeds import FEED_OFF
from bot.calendars.feed_links import FeedLinks
from bot.domain.campaign import CampaignDefaults
from bot.ports.replies import Message
from bot.ports.storage import StorageUnavailable
from storage import SqlStorage
from tests.conftest import Harness
from tests.fakes import RecordingMessenger, frozen_clock
from tests.unit.test_calendars import sequence

PUBLIC = "https://turnout.example.org/bot"
CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3 https://dialer.example/sat'
START = datetime(2026, 11, 7, 23, 0, tzinfo=UTC)


@pytest.fixture
async def feeding(storage: SqlStorage) -> AsyncIterator[Harness]:
    messenger = RecordingMessenger()
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
        feeds=FeedLinks(PUBLIC),
    )
    yield Harness(bot, messenger, clock, storage)
    await bot.wakeups.stop()


@pytest.fixture
async def http(feeding: Harness) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    app = web.Application()
    app.add_routes(feed_routes(feeding.bot.turnout))
    async with TestClient(TestServer(app)) as client:
        yield client


async def feed_url(harness: Harness, name: str = "Maria", line: str = "/volunteer calendar") -> str:
    reply = await harness.reply(name, line)
    assert isinstance(reply, Message) and not reply.error
    [url] = [word for word in reply.text.split() if word.startswith(PUBLIC)]
    opens, renews = reply.buttons
    assert opens.url == url
    assert (renews.label, renews.url) == ("New link", None)
    return url


async def fetch(http: TestClient, url: str) -> icalendar.Calendar:
    answer = await http.get(urlsplit(url).path.removeprefix("/bot"))
    assert answer.status == 200
    assert answer.content_type == "text/calendar"
    return icalendar.Calendar.from_ical(await answer.read())


async def status(http: TestClient, url: str) -> int:
    return (await http.get(urlsplit(url).path.removeprefix("/bot"))).status


def events(calendar: icalendar.Calendar) -> list[icalendar.Component]:
    return list(calendar.walk("VEVENT"))


async def test_the_feed_lists_my_shifts_confirmed_and_waitlisted(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Olivia", CREATE)
    await feeding.say("Olivia", '/phonebank create "Sunday calls" 2026-11-08 12:00 1h 1')
    await feeding.say("Sam", "/phonebank join 2")
    await feeding.say("Maria", "/phonebank join 1")
    await feeding.say("Maria", "/phonebank join 2")
    await feeding.say("Ana", "/phonebank join 1")

    calendar = await fetch(http, await feed_url(feeding))

    assert str(calendar["x-wr-calname"]) == "Test campaign: my shifts"
    saturday, sunday = events(calendar)
    assert str(saturday["summary"]) == "Phone bank: Saturday calls"
    assert saturday.decoded("dtstart") == START
    assert str(saturday["status"]) == "CONFIRMED"
    assert str(sunday["summary"]) == "Waitlist: Sunday calls"
    assert str(sunday["status"]) == "TENTATIVE"


async def test_the_feed_event_is_the_one_the_ics_file_made(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Olivia", CREATE)
    joined = await feeding.reply("Maria", "/phonebank join 1")
    assert isinstance(joined, Message)
    from_file = icalendar.Calendar.from_ical(joined.files[0].content)

    [event] = events(await fetch(http, await feed_url(feeding)))

    [filed] = events(from_file)
    assert event["uid"] == filed["uid"]
    assert sequence(event) == sequence(filed) == 0


async def test_the_feed_follows_an_edit_with_a_higher_sequence(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Olivia", CREATE)
    await feeding.say("Maria", "/phonebank join 1")
    url = await feed_url(feeding)
    [before] = events(await fetch(http, url))

    await feeding.say("Olivia", "/phonebank edit 1 time 19:00 confirm")
    [after] = events(await fetch(http, url))
    [again] = events(await fetch(http, url))

    assert after["uid"] == before["uid"]
    assert after.decoded("dtstart") == START + timedelta(hours=1)
    assert after.decoded("dtend") == START + timedelta(hours=3)
    assert sequence(after) > sequence(before)
    # Fetched again with nothing changed: the same revision.
    assert sequence(again) == sequence(after)


async def test_the_feed_marks_a_cancelled_shift_cancelled(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Olivia", CREATE)
    await feeding.say("Maria", "/phonebank join 1")
    url = await feed_url(feeding)
    [before] = events(await fetch(http, url))

    await feeding.say("Olivia", "/phonebank cancel 1")
    [after] = events(await fetch(http, url))

    assert after["uid"] == before["uid"]
    assert str(after["status"]) == "CANCELLED"
    assert sequence(after) > sequence(before)
    assert after.walk("VALARM") == []


async def test_the_feed_marks_a_left_sign_up_cancelled(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Olivia", CREATE)
    await feeding.say("Maria", "/phonebank join 1")
    url = await feed_url(feeding)

    await feeding.say("Maria", "/phonebank leave 1")
    [left] = events(await fetch(http, url))

    assert str(left["status"]) == "CANCELLED"
    assert sequence(left) == 1


async def test_asking_again_gives_the_same_feed_and_reset_revokes_it(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Maria", "/phonebank list")
    first = await feed_url(feeding)
    assert await feed_url(feeding) == first

    fresh = await feed_url(feeding, line="/volunteer calendar reset")

    assert fresh != first
    assert await status(http, first) == 404
    assert await status(http, fresh) == 200


def flipped(text: str, at: int) -> str:
    return text[:at] + ("A" if text[at] != "A" else "B") + text[at + 1 :]


async def test_the_new_link_button_revokes_the_old_feed(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    first = await feed_url(feeding)
    shown = await feeding.reply("Maria", "/volunteer calendar")
    assert isinstance(shown, Message)

    pressed = await feeding.bot.turnout.press(feeding.actor("Maria"), shown.buttons[1].action)

    assert isinstance(pressed, Message) and "old calendar link no longer works" in pressed.text
    assert await status(http, first) == 404
    assert await status(http, pressed.buttons[0].url or "") == 200


async def test_a_database_outage_is_try_again_later_not_not_found(
    feeding: Harness,
    http: TestClient[web.Request, web.Application],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = await feed_url(feeding)

    async def unavailable(token: str) -> bytes | None:
        raise StorageUnavailable("The database is busy or unreachable right now.")

    monkeypatch.setattr(feeding.bot.turnout, "calendar_feed", unavailable)
    answer = await http.get(urlsplit(url).path.removeprefix("/bot"))

    assert answer.status == 503 and answer.headers["Retry-After"] == "60"


async def test_a_tampered_or_made_up_token_is_refused(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    url = await feed_url(feeding)
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    payload, signature = token.split(".")

    # A changed signature, a changed payload (another volunteer, another key), a made-up one.
    assert await status(http, url.replace(token, f"{payload}.{flipped(signature, 5)}")) == 404
    assert await status(http, url.replace(token, f"{flipped(payload, 2)}.{signature}")) == 404
    assert await status(http, url.replace(token, "bm90LWEtdG9rZW4")) == 404
    assert await status(http, url) == 200


async def test_forget_me_kills_the_feed(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Olivia", CREATE)
    await feeding.say("Maria", "/phonebank join 1")
    url = await feed_url(feeding)
    assert await status(http, url) == 200

    await feeding.say("Maria", "/volunteer forget-me confirm")

    assert await status(http, url) == 404


async def test_without_a_public_url_the_command_says_how_to_turn_feeds_on(harness: Harness) -> None:
    reply = await harness.reply("Maria", "/volunteer calendar")

    assert isinstance(reply, Message)
    assert reply.text == FEED_OFF
    assert "TURNOUT_PUBLIC_URL" in reply.text


async def test_feed_urls_signed_with_one_secret_fail_under_another(
    storage: SqlStorage, feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    url = await feed_url(feeding)
    other = bootstrap(
        storage=storage,
        messengers=[RecordingMessenger()],
        clock=frozen_clock(),
        defaults=CampaignDefaults(),
        feeds=FeedLinks(PUBLIC, "another secret, long enough"),
    )
    token = url.rsplit("/", 1)[1].removesuffix(".ics")

    assert await feeding.bot.turnout.calendar_feed(token) is not None
    assert await other.turnout.calendar_feed(token) is None


async def test_the_listener_of_its_own_serves_feeds_on_a_real_port(feeding: Harness) -> None:
    await feeding.say("Olivia", CREATE)
    await feeding.say("Maria", "/phonebank join 1")
    url = await feed_url(feeding)
    listener = Listener("127.0.0.1", 0, feed_routes(feeding.bot.turnout), purpose="calendar feeds")
    await listener.start()
    try:
        import aiohttp

        path = urlsplit(url).path.removeprefix("/bot")
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{listener.port}{path}") as answer,
        ):
            assert answer.status == 200
            body = await answer.read()
    finally:
        await listener.stop()
    [event] = events(icalendar.Calendar.from_ical(body))
    assert event.decoded("dtstart") == START


async def test_a_feed_reads_in_its_owner_s_language(
    feeding: Harness, http: TestClient[web.Request, web.Application]
) -> None:
    await feeding.say("Olivia", CREATE)
    await feeding.reply("Maria", "/phonebank join 1")
    url = await feed_url(feeding)
    await feeding.reply("Maria", "/volunteer language es")
    calendar = await fetch(http, url)

    # The calendar app asks, not Maria: the feed is still written as Maria reads.
    assert str(calendar["X-WR-CALNAME"]) == "Test campaign: mis turnos"
    [event] = events(calendar)
    assert str(event["SUMMARY"]) == "Banco de llamadas: Saturday calls"
    assert "¿No puedes ir? /phonebank leave 1" in str(event["DESCRIPTION"])
