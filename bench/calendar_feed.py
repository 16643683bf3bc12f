"""How long does a private calendar feed take to serve, over real HTTP?

One volunteer signed up for every one of N daily shifts on a SQLite file; their feed is fetched
from the feed listener (aiohttp on 127.0.0.1) as a calendar app would poll it. The first fetch
writes each entry's revision; later ones only compare digests; after an edit, one entry's
SEQUENCE goes up. The join that carries the `.ics` is timed too.

    python bench/calendar_feed.py            # 100 shifts, 200 fetches
    python bench/calendar_feed.py --quick    # 20 shifts, 20 fetches (CI)
"""

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.web.feeds import feed_routes
from adapters.web.serving import Listener
from bench.latency import percentile
from bot.app.turnout import Turnout
from bot.calendars.commands import ShowCalendarFeed
from bot.calendars.feed_links import FeedLinks
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from bot.signups.commands import JoinShift
from storage import open_storage
from tests.fakes import frozen_clock

PUBLIC = "https://turnout.example.org"
OLIVIA = Actor(Identity("bench", "T", "olivia"), "Olivia", is_organizer=True)
MARIA = Actor(Identity("bench", "T", "maria"), "Maria")
FIRST_DAY = date(2026, 11, 3)


async def run(shifts: int, fetches: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        storage = await open_storage(f"sqlite:///{Path(tmp) / 'bench.db'}")
        turnout = Turnout(
            storage=storage,
            clock=frozen_clock(),
            defaults=CampaignDefaults(timezone="America/New_York"),
            feeds=FeedLinks(PUBLIC),
        )
        joins: list[float] = []
        for n in range(shifts):
            day = FIRST_DAY + timedelta(days=n)
            await turnout.run_text(
                OLIVIA, f'/phonebank create "Calls {n}" {day} 18:00 2h 5 https://dialer.example/x'
            )
            started = time.perf_counter()
            joined = await turnout.handle(JoinShift(MARIA, shift=n + 1))
            joins.append(time.perf_counter() - started)
            assert isinstance(joined, Message) and joined.files, joined
        reply = await turnout.handle(ShowCalendarFeed(MARIA))
        assert isinstance(reply, Message)
        [url] = [w for w in reply.text.split() if w.startswith(PUBLIC)]
        listener = Listener("127.0.0.1", 0, feed_routes(turnout), purpose="calendar feeds")
        await listener.start()
        address = f"http://127.0.0.1:{listener.port}{url.removeprefix(PUBLIC)}"
        try:
            async with aiohttp.ClientSession() as http:
                first, size = await fetch(http, address)
                again = [(await fetch(http, address))[0] for _ in range(fetches)]
                await turnout.run_text(OLIVIA, "/phonebank edit 1 time 19:00")
                edited, _ = await fetch(http, address)
        finally:
            await listener.stop()
            await storage.close()
    print(f"calendar feed of {shifts} sign-ups ({size / 1024:.1f} KiB), SQLite, real HTTP")
    print(f"  first fetch (writes {shifts} revisions)   {first * 1000:8.2f} ms")
    print(
        f"  later fetches, median of {fetches:<4}         {statistics.median(again) * 1000:8.2f} ms"
        f"  (p99 {percentile(again, 99) * 1000:.2f} ms)"
    )
    print(f"  fetch after an edit (one SEQUENCE up)  {edited * 1000:8.2f} ms")
    print(
        f"join with Google link and .ics, median   {statistics.median(joins) * 1000:8.2f} ms"
        f"  (p99 {percentile(joins, 99) * 1000:.2f} ms, {shifts} joins)"
    )


async def fetch(http: aiohttp.ClientSession, address: str) -> tuple[float, int]:
    started = time.perf_counter()
    async with http.get(address) as answer:
        body = await answer.read()
        assert answer.status == 200, answer.status
    return time.perf_counter() - started, len(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 shifts, 20 fetches (CI)")
    args = parser.parse_args()
    asyncio.run(run(20, 20) if args.quick else run(100, 200))


if __name__ == "__main__":
    main()
