"""Scale: one process serving 200 teams, and two processes on PostgreSQL sharing them.

Seeds 100 Slack workspaces (installed through the OAuth installation store) and 100 Discord
servers, each a team with its own campaign, a shift and a few volunteers, then starts ONE real
`turnout run` (slack-bolt's HTTP app in OAuth mode, and discord.py against the fake gateway
holding every server in READY/GUILD_CREATE) and prints its start-up time (spawn to "running on
slack, discord"), its resident memory (VmRSS) and the answer times of a burst of 200 commands,
one per team (`/phonebank list`, `/phonebank join 1`, `/volunteer tz`): half signed HTTP
requests to bolt's endpoint, half interactions through the fake gateway, all at once.

Then, with PostgreSQL (TURNOUT_BENCH_DATABASE_URL or TURNOUT_TEST_DATABASE_URL), two `turnout
run` processes serve the same teams from one throwaway database, every volunteer's reminder due:
it prints the reminders due, delivered, duplicated and lost (each must arrive exactly once).

    python bench/scale_teams.py            # 200 teams, 3 volunteers each
    python bench/scale_teams.py --quick    # 10 teams (CI)
"""

import argparse
import asyncio
import contextlib
import logging
import os
import statistics
import sys
import tempfile
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.latency import percentile
from bench.many_teams import (
    PATIENCE,
    Served,
    Teams,
    answered_well,
    discord_command,
    install_workspaces,
    person,
    seed_teams,
    slack_command,
)
from bot.app.clock import ManualClock, SystemClock
from storage import SqlStorage, open_storage
from storage.engine import normalise_url
from storage.tables import notices
from tests.adapters.discord.fake_discord import dm_channel as discord_dm
from tests.adapters.slack.conftest import sign
from tests.e2e.replicas import dm_channel as slack_dm
from tests.e2e.replicas import throwaway_database

# How long at least after seeding the two-process run's reminders fall due: time for both
# processes to start, more with more teams to serve.
DUE_IN, DUE_IN_A_TEAM = timedelta(seconds=20), timedelta(seconds=0.25)


async def unsent_due(storage: SqlStorage) -> int:
    """Notices due by now and not yet sent (waiting, or claimed and being sent)."""
    query = (
        select(func.count())
        .select_from(notices)
        .where(notices.c.state.in_(("pending", "sending")), notices.c.due_at <= datetime.now(UTC))
    )
    async with storage.unit_of_work(write=False) as uow:
        return int((await uow.connection.execute(query)).scalar_one())


async def reminders_in(storage: SqlStorage, state: str) -> int:
    """Shift reminders in `state` ("pending", "sent"…)."""
    query = (
        select(func.count())
        .select_from(notices)
        .where(notices.c.kind == "shift_reminder", notices.c.state == state)
    )
    async with storage.unit_of_work(write=False) as uow:
        return int((await uow.connection.execute(query)).scalar_one())


async def settled(storage: SqlStorage, *, within: float = PATIENCE) -> float:
    """Wait until nothing due is left unsent (welcomes, organizers' news); seconds it took."""
    started = time.perf_counter()
    while await unsent_due(storage):
        if time.perf_counter() - started > within:
            break  # reported as it is: the figures below are then taken with sends going on
        await asyncio.sleep(0.2)
    return time.perf_counter() - started


# Part 1: one process


async def one_process(teams: Teams) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'turnout.db'}"
        storage = await open_storage(url)
        seeding = time.perf_counter()
        await install_workspaces(storage, teams)
        in_three_days = (datetime.now(UTC) + timedelta(days=3)).replace(hour=18, minute=0)
        await seed_teams(storage, teams, clock=SystemClock(), starts=in_three_days)
        seeded = time.perf_counter() - seeding
        spawned = time.perf_counter()
        served = await Served.start(folder, url, teams)
        try:
            await served.ready()
            start_up, start_up_cpu = time.perf_counter() - spawned, served.cpu()
            after_start = served.memory()
            quiet = await settled(storage)
            first = await burst(served, teams, 1)
            await settled(storage)  # the newcomers' welcomes
            bursts = [
                ("first: each team's first command since start-up", first),
                ("again: every team seen, a second newcomer joins", await burst(served, teams, 2)),
            ]
            after_burst = served.memory()
        finally:
            await served.stop()
            await storage.close()
    print(
        f"Scale: one `turnout run` serving {len(teams)} teams ({len(teams.slack)} Slack "
        f"workspaces through the OAuth store, {len(teams.discord)} Discord servers), SQLite"
    )
    print(
        f"  seeded in {seeded:.1f} s: a campaign, a shift and {teams.volunteers} volunteers "
        f"per team; what that queued (welcomes, organizers' news) sent {quiet:.1f} s after "
        "start-up"
    )
    print(
        f"  start-up (spawn to running on slack, discord) {start_up * 1000:9.0f} ms"
        f"  (CPU {start_up_cpu * 1000:,.0f} ms)"
    )
    print(f"  resident memory after start-up                {after_start[0]:9.1f} MB")
    print(
        f"  resident memory after the bursts              {after_burst[0]:9.1f} MB"
        f"  (peak {after_burst[1]:.1f} MB)"
    )
    report(bursts, teams)
    errors = served.errors()
    if errors:
        print("the process logged errors:\n" + "".join(errors[:60]))
    return 1 if errors or any(measured.wrong for _, measured in bursts) else 0


