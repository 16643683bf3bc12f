"""Add to calendar: the Google Calendar link and the `.ics` that come with a confirmed seat."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import icalendar

from bot.ports.replies import MAX_BUTTON_URL, Attachment, Message
from tests.conftest import Harness

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h {seats} https://dialer.example/sat'
# 6 PM in New York: EST (UTC-5) in November, EDT (UTC-4) after the clocks spring forward.
NOVEMBER_START = datetime(2026, 11, 7, 23, 0, tzinfo=UTC)
MARCH_START = datetime(2027, 3, 20, 22, 0, tzinfo=UTC)


async def joined(harness: Harness, name: str = "Maria", shift: int = 1) -> Message:
    reply = await harness.reply(name, f"/phonebank join {shift}")
    assert isinstance(reply, Message)
    return reply


def only_event(file: Attachment) -> icalendar.Component:
    calendar = icalendar.Calendar.from_ical(file.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def sequence(event: icalendar.Component) -> int:
    """The event's SEQUENCE as icalendar reads it (an int); a missing one fails, not reads 0."""
    value = event["sequence"]
    assert isinstance(value, int), value
    return value


def google_query(message: Message) -> dict[str, list[str]]:
    [button] = [b for b in message.buttons if b.label == "Add to calendar"]
    assert button.url is not None
    address = urlsplit(button.url)
    assert f"{address.scheme}://{address.netloc}{address.path}" == (
        "https://calendar.google.com/calendar/render"
    )
    return parse_qs(address.query)


async def test_youre_in_offers_a_google_calendar_link_with_the_shifts_utc_times(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CREATE.format(seats=3))

    reply = await joined(harness)

    assert reply.text.startswith("You're in!")
    query = google_query(reply)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Phone bank: Saturday calls"]
    assert query["dates"] == ["20261107T230000Z/20261108T010000Z"]
    assert "https://dialer.example/sat" in query["details"][0]


async def test_youre_in_attaches_an_ics_whose_times_link_and_alarm_match_the_shift(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CREATE.format(seats=3))

    reply = await joined(harness)

    [file] = reply.files
    assert file.filename == "shift-1.ics"
    assert file.mime_type == "text/calendar"
    event = only_event(file)
    assert event.decoded("dtstart") == NOVEMBER_START
    assert event.decoded("dtend") == NOVEMBER_START + timedelta(hours=2)
    assert str(event["summary"]) == "Phone bank: Saturday calls"
    assert "https://dialer.example/sat" in str(event["description"])
    assert str(event["url"]) == "https://dialer.example/sat"
    assert str(event["status"]) == "CONFIRMED"
    assert sequence(event) == 0
    assert str(event["uid"]).startswith("signup-")
    # The campaign reminds 24h and 1h ahead: the calendar's alarm is the first of them.
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("trigger") == -timedelta(hours=24)


async def test_the_alarm_follows_the_volunteers_own_reminders_and_none_when_off(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CREATE.format(seats=3))
    await harness.say("Maria", "/volunteer reminders 2h,30m")
    await harness.say("Sam", "/volunteer reminders off")

    maria = only_event((await joined(harness, "Maria")).files[0])
    sam = only_event((await joined(harness, "Sam")).files[0])

    assert [a.decoded("trigger") for a in maria.walk("VALARM")] == [-timedelta(hours=2)]
    assert sam.walk("VALARM") == []
    assert maria["uid"] != sam["uid"]


async def test_a_shift_after_the_clocks_change_keeps_its_wall_clock_time_in_the_ics(
    harness: Harness,
) -> None:
    await harness.say(
        "Olivia", '/phonebank create "Spring calls" 2027-03-20 18:00 90m 3 https://dialer.example/s'
    )

    reply = await joined(harness)

    event = only_event(reply.files[0])
    assert event.decoded("dtstart") == MARCH_START
    assert event.decoded("dtend") == MARCH_START + timedelta(minutes=90)
    assert google_query(reply)["dates"] == ["20270320T220000Z/20270320T233000Z"]


