"""Phone bank shifts on Discord, end to end: commands, buttons, autocomplete, the form."""

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import GENERAL, buttons
from tests.adapters.discord.interactions import autocomplete, uid

EPHEMERAL = 64
# Sat Nov 28, 6:00 PM EST, and Sun Nov 29 at 6:00 PM and 2:00 PM EST, as Discord timestamps.
SATURDAY, SUNDAY, SUNDAY_2PM = "<t:1795906800:F>", "<t:1795993200:F>", "<t:1795978800:F>"


async def test_phonebank_list_answers_privately_with_an_embed_and_join_buttons(
    world: World,
) -> None:
    await world.create_shift("Saturday calls", seats=12)
    await world.create_shift("Sunday calls", seats=4, date="2026-11-29")

    call = await world.slash("Maria", "phonebank", "list")

    assert call.json["type"] == 4 and call.json["data"]["flags"] == EPHEMERAL
    (embed,) = call.json["data"]["embeds"]
    assert embed["title"] == "Upcoming phone banks"
    assert [(f["name"], f["value"]) for f in embed["fields"]] == [
        ("#1 Saturday calls", f"{SATURDAY} · 2h · 12 of 12 seats left"),
        ("#2 Sunday calls", f"{SUNDAY} · 2h · 4 of 4 seats left"),
    ]
    assert [(b["label"], b["custom_id"]) for b in buttons(call.json["data"])] == [
        ("Join #1", "turnout:join:1"),
        ("Join #2", "turnout:join:2"),
    ]


async def test_pressing_join_confirms_the_seat(world: World) -> None:
    await world.create_shift()

    call = await world.press("Maria", "turnout:join:1")

    assert call.json["type"] == 4 and call.json["data"]["flags"] == EPHEMERAL
    # Each reader sees the time in their own zone: a Discord timestamp, not one zone's words.
    assert call.text.startswith(f"You're in! #1 “Saturday calls”, {SATURDAY} for 2h.")
    assert "Dialer and script: https://dialer.example/sat" in call.text
    # Then Add to calendar, a link button: it has no custom_id.
    assert [b.get("custom_id") for b in buttons(call.json["data"])] == ["turnout:leave:1", None]


async def test_a_full_shift_waitlists_and_leaving_promotes_with_a_dm(world: World) -> None:
    await world.create_shift(seats=1)
    await world.slash("Maria", "phonebank", "join", shift=1)
    waiting = await world.slash("Dev", "phonebank", "join", shift=1)
    assert "is full, so you're #1 on the waitlist" in waiting.text
    await world.deliver()  # welcomes, sent before the promotion below

    left = await world.press("Maria", "turnout:leave:1")
    report = await world.deliver()

    assert "You've left #1 “Saturday calls”" in left.text
    assert report.sent == 1
    (promotion,) = [c for c in world.fake.dms_to(uid("Dev")) if "Good news" in c.text]
    assert "you're now confirmed for “Saturday calls” (#1)" in promotion.text
    # The DM's button says which server it is about: a DM itself doesn't.
    assert [b.get("custom_id") for b in buttons(promotion.json)] == [
        "turnout:leave:1@1300000000000000100",
        None,
    ]
    roster = await world.slash("Olivia", "phonebank", "roster", shift=1)
    assert [f["name"] for f in roster.json["data"]["embeds"][0]["fields"]] == ["1. Dev"]


async def test_can_t_make_it_in_a_reminder_dm_leaves_the_shift(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)

    call = await world.press("Maria", "turnout:leave:1@1300000000000000100", dm=True)

    assert "You've left #1 “Saturday calls”" in call.text
    mine = await world.slash("Maria", "phonebank", "mine")
    assert "You're not signed up for anything yet" in mine.text


async def test_autocomplete_offers_shifts_with_titles_and_times(world: World) -> None:
    await world.create_shift("Saturday calls")
    await world.create_shift("Sunday calls", date="2026-11-29")
    await world.create_shift("Saturday canvass prep", date="2026-11-21")

    call = await world.interact(autocomplete("Maria", "phonebank", "join", "shift", "sat"))

    assert call.json["type"] == 8
    assert call.json["data"]["choices"] == [
        {"name": "#3 Saturday canvass prep · Sat Nov 21, 6:00 PM EST · 2 seats left", "value": 3},
        {"name": "#1 Saturday calls · Sat Nov 28, 6:00 PM EST · 2 seats left", "value": 1},
    ]
    by_number = await world.interact(autocomplete("Maria", "phonebank", "join", "shift", "2"))
    assert [c["value"] for c in by_number.json["data"]["choices"]] == [2]


