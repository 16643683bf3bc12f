"""A shift with positions on Slack: the join answers with one button per position, pressed
through the real slack-bolt."""

from tests.adapters.slack.conftest import OLIVIA, VERA, WALT, Rig
from tests.render import text_of

DOORS = '/phonebank create "Saturday doors" 2026-11-28 10:00 3h 3'


async def test_joining_a_shift_with_positions_offers_a_button_per_position(rig: Rig) -> None:
    await rig.as_organizer(DOORS)
    split = await rig.as_organizer("/phonebank positions 1 driver:1 canvasser:2")
    assert "3 seats in all" in text_of(split)

    await rig.command("/phonebank join 1", user=VERA)
    asked = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "has positions; which one will you take?" in asked.text
    assert [b["value"] for b in asked.buttons()] == ["turnout:joinas:1:1", "turnout:joinas:1:2"]

    await rig.press(asked.button("driver (1 seat left)"), VERA)
    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    assert "You're in! #1" in joined.text and "You're there as driver." in joined.text

    await rig.command("/phonebank join 1 driver", user=WALT)
    queued = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0])
    assert "has no driver seat free, so you're #1 in line for one" in queued.text
    await rig.command("/phonebank join 1", user=WALT)
    again = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0], count=2)
    assert "You're already #1 on the waitlist for #1." in again.text


async def test_require_and_grants_through_the_buttons_of_positions_alone(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Lead training" 2026-11-26 18:00 1h 5')
    await rig.as_organizer(DOORS)
    await rig.as_organizer("/phonebank positions 2 lead:1 canvasser:2")

    await rig.command("/phonebank positions 2", user=OLIVIA)
    shown = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "#2 “Saturday doors” has these positions:" in shown.text
    assert [b["value"] for b in shown.buttons()] == ["turnout:require:2", "turnout:grants:2"]

    await rig.press(shown.button("Make it a training"), OLIVIA)
    opened = await rig.fake.wait_for("views.open")
    assert opened["view"]["callback_id"] == "form:grants:2"
    await rig.submit(opened, {"qualification": {"type": "plain_text_input", "value": "Scouting"}})
    granted = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=2)
    assert "will be qualified as “scouting”" in granted.text

    await rig.press(shown.button("Require a qualification"), OLIVIA)
    opened = await rig.fake.wait_for("views.open", count=2)
    assert opened["view"]["callback_id"] == "form:require:2"
    await rig.submit(
        opened,
        {
            "position": {"type": "static_select", "selected_option": {"value": "lead"}},
            "qualification": {"type": "plain_text_input", "value": "scouting"},
        },
    )
    required = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=3)
    assert "Seats as lead on #2 now need “scouting”" in required.text

    await rig.command("/phonebank join 2 lead", user=VERA)
    refused = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "need the “scouting” qualification" in refused.text
