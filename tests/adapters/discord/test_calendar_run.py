"""`turnout run` on Discord alone with TURNOUT_PUBLIC_URL: a listener of its own serves feeds."""

import asyncio
import re
import socket
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import icalendar
import pytest

from tests.adapters.discord import interactions as make
from tests.adapters.discord.fake_discord import GUILD_ID, TOKEN, FakeDiscord
from tests.adapters.running import stop, turnout_run, until_logged


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.slow
async def test_discord_only_serves_the_feed_on_its_own_listener(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    port = free_port()
    process = await turnout_run(
        tmp_path,
        {
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_URL": fake.api_url,
            "DISCORD_GUILD_IDS": GUILD_ID,
            "TURNOUT_PUBLIC_URL": "https://turnout.example.org",
            "TURNOUT_HTTP_HOST": "127.0.0.1",
            "TURNOUT_HTTP_PORT": str(port),
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on discord", log), 30)
        interaction = make.slash("Maria", "volunteer", "calendar")
        await fake.dispatch("INTERACTION_CREATE", interaction)
        (answer,) = await fake.wait_for(
            "POST", rf"/interactions/{interaction['id']}/.*/callback", within=10
        )
        [url] = re.findall(r"https://turnout\.example\.org/calendar/\S+\.ics", answer.text)
        address = f"http://127.0.0.1:{port}{urlsplit(url).path}"
        async with aiohttp.ClientSession() as http, http.get(address) as fetched:
            assert fetched.status == 200
            calendar = icalendar.Calendar.from_ical(await fetched.read())
    finally:
        await stop(process, log)
        await fake.stop()
    assert process.returncode == 0, "".join(log)
    assert str(calendar["x-wr-calname"]).endswith(": my shifts")
    # The feed's address never reaches the log.
    assert urlsplit(url).path not in "".join(log)
