"""After the sign-up on Discord: I'll be there and I'm here from DMs, attendance and marks."""

from datetime import timedelta

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import buttons
from tests.adapters.discord.interactions import uid

SERVER = "@1300000000000000100"
TO_DAY_BEFORE = timedelta(days=25, hours=9)


async def test_ill_be_there_from_the_reminder_dm_confirms(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(TO_DAY_BEFORE)
    (reminder,) = [c for c in world.fake.dms_to(uid("Maria")) if "⏰" in c.content]

    confirmed = await world.press("Maria", f"turnout:confirm:1{SERVER}", dm=True)

    assert buttons(reminder.json)[0]["label"] == "I'll be there"
    assert "You're confirmed for #1 “Saturday calls”" in confirmed.text
    mine = await world.slash("Maria", "phonebank", "mine")
    assert "✅ you said you'll be there" in mine.text


async def test_check_in_by_button_then_an_organizer_marks_by_slash_options(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(TO_DAY_BEFORE + timedelta(days=1))
    (started,) = [c for c in world.fake.dms_to(uid("Maria")) if "starting now" in c.content]
    assert [b["custom_id"] for b in buttons(started.json)] == [f"turnout:checkin:1{SERVER}"]

    checked_in = await world.press("Maria", f"turnout:checkin:1{SERVER}", dm=True)
    view = await world.slash("Olivia", "phonebank", "attendance", shift=1)
    marked = await world.slash("Olivia", "phonebank", "mark", shift=1, who="#2", mark="no-show")
    after = await world.slash("Olivia", "phonebank", "attendance", shift=1)

    assert "You're checked in for #1" in checked_in.text
    assert ": checked in" in view.text
    labels = [b["label"].split(":")[0] for b in buttons(view.json["data"])]
    assert labels == ["Here", "No-show"]
    assert marked.text.startswith("Marked ") and marked.text.endswith(" as a no-show for #1.")
    assert ": no-show" in after.text


async def test_i_made_it_opens_the_debrief_modal_and_the_report_shows_the_answers(
    world: World,
) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(TO_DAY_BEFORE + timedelta(days=1, hours=2, minutes=15))
    (asked,) = [c for c in world.fake.dms_to(uid("Maria")) if "How did it go?" in c.content]
    assert [b["label"] for b in buttons(asked.json)] == ["I made it", "I couldn't make it"]

    opened = await world.press("Maria", f"turnout:madeit:1{SERVER}", dm=True)
    assert opened.json["type"] == 9
    # The shift rides in the modal's custom_id; the modal asks only what the button can't know.
    modal = opened.json["data"]
    assert modal["custom_id"] == f"turnout:form:debrief:1{SERVER}"
    questions = [c["component"]["custom_id"] for c in modal["components"]]
    assert questions == ["calls", "conversations", "notes"]
    thanks = await world.submit(
        "Maria",
        modal["custom_id"],
        {"calls": "30", "conversations": "9", "notes": "@here quiet list"},
        dm=True,
    )
    assert "can't mention @everyone, @here" in thanks.text
    thanks = await world.submit(
        "Maria",
        modal["custom_id"],
        {"calls": "30", "conversations": "9", "notes": "quiet list"},
        dm=True,
    )
    report = await world.slash("Olivia", "phonebank", "report", shift=1)

    assert "I've noted 30 calls and 9 conversations for #1" in thanks.text
    assert "attended 1 of 1" in report.text
    assert "Calls: 30 · conversations: 9" in report.text


async def test_debrief_by_slash_options_records_a_miss_kindly(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(TO_DAY_BEFORE + timedelta(days=1, hours=2, minutes=15))

    missed = await world.slash("Maria", "phonebank", "debrief", shift=1, calls="missed")

    assert "Thanks for letting us know about #1. Hope to see you soon!" in missed.text


async def test_a_debrief_with_more_conversations_than_calls_is_refused_by_options_and_modal(
    world: World,
) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(TO_DAY_BEFORE + timedelta(days=1, hours=2, minutes=15))

    typed = await world.slash(
        "Maria", "phonebank", "debrief", shift=1, calls="4", conversations="12"
    )
    opened = await world.press("Maria", f"turnout:madeit:1{SERVER}", dm=True)
    formed = await world.submit(
        "Maria",
        opened.json["data"]["custom_id"],
        {"shift": "1", "calls": "4", "conversations": "12", "notes": ""},
        dm=True,
    )
    report = await world.slash("Olivia", "phonebank", "report", shift=1)

    for refused in (typed, formed):
        assert "if you made 12 calls and had 4 conversations, type" in refused.text
    assert "Calls: 0 · conversations: 0" in report.text
