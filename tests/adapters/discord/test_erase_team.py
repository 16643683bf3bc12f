"""`/turnout erase-team` on Discord, through the real discord.py and the fake Discord: asked,
then the button; a volunteer can't; another server's button erases nothing; the other team
keeps everything."""

from adapters.discord.components import pressed, suffixed
from bot.catalogue import catalogue
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.kernel.intake.buttons import Numbered, Paired, Plain
from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import GUILD_ID, buttons
from tests.integration.test_team_erasure import counts_of
from tests.render import text_of

# Another team on the same Turnout: a Slack workspace, driven through the core.
CARMEN = Actor(Identity("slack", "T-other", "carmen"), "Carmen", True, "Other county")


async def campaign_of(world: World, platform: str, external_id: str) -> int | None:
    async with world.storage.unit_of_work() as uow:
        found = await uow.campaigns.team(platform, external_id)
    return found.campaign_id if found else None


async def test_an_organizer_erases_the_server_s_data_and_the_other_team_keeps_its_own(
    world: World,
) -> None:
    await world.bot.turnout.run_text(
        CARMEN, '/phonebank create "County calls" 2026-11-28 18:00 2h 3'
    )
    await world.create_shift()
    await world.press("Maria", "turnout:join:1")
    ours = await campaign_of(world, "discord", GUILD_ID)
    theirs = await campaign_of(world, "slack", "T-other")
    assert ours and theirs
    theirs_before = await counts_of(world.storage, theirs)

    refused = await world.slash("Maria", "turnout", "erase-team")
    assert "Only organizers can erase this team's data" in refused.text
    asked = await world.slash("Olivia", "turnout", "erase-team")
    assert "for good: 1 shift, 1 sign-up, 0 tasks and 2 volunteers" in asked.text, asked.text
    [erase] = [b for b in buttons(asked.data) if b["custom_id"].startswith("turnout:erase-team:")]

    # The button, pressed in another team, is refused there.
    elsewhere = await world.bot.turnout.press(CARMEN, erase["custom_id"])
    assert "That button isn't for this team" in text_of(elsewhere)
    assert await campaign_of(world, "discord", GUILD_ID) == ours

    done = await world.press("Olivia", erase["custom_id"])
    assert "Done: this team's data is erased" in done.text, done.text
    assert {k: n for k, n in (await counts_of(world.storage, ours)).items() if n} == {}
    assert await campaign_of(world, "discord", GUILD_ID) is None
    assert await counts_of(world.storage, theirs) == theirs_before


async def test_the_typed_confirm_erases_at_once(world: World) -> None:
    await world.create_shift()
    ours = await campaign_of(world, "discord", GUILD_ID)
    assert ours
    done = await world.slash("Olivia", "turnout", "erase-team", confirm=True)
    assert "Done: this team's data is erased" in done.text, done.text
    assert await campaign_of(world, "discord", GUILD_ID) is None


def test_every_button_verb_is_read_back_from_its_custom_id() -> None:
    """Verbs with dashes (`erase-team`, `keep-links`) included, in a server and in a DM."""
    unread = []
    for verb in catalogue().buttons.verbs.values():
        match verb:
            case Plain():
                action = verb.action()
            case Numbered():
                action = verb.action(12)
            case Paired():
                action = verb.action(12, 3)
        for guild in (None, 42):
            if pressed(suffixed(action, guild)) != (action, guild):
                unread.append(action)
    assert unread == []
