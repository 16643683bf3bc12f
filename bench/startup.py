"""How long does `turnout run` with Discord take from start to ready?

Starts the real `turnout run` (a fresh Python process) against the local fake Discord
(tests/adapters/discord) and times it from spawning the process to its "running on discord"
line: interpreter start, imports, the database (created and migrated on the first start; at
head on the others), the gateway handshake and discord.py's wait for the guilds.

    python bench/startup.py            # 7 starts on one file (the first one migrates)
    python bench/startup.py --quick    # 2 starts (CI)
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.adapters.discord.fake_discord import GUILD_ID, TOKEN, FakeDiscord
from tests.adapters.running import stop, turnout_run, until_logged


async def one_start(folder: Path, fake: FakeDiscord) -> float:
    """Seconds from spawning `turnout run` to its "running on discord" line."""
    started = time.perf_counter()
    process = await turnout_run(
        folder,
        {"DISCORD_TOKEN": TOKEN, "DISCORD_API_URL": fake.api_url, "DISCORD_GUILD_IDS": GUILD_ID},
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on discord", log), 60)
        return time.perf_counter() - started
    finally:
        await stop(process, log)


async def run(starts: int) -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            times = [await one_start(Path(tmp), fake) for _ in range(starts)]
    finally:
        await fake.stop()
    first, rest = times[0], times[1:]
    print("`turnout run` with Discord, start to ready (fresh process, fake Discord on 127.0.0.1)")
    print(f"  first start (creates and migrates the SQLite file)  {first * 1000:8.0f} ms")
    print(
        f"  later starts (schema at head), median of {len(rest)}      "
        f"{statistics.median(rest) * 1000:8.0f} ms  (all {min(rest) * 1000:.0f}-"
        f"{max(rest) * 1000:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 starts, not 7 (CI)")
    args = parser.parse_args()
    asyncio.run(run(2 if args.quick else 7))


if __name__ == "__main__":
    main()
