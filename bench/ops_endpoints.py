"""What do /healthz and /metrics cost with a big backlog of reminders?

Seeds the national campaign (200,000 pending reminders) into a fresh SQLite file and times the
health check and a scrape (which counts the due reminders, up to 100,000) when nothing is due
and when every reminder is due at once (after a long outage).

    python bench/ops_endpoints.py            # full scale
    python bench/ops_endpoints.py --quick    # a tenth of it (CI)
"""

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from prometheus_client import CollectorRegistry

from bench.seed import NOW, seed_national_campaign
from bot.app.clock import ManualClock
from bot.app.metrics import PrometheusMetrics
from bot.app.ops import Ops
from storage import open_storage

RUNS = 20


async def median_ms(work: Callable[[], Awaitable[object]]) -> float:
    runs = []
    for _ in range(RUNS):
        started = time.perf_counter()
        await work()
        runs.append(time.perf_counter() - started)
    return 1000 * sorted(runs)[len(runs) // 2]


async def measure(db: Path, scale: float) -> None:
    storage = await open_storage(f"sqlite:///{db}")
    counts = await seed_national_campaign(storage, scale=scale)
    clock = ManualClock(NOW, running=False)
    metrics = PrometheusMetrics(CollectorRegistry())
    ops = Ops(storage=storage, clock=clock, metrics=metrics, platforms={})
    print(f"{counts['pending_reminders']:,} pending reminders on SQLite")
    print(f"{'moment':<26}{'due':>10}{'/healthz':>12}{'/metrics':>12}{'size':>10}")
    for label, later in (
        ("nothing due", timedelta()),
        ("all due (after an outage)", timedelta(days=30)),
    ):
        clock.advance(later)
        health = await median_ms(ops.health)
        scrape = await median_ms(ops.scrape)
        size = len(await ops.scrape())
        due = metrics.registry.get_sample_value("turnout_notices_due")
        print(f"{label:<26}{due or 0:>10,.0f}{health:>10.2f}ms{scrape:>10.2f}ms{size:>8,}B")
    await storage.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a tenth of the data (CI)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        asyncio.run(measure(Path(tmp) / "turnout.db", 0.1 if args.quick else 1.0))


if __name__ == "__main__":
    main()
