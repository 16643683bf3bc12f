"""`turnout run` with DISCORD_TOKEN set starts Discord, answers, and stops cleanly on SIGTERM."""

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from tests.adapters.discord import interactions as make
from tests.adapters.discord.fake_discord import (
    GUILD_ID,
    ORGANIZERS,
    TOKEN,
    FakeDiscord,
    dm_channel,
)

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
async def test_turnout_run_connects_to_discord_and_answers_commands(tmp_path):
    fake = FakeDiscord()
    await fake.start()
    env = {
        **os.environ,
        "DISCORD_TOKEN": TOKEN,
        "DISCORD_API_URL": fake.api_url,
        "DISCORD_GUILD_IDS": GUILD_ID,
        "DISCORD_ORGANIZER_CHANNEL": "organizers",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'turnout.db'}",
        "SLACK_BOT_TOKEN": "",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=tmp_path,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(_until_logged(process, "running on discord", log), 30)
        interaction = make.slash("Maria", "phonebank", "list")
        await fake.dispatch("INTERACTION_CREATE", interaction)
        (answer,) = await fake.wait_for(
            "POST", rf"/interactions/{interaction['id']}/.*/callback", within=10
        )
        assert "No shifts are scheduled yet" in answer.text
        # The running process delivers by itself: Maria's welcome and the organizers' alert.
        await fake.wait_for("POST", rf"/channels/{dm_channel(make.uid('Maria'))}/messages")
        await fake.wait_for("POST", rf"/channels/{ORGANIZERS}/messages")
        await settle()
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, rest = await asyncio.wait_for(process.communicate(), 30)
        log.append(rest.decode())
        await fake.stop()
    assert process.returncode == 0, "".join(log)
    assert "stopped" in log[-1]
    assert any("connected to Discord as Turnout" in line for line in log)


async def _until_logged(process: asyncio.subprocess.Process, text: str, log: list[str]) -> None:
    assert process.stderr is not None
    while line := (await process.stderr.readline()).decode():
        log.append(line)
        if text in line:
            return
    raise AssertionError("turnout run ended early:\n" + "".join(log))


async def settle() -> None:
    """Let the dispatcher finish its pass before SIGTERM.

    Not an assertion: `turnout run` can hang at exit when SIGTERM lands while a delivery is
    mid-query (wakeups.shutdown(wait=False), then storage.close(); reported to the core).
    """
    await asyncio.sleep(0.5)
