"""Add to calendar on Discord: a link button (style 5, a url, no custom_id), in answers and DMs."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import icalendar

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import buttons
from tests.adapters.discord.interactions import uid

LINK = 5
START = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)


def calendar_button(body: dict) -> dict:
    (button,) = [b for b in buttons(body) if b.get("label") == "Add to calendar"]
    return button


async def test_joining_answers_with_an_add_to_calendar_link_button(world: World) -> None:
    await world.create_shift()

    call = await world.press("Maria", "turnout:join:1")

    assert call.text.startswith("You're in! #1")
    button = calendar_button(call.json["data"])
    assert button["style"] == LINK and "custom_id" not in button
    query = parse_qs(urlsplit(button["url"]).query)
    # 6 PM on Nov 28 in New York (EST) is 23:00 UTC.
    assert query["dates"] == ["20261128T230000Z/20261129T010000Z"]
    assert "https://dialer.example/sat" in query["details"][0]
    assert len(button["url"]) <= 512
    assert [b.get("custom_id") for b in buttons(call.json["data"])] == ["turnout:leave:1", None]
    # The .ics rides along as a multipart attachment, seen only by Maria.
    [ics] = call.files
    assert ics.filename == "shift-1.ics"
    [event] = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert event.decoded("dtstart") == START


async def test_the_promotion_dm_carries_the_link_button(world: World) -> None:
    await world.create_shift(seats=1)
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.slash("Dev", "phonebank", "join", shift=1)
    await world.deliver()

    await world.press("Maria", "turnout:leave:1")
    await world.deliver()

    (promotion,) = [c for c in world.fake.dms_to(uid("Dev")) if "Good news" in c.text]
    button = calendar_button(promotion.json)
    assert button["style"] == LINK
    assert button["url"].startswith("https://calendar.google.com/calendar/render?")
    [ics] = promotion.files
    [event] = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert event.decoded("dtend") == START + timedelta(hours=2)
