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
