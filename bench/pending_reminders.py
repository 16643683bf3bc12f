"""Does a huge backlog of pending reminders cost memory or start-up time?

Seeds the national campaign (200,000 pending reminders) into a fresh SQLite file, then starts
the bot in a fresh process against it and against an empty database, and prints for each:
start-up time, resident memory, the dispatcher's idle pass (nothing due), and the time of
`/phonebank list` and `/phonebank mine`.

    python bench/pending_reminders.py            # full scale
    python bench/pending_reminders.py --quick    # a tenth of it (CI)
"""

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def measure(db: str, seeded: bool) -> dict[str, float]:
    """Runs in a fresh process: start the bot against `db` and time what matters."""
    from bench.seed import NOW
    from bot.app.bootstrap import bootstrap
    from bot.app.clock import ManualClock
    from bot.domain.campaign import CampaignDefaults
    from storage import open_storage
    from tests.fakes import RecordingMessenger

    base_rss = rss_mib()
    started = time.perf_counter()
    storage = await open_storage(f"sqlite:///{db}")
    clock = ManualClock(NOW, running=False)
    bot = bootstrap(
        storage=storage,
        messengers=[RecordingMessenger("console")],
        clock=clock,
        defaults=CampaignDefaults(timezone="America/New_York"),
    )
    next_due = await bot.dispatcher.next_due_at()
    startup = time.perf_counter() - started

    idle = []
    for _ in range(50):
        t0 = time.perf_counter()
        report = await bot.dispatcher.deliver_due()
        await bot.dispatcher.next_due_at()
        idle.append(time.perf_counter() - t0)
        assert report.sent == 0, "nothing should be due at the seeding moment"

    from bot.domain.campaign import Identity
    from bot.kernel.commands import Actor

    actor = Actor(Identity("console", "console", "volunteer 7"), "Volunteer 7")
    timings = {}
    for line in ("/phonebank list", "/phonebank mine"):
        runs = []
        for _ in range(20):
            t0 = time.perf_counter()
            await bot.turnout.run_text(actor, line)
            runs.append(time.perf_counter() - t0)
        timings[line] = sorted(runs)[len(runs) // 2]
    await storage.close()
    return {
        "startup_s": startup,
        "rss_mib": rss_mib(),
        "rss_growth_mib": rss_mib() - base_rss,
        "idle_pass_ms": 1000 * sorted(idle)[len(idle) // 2],
        "list_ms": 1000 * timings["/phonebank list"],
        "mine_ms": 1000 * timings["/phonebank mine"],
        "has_next_due": float(next_due is not None or not seeded),
    }


async def seed(db: str, scale: float) -> dict[str, int]:
    from bench.seed import seed_national_campaign
    from storage import open_storage

    storage = await open_storage(f"sqlite:///{db}")
    counts = await seed_national_campaign(storage, scale=scale) if scale else {}
    await storage.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a tenth of the data (CI)")
    parser.add_argument("--measure", nargs=2, metavar=("DB", "SEEDED"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        db, seeded = args.measure
        print(json.dumps(asyncio.run(measure(db, seeded == "1"))))
        return
    scale = 0.1 if args.quick else 1.0
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for label, factor in (("empty database", 0.0), ("national campaign", scale)):
            db = str(Path(tmp) / f"{factor}.db")
            t0 = time.perf_counter()
            counts = asyncio.run(seed(db, factor))
            seeding = time.perf_counter() - t0
            out = subprocess.run(
                [sys.executable, __file__, "--measure", db, "1" if factor else "0"],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(
                (
                    label,
                    counts.get("pending_reminders", 0),
                    seeding,
                    json.loads(out.stdout.splitlines()[-1]),
                )
            )
    print(
        f"{'data set':<20}{'pending':>10}{'start-up':>11}{'RSS':>10}{'growth':>10}"
        f"{'idle pass':>11}{'list':>9}{'mine':>9}"
    )
    for label, pending, _seeding, m in rows:
        print(
            f"{label:<20}{pending:>10,}{m['startup_s']:>10.3f}s{m['rss_mib']:>7.1f}MiB"
            f"{m['rss_growth_mib']:>7.1f}MiB{m['idle_pass_ms']:>9.2f}ms{m['list_ms']:>7.2f}ms"
            f"{m['mine_ms']:>7.2f}ms"
        )
    empty, full = rows[0][3], rows[1][3]
    print(
        f"start-up grows {full['startup_s'] - empty['startup_s']:+.3f}s and memory "
        f"{full['rss_mib'] - empty['rss_mib']:+.1f} MiB with {rows[1][1]:,} pending reminders"
        f" (seeding took {rows[1][2]:.1f}s)"
    )


if __name__ == "__main__":
    main()
