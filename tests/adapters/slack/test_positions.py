"""A shift with positions on Slack: the join answers with one button per position, pressed
through the real slack-bolt."""

from tests.adapters.slack.conftest import VERA, WALT, Rig
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
