"""Editing a shift on Discord: the modal opens filled in, DMs carry Still works, a cut confirms."""

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import GENERAL, Call, buttons
from tests.adapters.discord.interactions import uid

SERVER = "1300000000000000100"


async def propose_home_calls(world: World) -> Call:
    """Maria proposes a phone bank she will host."""
    return await world.slash(
        "Maria",
        "phonebank",
        "propose",
        title="Home calls",
        date="2026-11-28",
        start="18:00",
        length="2h",
        seats=4,
    )


async def test_edit_without_a_field_opens_the_shift_modal_filled_in_and_saving_it_edits(
    world: World,
) -> None:
    await world.create_shift(seats=1)
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.slash("Dev", "phonebank", "join", shift=1)

    opened = await world.slash("Olivia", "phonebank", "edit", shift=1)

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:edit_shift:1"
    values = {c["component"]["custom_id"]: c["component"].get("value") for c in modal["components"]}
    assert values == {
        "title": "Saturday calls",
        "day|start": "2026-11-28 18:00",
        "duration": "2h",
        "capacity": "1",
        "link": "https://dialer.example/sat",
    }
    saved = await world.submit("Olivia", "turnout:form:edit_shift:1", {**values, "capacity": "2"})
    await world.deliver()

    assert "2 seats; 1 person moved up from the waitlist and told" in saved.text
    assert any("Good news" in c.text for c in world.fake.dms_to(uid("Dev")))


async def test_one_field_typed_as_options_moves_the_shift_and_the_dm_has_still_works(
    world: World,
) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)

    asked = await world.slash("Olivia", "phonebank", "edit", shift=1, field="time", value="7pm")
    assert "1 person will get a DM. Nothing is saved yet" in asked.text
    assert [b["custom_id"] for b in buttons(asked.json["data"])] == ["turnout:newtime:1:1900"]
    edited = await world.press("Olivia", "turnout:newtime:1:1900")
    await world.deliver()

    assert "now <t:1795910400:F>" in edited.text  # Sat Nov 28, 7:00 PM EST
    (moved,) = [c for c in world.fake.dms_to(uid("Maria")) if "moved from" in c.text]
    # Then Add to calendar, a link button (no custom_id), with the moved .ics attached.
    assert [b.get("custom_id") for b in buttons(moved.json)] == [
        f"turnout:still:1@{SERVER}",
        f"turnout:leave:1@{SERVER}",
        None,
    ]
    assert [f.filename for f in moved.files] == ["shift-1.ics"]
    kept = await world.press("Maria", f"turnout:still:1@{SERVER}", dm=True)
    assert "you're still in for “Saturday calls” (#1)" in kept.text


async def test_cutting_seats_asks_first_with_a_button_carrying_shift_and_seats(
    world: World,
) -> None:
    await world.create_shift(seats=2)
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.slash("Dev", "phonebank", "join", shift=1)

    asked = await world.slash("Olivia", "phonebank", "edit", shift=1, field="seats", value="1")

    assert "moves Dev (the last to join) back to the head of the waitlist" in asked.text
    assert [b["custom_id"] for b in buttons(asked.json["data"])] == ["turnout:seats:1:1"]
    done = await world.press("Olivia", "turnout:seats:1:1")
    assert "Dev moved back to the waitlist and told" in done.text


async def test_add_remove_and_move_as_command_options_on_discord(world: World) -> None:
    await world.create_shift(seats=1)
    await world.create_shift("Sunday calls", seats=3, date="2026-11-29")
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.slash("Dev", "volunteer", "tz", zone="America/New_York")

    added = await world.slash("Olivia", "phonebank", "add", shift=1, who="Dev", over=True)
    await world.deliver()  # a booking undone before it is sent is never sent
    moved = await world.slash("Olivia", "phonebank", "move", who="Maria", from_shift=1, to_shift=2)
    removed = await world.slash("Olivia", "phonebank", "remove", shift=1, who="Dev")
    await world.deliver()

    assert "Booked Dev on #1" in added.text
    assert "Moved Maria from #1 to #2" in moved.text
    assert "Took Dev off #1" in removed.text
    dms = [c.text for c in world.fake.dms_to(uid("Dev"))]
    assert any("Olivia booked you on “Saturday calls” (#1)" in t for t in dms)
    assert any("took you off “Saturday calls”" in t for t in dms)