@dataclass
class Burst:
    """A burst's answer times by what was timed (seconds), and how its answers went."""

    times: dict[str, list[float]]
    deferred: int
    wrong: int
    # CPU seconds the process spent from the burst's first command to its last answer.
    cpu: float


async def burst(served: Served, teams: Teams, newcomer: int) -> Burst:
    """One command per team, all at once; each team's `newcomer`th newcomer joins."""
    since, cpu = len(served.slack.calls), served.cpu()
    slack_users = [commander(team, i, teams, newcomer) for i, team in enumerate(teams.slack)]
    discord_burst = [
        discord_command(team, commander(team, i, teams, newcomer), i)
        for i, team in enumerate(teams.discord)
    ]

    async def slack_burst() -> list[tuple[float, float]]:
        url = f"http://127.0.0.1:{served.port}/slack/events"
        async with aiohttp.ClientSession() as http:
            return await asyncio.gather(
                *(
                    fire(http, url, slack_command(served.slack, team, user, i))
                    for i, (team, user) in enumerate(zip(teams.slack, slack_users, strict=True))
                )
            )

    async def discord_send() -> None:
        for interaction in discord_burst:
            await served.discord.dispatch("INTERACTION_CREATE", interaction)

    sent, _ = await asyncio.gather(slack_burst(), discord_send())
    await served.slack.wait_until(
        lambda: set(slack_users) <= set(served.slack.answers_by_user(since)), within=PATIENCE
    )
    ids = [interaction["id"] for interaction in discord_burst]
    await served.discord.wait_for(
        "POST", r"/interactions/\d+/[^/]+/callback", count=newcomer * len(ids), within=PATIENCE
    )
    answered = served.slack.answers_by_user(since)
    slack_answers = [
        answered[user].at - started for user, (started, _) in zip(slack_users, sent, strict=True)
    ]
    interactions = served.discord.answers()
    discord_answers = [interactions[i].seconds for i in ids]
    texts = [answered[user].text for user in slack_users], [interactions[i].text for i in ids]
    acks = [ack for _, ack in sent]
    return Burst(
        {
            "slack ack (HTTP 200)": acks,
            "slack answer": slack_answers,
            "discord answer (callback)": discord_answers,
            "all, acknowledged": acks + discord_answers,
            "all, answered": slack_answers + discord_answers,
        },
        deferred=sum(interactions[i].deferred for i in ids),
        wrong=sum(not answered_well(i, text) for said in texts for i, text in enumerate(said)),
        cpu=served.cpu() - cpu,
    )


def commander(team: str, index: int, teams: Teams, newcomer: int) -> str:
    """Who gives the team's command: a newcomer joins, a seeded volunteer lists or sets a zone."""
    if index % 3 == 1:
        return person(team, teams.volunteers + newcomer)
    return person(team, 1 + index % teams.volunteers)


async def fire(http: aiohttp.ClientSession, url: str, body: str) -> tuple[float, float]:
    """POST one signed command; (when it was sent, its ack latency), seconds."""
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
    started = time.perf_counter()
    async with http.post(url, data=body.encode(), headers=headers) as response:
        await response.read()
        assert response.status == 200, response.status
    return started, time.perf_counter() - started


def report(bursts: list[tuple[str, Burst]], teams: Teams) -> None:
    print(
        f"Bursts of {len(teams)} commands, one per team, all at once "
        "(/phonebank list, /phonebank join 1, /volunteer tz)"
    )
    print(f"  {'':30}{'p50':>12}{'p95':>12}{'p99':>12}{'max':>12}")
    for title, measured in bursts:
        print(f"  {title}")
        for name, values in measured.times.items():
            worst = (percentile(values, p) for p in (95, 99))
            row = (statistics.median(values), *worst, max(values))
            print(f"    {name:28}" + "".join(f"{v * 1000:>9.1f} ms" for v in row))
        print(
            f"    deferred on Discord {measured.deferred:5d} of {len(teams.discord)} "
            "(answered after “thinking…”)"
        )
        print(f"    answers not saying it worked {measured.wrong:5d} of {len(teams)}")
        print(
            f"    the process's CPU, first command to last answer {measured.cpu * 1000:,.0f} ms "
            f"({measured.cpu * 1000 / len(teams):.1f} ms a command)"
        )
    print("Each platform's deadline for the acknowledgement: 3000 ms.")


# Part 2: two processes on PostgreSQL


