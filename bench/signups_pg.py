"""How many sign-ups a second does the core take on PostgreSQL, from one and two processes?

Volunteers send `/phonebank join N` through `Turnout.run_slash` in worker processes of their
own (1 or 2 processes, 1 or 8 joins in flight in each), first as newcomers (first contact: the
volunteer numbered, added and welcomed), then the same people again for other shifts. Side by
side, plain asyncpg does the same transaction (the same statements, the same rows, the same
row locks, in a schema of its own) from the same processes, interleaved with the core: blocks
of joins alternate between the two, so load that comes and goes shifts both.

Every round is checked on both sides (seats in order of capacity, the rest waitlisted, two
reminders a seat, every volunteer numbered once from 1); a wrong answer prints no figures.

    python bench/signups_pg.py --url postgresql://…   # or TURNOUT_TEST_DATABASE_URL
    python bench/signups_pg.py --quick                # small rounds (CI; skipped without a URL)
"""

import argparse
import asyncio
import json
import logging
import multiprocessing
import os
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.latency import percentile
from bench.signups import (
    CONTACT_WITHIN,
    REMINDER_OFFSETS,
    TEAM,
    ZONE,
    WrongAnswer,
    identity,
    refused,
    shift_day,
    volunteer,
)

SHIFTS = 20
BLOCKS = 6
SIDES = ("core", "plain")


