"""Fair teams: two teams' reminder floods side by side, and a third team's one reminder on time.

Seeds a fresh SQLite file with three campaigns, one Slack workspace each: teams A and B with
N volunteers each, every one with a shift reminder due now, and team C with a single
reminder due D seconds later (in the middle of the flood). The real scheduler and dispatcher
deliver them through a fake platform that allows each team LIMIT sends a second (a token
bucket holding one second's worth, as Slack's per-workspace limits are) and answers a 429
with a whole-second Retry-After beyond that; each send takes LATENCY seconds.

Prints how long each team's fan-out took against the bound N / LIMIT (side by side, both
should finish near it, not at twice it), the 429s, duplicates and losses, and how late team
C's reminder arrived after its due time.

    python bench/fair_teams.py            # 2 x 5,000 reminders at 50/s per team (~100 s)
    python bench/fair_teams.py --quick    # 2 x 150 reminders, team C's due 1.5 s in (CI)
"""

import argparse
import asyncio
import logging
import math
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.seed import seed_due_reminders
from bot.app.bootstrap import bootstrap
from bot.app.clock import SystemClock
from bot.domain.campaign import CampaignDefaults, Identity, Team
from bot.domain.post import PostRef
from bot.ports.messenger import DeliveryError, Messenger
from bot.ports.replies import Reply
from storage import open_storage

TEAMS = ("T0COUNTYA", "T0COUNTYB")
LONE = "T0COUNTYC"


@dataclass
class PerTeamLimits(Messenger):
    """A platform that limits each team on its own: `limit` sends a second, a bucket of one
    second's worth, a 429 with a whole-second Retry-After beyond it."""

    limit: float
    latency: float
    platform: str = "slack"
    received: Counter[tuple[str, str]] = field(default_factory=Counter)
    # When each team's sends arrived (time.perf_counter()).
    arrivals: dict[str, list[float]] = field(default_factory=dict)
    refused: int = 0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        team = to.team_external_id
        now = time.monotonic()
        tokens, since = self._buckets.get(team, (self.limit, now))
        tokens = min(self.limit, tokens + (now - since) * self.limit)
        if tokens < 1:
            self._buckets[team] = (tokens, now)
            self.refused += 1
            wait = (1 - tokens) / self.limit
            raise DeliveryError("ratelimited", retry_after=float(math.ceil(wait)))
        self._buckets[team] = (tokens - 1, now)
        await asyncio.sleep(self.latency)
        self.received[(team, to.user_external_id)] += 1
        self.arrivals.setdefault(team, []).append(time.perf_counter())

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        raise DeliveryError("no organizers in this bench", permanent=True)

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        raise DeliveryError("no channel in this bench", permanent=True)

    async def post_in_channel(self, team: Team, channel: str, reply: Reply) -> PostRef:
        raise DeliveryError("no channel in this bench", permanent=True)

    async def edit_post(self, ref: PostRef, reply: Reply) -> None:
        raise DeliveryError("no channel in this bench", permanent=True)


async def run(reminders: int, limit: float, lone_at: float, latency: float) -> int:
    platform = PerTeamLimits(limit=limit, latency=latency)
    with tempfile.TemporaryDirectory() as folder:
        storage = await open_storage(f"sqlite:///{folder}/fair.db")
        now = datetime.now(UTC)
        first = 1
        for campaign, team in enumerate(TEAMS, start=1):
            await seed_due_reminders(
                storage,
                reminders,
                platform="slack",
                team=team,
                now=now,
                campaign=campaign,
                first=first,
            )
            first += math.ceil(reminders / 10) * 10
        lone_due = now + timedelta(seconds=lone_at)
        # seed_due_reminders makes each reminder due a minute before the `now` it is given.
        await seed_due_reminders(
            storage,
            1,
            platform="slack",
            team=LONE,
            now=lone_due + timedelta(minutes=1),
            campaign=3,
            first=first,
        )
        bot = bootstrap(
            storage=storage,
            messengers=[platform],
            clock=SystemClock(),
            defaults=CampaignDefaults(timezone="America/New_York"),
        )
        started = time.perf_counter()
        lone_due_at = started + (lone_due - datetime.now(UTC)).total_seconds()
        bot.wakeups.start()
        expected = 2 * reminders + 1
        while sum(platform.received.values()) < expected:
            if time.perf_counter() - started > 4 * reminders / limit + 60:
                break  # something is lost; count it below rather than wait forever
            await asyncio.sleep(0.2)
        await bot.wakeups.stop()
        await storage.close()
    print(
        f"Fair teams: 2 teams x {reminders:,} reminders due at once, {limit:g} sends/s per team, "
        f"{latency * 1000:g} ms per send; team C's one reminder due {lone_at:g} s in"
    )
    print(f"{'team':<12}{'sent':>8}{'took':>9}{'bound':>9}{'vs bound':>10}")
    for team in TEAMS:
        times = platform.arrivals.get(team, [])
        took = (max(times) - started) if times else float("nan")
        bound = reminders / limit
        print(
            f"{team:<12}{len(times):>8}{took:8.1f}s{bound:8.1f}s{100 * (took / bound - 1):+9.1f}%"
        )
    lone_times = platform.arrivals.get(LONE, [])
    late = (lone_times[0] - lone_due_at) if lone_times else float("nan")
    wanted = {(team, f"U{i:07d}") for team in TEAMS for i in range(1, reminders + 1)}
    wanted.add((LONE, "U0000001"))
    lost = len(wanted - set(platform.received))
    duplicates = sum(n - 1 for n in platform.received.values() if n > 1)
    both = max(max(platform.arrivals.get(team, [started])) for team in TEAMS) - started
    print(
        f"both floods done in {both:.1f} s (one after the other would be "
        f"{2 * reminders / limit:.0f} s); team C's reminder arrived {late:+.2f} s after its "
        f"due time; 429s answered: {platform.refused}; duplicates: {duplicates}; lost: {lost}"
    )
    return 1 if lost or duplicates else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2 x 150 reminders (CI)")
    parser.add_argument("--reminders", type=int, help="per flooded team (default 5,000)")
    parser.add_argument("--limit", type=float, default=50.0, help="sends per second per team")
    parser.add_argument("--lone-at", type=float, help="team C's due time, s (default 30)")
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per send")
    args = parser.parse_args()
    reminders = args.reminders or (150 if args.quick else 5_000)
    lone_at = args.lone_at if args.lone_at is not None else (1.5 if args.quick else 30.0)
    logging.basicConfig(level=logging.ERROR)
    if asyncio.run(run(reminders, args.limit, lone_at, args.latency)):
        sys.exit("duplicates or lost reminders: delivery is broken")


if __name__ == "__main__":
    main()
