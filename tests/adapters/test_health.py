"""/healthz and /metrics in every mode: Socket Mode and Discord alone get a small listener of
their own. 200 only while the database answers and every platform is connected; otherwise
503, the body naming the part that is down."""

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from adapters.web.health import ops_routes
from adapters.web.serving import Listener
from bot.app.metrics import PrometheusMetrics
from bot.app.ops import Ops
from bot.ports.storage import Storage, StorageUnavailable, UnitOfWork
from storage import SqlStorage
from tests.adapters.discord.fake_discord import GUILD_ID, TOKEN, FakeDiscord
from tests.adapters.running import free_port, stop, turnout_run, until_logged
from tests.adapters.slack.conftest import VERA, fake_workspace, payload
from tests.adapters.slack.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.fakes import frozen_clock


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    fake_workspace(fake)
    await fake.start()
    yield fake
    await fake.stop()


async def get(port: int, path: str) -> tuple[int, str]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}{path}") as answer,
    ):
        return answer.status, await answer.text()


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


@pytest.mark.slow
async def test_a_socket_mode_run_answers_healthz_and_counts_commands_and_notices(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    port = free_port()
    process = await turnout_run(
        tmp_path,
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_APP_TOKEN": APP_TOKEN,
            "SLACK_API_URL": fake_slack.api_url,
            "TURNOUT_HTTP_PORT": str(port),
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on slack", log), 30)
        status, body = await get(port, "/healthz")
        listed = payload("slash_command") | {"text": "list"}
        await fake_slack.wait_for_ack(await fake_slack.push("slash_commands", listed))
        await fake_slack.wait_for("chat.postEphemeral", user=VERA[0], within=10)
        chosen = payload("slash_command") | {"command": "/volunteer", "text": "tz Europe/Berlin"}
        await fake_slack.wait_for_ack(await fake_slack.push("slash_commands", chosen))
        await fake_slack.wait_for("chat.postMessage", channel="D0VERA", within=10)
        # The notice is counted once its send is recorded, just after Slack got it.
        for _ in range(50):
            _, metrics = await get(port, "/metrics")
            counted = samples(metrics)
            welcome = (("kind", "welcome"), ("outcome", "sent"))
            if counted.get(("turnout_notices_total", welcome)):
                break
            await asyncio.sleep(0.1)
    finally:
        await stop(process, log)
    assert (status, json.loads(body)) == (
        200,
        {"ok": True, "database": "up", "platforms": {"slack": "up"}},
    ), "".join(log)
    listed_ok = ("turnout_commands_total", (("command", "ListShifts"), ("outcome", "ok")))
    assert counted[listed_ok] == 1
    assert counted[("turnout_notices_total", welcome)] == 1
    assert counted[("turnout_notices_due", ())] == 0
    assert process.returncode == 0, "".join(log)


@pytest.mark.slow
async def test_a_discord_only_run_answers_healthz(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    port = free_port()
    process = await turnout_run(
        tmp_path,
        {
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_URL": fake.api_url,
            "DISCORD_GUILD_IDS": GUILD_ID,
            "TURNOUT_HTTP_PORT": str(port),
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on discord", log), 30)
        status, body = await get(port, "/healthz")
        metrics_status, _ = await get(port, "/metrics")
    finally:
        await stop(process, log)
        await fake.stop()
    assert (status, json.loads(body)) == (
        200,
        {"ok": True, "database": "up", "platforms": {"discord": "up"}},
    ), "".join(log)
    assert metrics_status == 200


class DownStorage(Storage):
    """A database that never answers."""

    def unit_of_work(self, *, write: bool = True) -> UnitOfWork:
        raise StorageUnavailable("The database is busy or unreachable right now.")

    async def ping(self) -> None:
        raise StorageUnavailable("The database is busy or unreachable right now.")

    async def close(self) -> None:
        pass


@pytest.fixture
async def listening(request: pytest.FixtureRequest, storage: SqlStorage) -> AsyncIterator[Any]:
    async def up() -> str | None:
        return None

    ops = Ops(
        storage=request.param(storage),
        clock=frozen_clock(),
        metrics=PrometheusMetrics(CollectorRegistry()),
        platforms={"slack": up},
    )
    listener = Listener("127.0.0.1", 0, ops_routes(ops), purpose="health checks")
    await listener.start()
    yield listener
    await listener.stop()


@pytest.mark.parametrize("listening", [lambda storage: DownStorage()], indirect=True)
async def test_healthz_is_503_naming_the_database_when_it_does_not_answer(
    listening: Listener,
) -> None:
    assert listening.port is not None
    status, body = await get(listening.port, "/healthz")
    metrics_status, metrics = await get(listening.port, "/metrics")

    report = json.loads(body)
    assert status == 503 and report["ok"] is False, report
    assert report["database"].startswith("down: "), report
    assert report["platforms"] == {"slack": "up"}
    # Metrics still answer; only the queue depth, which needs the database, is left out.
    assert metrics_status == 200 and "turnout_commands_total" in metrics


@pytest.mark.parametrize("listening", [lambda storage: storage], indirect=True)
async def test_healthz_is_200_while_the_database_answers(listening: Listener) -> None:
    assert listening.port is not None
    status, body = await get(listening.port, "/healthz")

    assert (status, json.loads(body)["database"]) == (200, "up")
