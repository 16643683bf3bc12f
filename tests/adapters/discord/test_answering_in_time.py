"""Discord drops interactions not answered within 3 s: slow work is deferred, then followed up."""

import asyncio

from tests.adapters.discord.conftest import start_world, stop_world
from tests.adapters.discord.fake_discord import APP_ID
from tests.adapters.discord.interactions import press, slash

EPHEMERAL = 64


async def _held_core(world) -> asyncio.Event:
    """Make the core wait until the test lets it go: as slow as the test wants, no sleeps."""
    release = asyncio.Event()
    handle = world.bot.turnout.handle

    async def held(command):
        await release.wait()
        return await handle(command)

    world.bot.turnout.handle = held
    return release


async def test_a_slow_command_is_deferred_then_answered_by_a_follow_up(tmp_path):
    world = await start_world(tmp_path, budget=0.05)
    try:
        release = await _held_core(world)
        interaction = slash("Maria", "phonebank", "list")

        deferred = await world.interact(interaction)
        # The core is still working when Discord hears "thinking…".
        assert not release.is_set()
        release.set()
        answer = await world.follow_up(interaction)

        assert deferred.json == {"type": 5, "data": {"flags": EPHEMERAL}}
        assert answer.path == f"/webhooks/{APP_ID}/{interaction['token']}"
        assert answer.query["wait"] == "1"
        assert answer.json["flags"] == EPHEMERAL
        assert "No shifts are scheduled yet" in answer.content
        assert answer.json["allowed_mentions"] == {"parse": []}
    finally:
        await stop_world(world)


async def test_a_slow_public_command_is_deferred_publicly(tmp_path):
    world = await start_world(tmp_path, budget=0.05)
    try:
        release = await _held_core(world)
        interaction = slash("Olivia", "task", "post", title="Call voters")

        deferred = await world.interact(interaction)
        release.set()
        answer = await world.follow_up(interaction)

        assert deferred.json == {"type": 5}
        assert answer.content.startswith("New task #1: Call voters")
        assert not answer.json.get("flags")
    finally:
        await stop_world(world)


async def test_a_slow_public_command_that_is_refused_answers_privately(tmp_path):
    world = await start_world(tmp_path, budget=0.05)
    try:
        release = await _held_core(world)
        interaction = slash("Maria", "task", "post", title="Call voters")

        deferred = await world.interact(interaction)
        release.set()
        answer = await world.follow_up(interaction)

        assert deferred.json == {"type": 5}
        original = rf"/webhooks/{APP_ID}/{interaction['token']}/messages/@original"
        assert world.fake.made("DELETE", original)
        assert answer.json["flags"] == EPHEMERAL
        assert answer.text.startswith("Only organizers can post tasks.")
    finally:
        await stop_world(world)


async def test_a_slow_button_is_deferred_too(tmp_path):
    world = await start_world(tmp_path, budget=0.05)
    try:
        release = await _held_core(world)
        interaction = press("Maria", "turnout:shifts")

        deferred = await world.interact(interaction)
        release.set()
        answer = await world.follow_up(interaction)

        assert deferred.json == {"type": 5, "data": {"flags": EPHEMERAL}}
        assert "No shifts are scheduled yet" in answer.content
    finally:
        await stop_world(world)


async def test_a_fast_command_is_answered_directly_without_deferring(world):
    call = await world.slash("Maria", "phonebank", "mine")

    assert call.json["type"] == 4
    assert not world.fake.made("POST", rf"/webhooks/{APP_ID}/.*")


async def test_a_crash_in_the_core_is_answered_with_a_friendly_error(world):
    async def broken(command):
        raise RuntimeError("boom")

    world.bot.turnout.handle = broken

    call = await world.slash("Maria", "phonebank", "mine")

    (embed,) = call.json["data"]["embeds"]
    assert embed["description"].startswith("Something went wrong on my side")