async def test_repeat_as_options_and_every_week_then_leave_following_on_discord(
    world: World,
) -> None:
    await world.create_shift(seats=3)

    repeated = await world.slash("Olivia", "phonebank", "repeat", shift=1, how="weekly")
    joined = await world.slash("Maria", "phonebank", "join", shift=1)
    standing = await world.press("Maria", "turnout:weekly:1")
    left = await world.slash("Maria", "phonebank", "leave", shift=1, following=True)

    assert "now repeats every week" in repeated.text
    # The last is Add to calendar, a link button: it has no custom_id.
    assert [b.get("custom_id") for b in buttons(joined.json["data"])] == [
        "turnout:leave:1",
        "turnout:weekly:1",
        None,
    ]
    assert "You're signed up every week" in standing.text
    assert "You've left" in left.text and "won't be signed up for new ones" in left.text


async def test_propose_then_approve_by_button_makes_the_proposer_host_of_that_shift_only(
    world: World,
) -> None:
    proposed = await propose_home_calls(world)
    await world.deliver()
    await world.create_shift("Other calls", date="2026-11-29")

    approved = await world.press("Olivia", "turnout:approve:1")
    roster = await world.slash("Maria", "phonebank", "roster", shift=2)
    refused = await world.slash("Maria", "phonebank", "roster", shift=1)
    declined = await world.press("Olivia", "turnout:decline:1")

    assert "I've sent “Home calls”" in proposed.text
    assert "Approved: #2 “Home calls”" in approved.text and "hosted by Maria" in approved.text
    assert "Nobody has signed up yet" in roster.text
    assert "Only organizers and the host of #1" in refused.text
    assert "already approved" in declined.text


async def test_a_bare_create_modal_has_no_room_to_ask_how_it_repeats_so_a_button_asks_after(
    world: World,
) -> None:
    opened = await world.slash("Olivia", "phonebank", "create")

    modal = opened.json["data"]
    asked = [c["component"]["custom_id"] for c in modal["components"]]
    assert asked == ["title", "day|start", "duration", "capacity", "link"]
    created = await world.submit(
        "Olivia",
        "turnout:form:shift",
        {
            "title": "Tuesday calls",
            "day|start": "2026-11-10 18:00",
            "duration": "2h",
            "capacity": "5",
            "link": "",
        },
    )
    assert "Created #1 “Tuesday calls”" in created.text
    # Join is on the channel's live post; the organizer's own note offers to repeat it.
    assert [b["custom_id"] for b in buttons(created.json["data"])] == ["turnout:repeat:1"]

    follow_up = await world.press("Olivia", "turnout:repeat:1")

    assert follow_up.json["type"] == 9
    repeat = follow_up.json["data"]
    assert repeat["custom_id"] == "turnout:form:repeat:1"
    inputs = {c["component"]["custom_id"]: c["component"] for c in repeat["components"]}
    assert list(inputs) == ["repeat", "weekdays[]", "ends"]
    assert [o["label"] for o in inputs["repeat"]["options"]] == [
        "Weekly",
        "Every 2 weeks",
        "On chosen weekdays",
    ]
    repeated = await world.submit(
        "Olivia",
        "turnout:form:repeat:1",
        {"repeat": ["weekdays"], "weekdays[]": ["tue", "thu"], "ends": "4 times"},
    )
    assert "now repeats every week on Tue and Thu, 4 times" in repeated.text
    assert "Created #2 Thu Nov 12, #3 Tue Nov 17, #4 Thu Nov 19" in repeated.text
    refused = await world.press("Maria", "turnout:repeat:1")
    assert "Only organizers can repeat shifts" in refused.text


