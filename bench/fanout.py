"""Reminder fan-out: 10,000 reminders due at once, through a platform that rate-limits us.

Seeds a fresh SQLite file with N volunteers on Slack, each with a shift reminder due now, then
lets the real dispatcher deliver them through the real Slack messenger (slack_sdk) to the local
fake Slack (tests/adapters/slack), which allows LIMIT chat.postMessage calls per second (a
token bucket holding one second's worth, as Slack's are) and answers 429 with a whole-second
Retry-After beyond that. conversations.open is not limited here. The fake runs in a process of
its own, as a real platform would, so that it doesn't take the bot's CPU.

Prints the delivery time against the bound N / LIMIT, the 429s the fake answered, and the
duplicates and losses found by counting what reached each volunteer's DM channel. A second run
without any limit shows the dispatcher's own ceiling.

    python bench/fanout.py            # 10,000 reminders at 50/s (takes about 4 minutes)
    python bench/fanout.py --quick    # 300 at 100/s (CI)
"""

import argparse
import asyncio
import logging
import multiprocessing
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import event

from adapters.slack import SlackPlatform
from bench.seed import seed_due_reminders
from bot.app.bootstrap import bootstrap
from bot.app.clock import SystemClock
from bot.domain.campaign import CampaignDefaults
from storage import open_storage
from tests.adapters.slack.fake_slack import BOT_TOKEN, TEAM_ID, FakeSlack


@dataclass(frozen=True)
class Run:
    reminders: int
    limit: float | None
    seconds: float
    refused: int
    paced: int
    duplicates: int
    lost: int
    # SQL statements per reminder delivered.
    statements: float

    @property
    def bound(self) -> float | None:
        return self.reminders / self.limit if self.limit else None


def platform(limit: float | None, control: Connection) -> None:
    """The fake Slack's own process: sends its port, then on "stop" what it received."""

    async def serve() -> None:
        fake = FakeSlack()
        if limit:
            fake.rate_limits["chat.postMessage"] = limit
        await fake.start()
        control.send(fake.port)
        await asyncio.get_running_loop().run_in_executor(None, control.recv)
        posts = Counter(str(call["channel"]) for call in fake.calls_to("chat.postMessage"))
        control.send((posts, fake.ratelimited))
        await fake.stop()

    asyncio.run(serve())


async def fan_out(reminders: int, limit: float | None) -> Run:
    control, child = multiprocessing.Pipe()
    fake = multiprocessing.get_context("spawn").Process(target=platform, args=(limit, child))
    fake.start()
    port = control.recv()
    with tempfile.TemporaryDirectory() as folder:
        storage = await open_storage(f"sqlite:///{folder}/fanout.db")
        await seed_due_reminders(
            storage, reminders, platform="slack", team=TEAM_ID, now=datetime.now(UTC)
        )
        slack = SlackPlatform(
            bot_token=BOT_TOKEN,
            signing_secret="x",
            api_url=f"http://127.0.0.1:{port}/api/",
            http_host="127.0.0.1",
            http_port=0,
        )
        bot = bootstrap(
            storage=storage,
            messengers=[slack.messenger],
            clock=SystemClock(),
            defaults=CampaignDefaults(timezone="America/New_York"),
        )
        # Started as `turnout run` does: the Web API calls share one connection pool.
        await slack.start(bot.turnout)
        statements = Counter[str]()

        def count(*args: object) -> None:
            statements["sent"] += 1

        # Every statement sent to the driver while delivering, BEGIN included.
        event.listen(storage.engine.sync_engine, "before_cursor_execute", count)
        started = time.perf_counter()
        report = await bot.dispatcher.deliver_due()
        while (next_due := await bot.dispatcher.next_due_at()) is not None:
            # Only rate-limit holds longer than the dispatcher waits in memory get here.
            if next_due > datetime.now(UTC):
                await asyncio.sleep((next_due - datetime.now(UTC)).total_seconds())
            more = await bot.dispatcher.deliver_due()
            report.sent += more.sent
            report.rate_limited += more.rate_limited
        seconds = time.perf_counter() - started
        event.remove(storage.engine.sync_engine, "before_cursor_execute", count)
        await slack.stop()
        await storage.close()
    control.send("stop")
    posts, refused = control.recv()
    fake.join()
    expected = {f"D{i:07d}" for i in range(1, reminders + 1)}
    return Run(
        reminders=reminders,
        limit=limit,
        seconds=seconds,
        refused=refused,
        paced=report.rate_limited,
        duplicates=sum(n - 1 for n in posts.values() if n > 1),
        lost=len(expected - set(posts)),
        statements=statements["sent"] / reminders,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="300 reminders at 100/s (CI)")
    parser.add_argument("--reminders", type=int)
    parser.add_argument("--limit", type=float, help="chat.postMessage calls per second")
    args = parser.parse_args()
    reminders = args.reminders or (300 if args.quick else 10_000)
    limit = args.limit or (100.0 if args.quick else 50.0)
    logging.basicConfig(level=logging.ERROR)
    runs = [asyncio.run(fan_out(reminders, limit)), asyncio.run(fan_out(reminders, None))]
    print(f"Reminder fan-out: {reminders:,} reminders due at once, SQLite, real Slack messenger")
    print(
        f"{'platform limit':<18}{'took':>10}{'bound':>10}{'vs bound':>10}{'per s':>9}"
        f"{'429s':>7}{'dupes':>7}{'lost':>6}"
    )
    for run in runs:
        name = f"{run.limit:g}/s" if run.limit else "none"
        bound = f"{run.bound:9.1f}s" if run.bound else f"{'-':>10}"
        over = f"{100 * (run.seconds / run.bound - 1):+9.1f}%" if run.bound else f"{'-':>10}"
        print(
            f"{name:<18}{run.seconds:9.1f}s{bound}{over}{run.reminders / run.seconds:9.1f}"
            f"{run.refused:>7}{run.duplicates:>7}{run.lost:>6}"
        )
    unlimited = runs[1]
    print(
        f"dispatcher's own ceiling (no limit): {unlimited.reminders / unlimited.seconds:,.0f} "
        f"reminders/s, {unlimited.statements:.2f} SQL statements each (BEGIN included)"
    )
    print(
        "bound = reminders / limit; 429s = answered by the fake platform (the dispatcher "
        f"counted {runs[0].paced}); target: within 10% of the bound, 0 duplicates, 0 lost"
    )
    if any(run.duplicates or run.lost for run in runs):
        sys.exit("duplicates or lost reminders: delivery is broken")


if __name__ == "__main__":
    main()
