"""Live posts: how many edits a burst of joins costs each post.

A shift is created in #general (its live post goes up with chat.postMessage) and a board is
posted beside it; then N volunteers join, all at once or spread over a few seconds. The real
core, dispatcher and wake-ups (APScheduler, the system clock) run against the real Slack
messenger (slack_sdk) and the local fake Slack (tests/adapters/slack). Prints, per pattern, the
chat.update calls each post received and how long after the last join the post showed the
final count.

    python bench/live_posts.py            # 50 joins: at once, over 5 s, over 20 s
    python bench/live_posts.py --quick    # 20 joins: at once, over 2 s (CI)
"""

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app.bootstrap import bootstrap
from bot.app.clock import SystemClock
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.signups.commands import JoinShift
from storage import open_storage
from tests.adapters.slack.conftest import GENERAL, fake_workspace, platform_for
from tests.adapters.slack.fake_slack import TEAM_ID, Call, FakeSlack


async def burst(joins: int, spread: float) -> tuple[int, int, float]:
    """(updates of the shift's post, updates of the board, seconds from the last join until
    the shift's post showed the final count)."""
    fake = FakeSlack()
    fake_workspace(fake)
    await fake.start()
    with tempfile.TemporaryDirectory() as folder:
        storage = await open_storage(f"sqlite:///{Path(folder) / 'turnout.db'}")
        platform = platform_for(fake)
        bot = bootstrap(
            storage=storage,
            messengers=[platform.messenger],
            clock=SystemClock(),
            defaults=CampaignDefaults(timezone="America/New_York"),
        )
        await platform.start(bot.turnout)
        bot.wakeups.start()
        try:
            olivia = Actor(Identity("slack", TEAM_ID, "U0ORG"), "olivia", True, channel=GENERAL)
            day = (datetime.now(UTC) + timedelta(days=30)).date().isoformat()
            created = await bot.turnout.run_slash(
                olivia, "/phonebank", f'create "Calls" {day} 18:00 2h {joins + 10}'
            )
            assert "Created" in getattr(created, "text", ""), created
            await bot.turnout.run_slash(olivia, "/phonebank", "post board")
            await fake.wait_for("chat.postMessage", count=2, within=10)
            posted = fake.calls_to("chat.postMessage")
            shift_ts = fake_ts(fake, posted[0])
            board_ts = fake_ts(fake, posted[1])
            people = [
                Actor(Identity("slack", TEAM_ID, f"U0J{n:04d}"), f"caller{n}") for n in range(joins)
            ]
            if spread:
                for n, actor in enumerate(people):
                    if n:
                        await asyncio.sleep(spread / (joins - 1))
                    await bot.turnout.handle(JoinShift(actor, shift=1))
            else:
                await asyncio.gather(*(bot.turnout.handle(JoinShift(a, shift=1)) for a in people))
            last_join = time.perf_counter()
            final = f"10 of {joins + 10} left"
            shown = await fake.wait_for(
                "chat.update", lambda c: c["ts"] == shift_ts and final in c.text, within=30
            )
            # The fake stamps calls with perf_counter too.
            settled = shown.at - last_join
            await asyncio.sleep(3)  # anything still owed lands now
            updates = fake.calls_to("chat.update")
            return (
                sum(c["ts"] == shift_ts for c in updates),
                sum(c["ts"] == board_ts for c in updates),
                max(0.0, settled),
            )
        finally:
            await bot.wakeups.stop()
            await platform.stop()
            await storage.close()
            await fake.stop()


def fake_ts(fake: FakeSlack, call: Call) -> str:
    """The ts the fake gave a chat.postMessage: it numbers every post it answers in order."""
    answered = [c for c in fake.calls if c.method in ("chat.postMessage", "chat.postEphemeral")]
    return f"{1700000000 + answered.index(call) + 1}.000100"


async def main(quick: bool) -> None:
    logging.basicConfig(level=logging.WARNING)
    # Fifty kicks in a burst overlap in APScheduler; each says so, which is no news here.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
    joins = 20 if quick else 50
    spreads = (0.0, 2.0) if quick else (0.0, 5.0, 20.0)
    print(f"{joins} joins on one shift, its live post and a board beside it")
    print(f"{'joins arrive':<22}{'post edits':>12}{'board edits':>13}{'final shown after':>19}")
    for spread in spreads:
        post, board, settled = await burst(joins, spread)
        pattern = "at once" if not spread else f"over {spread:g} s"
        print(f"  {pattern:<20}{post:>12}{board:>13}{settled:>17.2f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer joins, for CI")
    asyncio.run(main(parser.parse_args().quick))