async def test_a_waitlist_place_gets_no_calendar_entry(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=1))
    await joined(harness, "Maria")

    waiting = await joined(harness, "Sam")

    assert "waitlist" in waiting.text
    assert waiting.files == ()
    assert all(b.url is None for b in waiting.buttons)


async def test_the_promotion_dm_carries_the_same_calendar_entry(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=1))
    await joined(harness, "Maria")
    await joined(harness, "Sam")
    await harness.deliver()
    harness.messenger.clear()

    await harness.say("Maria", "/phonebank leave 1")

    [promoted] = [s.reply for s in harness.messenger.sent if s.to == "sam"]
    assert isinstance(promoted, Message)
    assert "you're now confirmed" in promoted.text
    assert google_query(promoted)["dates"] == ["20261107T230000Z/20261108T010000Z"]
    event = only_event(promoted.files[0])
    assert event.decoded("dtstart") == NOVEMBER_START


async def test_a_booking_by_an_organizer_carries_the_calendar_entry(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=2))
    await harness.say("Maria", "/volunteer tz America/Chicago")
    await harness.deliver()
    harness.messenger.clear()

    await harness.say("Olivia", "/phonebank add 1 Maria")

    [booked] = [s.reply for s in harness.messenger.sent if s.to == "maria"]
    assert isinstance(booked, Message)
    assert "booked you" in booked.text
    assert only_event(booked.files[0]).decoded("dtstart") == NOVEMBER_START


async def test_a_long_title_and_link_still_fit_a_link_button(harness: Harness) -> None:
    title = "Ü" * 100
    link = "https://dialer.example/" + "x" * 400
    await harness.say("Olivia", f'/phonebank create "{title}" 2026-11-07 18:00 2h 3 {link}')

    reply = await joined(harness)

    [button] = [b for b in reply.buttons if b.url]
    assert button.url is not None and len(button.url) <= MAX_BUTTON_URL
    assert google_query(reply)["dates"] == ["20261107T230000Z/20261108T010000Z"]


async def test_a_moved_shift_dm_carries_the_same_event_a_revision_up(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=3))
    first = only_event((await joined(harness)).files[0])
    await harness.deliver()
    harness.messenger.clear()

    await harness.say("Olivia", "/phonebank edit 1 time 19:00 confirm")

    [moved] = [s.reply for s in harness.messenger.sent if s.to == "maria"]
    assert isinstance(moved, Message) and "moved from" in moved.text
    event = only_event(moved.files[0])
    assert event["uid"] == first["uid"]
    assert sequence(event) == sequence(first) + 1
    assert event.decoded("dtstart") == NOVEMBER_START + timedelta(hours=1)
    assert [b.label for b in moved.buttons] == ["Still works", "Can't make it", "Add to calendar"]


async def test_a_cancelled_shift_dm_takes_the_event_out_of_the_calendar(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=1))
    first = only_event((await joined(harness, "Maria")).files[0])
    await joined(harness, "Sam")
    await harness.deliver()
    harness.messenger.clear()

    await harness.say("Olivia", "/phonebank cancel 1")

    [to_maria] = [s.reply for s in harness.messenger.sent if s.to == "maria"]
    [to_sam] = [s.reply for s in harness.messenger.sent if s.to == "sam"]
    assert isinstance(to_maria, Message) and "has been cancelled" in to_maria.text
    [file] = to_maria.files
    assert file.title == "Remove #1 from your calendar"
    event = only_event(file)
    assert (event["uid"], str(event["status"])) == (first["uid"], "CANCELLED")
    assert sequence(event) == sequence(first) + 1
    assert event.walk("VALARM") == []
    # Sam was only waiting: no calendar entry was ever given, so none is taken back.
    assert isinstance(to_sam, Message) and to_sam.files == ()
