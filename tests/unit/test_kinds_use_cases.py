"""Shifts of each kind through the core: created with their place, joined by any verb, edited,
repeated with their kind, debriefed with what their kind counts, and wrapped up in its words."""

from datetime import timedelta

from tests.conftest import Harness

CANVASS = (
    '/shift create canvass "Saturday doors" 2026-11-07 10:00 3h {seats} "Library, 123 Main St"'
)
TRAINING = '/shift create training "New volunteer training" 2026-11-05 18:00 1h 10'


async def test_a_canvass_is_joined_by_phonebank_verbs_and_says_where_to_meet(
    harness: Harness,
) -> None:
    assert "Created #1 “Saturday doors”" in await harness.say("Olivia", CANVASS.format(seats=2))

    joined = await harness.say("Maria", "/phonebank join 1")

    assert "You're in! #1 “Saturday doors”" in joined
    assert "Wear good shoes and meet at Library, 123 Main St (map: https://www.openstreetmap" in (
        joined
    )
    assert "Dialer" not in joined
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "Maria" in roster


async def test_a_place_the_kind_can_t_use_is_refused_and_nothing_is_created(
    harness: Harness,
) -> None:
    refused = await harness.say(
        "Olivia", '/shift create textbank "Texts" 2026-11-07 10:00 2h 5 "Library, 123 Main St"'
    )

    assert "full web address" in refused
    assert "No shifts are scheduled yet" in await harness.say("Maria", "/shift list")


async def test_a_canvass_s_address_can_be_edited_and_a_phone_bank_still_needs_a_link(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CANVASS.format(seats=2))
    await harness.say(
        "Olivia", '/phonebank create "Calls" 2026-11-07 18:00 2h 5 https://dialer.example/a'
    )

    edited = await harness.say("Olivia", '/shift edit 1 link "Union Hall, 5 Oak Ave" confirm')
    refused = await harness.say("Olivia", '/shift edit 2 link "Union Hall, 5 Oak Ave" confirm')

    assert "Saved #1 “Saturday doors”" in edited, edited
    assert "full web address" in refused
    joined = await harness.say("Maria", "/shift join 1")
    assert "meet at Union Hall, 5 Oak Ave (map:" in joined


async def test_a_repeated_canvass_makes_canvasses(harness: Harness) -> None:
    await harness.say("Olivia", CANVASS.format(seats=2))

    repeated = await harness.say("Olivia", "/shift repeat 1 weekly times 3")

    assert "Created #2" in repeated, repeated
    listed = await harness.say("Maria", "/shift list canvass")
    assert listed.count("🚪 Canvass ·") == 3


async def test_a_training_asks_attendance_only_and_its_wrap_up_has_no_counts(
    harness: Harness,
) -> None:
    await harness.say("Olivia", TRAINING)
    await harness.say("Maria", "/shift join 1")
    await harness.advance(timedelta(days=3, hours=10))

    form = await harness.reply("Maria", "/shift debrief 1")
    said = await harness.say("Maria", "/shift debrief 1 12 3 Great session")
    report = await harness.say("Olivia", "/shift report 1")

    assert [f.name for f in form.fields] == ["notes"]  # type: ignore[union-attr]
    assert "I've noted that you came to #1 “New volunteer training”" in said
    assert "attended 1 of 1" in report and "Calls" not in report
    assert "Maria: Great session" in report


async def test_a_canvass_debrief_counts_doors_and_refuses_more_conversations_than_doors(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CANVASS.format(seats=2))
    await harness.say("Maria", "/shift join 1")
    await harness.advance(timedelta(days=6))

    refused = await harness.say("Maria", "/shift debrief 1 5 30")
    said = await harness.say("Maria", "/shift debrief 1 30 5")

    assert refused == (
        "Conversations had can't be more than Doors knocked: type the doors knocked first, "
        "like `/shift debrief 1 30 5`."
    )
    assert "I've noted Doors knocked: 30 and Conversations had: 5" in said
    report = await harness.say("Olivia", "/shift report 1")
    assert "Doors knocked: 30 · Conversations had: 5" in report


async def test_shift_debrief_names_no_phone_bank_counts_in_its_usage_or_refusals(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CANVASS.format(seats=2))
    await harness.say("Maria", "/shift join 1")
    await harness.advance(timedelta(days=6))

    refused = await harness.say("Maria", "/shift debrief 1 lots 5")
    help_page = await harness.say("Maria", "/shift help")

    assert refused.startswith("Each count should be a whole number from 0 to 1,000, first the")
    assert "`/shift debrief 1 40 12`" in refused
    assert "calls" not in refused.split(",")[0]
    assert "/shift debrief <shift> <count> <count> [notes]" in help_page
    assert "doors knocked and conversations for a canvass" in help_page
    assert "<calls>" not in help_page
    # `/phonebank debrief` keeps its own words; nothing was recorded by the refusal.
    assert "/phonebank debrief <shift> <calls> <conversations>" in await harness.say(
        "Maria", "/phonebank help"
    )
    said = await harness.say("Maria", "/shift debrief 1 30 5")
    assert "I've noted Doors knocked: 30 and Conversations had: 5" in said


async def test_history_keeps_calls_for_phone_banks_and_lists_each_other_kind(
    harness: Harness,
) -> None:
    await harness.say("Olivia", TRAINING)
    await harness.say("Olivia", CANVASS.format(seats=2))
    await harness.say("Maria", "/shift join 1")
    await harness.say("Maria", "/shift join 2")
    await harness.advance(timedelta(days=6))
    await harness.say("Maria", "/shift debrief 1")
    await harness.say("Maria", "/shift debrief 2 30 5")

    history = await harness.say("Maria", "/volunteer history")

    assert "0 calls, 0 conversations" in history
    assert "🚪 Canvass: 1 shift; Doors knocked: 30 · Conversations had: 5" in history
    assert "🎓 Training: 1 shift" in history
