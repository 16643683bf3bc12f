"""How fast does Turnout answer Discord interactions under a burst?

Starts the real discord.py client against the local fake Discord (tests/adapters/discord) with
a fresh SQLite file, seeds ten shifts, then pushes a burst of slash commands (`/phonebank list`,
`join` and `mine` from many volunteers, all at once) through the gateway. Latency is measured
from the moment each INTERACTION_CREATE leaves the fake gateway to the moment its callback
reaches the fake REST API: what Discord holds against the 3-second deadline.

    python bench/discord_latency.py            # 200 interactions
    python bench/discord_latency.py --quick    # 20 (CI)
"""

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

VOLUNTEERS = 60


async def run(count: int) -> None:
    from adapters.discord import DiscordPlatform
    from bench.latency import percentile
    from bot.app.bootstrap import bootstrap
    from bot.domain.campaign import CampaignDefaults, Identity
    from bot.kernel.commands import Actor
    from bot.shifts.commands import CreateShift
    from storage import open_storage
    from tests.adapters.discord import interactions as make
    from tests.adapters.discord.fake_discord import GUILD_ID, TOKEN, FakeDiscord
    from tests.fakes import frozen_clock

    fake = FakeDiscord()
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        storage = await open_storage(f"sqlite:///{Path(tmp) / 'turnout.db'}")
        platform = DiscordPlatform(
            token=TOKEN,
            api_url=fake.api_url,
            guild_ids=(int(GUILD_ID),),
            organizer_channel="organizers",
            guild_ready_timeout=0.05,
        )
        bot = bootstrap(
            storage=storage,
            messengers=[platform.messenger],
            clock=frozen_clock(),
            defaults=CampaignDefaults(timezone="America/New_York"),
        )
        await platform.start(bot.turnout)
        try:
            organizer = Actor(Identity("discord", GUILD_ID, make.uid("Olivia")), "Olivia", True)
            for n in range(10):
                await bot.turnout.handle(
                    CreateShift(
                        organizer,
                        title=f"Calls {n + 1}",
                        day=date(2026, 11, 20) + timedelta(days=n),
                        start=time(18),
                        duration=timedelta(hours=2),
                        capacity=15,
                    )
                )
            burst = []
            for n in range(count):
                name = f"Volunteer {n % VOLUNTEERS}"
                make.PEOPLE.setdefault(name, (make.user_id(1000 + n % VOLUNTEERS), [], make.PLAIN))
                kind = n % 3
                if kind == 0:
                    burst.append(make.slash(name, "phonebank", "list"))
                elif kind == 1:
                    burst.append(make.slash(name, "phonebank", "join", shift=n % 10 + 1))
                else:
                    burst.append(make.slash(name, "phonebank", "mine"))
            for interaction in burst:
                await fake.dispatch("INTERACTION_CREATE", interaction)
            callbacks = await fake.wait_for(
                "POST", r"/interactions/\d+/[^/]+/callback", count=count, within=120
            )
            deferred = [c for c in callbacks if c.json["type"] == 5]
            if deferred:
                await fake.wait_for("POST", r"/webhooks/\d+/[^/]+", count=len(deferred), within=120)
        finally:
            await platform.stop()
            await bot.wakeups.stop()
            await storage.close()
            await fake.stop()
    latencies = sorted((c.at - fake.dispatched_at[c.path.split("/")[2]]) * 1000 for c in callbacks)
    p99 = percentile(latencies, 99)
    print(f"Discord interaction response latency: a burst of {count} slash commands")
    people = min(count, VOLUNTEERS)
    print(f"(/phonebank list, join and mine from {people} volunteers; 10 shifts; SQLite)")
    print(f"  median    {statistics.median(latencies):8.1f} ms")
    print(f"  p99       {p99:8.1f} ms")
    print(f"  max       {latencies[-1]:8.1f} ms")
    print(f"  deferred  {len(deferred):5d} of {count} (answered by a follow-up after “thinking…”)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="20 interactions instead of 200")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    asyncio.run(run(20 if args.quick else 200))


if __name__ == "__main__":
    main()
