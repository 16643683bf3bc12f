"""A shift with positions on Discord: the join answers with one button per position, and the
slash command's `position` option joins one, through the real discord.py."""

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import buttons


async def test_joining_a_shift_with_positions_offers_a_button_per_position(world: World) -> None:
    await world.create_shift(seats=3)
    split = await world.slash(
        "Olivia", "phonebank", "positions", shift=1, positions="driver:1 canvasser:2"
    )
    assert "3 seats in all" in split.text

    asked = await world.slash("Maria", "phonebank", "join", shift=1)
    assert "has positions; which one will you take?" in asked.text
    offered = buttons(asked.json["data"])
    assert [(b["label"], b["custom_id"]) for b in offered] == [
        ("driver (1 seat left)", "turnout:joinas:1:1"),
        ("canvasser (2 seats left)", "turnout:joinas:1:2"),
    ]

    joined = await world.press("Maria", "turnout:joinas:1:1")
    assert "You're there as driver." in joined.text
    queued = await world.slash("Jamal", "phonebank", "join", shift=1, position="driver")
    assert "has no driver seat free, so you're #1 in line for one" in queued.text
    canvasser = await world.slash("Dev", "phonebank", "join", shift=1, position="canvasser")
    assert "You're there as canvasser." in canvasser.text


async def test_require_and_grants_are_reached_through_the_buttons_of_positions_alone(
    world: World,
) -> None:
    """Discord's menu has no room for `require` and `grants`: `positions <shift>` alone offers
    their buttons, whose modals run the same use cases."""
    await world.create_shift(title="Lead training", seats=5, date="2026-11-26")
    await world.create_shift(title="Saturday doors", seats=3)
    await world.slash("Olivia", "phonebank", "positions", shift=2, positions="lead:1 canvasser:2")

    shown = await world.slash("Olivia", "phonebank", "positions", shift=2)
    assert "lead: 0 of 1 seat taken, 0 waiting." in shown.text
    assert [(b["label"], b["custom_id"]) for b in buttons(shown.json["data"])] == [
        ("Require a qualification", "turnout:require:2"),
        ("Make it a training", "turnout:grants:2"),
    ]
    training = await world.slash("Olivia", "phonebank", "positions", shift=1)
    assert [b["custom_id"] for b in buttons(training.json["data"])] == ["turnout:grants:1"]

    opened = await world.press("Olivia", "turnout:grants:1")
    assert opened.json["type"] == 9
    assert opened.json["data"]["custom_id"] == "turnout:form:grants:1"
    granted = await world.submit(
        "Olivia", "turnout:form:grants:1", {"qualification": "Canvass lead"}
    )
    assert "will be qualified as “canvass lead”" in granted.text

    opened = await world.press("Olivia", "turnout:require:2")
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:require:2"
    picker, _text = [c["component"] for c in modal["components"]]
    assert [o["value"] for o in picker["options"]] == ["lead", "canvasser"]
    required = await world.submit(
        "Olivia",
        "turnout:form:require:2",
        {"position": ["lead"], "qualification": "canvass lead"},
    )
    assert "Seats as lead on #2 now need “canvass lead”" in required.text

    shown = await world.slash("Olivia", "phonebank", "positions", shift=2)
    assert "lead: 0 of 1 seat taken, 0 waiting; needs “canvass lead”." in shown.text
    refused = await world.slash("Maria", "phonebank", "join", shift=2, position="lead")
    assert "need the “canvass lead” qualification" in refused.text
    assert "Only organizers" in (await world.press("Maria", "turnout:require:2")).text