async def test_decline_opens_a_reason_modal_and_the_proposer_reads_the_reason(world: World) -> None:
    await propose_home_calls(world)
    await world.deliver()

    opened = await world.press("Olivia", "turnout:decline:1")

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:decline:1"
    [reason] = [c["component"] for c in modal["components"]]
    assert reason["custom_id"] == "reason" and reason["style"] == 2
    declined = await world.submit(
        "Olivia",
        "turnout:form:decline:1",
        {"reason": "We already have one that evening @everyone"},
    )
    assert "mention" in declined.text  # refused: a reason never pings anyone
    declined = await world.submit(
        "Olivia", "turnout:form:decline:1", {"reason": "We already have one that evening."}
    )
    await world.deliver()

    assert "Declined “Home calls”" in declined.text
    [told] = [c for c in world.fake.dms_to(uid("Maria")) if "won't run" in c.text]
    assert "Their reason: We already have one that evening." in told.text
    again = await world.press("Olivia", "turnout:decline:1")
    assert "already declined" in again.text


async def test_a_new_link_as_options_opens_a_one_question_modal_that_saves_and_tells(
    world: World,
) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)

    opened = await world.slash(
        "Olivia", "phonebank", "edit", shift=1, field="link", value="https://dialer.example/new"
    )

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:edit_link:1"
    [link] = [c["component"] for c in modal["components"]]
    assert link["custom_id"] == "link" and link["value"] == "https://dialer.example/new"
    saved = await world.submit(
        "Olivia", "turnout:form:edit_link:1", {"link": "https://dialer.example/new"}
    )
    await world.deliver()

    assert "new link; 1 person confirmed told" in saved.text
    assert any("dialer.example/new" in c.text for c in world.fake.dms_to(uid("Maria")))


async def test_booking_outside_availability_asks_with_buttons_or_books_with_confirm(
    world: World,
) -> None:
    await world.create_shift("Tuesday calls", date="2026-11-24")
    await world.create_shift("Wednesday calls", date="2026-11-25")
    await world.submit(
        "Maria",
        "turnout:form:onboarding",
        {"interests[]": ["phone_banking"], "availability": "weekends", "location": "53703"},
    )

    asked = await world.slash("Olivia", "phonebank", "add", shift=1, who="Maria")
    booked = await world.press("Olivia", "turnout:book:1:2")
    confirmed = await world.slash("Olivia", "phonebank", "add", shift=2, who="Maria", confirm=True)
    roster = await world.slash("Olivia", "phonebank", "roster", shift=2)

    assert "told us when they're free (weekends)" in asked.text
    assert [(b["label"], b["custom_id"]) for b in buttons(asked.json["data"])] == [
        ("Book anyway", "turnout:book:1:2"),
        ("Cancel", "turnout:dontbook"),
    ]
    assert "Booked Maria on #1" in booked.text
    assert "Booked Maria on #2" in confirmed.text
    assert "1. Maria" in roster.text


async def test_proposals_list_with_buttons_and_the_approved_one_is_posted_and_found_by_its_host(
    world: World,
) -> None:
    await propose_home_calls(world)

    listed = await world.slash("Olivia", "phonebank", "proposals")
    approved = await world.press("Olivia", "turnout:approve:1")
    await world.deliver()
    mine = await world.slash("Maria", "phonebank", "mine")
    roster = await world.press("Maria", "turnout:roster:1")

    [field] = listed.json["data"]["embeds"][0]["fields"]
    assert field["name"] == "Proposal 1: 📞 Phone bank, Home calls"
    assert field["value"].startswith("from Maria (#")
    assert [(b["label"], b["custom_id"]) for b in buttons(listed.json["data"])] == [
        ("Approve #1", "turnout:approve:1"),
        ("Decline #1", "turnout:decline:1"),
    ]
    assert "I'm posting it here" in approved.text
    [post] = [c for c in world.fake.messages_in(GENERAL) if "📞" in c.content]
    assert "Home calls" in post.content
    [hosted] = mine.json["data"]["embeds"][0]["fields"]
    assert hosted["name"] == "#1 Home calls" and "you host it" in hosted["value"]
    assert [b["custom_id"] for b in buttons(mine.json["data"])] == ["turnout:roster:1"]
    assert "Nobody has signed up yet" in roster.text
