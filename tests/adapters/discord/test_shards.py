"""Sharding: one process holding every shard, or two processes each holding one, on one database.

Two servers on different shards of two: GUILD_ID on shard 0, SECOND on shard 1. The fake sends
each server's events only on its shard's connection, as Discord does.
"""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from prometheus_client import CollectorRegistry

from adapters.discord.shards import Shards, shard_of
from bot.app.metrics import PrometheusMetrics
from bot.app.ops import Ops
from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import (
    APP_ID,
    GUILD_ID,
    ORGANIZERS,
    SHARD_STEP,
    TOKEN,
    FakeDiscord,
    moved,
)
from tests.adapters.discord.interactions import in_server, slash, uid
from tests.adapters.discord.test_delivery import UNTIL_24H_REMINDER
from tests.adapters.running import stop, turnout_run, until_logged
from tests.conftest import Database

SECOND = str(int(GUILD_ID) + SHARD_STEP)
BOTH = (int(GUILD_ID), int(SECOND))
COMMAND_SYNCS = rf"/applications/{APP_ID}/guilds/\d+/commands"


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord(shards=2)
    fake.add_guild(SECOND)
    await fake.start()
    yield fake
    await fake.stop()


def started(tmp_path: Path, fake: FakeDiscord, shards: Shards, **options: Any) -> Any:
    return start_world(
        tmp_path,
        fake=fake,
        shards=shards,
        guild_ids=BOTH,
        identify_gap=0.01,
        metrics=PrometheusMetrics(CollectorRegistry()),
        **options,
    )


async def create_in(world: World, guild: str, title: str) -> str:
    """Olivia creates a phone bank in `guild`; the text she is answered with."""
    interaction = slash(
        "Olivia",
        "phonebank",
        "create",
        title=title,
        date="2026-11-28",
        start="18:00",
        length="2h",
        seats=2,
        link="https://dialer.example/sat",
    )
    return (await world.interact(in_server(interaction, guild))).text


async def join_in(world: World, guild: str, who: str) -> str:
    return (await world.interact(in_server(slash(who, "phonebank", "join", shift=1), guild))).text


def counted(world: World, sample: str) -> float:
    """The sum of a counter's samples in this process's metrics (every label)."""
    metrics = world.options["metrics"]
    return sum(
        s.value for family in metrics.registry.collect() for s in family.samples if s.name == sample
    )


def reminders_to(fake: FakeDiscord, who: str) -> list[str]:
    return [c.content for c in fake.dms_to(uid(who)) if "⏰ Reminder" in c.content]


def test_the_servers_are_on_different_shards() -> None:
    assert [shard_of(g, 2) for g in BOTH] == [0, 1]


