"""`/phonebank positions <shift>` alone: the shift's positions with the buttons that open the
`require` and `grants` forms (how Discord, whose menu has no room for those two, reaches them),
and those forms running the same use cases as the typed commands."""

from bot.ports.replies import ChoiceField, Form, Message, TextField
from bot.positions.forms import GRANTS, REQUIRE
from tests.conftest import Harness
from tests.render import text_of

DOORS = '/phonebank create "Saturday doors" 2026-11-07 10:00 3h 4'
TRAINING = '/phonebank create "Lead training" 2026-11-05 18:00 1h 10'


async def doors_with_positions(h: Harness) -> None:
    """#1 a training, #2 a canvass split into lead:1 canvasser:3."""
    assert "Created #1" in await h.say("Olivia", TRAINING)
    assert "Created #2" in await h.say("Olivia", DOORS)
    assert "4 seats in all" in await h.say("Olivia", "/phonebank positions 2 lead:1 canvasser:3")


async def test_positions_alone_shows_each_with_its_seats_and_both_buttons(
    harness: Harness,
) -> None:
    await doors_with_positions(harness)
    await harness.say("Olivia", '/phonebank grants 1 "canvass lead"')
    await harness.say("Olivia", '/phonebank require 2 lead "canvass lead"')
    await harness.say("Maria", "/phonebank join 2 canvasser")

    shown = await harness.reply("Olivia", "/phonebank positions 2")

    assert isinstance(shown, Message) and not shown.error
    assert shown.text.splitlines() == [
        "#2 “Saturday doors” has these positions:",
        "lead: 0 of 1 seat taken, 0 waiting; needs “canvass lead”.",
        "canvasser: 1 of 3 seats taken, 0 waiting.",
    ]
    assert [(b.label, b.action) for b in shown.buttons] == [
        ("Require a qualification", "turnout:require:2"),
        ("Make it a training", "turnout:grants:2"),
    ]


async def test_a_shift_without_positions_offers_only_the_training_button(
    harness: Harness,
) -> None:
    await doors_with_positions(harness)
    await harness.say("Olivia", '/phonebank grants 1 "canvass lead"')

    shown = await harness.reply("Olivia", "/phonebank positions 1")

    assert isinstance(shown, Message)
    assert shown.text.splitlines() == [
        "#1 “Lead training” has no positions: its 10 seats are open to anyone. Split them "
        "with `/phonebank positions 1 lead:1 canvasser:8`.",
        "Whoever attends it is qualified as “canvass lead”.",
    ]
    assert [b.action for b in shown.buttons] == ["turnout:grants:1"]


async def test_the_require_form_offers_the_shift_s_positions_and_stores_the_requirement(
    harness: Harness,
) -> None:
    await doors_with_positions(harness)
    await harness.say("Olivia", '/phonebank grants 1 "canvass lead"')

    form = await harness.bot.turnout.press(harness.actor("Olivia"), "turnout:require:2")

    assert isinstance(form, Form) and form.form_id == "require:2"
    position, qualification = form.fields
    assert isinstance(position, ChoiceField) and isinstance(qualification, TextField)
    assert [(o.value, o.label) for o in position.options] == [
        ("lead", "lead"),
        ("canvasser", "canvasser"),
    ]
    stored = await harness.submit(
        "Olivia", REQUIRE.id_for(2), position="lead", qualification="Canvass lead"
    )
    assert "Seats as lead on #2 now need “canvass lead”" in text_of(stored)
    refused = await harness.say("Maria", "/phonebank join 2 lead")
    assert "Seats as lead on #2 need the “canvass lead” qualification." in refused


async def test_the_require_form_is_refused_as_the_typed_command_is_and_changes_nothing(
    harness: Harness,
) -> None:
    await doors_with_positions(harness)

    submitted = await harness.submit(
        "Olivia", REQUIRE.id_for(2), position="lead", qualification="canvass lead"
    )
    typed = await harness.reply("Olivia", '/phonebank require 2 lead "canvass lead"')

    assert isinstance(submitted, Message) and submitted.error
    assert submitted.text == text_of(typed)
    assert "Nobody can earn “canvass lead” yet" in submitted.text
    assert "You're there as lead." in await harness.say("Maria", "/phonebank join 2 lead")


async def test_the_training_form_makes_the_shift_grant_the_qualification(
    harness: Harness,
) -> None:
    await doors_with_positions(harness)

    form = await harness.bot.turnout.press(harness.actor("Olivia"), "turnout:grants:1")
    assert isinstance(form, Form) and form.form_id == "grants:1"
    assert [f.name for f in form.fields] == ["qualification"]
    granted = await harness.submit("Olivia", GRANTS.id_for(1), qualification="Canvass lead")

    assert (
        "Everyone who attends #1 “Lead training” will be qualified as “canvass lead”."
        in text_of(granted)
    )
    required = await harness.say("Olivia", '/phonebank require 2 lead "canvass lead"')
    assert "Seats as lead on #2 now need “canvass lead”" in required


async def test_the_buttons_refuse_what_the_typed_commands_refuse(harness: Harness) -> None:
    await doors_with_positions(harness)

    no_positions = await harness.press("Olivia", "turnout:require:1")
    assert "#1 has no positions yet; set them first" in no_positions
    assert "Only organizers" in await harness.press("Maria", "turnout:grants:1")
    assert "Only organizers" in await harness.say("Maria", "/phonebank positions 2")
    assert "There's no shift #9" in await harness.say("Olivia", "/phonebank positions 9")
    await harness.say("Olivia", "/phonebank cancel 2")
    assert "#2 was cancelled" in await harness.press("Olivia", "turnout:require:2")
    empty = await harness.submit("Olivia", GRANTS.id_for(1), qualification=" ")
    assert "Please fill in the qualification." in text_of(empty)