@dataclass(frozen=True, slots=True)
class Setup:
    """One configuration: how many processes, joins in flight in each, joins per round."""

    processes: int
    in_flight: int
    joins: int

    @property
    def seats(self) -> int:
        return max(1, self.joins // SHIFTS * 4 // 5)


# Inside a worker process


def dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


class Worker:
    """One process: the core on one schema, plain asyncpg on the other."""

    def __init__(self, url: str, schemas: dict[str, str], setup: Setup) -> None:
        self.url, self.schemas, self.setup = url, schemas, setup

    async def open(self) -> None:
        import asyncpg

        from bot.app.bootstrap import bootstrap
        from bot.kernel.context import CampaignDefaults
        from storage import open_storage
        from tests.fakes import RecordingMessenger, frozen_clock

        self.storage = await open_storage(
            self.url, connect_args={"server_settings": {"search_path": self.schemas["core"]}}
        )
        self.turnout = bootstrap(
            storage=self.storage,
            messengers=[RecordingMessenger("slack")],
            clock=frozen_clock(),
            defaults=CampaignDefaults(
                name="Bench",
                timezone=ZONE,
                reminder_offsets=REMINDER_OFFSETS,
                contact_within=CONTACT_WITHIN,
            ),
        ).turnout
        self.pool = await asyncpg.create_pool(
            dsn(self.url),
            min_size=self.setup.in_flight,
            max_size=self.setup.in_flight,
            server_settings={"search_path": self.schemas["plain"]},
        )
        self.now = frozen_clock().now()

    async def close(self) -> None:
        await self.pool.close()
        await self.storage.close()

    async def block(
        self, side: str, first_shift: int, volunteers: list[int]
    ) -> tuple[list[float], float]:
        """Each join's latency, and the CPU seconds this process spent on them."""
        waiting = iter(volunteers)
        latencies: list[float] = []
        refusals: list[str] = []

        async def keep_joining() -> None:
            for index in waiting:
                number = first_shift + index % SHIFTS
                started = time.perf_counter()
                if side == "core":
                    reply = await self.turnout.run_slash(
                        volunteer(index), "/phonebank", f"join {number}"
                    )
                    if refused(reply):
                        refusals.append(f"volunteer {index}: {reply}")
                else:
                    await self.plain_join(index, number)
                latencies.append(time.perf_counter() - started)

        cpu = time.process_time()
        await asyncio.gather(*(keep_joining() for _ in range(self.setup.in_flight)))
        if refusals:
            raise WrongAnswer(f"{len(refusals)} join(s) went wrong, the first: {refusals[0]}")
        return latencies, time.process_time() - cpu

    async def plain_join(self, index: int, number: int) -> None:
        """The statements the core sends for a join, written by hand, in one transaction."""
        who, now = identity(index), self.now
        async with self.pool.acquire() as db, db.transaction():
            team = await db.fetchrow(
                "SELECT teams.id, campaigns.id AS campaign_id FROM teams JOIN campaigns"
                " ON campaigns.id = teams.campaign_id WHERE teams.platform = $1"
                " AND teams.external_id = $2",
                who.platform,
                who.team_external_id,
            )
            assert team is not None, "the campaign is seeded before any join"
            campaign_id = team["campaign_id"]
            volunteer_id = await db.fetchval(
                "SELECT volunteers.id FROM volunteers JOIN identities"
                " ON identities.volunteer_id = volunteers.id WHERE identities.platform = $1"
                " AND identities.team_external_id = $2 AND identities.user_external_id = $3",
                who.platform,
                who.team_external_id,
                who.user_external_id,
            )
            if volunteer_id is None:
                numbered = await db.fetchval(
                    "INSERT INTO counters (campaign_id, name, value) VALUES ($1, 'volunteer', 1)"
                    " ON CONFLICT (campaign_id, name) DO UPDATE SET value = counters.value + 1"
                    " RETURNING value",
                    campaign_id,
                )
                name = f"Volunteer {index}"
                volunteer_id = await db.fetchval(
                    "INSERT INTO volunteers (campaign_id, number, display_name, name_key,"
                    " joined_at, follow_up_due_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                    campaign_id,
                    numbered,
                    name,
                    name.casefold(),
                    now,
                    now + CONTACT_WITHIN,
                )
                await db.execute(
                    "INSERT INTO identities (platform, team_external_id, user_external_id,"
                    " volunteer_id, last_seen_at) VALUES ($1, $2, $3, $4, $5)",
                    who.platform,
                    who.team_external_id,
                    who.user_external_id,
                    volunteer_id,
                    now,
                )
                await self.add_notice(db, campaign_id, "welcome", volunteer_id, None, None, {})
                payload = {"volunteer_id": volunteer_id}
                await self.add_notice(db, campaign_id, "new_volunteer", None, None, None, payload)
            shift = await db.fetchrow(
                "SELECT id, starts_at, capacity FROM shifts WHERE campaign_id = $1"
                " AND number = $2 FOR UPDATE",
                campaign_id,
                number,
            )
            assert shift is not None, f"shift #{number} is seeded before any join"
            if await db.fetchval(
                "SELECT id FROM signups WHERE shift_id = $1 AND volunteer_id = $2"
                " AND status IN ('confirmed', 'waitlisted') ORDER BY id DESC LIMIT 1",
                shift["id"],
                volunteer_id,
            ):
                raise WrongAnswer(f"volunteer {index} is already on shift #{number}")
            counts: dict[str, int] = {
                status: n
                for status, n in await db.fetch(
                    "SELECT status, count(*) FROM signups WHERE shift_id = $1"
                    " AND status IN ('confirmed', 'waitlisted') GROUP BY status",
                    shift["id"],
                )
            }
            status = "confirmed" if counts.get("confirmed", 0) < shift["capacity"] else "waitlisted"
            signup_id = await db.fetchval(
                "INSERT INTO signups (shift_id, volunteer_id, status, created_at, updated_at)"
                " VALUES ($1, $2, $3, $4, $4) RETURNING id",
                shift["id"],
                volunteer_id,
                status,
                now,
            )
            if status == "confirmed":
                for offset in REMINDER_OFFSETS:
                    payload = {"offset_minutes": int(offset.total_seconds() // 60)}
                    due = shift["starts_at"] - offset
                    await self.add_notice(
                        db,
                        campaign_id,
                        "shift_reminder",
                        volunteer_id,
                        shift["id"],
                        signup_id,
                        payload,
                        due,
                    )
            else:
                await db.fetchval(
                    "SELECT count(*) FROM signups WHERE shift_id = $1 AND status = 'waitlisted'"
                    " AND id < $2",
                    shift["id"],
                    signup_id,
                )

    async def add_notice(
        self,
        db: Any,
        campaign_id: int,
        kind: str,
        volunteer_id: int | None,
        shift_id: int | None,
        signup_id: int | None,
        payload: dict[str, Any],
        due_at: Any = None,
    ) -> None:
        await db.fetchval(
            "INSERT INTO notices (campaign_id, kind, volunteer_id, shift_id, signup_id, payload,"
            " due_at, state, attempts) VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0)"
            " RETURNING id",
            campaign_id,
            kind,
            volunteer_id,
            shift_id,
            signup_id,
            json.dumps(payload),
            due_at or self.now,
        )


def work(url: str, schemas: dict[str, str], setup: Setup, pipe: Connection) -> None:
    """A worker process: open both sides, then run each block the parent asks for."""
    logging.basicConfig(level=logging.ERROR)

    async def serve() -> None:
        worker = Worker(url, schemas, setup)
        await worker.open()
        pipe.send("ready")
        try:
            while (order := pipe.recv()) is not None:
                try:
                    pipe.send(await worker.block(*order))
                except WrongAnswer as wrong:
                    pipe.send(wrong)
        finally:
            await worker.close()

    asyncio.run(serve())


# In the parent


async def prepare(url: str, setup: Setup) -> dict[str, str]:
    """A fresh schema per side, migrated, with the organizer's 2 × SHIFTS shifts created."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from bot.app.bootstrap import bootstrap
    from bot.domain.campaign import Identity
    from bot.kernel.commands import Actor
    from bot.kernel.context import CampaignDefaults
    from storage import open_storage
    from storage.engine import normalise_url
    from tests.fakes import RecordingMessenger, frozen_clock

    schemas = {side: f"bench_{side}_{uuid.uuid4().hex[:8]}" for side in SIDES}
    admin = create_async_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        for schema in schemas.values():
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    for schema in schemas.values():
        storage = await open_storage(url, connect_args={"server_settings": {"search_path": schema}})
        turnout = bootstrap(
            storage=storage,
            messengers=[RecordingMessenger("slack")],
            clock=frozen_clock(),
            defaults=CampaignDefaults(name="Bench", timezone=ZONE),
        ).turnout
        organizer = Actor(Identity("slack", TEAM, "U0ORG"), "Olivia", is_organizer=True)
        for n in range(2 * SHIFTS):
            line = f'create "Calls {n + 1}" {shift_day(n).isoformat()} 18:00 2h {setup.seats}'
            if refused(await turnout.run_slash(organizer, "/phonebank", line)):
                raise WrongAnswer(f"`/phonebank {line}` went wrong")
        await storage.close()
    return schemas


async def drop(url: str, schemas: dict[str, str]) -> None:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from storage.engine import normalise_url

    admin = create_async_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        for schema in schemas.values():
            await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await admin.dispose()


async def check(url: str, schema: str, setup: Setup, first_shift: int) -> None:
    """Raise WrongAnswer unless the round left exactly what its joins should have."""
    import asyncpg

    db = await asyncpg.connect(dsn(url), server_settings={"search_path": schema})
    try:
        seats = {
            (number, status): count
            for number, status, count in await db.fetch(
                "SELECT shifts.number, signups.status, count(*) FROM signups"
                " JOIN shifts ON shifts.id = signups.shift_id GROUP BY 1, 2"
            )
        }
        reminders = await db.fetchval(
            "SELECT count(*) FROM notices WHERE kind = 'shift_reminder' AND shift_id IN"
            " (SELECT id FROM shifts WHERE number >= $1 AND number < $2)",
            first_shift,
            first_shift + SHIFTS,
        )
        numbers = [n for (n,) in await db.fetch("SELECT number FROM volunteers ORDER BY number")]
    finally:
        await db.close()
    confirmed_total = 0
    for k in range(SHIFTS):
        joins = len(range(k, setup.joins, SHIFTS))
        confirmed, waitlisted = min(setup.seats, joins), max(0, joins - setup.seats)
        number = first_shift + k
        got = (seats.get((number, "confirmed"), 0), seats.get((number, "waitlisted"), 0))
        if got != (confirmed, waitlisted):
            raise WrongAnswer(f"{schema}, shift #{number}: {got} where {confirmed, waitlisted}")
        confirmed_total += confirmed
    if reminders != len(REMINDER_OFFSETS) * confirmed_total:
        raise WrongAnswer(f"{schema}: {reminders} reminders for {confirmed_total} seats")
    if numbers != list(range(1, setup.joins + 2)):  # the organizer is volunteer 1
        raise WrongAnswer(f"{schema}: volunteer numbers are not 1 to {setup.joins + 1}")


@dataclass(slots=True)
class Result:
    rates: dict[str, list[float]]
    latencies: dict[str, list[float]]
    ratios: list[float]
    # CPU seconds: in the worker processes, and in the PostgreSQL server (when it is local).
    client_cpu: dict[str, float]
    server_cpu: dict[str, float]


def postgres_cpu() -> dict[int, int]:
    """CPU clock ticks used so far by each process of the local PostgreSQL server (Linux)."""
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        if fields[0].endswith("(postgres"):
            utime, stime = fields[1].split()[11:13]
            ticks[int(stat.parent.name)] = int(utime) + int(stime)
    return ticks


def cpu_since(before: dict[int, int]) -> float:
    """Seconds of server CPU since `before`, counting processes alive at the end."""
    after = postgres_cpu()
    return sum(t - before.get(pid, 0) for pid, t in after.items()) / os.sysconf("SC_CLK_TCK")


async def measure(url: str, setup: Setup) -> dict[str, Result]:
    """Both rounds of `setup`, core and plain interleaved block by block."""
    schemas = await prepare(url, setup)
    context = multiprocessing.get_context("spawn")
    pipes, processes = [], []
    try:
        for _ in range(setup.processes):
            ours, theirs = context.Pipe()
            process = context.Process(target=work, args=(url, schemas, setup, theirs))
            process.start()
            pipes.append(ours)
            processes.append(process)
        for pipe in pipes:
            if pipe.recv() != "ready":
                raise RuntimeError("a worker did not start")
        results: dict[str, Result] = {}
        loop = asyncio.get_running_loop()
        for name, first_shift in (("new", 1), ("returning", SHIFTS + 1)):
            result = Result(
                {side: [] for side in SIDES},
                {side: [] for side in SIDES},
                [],
                dict.fromkeys(SIDES, 0.0),
                dict.fromkeys(SIDES, 0.0),
            )
            size = -(-setup.joins // BLOCKS)
            for k, start in enumerate(range(0, setup.joins, size)):
                block = list(range(start, min(setup.joins, start + size)))
                times: dict[str, float] = {}
                for side in SIDES if k % 2 == 0 else SIDES[::-1]:
                    server = postgres_cpu()
                    started = time.perf_counter()
                    for w, pipe in enumerate(pipes):
                        pipe.send((side, first_shift, block[w :: setup.processes]))
                    answers = [await loop.run_in_executor(None, pipe.recv) for pipe in pipes]
                    times[side] = time.perf_counter() - started
                    result.server_cpu[side] += cpu_since(server)
                    for answer in answers:
                        if isinstance(answer, Exception):
                            raise answer
                        latencies, cpu = answer
                        result.latencies[side].extend(latencies)
                        result.client_cpu[side] += cpu
                    result.rates[side].append(len(block) / times[side])
                result.ratios.append(times["core"] / times["plain"])
            for side in SIDES:
                await check(url, schemas[side], setup, first_shift)
            results[name] = result
        return results
    finally:
        for pipe in pipes:
            pipe.send(None)
        for process in processes:
            process.join(30)
        await drop(url, schemas)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("TURNOUT_TEST_DATABASE_URL", ""))
    parser.add_argument("--quick", action="store_true", help="120 joins per round (CI)")
    parser.add_argument("--joins", type=int, help="joins per round (default 1,200)")
    args = parser.parse_args()
    if not args.url:
        print("No PostgreSQL to measure: pass --url or set TURNOUT_TEST_DATABASE_URL.")
        return
    joins = args.joins or (120 if args.quick else 1200)
    logging.basicConfig(level=logging.ERROR)
    print(
        f"Sign-ups on PostgreSQL: {joins:,} joins per round across {SHIFTS} shifts, core and "
        f"plain asyncpg interleaved in {BLOCKS} blocks; joins/s is the median block's"
    )
    print(f"{'':<42}{'joins/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'asyncpg/s':>11}{'core/asyncpg':>14}")
    by_setup: dict[tuple[int, int], dict[str, Result]] = {}
    try:
        for processes in (1, 2):
            for in_flight in (1, 8):
                setup = Setup(processes, in_flight, joins)
                by_setup[processes, in_flight] = asyncio.run(measure(args.url, setup))
    except WrongAnswer as wrong:
        print(f"Wrong answer, so no figures: {wrong}", file=sys.stderr)
        raise SystemExit(1) from wrong
    for volunteers in ("new", "returning"):
        for (processes, in_flight), results in by_setup.items():
            r = results[volunteers]
            core, plain = statistics.median(r.rates["core"]), statistics.median(r.rates["plain"])
            label = f"{volunteers}, {processes} process(es) x {in_flight} in flight"
            print(
                f"{label:<42}{core:>9,.0f}{percentile(r.latencies['core'], 50) * 1000:>9.1f}"
                f"{percentile(r.latencies['core'], 99) * 1000:>9.1f}{plain:>11,.0f}"
                f"{statistics.median(r.ratios):>13.1f}x"
            )
        r = by_setup[2, 8][volunteers]
        print(
            f"  {volunteers}, 2 x 8, CPU per join: core {r.client_cpu['core'] / joins * 1000:.2f}"
            f" ms in the workers + {r.server_cpu['core'] / joins * 1000:.2f} ms in PostgreSQL;"
            f" asyncpg {r.client_cpu['plain'] / joins * 1000:.2f} +"
            f" {r.server_cpu['plain'] / joins * 1000:.2f} ms ({os.cpu_count()} cores here)"
        )
        one = statistics.median(by_setup[1, 8][volunteers].rates["core"])
        two = statistics.median(by_setup[2, 8][volunteers].rates["core"])
        print(f"  {volunteers}: 2 processes / 1 process, 8 in flight each: {two / one:.2f}x")


if __name__ == "__main__":
    main()
