"""Who counts as an organizer on Discord, and the settings commands."""

from pathlib import Path

import pytest

from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import buttons
from tests.adapters.discord.interactions import COORDINATOR_ROLE, autocomplete

REFUSED = "Only organizers can see who is waiting to be contacted."


async def _new_volunteers(world: World, who: str) -> str:
    return (await world.slash(who, "volunteer", "new")).text


async def test_the_organizer_role_by_name_makes_an_organizer(world: World) -> None:
    assert REFUSED not in await _new_volunteers(world, "Olivia")


async def test_manage_events_makes_an_organizer(world: World) -> None:
    assert REFUSED not in await _new_volunteers(world, "Sam")


async def test_everyone_else_is_refused_organizer_commands(world: World) -> None:
    created = await world.slash("Maria", "phonebank", "create")
    assert created.json["type"] == 4
    assert created.text.startswith("Only organizers can create phone bank shifts.")
    assert (await _new_volunteers(world, "Maria")).startswith(REFUSED)


@pytest.mark.parametrize("role", [COORDINATOR_ROLE, "Field Coordinator", "@field coordinator"])
async def test_the_organizer_role_can_be_given_by_id_or_name(tmp_path: Path, role: str) -> None:
    world = await start_world(tmp_path, organizer_role=role)
    try:
        assert REFUSED not in await _new_volunteers(world, "Lee")
        assert (await _new_volunteers(world, "Olivia")).startswith(REFUSED)
    finally:
        await stop_world(world)


async def test_a_refusal_says_which_role_makes_an_organizer_here(world: World) -> None:
    refused = await _new_volunteers(world, "Maria")

    assert refused == (
        f"{REFUSED} To become one, ask a server admin to give you the “Organizer” role "
        "(or the Manage Events permission)."
    )


async def test_a_role_configured_by_id_is_named_in_the_refusal(tmp_path: Path) -> None:
    world = await start_world(tmp_path, organizer_role=COORDINATOR_ROLE)
    try:
        refused = await _new_volunteers(world, "Olivia")
        assert "give you the “Field Coordinator” role" in refused
    finally:
        await stop_world(world)


async def test_volunteers_set_their_zone_and_reminders(world: World) -> None:
    zone = await world.slash("Maria", "volunteer", "tz", zone="america/chicago")
    typo = await world.slash("Maria", "volunteer", "tz", zone="Chicgo")
    off = await world.slash("Maria", "volunteer", "reminders", times="off")
    zones = await world.interact(
        autocomplete("Maria", "volunteer", "tz", "zone", "new york", kind=3)
    )

    assert zone.text.startswith("Got it: I'll show you times in America/Chicago.")
    assert "I don't know the time zone `Chicgo`" in typo.text
    assert "reminder" in off.text.lower()
    assert zones.json["data"]["choices"] == [
        {"name": "America/New_York", "value": "America/New_York"}
    ]


async def test_organizers_set_the_campaign_zone_and_reminders(world: World) -> None:
    zone = await world.slash("Olivia", "turnout", "tz", zone="America/Chicago")
    reminders = await world.slash("Olivia", "turnout", "reminders", times="48h,2h")
    refused = await world.slash("Maria", "turnout", "tz", zone="America/Chicago")
    helped = await world.slash("Maria", "turnout", "help", topic="phonebank")

    assert "America/Chicago" in zone.text
    assert reminders.text.startswith("Reminders now go out 48h, 2h before each shift.")
    assert refused.text.startswith("Only organizers can")
    assert helped.text.startswith("Phone bank shifts:")


async def test_help_on_a_topic_chosen_from_the_menu_points_to_the_guide(world: World) -> None:
    helped = await world.slash("Maria", "turnout", "help", topic="attendance")

    assert helped.text.startswith("Attendance:") and "/shift checkin <shift>" in helped.text
    assert helped.text.endswith("More: docs/volunteers.md#before-during-and-after-a-shift")


async def test_forget_me_asks_first_and_the_buttons_do_what_they_say(world: World) -> None:
    await world.slash("Maria", "volunteer", "tz", zone="America/New_York")

    asked = await world.slash("Maria", "volunteer", "forget-me")
    kept = await world.press("Maria", "turnout:keep")
    erased = await world.slash("Maria", "volunteer", "forget-me", confirm=True)

    assert asked.text.startswith("This erases your name")
    assert {b["custom_id"] for b in buttons(asked.json["data"])} >= {"turnout:keep"}
    assert kept.text == "OK, nothing was erased."
    assert erased.text.startswith("Done: your name, answers and accounts are erased.")


async def test_mark_contacted_by_command(world: World) -> None:
    await world.join_server("Jamal")

    marked = await world.slash("Olivia", "volunteer", "contacted", who="#1")

    assert marked.text == "Marked Jamal as contacted. Thanks for reaching out!"


async def test_a_channel_overwrite_for_manage_events_does_not_make_an_organizer(
    world: World,
) -> None:
    from tests.adapters.discord.interactions import MANAGE_EVENTS, slash

    await world.create_shift()
    # Maria has no role; one channel's overwrite lets her manage events there.
    asked = [slash("Maria", "volunteer", "new"), slash("Maria", "phonebank", "cancel", shift=1)]
    for interaction in asked:
        interaction["member"]["permissions"] = MANAGE_EVENTS
    new, cancel = [await world.interact(i) for i in asked]

    assert new.text.startswith(REFUSED)
    assert cancel.text.startswith("Only organizers can")
    assert "Saturday calls" in (await world.slash("Maria", "phonebank", "list")).text
