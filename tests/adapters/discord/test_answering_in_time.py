"""Discord drops interactions not answered within 3 s: slow work is deferred, then followed up."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.app.arrivals import NOT_RECORDED, Receipt
from bot.kernel.commands import Command
from bot.ports.replies import Reply
from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import APP_ID, Call
from tests.adapters.discord.interactions import press, slash

EPHEMERAL = 64


@pytest.fixture
async def slow(tmp_path: Path) -> AsyncIterator[tuple[World, asyncio.Event]]:
    """A world whose core waits until the test lets it go: as slow as needed, with no sleeps."""
    world = await start_world(tmp_path, budget=0.05)
    release = asyncio.Event()
    handle = world.bot.turnout.handle

    async def held(command: Command, receipt: Receipt = NOT_RECORDED) -> Reply:
        await release.wait()
        return await handle(command, receipt)

    world.bot.turnout.handle = held  # type: ignore[method-assign]  # a core that waits
    yield world, release
    await stop_world(world)


async def _deferred_then_answered(
    slow: tuple[World, asyncio.Event], interaction: dict[str, Any]
) -> tuple[Call, Call]:
    world, release = slow
    deferred = await world.interact(interaction)
    # The core is still working when Discord hears "thinking…".
    assert not release.is_set()
    release.set()
    return deferred, await world.follow_up(interaction)


async def test_a_slow_command_is_deferred_then_answered_by_a_follow_up(
    slow: tuple[World, asyncio.Event],
) -> None:
    interaction = slash("Maria", "phonebank", "list")

    deferred, answer = await _deferred_then_answered(slow, interaction)

    assert deferred.json == {"type": 5, "data": {"flags": EPHEMERAL}}
    assert answer.path == f"/webhooks/{APP_ID}/{interaction['token']}"
    assert answer.query["wait"] == "1"
    assert answer.json["flags"] == EPHEMERAL
    assert "No shifts are scheduled yet" in answer.content
    assert answer.json["allowed_mentions"] == {"parse": []}


async def test_a_slow_public_command_is_deferred_publicly(
    slow: tuple[World, asyncio.Event],
) -> None:
    interaction = slash("Olivia", "task", "post", title="Call voters")

    deferred, answer = await _deferred_then_answered(slow, interaction)

    assert deferred.json == {"type": 5}
    assert answer.content.startswith("New task #1: Call voters")
    assert not answer.json.get("flags")


async def test_a_slow_public_command_that_is_refused_answers_privately(
    slow: tuple[World, asyncio.Event],
) -> None:
    interaction = slash("Maria", "task", "post", title="Call voters")

    deferred, answer = await _deferred_then_answered(slow, interaction)

    assert deferred.json == {"type": 5}
    original = rf"/webhooks/{APP_ID}/{interaction['token']}/messages/@original"
    assert slow[0].fake.made("DELETE", original)
    assert answer.json["flags"] == EPHEMERAL
    assert answer.text.startswith("Only organizers can post tasks.")


async def test_a_slow_button_is_deferred_too(slow: tuple[World, asyncio.Event]) -> None:
    deferred, answer = await _deferred_then_answered(slow, press("Maria", "turnout:shifts"))

    assert deferred.json == {"type": 5, "data": {"flags": EPHEMERAL}}
    assert "No shifts are scheduled yet" in answer.content


async def test_a_fast_command_is_answered_directly_without_deferring(world: World) -> None:
    call = await world.slash("Maria", "phonebank", "mine")

    assert call.json["type"] == 4
    assert not world.fake.made("POST", rf"/webhooks/{APP_ID}/.*")


async def test_a_crash_in_the_core_is_answered_with_a_friendly_error(world: World) -> None:
    async def broken(command: Command, receipt: Receipt = NOT_RECORDED) -> Reply:
        raise RuntimeError("boom")

    world.bot.turnout.handle = broken  # type: ignore[method-assign]  # a core that crashes

    call = await world.slash("Maria", "phonebank", "mine")

    (embed,) = call.json["data"]["embeds"]
    assert embed["description"].startswith("Something went wrong on my side")
