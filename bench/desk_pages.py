"""How long do the desk's pages take, over real HTTP?

N daily shifts with three volunteers on each, on a SQLite file; an organizer signed in through
a real sign-in link. The shifts board, one shift's page and a Here mark (a post that runs
`/phonebank mark` through the front door and renders the page again) are timed.

    python bench/desk_pages.py            # 100 shifts, 100 requests each
    python bench/desk_pages.py --quick    # 20 shifts, 20 requests each
"""

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.web.desk import COOKIE, desk_routes
from adapters.web.serving import Listener
from bench.latency import percentile
from bot.app.desk import Desk
from bot.app.turnout import Turnout
from bot.desk import DeskLinks
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from storage import open_storage
from tests.fakes import frozen_clock

PUBLIC = "http://127.0.0.1"
OLIVIA = Actor(Identity("bench", "T", "olivia"), "Olivia", is_organizer=True)
FIRST_DAY = date(2026, 11, 2)


class BenchPeople:
    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        return OLIVIA if identity == OLIVIA.identity else None


async def timed(http: aiohttp.ClientSession, method: str, url: str, **data: str) -> float:
    started = time.perf_counter()
    async with http.request(method, url, data=data or None) as answer:
        await answer.read()
        assert answer.status == 200, answer.status
    return time.perf_counter() - started


def line(name: str, times: list[float]) -> str:
    median, p99 = statistics.median(times), percentile(times, 99)
    return f"  {name:<28} median {median * 1000:7.2f} ms   p99 {p99 * 1000:7.2f} ms"


async def run(shifts: int, requests: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        storage = await open_storage(f"sqlite:///{Path(tmp) / 'bench.db'}")
        clock = frozen_clock()
        turnout = Turnout(
            storage=storage,
            clock=clock,
            defaults=CampaignDefaults(timezone="America/New_York"),
            desk=DeskLinks(PUBLIC),
        )
        for n in range(shifts):
            day = FIRST_DAY + timedelta(days=n)
            await turnout.run_text(OLIVIA, f'/phonebank create "Calls {n}" {day} 18:00 2h 5')
            for who in ("ana", "ben", "cy"):
                volunteer = Actor(Identity("bench", "T", who), who.capitalize())
                await turnout.run_text(volunteer, f"/phonebank join {n + 1}")
        # The first shift under way, so its volunteers can be marked.
        clock.advance(timedelta(hours=9))
        links = DeskLinks(PUBLIC)
        desk = Desk(
            turnout=turnout,
            storage=storage,
            clock=clock,
            links=links,
            people={"bench": BenchPeople()},
        )
        listener = Listener("127.0.0.1", 0, desk_routes(desk), purpose="the desk")
        await listener.start()
        base = f"http://127.0.0.1:{listener.port}"
        try:
            reply = await turnout.run_text(OLIVIA, "/turnout desk")
            assert isinstance(reply, Message) and reply.buttons[0].url
            async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as http:
                path = urlsplit(reply.buttons[0].url).path
                async with http.get(base + path, allow_redirects=False) as signed:
                    session = signed.cookies[COOKIE].value
                http.headers["Cookie"] = f"{COOKIE}={session}"
                board = [await timed(http, "GET", f"{base}/desk") for _ in range(requests)]
                async with http.get(f"{base}/desk") as page:
                    html = await page.text()
                shift = re.findall(r'href="(/desk/shifts/\d+)"', html)[0]
                one = [await timed(http, "GET", base + shift) for _ in range(requests)]
                async with http.get(base + shift) as page:
                    csrf = re.findall(r'name="csrf" value="([^"]+)"', await page.text())[0]
                marks = [
                    await timed(
                        http, "POST", base + shift, csrf=csrf, nonce=f"n{i}", do="mark",
                        who="#2", mark="here" if i % 2 else "no-show",
                    )
                    for i in range(requests)
                ]  # fmt: skip
        finally:
            await listener.stop()
            await storage.close()
    print(f"the desk over real HTTP, SQLite, {shifts} shifts with 3 volunteers each")
    print(line("shifts board (GET /desk)", board))
    print(line("a shift's page", one))
    print(line("a Here / No-show mark (POST)", marks))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    asyncio.run(run(20, 20) if args.quick else run(100, 100))


if __name__ == "__main__":
    main()