async def test_one_process_holding_both_shards_answers_both_servers(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    world = await started(tmp_path, fake, Shards(2))
    try:
        here = await create_in(world, GUILD_ID, "Madison calls")
        there = await create_in(world, SECOND, "Milwaukee calls")

        assert sorted(i["shard"] for i in fake.identifies) == [[0, 2], [1, 2]]
        assert fake.connected_shards == [0, 1]
        assert "Created" in here and "Madison calls" in here
        assert "Created" in there and "Milwaukee calls" in there
        assert len(fake.made("PUT", COMMAND_SYNCS)) == 2  # once for each listed server
        assert await world.platform.problem() is None
        assert [(c.name, c.connected) for c in world.platform.connections()] == [
            ("shard 0", True),
            ("shard 1", True),
        ]
    finally:
        await stop_world(world, keep_fake=True)


@pytest.fixture
async def two(
    tmp_path: Path, fake: FakeDiscord, database: Database
) -> AsyncIterator[tuple[World, World]]:
    """Two processes on one database: the first holds shard 0, the second shard 1."""
    first = await started(tmp_path / "a", fake, Shards(2, (0,)), storage=await database.open())
    second = await started(tmp_path / "b", fake, Shards(2, (1,)), storage=await database.open())
    yield first, second
    await stop_world(first, keep_fake=True)
    await stop_world(second, keep_fake=True)


async def test_two_processes_each_answer_their_own_shard_and_deliver_each_reminder_once(
    fake: FakeDiscord, two: tuple[World, World]
) -> None:
    first, second = two
    here = await create_in(first, GUILD_ID, "Madison calls")
    there = await create_in(second, SECOND, "Milwaukee calls")
    await join_in(first, GUILD_ID, "Maria")
    await join_in(second, SECOND, "Dev")
    # The welcome DMs and organizer alerts of both servers, all sent by the process holding
    # shard 1: it finds #organizers in the first server, which it has no cache of.
    await second.deliver()
    alerts = [c.path.split("/")[2] for c in fake.made("POST", ".*") if "New volunteer" in c.text]
    for world in (first, second):
        world.clock.advance(UNTIL_24H_REMINDER)
    reports = await asyncio.gather(first.deliver(), second.deliver())

    # Each server's events reached only the process holding its shard.
    assert first.platform.client and second.platform.client
    assert [g.id for g in first.platform.client.guilds] == [int(GUILD_ID)]
    assert [g.id for g in second.platform.client.guilds] == [int(SECOND)]
    assert "Madison calls" in here and "Milwaukee calls" in there
    # Each slash command answered exactly once, by the process that received it.
    assert len(fake.made("POST", r"/interactions/\d+/[^/]+/callback")) == 4
    for world in (first, second):
        assert counted(world, "turnout_commands_total") == 2
    # The commands were registered by the process holding shard 0 alone.
    assert len(fake.made("PUT", COMMAND_SYNCS)) == 2
    assert sorted(alerts) == [ORGANIZERS, moved(ORGANIZERS, SECOND)]
    # Each reminder went out exactly once, whichever process claimed it.
    assert len(reminders_to(fake, "Maria")) == 1
    assert len(reminders_to(fake, "Dev")) == 1
    assert sum(report.sent for report in reports) == 2


async def test_a_dm_button_for_a_server_on_another_process_s_shard_still_acts(
    two: tuple[World, World],
) -> None:
    first, second = two
    await create_in(second, SECOND, "Milwaukee calls")
    await join_in(second, SECOND, "Dev")

    # Discord sends every DM's events on shard 0: the first process gets the press, for a
    # server whose events go to the second.
    left = await first.press("Dev", f"turnout:leave:1@{SECOND}", dm=True)

    assert "You've left #1 “Milwaukee calls”" in left.text
    assert counted(first, "turnout_commands_total") == 1


async def test_healthz_and_metrics_show_each_shard_and_a_dropped_one_is_down(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    world = await started(tmp_path, fake, Shards(2))
    metrics = world.options["metrics"]
    ops = Ops(
        storage=world.storage,
        clock=world.clock,
        metrics=metrics,
        platforms={"discord": world.platform.problem},
        connections={"discord": world.platform.connections},
    )
    try:
        healthy, report = await ops.health()
        assert world.platform.client is not None
        shard = world.platform.client.get_shard(1)
        assert shard is not None
        await shard.disconnect()
        dropped, after = await ops.health()
        scraped = (await ops.scrape()).decode()
    finally:
        await stop_world(world, keep_fake=True)

    assert healthy and set(report["connections"]["discord"]) == {"shard 0", "shard 1"}
    assert report["connections"]["discord"]["shard 0"]["connected"] is True
    assert not dropped
    assert after["platforms"] == {"discord": "down: the gateway is reconnecting (shard 1)"}
    assert after["connections"]["discord"]["shard 1"]["connected"] is False
    assert 'turnout_gateway_connected{connection="shard 0",platform="discord"} 1.0' in scraped
    assert 'turnout_gateway_connected{connection="shard 1",platform="discord"} 0.0' in scraped


async def test_an_unsharded_process_lists_no_connections(world: World) -> None:
    ops = Ops(
        storage=world.storage,
        clock=world.clock,
        metrics=PrometheusMetrics(CollectorRegistry()),
        platforms={"discord": world.platform.problem},
        connections={"discord": world.platform.connections},
    )

    healthy, report = await ops.health()

    assert healthy and "connections" not in report
    assert [i.get("shard") for i in world.fake.identifies] == [None]


@pytest.mark.slow
async def test_turnout_run_holds_the_shards_its_settings_name(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    process = await turnout_run(
        tmp_path,
        {
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_URL": fake.api_url,
            "DISCORD_GUILD_IDS": f"{GUILD_ID},{SECOND}",
            "DISCORD_SHARD_COUNT": "2",
            "DISCORD_SHARD_IDS": "1",
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on discord", log), 30)
        interaction = in_server(slash("Maria", "phonebank", "list"), SECOND)
        await fake.dispatch("INTERACTION_CREATE", interaction)
        (answer,) = await fake.wait_for(
            "POST", rf"/interactions/{interaction['id']}/.*/callback", within=10
        )
    finally:
        await stop(process, log)
    assert "No shifts are scheduled yet" in answer.text
    assert [i["shard"] for i in fake.identifies] == [[1, 2]]
    # Shard 0 is another process's: so is registering the commands.
    assert fake.made("PUT", COMMAND_SYNCS) == []
    assert any("connected to Discord as Turnout (shard 1 of 2)" in line for line in log)
    assert process.returncode == 0, "".join(log)


async def test_sharded_without_the_members_intent_every_shard_reconnects_without_it(
    tmp_path: Path,
) -> None:
    fake = FakeDiscord(shards=2, members_intent_enabled=False)
    fake.add_guild(SECOND)
    await fake.start()
    world = await started(tmp_path, fake, Shards(2))
    try:
        there = await create_in(world, SECOND, "Milwaukee calls")
    finally:
        await stop_world(world)

    # Refused at the first try, the client starts again without the intent, every shard.
    assert fake.identifies[0]["intents"] == 1 | 2
    last = {tuple(i["shard"]): i["intents"] for i in fake.identifies}
    assert last == {(0, 2): 1, (1, 2): 1}
    assert not world.platform.members_intent
    assert "Created" in there
