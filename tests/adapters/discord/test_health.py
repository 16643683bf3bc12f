"""What Discord tells /healthz and /metrics: whether the gateway is connected, and each 429."""

from pathlib import Path

from prometheus_client import CollectorRegistry

from bot.app.metrics import PrometheusMetrics
from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import dm_channel
from tests.adapters.discord.interactions import uid


async def test_the_gateway_is_up_while_connected_and_down_once_discord_closes_it(
    world: World,
) -> None:
    connected = await world.platform.problem()

    await world.fake.reset_token()
    await world.platform.failure()

    assert connected is None
    assert await world.platform.problem() == "the gateway is closed"


async def test_each_429_is_counted_even_those_discord_py_waits_out(tmp_path: Path) -> None:
    metrics = PrometheusMetrics(CollectorRegistry())
    world = await start_world(tmp_path, metrics=metrics)
    try:
        dms = rf"/channels/{dm_channel(uid('Maria'))}/messages"
        world.fake.rate_limit("POST", dms, retry_after=0.01)
        await world.slash("Maria", "volunteer", "tz", zone="Europe/Berlin")
        report = await world.deliver()
    finally:
        await stop_world(world)

    # discord.py slept 10 ms and sent again: the dispatcher saw a success, the count a 429.
    assert report.sent >= 1 and report.retried == 0
    counted = metrics.registry.get_sample_value(
        "turnout_platform_rate_limited_total", {"platform": "discord"}
    )
    assert counted == 1
