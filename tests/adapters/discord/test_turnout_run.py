"""`turnout run` with DISCORD_TOKEN set starts Discord, answers, and stops cleanly on SIGTERM."""

import asyncio
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
from tests.adapters.running import stop, turnout_run, until_logged


@pytest.mark.slow
async def test_turnout_run_connects_to_discord_and_answers_commands(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    process = await turnout_run(
        tmp_path,
        {
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_URL": fake.api_url,
            "DISCORD_GUILD_IDS": GUILD_ID,
            "DISCORD_ORGANIZER_CHANNEL": "organizers",
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on discord", log), 30)
        interaction = make.slash("Maria", "phonebank", "list")
        await fake.dispatch("INTERACTION_CREATE", interaction)
        (answer,) = await fake.wait_for(
            "POST", rf"/interactions/{interaction['id']}/.*/callback", within=10
        )
        assert "No shifts are scheduled yet" in answer.text
        # Choosing her zone makes her a volunteer; the running process delivers by itself:
        # Maria's welcome and the organizers' alert.
        chosen = make.slash("Maria", "volunteer", "tz", zone="Europe/Berlin")
        await fake.dispatch("INTERACTION_CREATE", chosen)
        await fake.wait_for("POST", rf"/interactions/{chosen['id']}/.*/callback", within=10)
        await fake.wait_for("POST", rf"/channels/{dm_channel(make.uid('Maria'))}/messages")
        await fake.wait_for("POST", rf"/channels/{ORGANIZERS}/messages")
    finally:
        await stop(process, log)
        await fake.stop()
    assert process.returncode == 0, "".join(log)
    assert "stopped" in log[-1]
    assert any("connected to Discord as Turnout" in line for line in log)
