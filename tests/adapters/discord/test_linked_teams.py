"""Linked teams on Discord: a crafted button naming another team's shift or link code changes
nothing; once linked, the same server joins the other team's shifts and is named on rosters."""

from sqlalchemy import select

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from storage.tables import teams
from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import GUILD_ID
from tests.render import text_of

# Another team on the same Turnout: a Slack workspace, driven through the core.
CARMEN = Actor(Identity("slack", "T-other", "carmen"), "Carmen", True, "Other county")
THIRD = Actor(Identity("console", "console", "dana"), "Dana", True, "Console")


async def other(world: World, line: str, by: Actor = CARMEN) -> str:
    reply = await world.bot.turnout.run_text(by, line)
    await world.deliver()
    return text_of(reply)


async def campaign_of(world: World, platform: str, external_id: str) -> int:
    async with world.storage.engine.connect() as db:
        found = await db.scalar(
            select(teams.c.campaign_id).where(
                teams.c.platform == platform, teams.c.external_id == external_id
            )
        )
    assert found is not None
    return int(found)


async def test_crafted_buttons_naming_another_teams_shift_or_code_change_nothing(
    world: World,
) -> None:
    await other(world, '/phonebank create "County calls" 2026-11-28 18:00 2h 3')
    await other(world, '/phonebank create "County canvass" 2026-11-29 18:00 2h 3')
    await world.create_shift()
    code = (await other(world, "/turnout link")).split("`")[1]
    asked = await world.bot.turnout.run_text(THIRD, f"/turnout link {code}")
    assert "Join the campaign" in text_of(asked)
    link_id = asked.buttons[0].action  # type: ignore[union-attr]

    joined = await world.press("Maria", "turnout:join:2")
    stolen = await world.press("Olivia", link_id)

    assert joined.text.startswith("There's no shift #2.")
    assert stolen.text.startswith("That button isn't for this team.")
    assert "Nobody has signed up yet." in await other(world, "/phonebank roster 2")
    ours = await campaign_of(world, "discord", GUILD_ID)
    assert ours != await campaign_of(world, "slack", "T-other")
    assert ours != await campaign_of(world, "console", "console")


async def test_once_linked_the_server_joins_the_other_teams_shift_and_is_named_on_it(
    world: World,
) -> None:
    await other(world, '/phonebank create "County calls" 2026-11-28 18:00 2h 3')
    await world.create_shift()
    code = (await other(world, "/turnout link")).split("`")[1]

    linked = await world.slash("Olivia", "turnout", "link", code=code, confirm=True)
    joined = await world.press("Maria", "turnout:join:1")

    assert "This team is now part of" in linked.text
    assert "Your shifts' new numbers: #1 is now #2." in linked.text
    assert "You're in! #1 “County calls”" in joined.text
    roster = await other(world, "/phonebank roster 1")
    assert "1. Maria (Dane County Democrats)" in roster
