"""How fast does Slack hear back? Ack latency of the real Slack adapter under a burst.

Starts the real slack-bolt app in HTTP mode against the local fake Slack (tests/adapters/slack)
with a fresh SQLite file, seeds a few shifts, then fires signed slash commands (a mix of
`/phonebank list`, `/phonebank join N` and `/phonebank mine`, each from a different volunteer)
all at once and then one after another. Prints the ack latency (the HTTP response Slack
waits for, which must come within 3 s) and the time until the answer reached the fake Slack.

    python bench/slack_ack.py            # a burst of 200
    python bench/slack_ack.py --quick    # 20 (CI)
"""

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.slack import SlackPlatform
from bench.latency import percentile
from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from storage import open_storage
from tests.adapters.slack.conftest import payload, sign
from tests.adapters.slack.fake_slack import BOT_TOKEN, TEAM_ID, FakeSlack
from tests.fakes import frozen_clock

SECRET = "bench-signing-secret"
SHIFTS = 5
ANSWERS = ("chat.postEphemeral", "chat.postMessage", "response_url")


def command_body(fake: FakeSlack, index: int, prefix: str) -> tuple[str, str]:
    user = f"U{prefix}{index:05d}"
    text = ("list", f"join {index % SHIFTS + 1}", "mine")[index % 3]
    fields = payload("slash_command") | {
        "command": "/phonebank",
        "text": text,
        "user_id": user,
        "user_name": f"volunteer{index}",
        "response_url": fake.response_url(user),
        "trigger_id": f"trigger-{prefix}-{index}",
    }
    return user, urlencode(fields)


async def fire(http: aiohttp.ClientSession, url: str, body: str) -> tuple[float, float]:
    """POST one signed command; returns (when it was sent, ack latency in seconds)."""
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body, secret=SECRET)}
    started = time.perf_counter()
    async with http.post(url, data=body.encode(), headers=headers) as response:
        await response.read()
        assert response.status == 200, response.status
    return started, time.perf_counter() - started


async def answered(fake: FakeSlack, users: list[str]) -> dict[str, float]:
    """Wait until every user got an answer; when each answer arrived."""

    def first_answers() -> dict[str, float]:
        found: dict[str, float] = {}
        for call in fake.calls:
            if call.method in ANSWERS:
                user = call.args.get("user") or call.args.get("name")
                found.setdefault(str(user), call.at)
        return found

    await fake.wait_until(lambda: set(users) <= set(first_answers()), within=120)
    return first_answers()


async def run(count: int) -> list[tuple[str, dict[str, float]]]:
    fake = FakeSlack()
    await fake.start()
    with tempfile.TemporaryDirectory() as folder:
        storage = await open_storage(f"sqlite:///{folder}/bench.db")
        platform = SlackPlatform(
            bot_token=BOT_TOKEN,
            signing_secret=SECRET,
            api_url=fake.api_url,
            organizers=("U0ORG",),
            http_host="127.0.0.1",
            http_port=0,
        )
        bot = bootstrap(
            storage=storage,
            messengers=[platform.messenger],
            clock=frozen_clock(),
            defaults=CampaignDefaults(name="Bench", timezone="America/New_York"),
        )
        await platform.start(bot.turnout)
        organizer = Actor(Identity("slack", TEAM_ID, "U0ORG"), "olivia", True)
        for n in range(SHIFTS):
            await bot.turnout.run_slash(
                organizer, "/phonebank", f'create "Calls {n + 1}" 2026-11-{20 + n} 18:00 2h 100'
            )
        url = f"http://127.0.0.1:{platform.port}/slack/events"
        results = []
        try:
            async with aiohttp.ClientSession() as http:
                # Concurrent: the whole burst at once.
                bodies = [command_body(fake, i, "B") for i in range(count)]
                sent = await asyncio.gather(*(fire(http, url, body) for _, body in bodies))
                results.append(("burst (concurrent)", await figures(fake, bodies, sent)))
                # Sequential: one at a time, each waiting for its ack.
                bodies = [command_body(fake, i, "S") for i in range(count)]
                sent = [await fire(http, url, body) for _, body in bodies]
                results.append(("sequential", await figures(fake, bodies, sent)))
        finally:
            await platform.stop()
            await storage.close()
            await fake.stop()
    return results


async def figures(
    fake: FakeSlack, bodies: list[tuple[str, str]], sent: list[tuple[float, float]]
) -> dict[str, float]:
    users = [user for user, _ in bodies]
    arrived = await answered(fake, users)
    acks = [ack for _, ack in sent]
    answers = [arrived[user] - started for user, (started, _) in zip(users, sent, strict=True)]
    return {
        "ack median": statistics.median(acks),
        "ack p99": percentile(acks, 99),
        "ack max": max(acks),
        "answer median": statistics.median(answers),
        "answer p99": percentile(answers, 99),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20 commands instead of 200")
    parser.add_argument("--commands", type=int, help="how many slash commands per run")
    args = parser.parse_args()
    count = args.commands or (20 if args.quick else 200)
    logging.basicConfig(level=logging.ERROR)
    results = asyncio.run(run(count))
    print(f"Slack ack latency: {count} signed /phonebank commands over HTTP mode")
    print("(real slack-bolt app, fresh SQLite file, fake Slack Web API on 127.0.0.1)")
    columns = ("ack median", "ack p99", "ack max", "answer median", "answer p99")
    print(f"{'':20}" + "".join(f"{c:>15}" for c in columns))
    for name, values in results:
        print(f"{name:20}" + "".join(f"{values[c] * 1000:>12.1f} ms" for c in columns))
    print("Slack's deadline for the ack: 3000 ms.")


if __name__ == "__main__":
    main()
