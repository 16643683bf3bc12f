"""How long does `/turnout stats` take on a national campaign's year?

Seeds 100,000 volunteers (joined over the year, most contacted), 20,000 shifts over the past
year (1 in 20 cancelled), about 8 confirmed sign-ups per shift with attendance (check-ins,
self-reports, organizers' marks, calls and conversations), waitlisted and cancelled sign-ups,
and finished tasks, straight into the tables (executemany in chunks). Then times the real use
case, `/turnout stats all` and `/turnout stats 30d`, through `Turnout.run_text`, with the chart
and without it (the figures alone), on SQLite and, when TURNOUT_TEST_DATABASE_URL (or
--postgres) points at one, PostgreSQL in a schema of its own.

    python bench/stats.py            # full scale
    python bench/stats.py --quick    # a fiftieth of it (CI)
"""

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Table, insert, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from storage import SqlStorage, open_storage
from storage import tables as t
from storage.engine import normalise_url

NOW = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)
YEAR = timedelta(days=365)
CHUNK = 5_000
RUNS = 5


async def _chunked(conn: AsyncConnection, table: Table, rows: Iterable[dict[str, Any]]) -> int:
    batch: list[dict[str, Any]] = []
    count = 0
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            await conn.execute(insert(table), batch)
            count += len(batch)
            batch = []
    if batch:
        await conn.execute(insert(table), batch)
        count += len(batch)
    return count