def postgres_server() -> str | None:
    for name in ("TURNOUT_BENCH_DATABASE_URL", "TURNOUT_TEST_DATABASE_URL"):
        url = os.environ.get(name, "")
        with contextlib.suppress(Exception):
            if url and normalise_url(url).get_backend_name() == "postgresql":
                return url
    return None


async def answers(url: str) -> bool:
    engine = create_async_engine(normalise_url(url))
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False
    finally:
        await engine.dispose()


async def two_processes(teams: Teams) -> int:
    server = postgres_server()
    if server is None or not await answers(server):
        print(
            "No PostgreSQL to measure two processes on: set TURNOUT_BENCH_DATABASE_URL or "
            "TURNOUT_TEST_DATABASE_URL to a server that answers."
        )
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        async with throwaway_database(server) as url:
            storage = await open_storage(url)
            try:
                return await share_reminders(Path(tmp), url, storage, teams)
            finally:
                await storage.close()


async def share_reminders(folder: Path, url: str, storage: SqlStorage, teams: Teams) -> int:
    await install_workspaces(storage, teams)
    # Seeded as of an hour ago, for shifts starting on the whole minute an hour and at least
    # `due_in` from now: every volunteer's 1-hour reminder falls due at one moment, with both
    # processes running, so they race for the same rows.
    real_now = datetime.now(UTC)
    an_hour_ago = ManualClock(real_now - timedelta(hours=1), running=False)
    due_in = DUE_IN + len(teams) * DUE_IN_A_TEAM
    starts = (real_now + timedelta(hours=1, minutes=1) + due_in).replace(second=0, microsecond=0)
    await seed_teams(storage, teams, clock=an_hour_ago, starts=starts)
    due_at = starts - timedelta(hours=1)
    due = await reminders_in(storage, "pending")
    pair: list[Served] = []
    try:
        for _ in range(2):
            pair.append(await Served.start(folder, url, teams))
        await asyncio.gather(*(served.ready() for served in pair))
        ahead = (due_at - datetime.now(UTC)).total_seconds()
        await asyncio.sleep(max(0.0, ahead))
        started, cpu = time.perf_counter(), sum(served.cpu() for served in pair)
        while await reminders_in(storage, "sent") < due:
            if time.perf_counter() - started > PATIENCE:
                break
            await asyncio.sleep(0.1)
        took = time.perf_counter() - started
        cpu = sum(served.cpu() for served in pair) - cpu
    finally:
        await asyncio.gather(*(served.stop() for served in pair))
    # Counted at the fake platforms once both processes stopped: a late duplicate counts too.
    each = [served.slack.reminders() + served.discord.reminders() for served in pair]
    received = sum(each, Counter())
    wanted = {reminded(team, user, teams) for team in teams for user in teams.people(team)[1:]}
    duplicates = sum(n - 1 for n in received.values() if n > 1)
    lost = len(wanted - set(received))
    print(
        f"Two `turnout run` processes on one PostgreSQL database, serving the same {len(teams)} "
        f"teams; each volunteer's reminder due ({teams.volunteers} per team)"
    )
    print(f"  reminders due {due:>9,}")
    print(
        f"  delivered     {len(set(received) & wanted):>9,}  (process 1 sent "
        f"{sum(each[0].values()):,}, process 2 {sum(each[1].values()):,}; all marked sent "
        f"{took:.1f} s after they fell due, {max(0.0, ahead):.0f} s after both were running)"
    )
    print(
        f"  CPU of both processes meanwhile {cpu * 1000:,.0f} ms "
        f"({cpu * 1000 / max(due, 1):.1f} ms a reminder)"
    )
    print(f"  duplicates    {duplicates:>9,}")
    print(f"  lost          {lost:>9,}")
    errors = [line for served in pair for line in served.errors()]
    if errors:
        print("the processes logged errors:\n" + "".join(errors[:60]))
    return 1 if duplicates or lost or errors or due != len(wanted) else 0


def reminded(team: str, user: str, teams: Teams) -> tuple[str, str]:
    """Where `user`'s reminder lands, as the fakes count it: (workspace or "discord", DM)."""
    if team in teams.discord:
        return "discord", discord_dm(user)
    return team, slack_dm(user)


async def run(teams: Teams) -> int:
    status = await one_process(teams)
    return await two_processes(teams) or status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 teams, not 200 (CI)")
    parser.add_argument("--teams", type=int, help="how many teams, half of them Slack")
    parser.add_argument("--volunteers", type=int, default=3, help="volunteers per team")
    args = parser.parse_args()
    count = args.teams or (10 if args.quick else 200)
    logging.basicConfig(level=logging.ERROR)
    # The schema check's reflection can't read an expression index; it needn't, and says so.
    warnings.filterwarnings("ignore", "Skipped unsupported reflection")
    if asyncio.run(run(Teams.of(count, args.volunteers))):
        sys.exit("lost or duplicated reminders, or errors logged: see above")


if __name__ == "__main__":
    main()
