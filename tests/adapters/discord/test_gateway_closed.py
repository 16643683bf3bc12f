"""Discord closes the gateway for good mid-run (the token was reset: close code 4004).

Alone, `turnout run` stops with one line naming DISCORD_TOKEN and a non-zero status; beside
Slack, Slack keeps working while the log says loudly that Discord is down, and so does
/healthz."""

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import pytest

from tests.adapters.discord.fake_discord import GUILD_ID, TOKEN, FakeDiscord
from tests.adapters.running import stop, turnout_run, until_logged


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.stop()


def discord_env(fake: FakeDiscord) -> dict[str, str]:
    return {"DISCORD_TOKEN": TOKEN, "DISCORD_API_URL": fake.api_url, "DISCORD_GUILD_IDS": GUILD_ID}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
async def test_a_reset_token_stops_a_discord_only_run_with_one_line(
    tmp_path: Path, fake_discord: FakeDiscord
) -> None:
    process = await turnout_run(tmp_path, discord_env(fake_discord))
    log: list[str] = []
    await asyncio.wait_for(until_logged(process, "running on discord", log), 30)

    await fake_discord.reset_token()
    try:
        _, rest = await asyncio.wait_for(process.communicate(), 20)
        log.append(rest.decode())
    finally:
        await stop(process, log)

    said = "".join(log)
    assert process.returncode not in (0, None), f"status {process.returncode}:\n{said}"
    naming = [line for line in said.splitlines() if "DISCORD_TOKEN" in line]
    assert len(naming) == 1, said
    assert "Traceback" not in said, said


@pytest.mark.slow
async def test_beside_slack_a_reset_discord_token_is_loud_and_slack_keeps_running(
    tmp_path: Path, fake_discord: FakeDiscord
) -> None:
    from tests.adapters.slack.conftest import SECRET, fake_workspace, payload, sign
    from tests.adapters.slack.fake_slack import BOT_TOKEN, FakeSlack

    fake_slack = FakeSlack()
    fake_workspace(fake_slack)
    await fake_slack.start()
    port = free_port()
    process = await turnout_run(
        tmp_path,
        discord_env(fake_discord)
        | {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake_slack.api_url,
            "TURNOUT_HTTP_HOST": "127.0.0.1",
            "TURNOUT_HTTP_PORT": str(port),
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on slack, discord", log), 30)
        await fake_discord.reset_token()
        await asyncio.wait_for(until_logged(process, "DISCORD_TOKEN", log), 20)
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{port}/healthz") as health:
                status, report = health.status, json.loads(await health.text())
            body = urlencode(payload("slash_command") | {"text": "list"})
            async with http.post(
                f"http://127.0.0.1:{port}/slack/events",
                data=body,
                headers={"Content-Type": "application/x-www-form-urlencoded", **sign(body)},
            ) as answer:
                slack_status = answer.status
        assert process.returncode is None, "Slack keeps the process running"
    finally:
        await stop(process, log)
        await fake_slack.stop()

    said = "".join(log)
    naming = [line for line in said.splitlines() if "DISCORD_TOKEN" in line]
    assert len(naming) == 1 and " ERROR " in naming[0], said
    assert status == 503 and report["platforms"]["discord"].startswith("down: "), report
    assert "DISCORD_TOKEN" in report["platforms"]["discord"], report
    assert report["platforms"]["slack"] == "up" and report["database"] == "up", report
    assert slack_status == 200, said