async def seed_year(storage: SqlStorage, *, scale: float) -> dict[str, int]:
    rng = random.Random(16)
    volunteers = max(50, int(100_000 * scale))
    shifts = max(20, int(20_000 * scale))
    counts: dict[str, int] = {"volunteers": volunteers, "shifts": shifts}
    async with storage.engine.begin() as conn:
        await conn.execute(
            insert(t.campaigns).values(
                id=1,
                name="National",
                timezone="America/New_York",
                reminder_offsets=(timedelta(hours=24), timedelta(hours=1)),
                contact_within_minutes=timedelta(hours=48),
                created_at=NOW - YEAR,
            )
        )
        await conn.execute(
            insert(t.teams).values(id=1, platform="console", external_id="console", campaign_id=1)
        )

        def volunteer(i: int) -> dict[str, Any]:
            joined = NOW - YEAR * rng.random()
            # Nine in ten are reached, most within a day.
            wait = timedelta(hours=rng.expovariate(1 / 20))
            contacted = joined + wait if rng.random() < 0.9 else None
            return {
                "id": i,
                "campaign_id": 1,
                "number": i,
                "display_name": f"Volunteer {i}",
                "name_key": f"volunteer {i}",
                "joined_at": joined,
                "contacted_at": contacted if contacted and contacted < NOW else None,
            }

        await _chunked(conn, t.volunteers, (volunteer(i) for i in range(1, volunteers + 1)))
        await _chunked(
            conn,
            t.identities,
            (
                {
                    "id": 1,
                    "platform": "console",
                    "team_external_id": "console",
                    "user_external_id": "olivia",
                    "volunteer_id": 1,
                    "last_seen_at": NOW,
                },
            ),
        )
        await _chunked(
            conn,
            t.phone_banks,
            (
                {
                    "id": 1,
                    "campaign_id": 1,
                    "title": "Phone bank",
                    "link": None,
                    "created_by": 1,
                    "created_at": NOW - YEAR,
                },
            ),
        )
        # A year of shifts, and the week ahead's, so the digest's queries have work too.
        starts = [NOW - YEAR + (YEAR + timedelta(days=7)) * i / shifts for i in range(shifts)]
        await _chunked(
            conn,
            t.shifts,
            (
                {
                    "id": i + 1,
                    "campaign_id": 1,
                    "phone_bank_id": 1,
                    "number": i + 1,
                    "starts_at": starts[i],
                    "ends_at": starts[i] + timedelta(hours=2),
                    "capacity": 10,
                    "status": "cancelled" if rng.random() < 0.05 else "scheduled",
                }
                for i in range(shifts)
            ),
        )
        signups: list[dict[str, Any]] = []
        records: list[dict[str, Any]] = []
        for shift in range(1, shifts + 1):
            at = starts[shift - 1]
            for seat in range(rng.randint(5, 11)):
                status = "confirmed" if seat < 8 else rng.choice(("waitlisted", "cancelled"))
                signup_id = len(signups) + 1
                signups.append(
                    {
                        "id": signup_id,
                        "shift_id": shift,
                        "volunteer_id": rng.randint(1, volunteers),
                        "status": status,
                        "created_at": at - timedelta(days=3),
                        "updated_at": at,
                    }
                )
                if status != "confirmed" or at > NOW or rng.random() < 0.1:
                    continue
                came = rng.random() < 0.75
                mark = rng.random() < 0.3
                records.append(
                    {
                        "signup_id": signup_id,
                        "reconfirmed_at": at - timedelta(hours=20) if rng.random() < 0.6 else None,
                        "checked_in_at": at if came and rng.random() < 0.5 else None,
                        "report": ("made_it" if came else "missed") if rng.random() < 0.7 else None,
                        "reported_at": at + timedelta(hours=2),
                        "mark": ("here" if came else "no_show") if mark else None,
                        "marked_by": 1 if mark else None,
                        "marked_at": at if mark else None,
                        "calls": rng.randint(0, 80) if came else None,
                        "conversations": rng.randint(0, 15) if came else None,
                        "notes": None,
                    }
                )
        counts["signups"] = await _chunked(conn, t.signups, signups)
        counts["attendance rows"] = await _chunked(conn, t.attendance, records)
        tasks = max(5, shifts // 40)
        await _chunked(
            conn,
            t.tasks,
            (
                {
                    "id": i,
                    "campaign_id": 1,
                    "number": i,
                    "title": f"Task {i}",
                    "description": None,
                    "due_on": None,
                    "slots": 20,
                    "created_by": 1,
                    "created_at": NOW - YEAR,
                }
                for i in range(1, tasks + 1)
            ),
        )
        counts["task claims"] = await _chunked(
            conn,
            t.task_claims,
            (
                {
                    "task_id": rng.randint(1, tasks),
                    "volunteer_id": rng.randint(1, volunteers),
                    "status": "done" if rng.random() < 0.7 else "claimed",
                    "claimed_at": (done := NOW - YEAR * rng.random()) - timedelta(days=2),
                    "updated_at": done,
                }
                for _ in range(tasks * 10)
            ),
        )
        for name, value in (("volunteer", volunteers), ("shift", shifts), ("task", tasks)):
            await conn.execute(insert(t.counters).values(campaign_id=1, name=name, value=value))
        if storage.dialect_name == "postgresql":
            await conn.execute(text("ANALYZE"))
    return counts


Timings = dict[str, list[float]]


async def measure(storage: SqlStorage) -> tuple[Timings, Timings]:
    from bot.app.bootstrap import bootstrap
    from bot.app.clock import ManualClock
    from bot.domain.campaign import CampaignDefaults, Identity
    from bot.kernel.commands import Actor
    from bot.ports.replies import Message
    from bot.stats.numbers import period_lines
    from tests.fakes import RecordingMessenger

    clock = ManualClock(NOW, running=False)
    bot = bootstrap(
        storage=storage,
        messengers=[RecordingMessenger("console")],
        clock=clock,
        defaults=CampaignDefaults(timezone="America/New_York"),
    )
    olivia = Actor(Identity("console", "console", "olivia"), "Olivia", is_organizer=True)
    timings: Timings = {}
    # This process's CPU time (SQLite's thread included; not PostgreSQL's server): on a shared
    # machine the wall clock also counts waiting for a core.
    cpu: Timings = {}
    for period in ("all", "30d"):
        # The whole command, chart included, as an organizer gets it.
        whole = []
        for _ in range(RUNS):
            t0, c0 = time.perf_counter(), time.process_time()
            reply = await bot.turnout.run_text(olivia, f"/turnout stats {period}")
            whole.append(time.perf_counter() - t0)
            cpu.setdefault(f"/turnout stats {period}, with the chart", []).append(
                time.process_time() - c0
            )
            assert isinstance(reply, Message) and not reply.error and reply.files, reply
        timings[f"/turnout stats {period}, with the chart"] = whole
        # The figures alone: the aggregate queries, as the use case runs them.
        figures = []
        length = None if period == "all" else timedelta(days=30)
        for _ in range(RUNS):
            async with storage.unit_of_work(write=False) as uow:
                campaign = await uow.campaigns.get(1)
                t0, c0 = time.perf_counter(), time.process_time()
                await period_lines(uow, campaign, NOW, length, ZoneInfo(campaign.timezone))
                figures.append(time.perf_counter() - t0)
                cpu.setdefault(f"  the figures alone ({period})", []).append(
                    time.process_time() - c0
                )
        timings[f"  the figures alone ({period})"] = figures
    await bot.wakeups.stop()
    return timings, cpu


def report(
    name: str,
    counts: dict[str, int],
    seeding: float,
    measured: tuple[Timings, Timings],
) -> None:
    timings, cpu = measured
    print(f"\n{name}: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    print(f"  seeded in {seeding:.1f} s; load average {os.getloadavg()[0]:.1f}")
    print(f"  {'':44} {'median ms':>10} {'min ms':>8} {'max ms':>8} {'cpu ms':>8}")
    for label, values in timings.items():
        ms = [1000 * v for v in values]
        own = 1000 * statistics.median(cpu[label])
        print(
            f"  {label:44} {statistics.median(ms):10.1f} {min(ms):8.1f} {max(ms):8.1f} {own:8.1f}"
        )


async def run_sqlite(scale: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        storage = await open_storage(f"sqlite:///{Path(folder) / 'stats.db'}")
        try:
            t0 = time.perf_counter()
            counts = await seed_year(storage, scale=scale)
            seeding = time.perf_counter() - t0
            report("SQLite", counts, seeding, await measure(storage))
        finally:
            await storage.close()


async def run_postgres(url: str, scale: float) -> None:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        storage = await open_storage(url, connect_args={"server_settings": {"search_path": schema}})
        try:
            t0 = time.perf_counter()
            counts = await seed_year(storage, scale=scale)
            seeding = time.perf_counter() - t0
            report("PostgreSQL", counts, seeding, await measure(storage))
        finally:
            await storage.close()
            async with admin.connect() as connection:
                await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    except OSError as error:
        print(f"\nPostgreSQL: not reachable ({error}); skipped")
    finally:
        await admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a fiftieth of the national set")
    parser.add_argument(
        "--postgres",
        default=os.environ.get("TURNOUT_TEST_DATABASE_URL"),
        help="a PostgreSQL URL (default: TURNOUT_TEST_DATABASE_URL)",
    )
    args = parser.parse_args()
    scale = 0.02 if args.quick else 1.0
    print(f"/turnout stats on a national campaign's year (scale {scale:g}), {RUNS} runs each")
    asyncio.run(run_sqlite(scale))
    if args.postgres:
        asyncio.run(run_postgres(args.postgres, scale))
    else:
        print("\nPostgreSQL: set TURNOUT_TEST_DATABASE_URL (or --postgres) to measure it too")


if __name__ == "__main__":
    main()
