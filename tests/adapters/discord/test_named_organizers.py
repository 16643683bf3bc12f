"""Organizers a server's organizers name (`/turnout organizers`), through the real discord.py
against the fake Discord: a named member, and the members of a named role, beside the
configured role and Manage Events."""

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import buttons
from tests.adapters.discord.interactions import COORDINATOR_ROLE, uid

REFUSED = "Only organizers can see who is waiting to be contacted."


async def is_organizer(world: World, who: str) -> bool:
    return REFUSED not in (await world.slash(who, "volunteer", "new")).text


async def test_a_named_member_is_an_organizer(world: World) -> None:
    assert not await is_organizer(world, "Maria")

    named = await world.slash(
        "Olivia", "turnout", "organizers", change="add", who=f"<@{uid('Maria')}>"
    )

    assert "is now an organizer of this team" in named.text, named.text
    assert await is_organizer(world, "Maria")
    assert not await is_organizer(world, "Dev")


async def test_the_members_of_a_named_role_are_organizers(world: World) -> None:
    assert not await is_organizer(world, "Lee")

    named = await world.slash(
        "Olivia", "turnout", "organizers", change="group", who=f"<@&{COORDINATOR_ROLE}>"
    )

    assert f"The members of <@&{COORDINATOR_ROLE}> are now organizers" in named.text, named.text
    assert await is_organizer(world, "Lee")
    off = await world.slash("Olivia", "turnout", "organizers", change="group", who="off")
    assert off.text.startswith("No group is named any more"), off.text
    assert not await is_organizer(world, "Lee")


async def test_the_list_s_remove_button_unnames(world: World) -> None:
    await world.slash("Olivia", "turnout", "organizers", change="add", who=f"<@{uid('Maria')}>")
    listed = await world.slash("Olivia", "turnout", "organizers")

    assert "Manage Events" in listed.text, listed.text
    [remove] = [b for b in buttons(listed.json["data"]) if b["label"].startswith("Remove")]
    removed = await world.press("Olivia", remove["custom_id"])

    assert "is no longer named an organizer" in removed.text, removed.text
    assert not await is_organizer(world, "Maria")


async def test_a_volunteer_can_t_name_anyone(world: World) -> None:
    refused = await world.slash(
        "Maria", "turnout", "organizers", change="add", who=f"<@{uid('Maria')}>"
    )

    assert refused.text.startswith("Only organizers can"), refused.text
    assert not await is_organizer(world, "Maria")