async def test_leave_autocomplete_offers_only_my_shifts(world: World) -> None:
    await world.create_shift("Saturday calls")
    await world.create_shift("Sunday calls", date="2026-11-29")
    await world.slash("Maria", "phonebank", "join", shift=2)

    call = await world.interact(autocomplete("Maria", "phonebank", "leave", "shift", ""))

    assert call.json["data"]["choices"] == [
        {"name": "#2 Sunday calls · Sun Nov 29, 6:00 PM EST · confirmed", "value": 2}
    ]


async def test_phonebank_create_without_options_opens_a_modal_that_creates_the_shift(
    world: World,
) -> None:
    opened = await world.slash("Olivia", "phonebank", "create")

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:shift"
    assert modal["title"] == "New phone bank shift"
    # Six questions, five rows: the date and the start time share one box.
    assert [(c["label"], c["component"]["custom_id"]) for c in modal["components"]] == [
        ("Title", "title"),
        ("Date and start time", "day|start"),
        ("Length", "duration"),
        ("Seats", "capacity"),
        ("Call script or dialer link", "link"),
    ]
    assert modal["components"][3]["component"]["value"] == "10"

    created = await world.submit(
        "Olivia",
        "turnout:form:shift",
        {
            "title": "Sunday calls",
            "day|start": "2026-11-29 14:00",
            "duration": "90m",
            "capacity": "8",
            "link": "",
        },
    )

    assert created.json["type"] == 4
    assert created.json["data"].get("flags", 0) & 64  # the note is the organizer's
    assert created.text.startswith(f"Created #1 “Sunday calls”: {SUNDAY_2PM} for 1h30m")
    # The channel sees the new shift as a post of the bot's own, which it keeps current.
    await world.deliver()
    (post,) = world.fake.messages_in(GENERAL)
    assert "📞 #1 “Sunday calls”" in post.content and "8 of 8 left" in post.content


async def test_a_modal_with_a_bad_date_says_what_to_fix_and_creates_nothing(world: World) -> None:
    answer = await world.submit(
        "Olivia",
        "turnout:form:shift",
        {"title": "Sunday calls", "day|start": "tomorrow 6pm", "duration": "2h", "capacity": "8"},
    )

    (embed,) = answer.json["data"]["embeds"]
    assert embed["color"] == 0xE74C3C
    assert embed["description"] == (
        # An example date ahead of the world's clock (Monday 2026-11-02): the Saturday after next.
        "I couldn't read `tomorrow` as a date. Use YYYY-MM-DD, like `2026-11-14`."
    )
    listed = await world.slash("Maria", "phonebank", "list")
    assert "No shifts are scheduled yet" in listed.text


async def test_roster_cancel_and_announce_reach_the_people_signed_up(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.deliver()

    announced = await world.slash(
        "Olivia", "phonebank", "announce", shift=1, message="Parking is behind the library."
    )
    await world.deliver()
    cancelled = await world.slash("Olivia", "phonebank", "cancel", shift=1)
    await world.deliver()

    assert "Sending your message to the 1 confirmed volunteer of #1" in announced.text
    assert "Cancelled #1 “Saturday calls”" in cancelled.text
    dms = [c.text for c in world.fake.dms_to(uid("Maria"))]
    assert any("📣 Olivia about “Saturday calls”" in t and "Parking is behind" in t for t in dms)
    assert any("has been cancelled by the organizers" in t for t in dms)
    # Replies to commands never go through the channel's REST endpoint: only the shift's post.
    assert [c.content.splitlines()[0] for c in world.fake.messages_in(GENERAL)] == [
        "📞 #1 “Saturday calls”"
    ]


async def test_announce_with_the_waitlist_option_reaches_those_waiting_too(world: World) -> None:
    await world.create_shift(seats=1)
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.slash("Dev", "phonebank", "join", shift=1)
    await world.deliver()

    confirmed_only = await world.slash(
        "Olivia", "phonebank", "announce", shift=1, message="Doors at 5."
    )
    both = await world.slash(
        "Olivia", "phonebank", "announce", shift=1, message="Parking is free.", waitlist=True
    )
    await world.deliver()

    assert "The 1 person on its waitlist won't get it" in confirmed_only.text
    assert both.text == (
        "Sending your message to the 1 confirmed volunteer of #1 and the 1 person on its waitlist."
    )
    dev = [c.text for c in world.fake.dms_to(uid("Dev")) if "📣" in c.text]
    assert len(dev) == 1 and "Parking is free." in dev[0] and "You're #1 on its waitlist." in dev[0]
