"""How many sign-ups a second does the core take on SQLite, next to plain sqlite3?

Volunteers, each with their own Slack identity, send `/phonebank join N` through
`Turnout.run_slash` (parse, unit of work, use case, commit) on a fresh SQLite file: first as
newcomers (first contact included: the volunteer row and welcome notices), then the same people
again for other shifts. Once one join after another, once 50 at a time; latency runs from
issuing a command to its reply. The dispatcher is not started, so queued notices stay queued.

Side by side means interleaved: the sequential core and the baseline run in one process on
files of their own, the same joins in alternating blocks (which side goes first alternates
too), on fresh files `--repeat` times. A load that comes and goes then shifts both sides; the
ratio is that of the median blocks, printed with the spread of the block pairs' ratios.

The baseline is stdlib `sqlite3` set up like storage/engine.py (WAL, synchronous=NORMAL,
busy_timeout, foreign keys, BEGIN IMMEDIATE) on a cut-down schema with the core's indexes. Each
join is one transaction writing the same rows: read the shift, find or add the volunteer (with
two welcome notices), check they are not on it yet, count its confirmed seats, insert the
sign-up, queue its two reminders (or read the waitlist position), commit.

Every round is checked (seats in arrival order, the rest waitlisted, two reminders a seat, one
welcome a volunteer); a wrong answer prints no figures and exits 1.

    python bench/signups.py              # 2,000 joins per round across 20 shifts
    python bench/signups.py --quick      # 50 per round across 5 shifts (CI)
    python bench/signups.py --joins N --repeat R
"""

import argparse
import asyncio
import json
import logging
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import astuple, dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, event

from bench.latency import percentile
from bot.app.bootstrap import bootstrap
from bot.app.turnout import Turnout
from bot.domain.attendance import DEBRIEF_AFTER, NO_ANSWER_AFTER
from bot.domain.campaign import CampaignDefaults, Identity
from bot.domain.phonebank import MAX_CAPACITY
from bot.kernel.commands import Actor
from bot.kernel.wording import plural
from bot.ports.replies import Message, Reply
from storage import open_storage
from storage.engine import DEFAULT_BUSY_TIMEOUT
from tests.fakes import RecordingMessenger, frozen_clock

SHIFTS = 20
CONCURRENCY = 50
# Joins per timed block: long enough to time, short enough that load shifts both sides alike.
BLOCK = 100
TEAM = "T0BENCH"
ZONE = "America/New_York"
FIRST_DAY = date(2026, 11, 20)
# 18:00 in New York: every shift falls between 20 November and 29 December, all in EST.
SHIFT_START_UTC = clock_time(23)
# Campaign defaults, spelled out because the baseline writes the same rows.
REMINDER_OFFSETS = (timedelta(hours=24), timedelta(hours=1))
CONTACT_WITHIN = timedelta(hours=48)


class WrongAnswer(Exception):
    """A round left the database other than its joins should have."""


@dataclass(frozen=True, slots=True)
class Plan:
    """Volunteer i joins shift i % shifts of a round; about a fifth of each shift's joins wait."""

    joins: int
    shifts: int
    seats: int

    @classmethod
    def for_joins(cls, joins: int) -> "Plan":
        # About ten joins a shift in small runs, so every shift still fills and waitlists.
        shifts = max(1, min(SHIFTS, joins // 10))
        return cls(joins, shifts, min(MAX_CAPACITY, max(1, joins // shifts * 4 // 5)))

    def expected(self, index: int) -> tuple[int, int]:
        """(confirmed, waitlisted) on the round's shift at `index`."""
        joins = len(range(index, self.joins, self.shifts))
        return min(self.seats, joins), max(0, joins - self.seats)

    def rounds(self) -> tuple[range, range]:
        """Shift numbers of the new volunteers' round and the returning volunteers' round."""
        return range(1, self.shifts + 1), range(self.shifts + 1, 2 * self.shifts + 1)


@dataclass(frozen=True, slots=True)
class Figures:
    joins_per_second: float
    p50: float
    p99: float

    @classmethod
    def of(cls, latencies: list[float], elapsed: float) -> "Figures":
        return cls(len(latencies) / elapsed, percentile(latencies, 50), percentile(latencies, 99))


@dataclass(frozen=True, slots=True)
class Rounds:
    """One way of joining, timed for new volunteers and then for the same people returning."""

    new: Figures
    returning: Figures

    def of(self, volunteers: str) -> Figures:
        """The figures for "new" or "returning" volunteers."""
        return {"new": self.new, "returning": self.returning}[volunteers]


def shift_day(n: int) -> date:
    """The day of the `n`th shift created (from 0): one a day."""
    return FIRST_DAY + timedelta(days=n)


def shift_start(n: int) -> datetime:
    return datetime.combine(shift_day(n), SHIFT_START_UTC, UTC)


def identity(index: int) -> Identity:
    return Identity("slack", TEAM, f"U{index:06d}")


def volunteer(index: int) -> Actor:
    return Actor(identity(index), f"Volunteer {index}")


def refused(reply: Reply) -> bool:
    # A join always answers with a Message; anything else is as wrong as an error.
    return not isinstance(reply, Message) or reply.error


# The core


async def core_block(
    turnout: Turnout, plan: Plan, numbers: range, volunteers: range, at_once: int
) -> list[float]:
    """Volunteers `volunteers` join their shift of `numbers`, `at_once` in flight at a time.

    Returns each join's latency.
    """
    waiting = iter(volunteers)
    latencies: list[float] = []
    refusals: list[str] = []

    async def keep_joining() -> None:
        # Workers share one iterator: each takes the next volunteer as soon as its join is done.
        for index in waiting:
            line = f"join {numbers[index % plan.shifts]}"
            started = time.perf_counter()
            reply = await turnout.run_slash(volunteer(index), "/phonebank", line)
            latencies.append(time.perf_counter() - started)
            if refused(reply):
                refusals.append(f"volunteer {index}, `/phonebank {line}`: {reply}")

    await asyncio.gather(*(keep_joining() for _ in range(at_once)))
    if refusals:
        raise WrongAnswer(f"{len(refusals)} join(s) went wrong, the first: {refusals[0]}")
    return latencies


@asynccontextmanager
async def core_bot(db: Path, plan: Plan) -> AsyncIterator[Turnout]:
    """The core on a fresh file, with both rounds' shifts created."""
    storage = await open_storage(f"sqlite:///{db}")
    try:
        bot = bootstrap(
            storage=storage,
            messengers=[RecordingMessenger("slack")],
            clock=frozen_clock(),
            defaults=CampaignDefaults(
                name="Bench",
                timezone=ZONE,
                reminder_offsets=REMINDER_OFFSETS,
                contact_within=CONTACT_WITHIN,
            ),
        )
        organizer = Actor(Identity("slack", TEAM, "U0ORG"), "Olivia", is_organizer=True)
        # A fresh file numbers the shifts 1, 2, … in the order they are created.
        for n in range(2 * plan.shifts):
            line = f'create "Calls {n + 1}" {shift_day(n).isoformat()} 18:00 2h {plan.seats}'
            reply = await bot.turnout.run_slash(organizer, "/phonebank", line)
            if refused(reply):
                raise WrongAnswer(f"`/phonebank {line}` went wrong: {reply}")
        yield bot.turnout
    finally:
        await storage.close()


async def run_burst(db: Path, plan: Plan) -> Rounds:
    """Both rounds through the core with CONCURRENCY joins in flight (no baseline to pair)."""
    figures = []
    async with core_bot(db, plan) as turnout:
        for numbers in plan.rounds():
            started = time.perf_counter()
            latencies = await core_block(turnout, plan, numbers, range(plan.joins), CONCURRENCY)
            figures.append(Figures.of(latencies, time.perf_counter() - started))
            check(db, plan, numbers)
    return Rounds(*figures)


# Plain sqlite3

PLAIN_SCHEMA = """
CREATE TABLE volunteers (
    id INTEGER PRIMARY KEY, platform TEXT NOT NULL, team_external_id TEXT NOT NULL,
    user_external_id TEXT NOT NULL, display_name TEXT, joined_at TEXT NOT NULL,
    follow_up_due_at TEXT, UNIQUE (platform, team_external_id, user_external_id));
CREATE INDEX ix_volunteers_follow_up_due_at ON volunteers (follow_up_due_at);
CREATE TABLE shifts (
    id INTEGER PRIMARY KEY, number INTEGER NOT NULL UNIQUE, starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL, capacity INTEGER NOT NULL, status TEXT NOT NULL);
CREATE TABLE signups (
    id INTEGER PRIMARY KEY AUTOINCREMENT, shift_id INTEGER NOT NULL REFERENCES shifts (id),
    volunteer_id INTEGER NOT NULL REFERENCES volunteers (id), status TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX ix_signups_shift_id_status ON signups (shift_id, status);
CREATE INDEX ix_signups_volunteer_id ON signups (volunteer_id);
CREATE TABLE notices (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, volunteer_id INTEGER REFERENCES volunteers (id),
    shift_id INTEGER REFERENCES shifts (id), signup_id INTEGER REFERENCES signups (id),
    payload TEXT NOT NULL, due_at TEXT NOT NULL, state TEXT NOT NULL, lease_until TEXT);
CREATE INDEX ix_notices_volunteer_id ON notices (volunteer_id);
CREATE INDEX ix_notices_shift_id ON notices (shift_id);
CREATE INDEX ix_notices_signup_id ON notices (signup_id);
CREATE INDEX ix_notices_state_due_at ON notices (state, due_at);
CREATE INDEX ix_notices_state_lease_until ON notices (state, lease_until);
"""
# Every shift is created as `... 18:00 2h ...` on the core's side.
SHIFT_LENGTH = timedelta(hours=2)
ADD_NOTICE = (
    "INSERT INTO notices (kind, volunteer_id, shift_id, signup_id, payload, due_at, state)"
    " VALUES (?, ?, ?, ?, ?, ?, 'pending')"
)


def stamp(moment: datetime) -> str:
    """Naive UTC text, as the core's UtcDateTime stores a moment on SQLite."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def open_plain(db: Path) -> sqlite3.Connection:
    """A connection set up as storage/engine.py sets up the core's."""
    connection = sqlite3.connect(db, isolation_level=None)  # BEGIN is ours to issue
    connection.set_trace_callback(lambda _: SENT.update(("plain",)))
    busy_ms = int(DEFAULT_BUSY_TIMEOUT.total_seconds() * 1000)
    connection.execute(f"PRAGMA busy_timeout = {busy_ms}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def plain_join(db: sqlite3.Connection, index: int, number: int, now: datetime) -> None:
    """Volunteer `index` joins shift `number` in one hand-written transaction."""
    db.execute("BEGIN IMMEDIATE")
    try:
        shift_id, starts_at, ends_at, capacity = db.execute(
            "SELECT id, starts_at, ends_at, capacity FROM shifts"
            " WHERE number = ? AND status = 'scheduled'",
            (number,),
        ).fetchone()
        who = identity(index)
        found = db.execute(
            "SELECT id FROM volunteers"
            " WHERE platform = ? AND team_external_id = ? AND user_external_id = ?",
            astuple(who),
        ).fetchone()
        if found is None:
            volunteer_id = db.execute(
                "INSERT INTO volunteers (platform, team_external_id, user_external_id,"
                " display_name, joined_at, follow_up_due_at) VALUES (?, ?, ?, ?, ?, ?)",
                (*astuple(who), f"Volunteer {index}", stamp(now), stamp(now + CONTACT_WITHIN)),
            ).lastrowid
            db.execute(ADD_NOTICE, ("welcome", volunteer_id, None, None, "{}", stamp(now)))
            payload = json.dumps({"volunteer_id": volunteer_id})
            db.execute(ADD_NOTICE, ("new_volunteer", None, None, None, payload, stamp(now)))
        else:
            (volunteer_id,) = found
        if db.execute(
            "SELECT 1 FROM signups WHERE shift_id = ? AND volunteer_id = ?"
            " AND status IN ('confirmed', 'waitlisted')",
            (shift_id, volunteer_id),
        ).fetchone():
            raise WrongAnswer(f"volunteer {index} is already on shift #{number}")
        (confirmed,) = db.execute(
            "SELECT count(*) FROM signups WHERE shift_id = ? AND status = 'confirmed'",
            (shift_id,),
        ).fetchone()
        status = "confirmed" if confirmed < capacity else "waitlisted"
        signup_id = db.execute(
            "INSERT INTO signups (shift_id, volunteer_id, status, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (shift_id, volunteer_id, status, stamp(now), stamp(now)),
        ).lastrowid
        if status == "confirmed":
            start = datetime.fromisoformat(starts_at).replace(tzinfo=UTC)
            end = datetime.fromisoformat(ends_at).replace(tzinfo=UTC)
            # As the core does: the reminders, the check-in at the start, the debrief after
            # the end and the next-day follow-ups (to the volunteer and the organizers), in one
            # executemany.
            seat = (volunteer_id, shift_id, signup_id)
            notices = [
                (
                    "shift_reminder",
                    *seat,
                    json.dumps({"offset_minutes": o // timedelta(minutes=1)}),
                    stamp(start - o),
                )
                for o in REMINDER_OFFSETS
            ]
            notices += [
                ("check_in", *seat, "{}", stamp(start)),
                ("debrief", *seat, "{}", stamp(end + DEBRIEF_AFTER)),
                ("missed_you", *seat, "{}", stamp(end + NO_ANSWER_AFTER)),
                (
                    "two_misses",
                    None,
                    shift_id,
                    signup_id,
                    json.dumps({"volunteer_id": volunteer_id}),
                    stamp(end + NO_ANSWER_AFTER),
                ),
            ]
            db.executemany(ADD_NOTICE, notices)
        else:
            # The core's reply tells a waitlisted volunteer their place in line.
            db.execute(
                "SELECT count(*) FROM signups WHERE shift_id = ? AND status = 'waitlisted'"
                " AND id < ?",
                (shift_id, signup_id),
            ).fetchone()
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def plain_block(
    db: sqlite3.Connection, plan: Plan, numbers: range, volunteers: range
) -> list[float]:
    now = frozen_clock().now()
    latencies: list[float] = []
    for index in volunteers:
        t0 = time.perf_counter()
        plain_join(db, index, numbers[index % plan.shifts], now)
        latencies.append(time.perf_counter() - t0)
    return latencies


@contextmanager
def plain_db(db: Path, plan: Plan) -> Iterator[sqlite3.Connection]:
    connection = open_plain(db)
    try:
        connection.executescript(PLAIN_SCHEMA)
        connection.executemany(
            "INSERT INTO shifts (number, starts_at, ends_at, capacity, status)"
            " VALUES (?, ?, ?, ?, 'scheduled')",
            [
                (n + 1, stamp(shift_start(n)), stamp(shift_start(n) + SHIFT_LENGTH), plan.seats)
                for n in range(2 * plan.shifts)
            ],
        )
        yield connection
    finally:
        connection.close()


# Side by side


@dataclass(slots=True)
class Paired:
    """Sequential joins of core and baseline, timed in alternating blocks."""

    core: list[float] = field(default_factory=list)
    plain: list[float] = field(default_factory=list)
    # Per block pair: core's time over plain's for the same volunteers.
    ratios: list[float] = field(default_factory=list)
    core_rates: list[float] = field(default_factory=list)
    plain_rates: list[float] = field(default_factory=list)
    # Statements each side sent for these joins, BEGIN and COMMIT included.
    statements: Counter[str] = field(default_factory=Counter)
    # CPU seconds this process spent on each side's joins (every thread of it): less moved by
    # other work on the machine than the wall clock, though not untouched by it.
    cpu: dict[str, float] = field(default_factory=lambda: {"core": 0.0, "plain": 0.0})

    def figures(self, side: str) -> Figures:
        latencies, rates = (
            (self.core, self.core_rates) if side == "core" else (self.plain, self.plain_rates)
        )
        # The median block's rate: a stall on either side moves one block, not the figure.
        return Figures(
            statistics.median(rates), percentile(latencies, 50), percentile(latencies, 99)
        )


async def run_paired(folder: Path, plan: Plan, repeat: int, block: int) -> dict[str, Paired]:
    """Core and plain sqlite3 on fresh files of their own, the same joins in alternating blocks.

    Both sides share this process, this moment and whatever else the machine is doing: block
    k of the core runs next to block k of the baseline (which goes first alternates), so load
    that comes and goes shifts both. Repeated `repeat` times on new files.
    """
    paired = {"new": Paired(), "returning": Paired()}
    count_statements()
    for attempt in range(repeat):
        core_file, plain_file = folder / f"core-{attempt}.db", folder / f"plain-{attempt}.db"
        async with core_bot(core_file, plan) as turnout:
            with plain_db(plain_file, plan) as connection:
                for name, numbers in zip(("new", "returning"), plan.rounds(), strict=True):
                    into = paired[name]
                    for k, first in enumerate(range(0, plan.joins, block)):
                        volunteers = range(first, min(plan.joins, first + block))
                        times: dict[str, float] = {}
                        for side in ("core", "plain") if k % 2 == 0 else ("plain", "core"):
                            sent = SENT[side]
                            started, cpu = time.perf_counter(), time.process_time()
                            if side == "core":
                                latencies = await core_block(turnout, plan, numbers, volunteers, 1)
                            else:
                                latencies = plain_block(connection, plan, numbers, volunteers)
                            times[side] = time.perf_counter() - started
                            into.cpu[side] += time.process_time() - cpu
                            into.statements[side] += SENT[side] - sent
                            (into.core if side == "core" else into.plain).extend(latencies)
                        into.ratios.append(times["core"] / times["plain"])
                        into.core_rates.append(len(volunteers) / times["core"])
                        into.plain_rates.append(len(volunteers) / times["plain"])
                    check(core_file, plan, numbers)
                    check(plain_file, plan, numbers)
    return paired


# Statements sent by each side, BEGIN and COMMIT included.
SENT: Counter[str] = Counter()


def count_statements() -> None:
    """Count what the core sends to its driver, in every engine of this process."""

    def sent(*args: object) -> None:
        SENT["core"] += 1

    event.listen(Engine, "before_cursor_execute", sent)
    event.listen(Engine, "commit", sent)


# Checking the answers


def check(db: Path, plan: Plan, numbers: range) -> None:
    """Raise WrongAnswer unless the round on `numbers` left exactly what its joins should have.

    Reads through a connection of its own, not through the code being measured; both schemas
    have the tables and columns used here.
    """
    reader = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        seats = {
            (number, status): (count, first_id, last_id)
            for number, status, count, first_id, last_id in reader.execute(
                "SELECT shifts.number, signups.status, count(*), min(signups.id), max(signups.id)"
                " FROM signups JOIN shifts ON shifts.id = signups.shift_id"
                " GROUP BY shifts.number, signups.status"
            )
        }
        reminders = Counter(
            number
            for (number,) in reader.execute(
                "SELECT shifts.number FROM notices JOIN shifts ON shifts.id = notices.shift_id"
                " WHERE notices.kind = 'shift_reminder' AND notices.state = 'pending'"
            )
        )
        (welcomes,) = reader.execute(
            "SELECT count(*) FROM notices WHERE kind = 'welcome'"
        ).fetchone()
    finally:
        reader.close()
    for index, number in enumerate(numbers):
        confirmed, waitlisted = plan.expected(index)
        got_confirmed, _, last_confirmed = seats.get((number, "confirmed"), (0, 0, 0))
        got_waitlisted, first_waiting, _ = seats.get((number, "waitlisted"), (0, 0, 0))
        if (got_confirmed, got_waitlisted) != (confirmed, waitlisted):
            raise WrongAnswer(
                f"{db.name}, shift #{number}: {got_confirmed} confirmed and {got_waitlisted} "
                f"waitlisted where {confirmed} and {waitlisted} were due"
            )
        if waitlisted and last_confirmed > first_waiting:
            raise WrongAnswer(f"{db.name}, shift #{number}: a later arrival took a seat")
        if reminders[number] != len(REMINDER_OFFSETS) * confirmed:
            raise WrongAnswer(
                f"{db.name}, shift #{number}: {reminders[number]} reminders queued for "
                f"{confirmed} confirmed seats"
            )
    # Both rounds are the same people, so only the first round welcomes anyone.
    if welcomes != plan.joins:
        raise WrongAnswer(f"{db.name}: {welcomes} welcomes queued for {plan.joins} volunteers")


# The table


def spread(values: list[float]) -> str:
    """The median, the middle half and the whole range of `values`."""
    low, _, high = statistics.quantiles(values, n=4) if len(values) > 1 else values * 3
    return (
        f"median {statistics.median(values):.1f}x of {len(values)} block pairs, "
        f"middle half {low:.1f}-{high:.1f}x, all {min(values):.1f}-{max(values):.1f}x"
    )


def print_table(plan: Plan, paired: dict[str, Paired], burst: Rounds, block: int) -> None:
    print(
        f"Sign-ups on SQLite: {plan.joins:,} volunteer(s) join per round, across "
        f"{plural(plan.shifts, 'shift')} of {plural(plan.seats, 'seat')} (the rest waitlisted)"
    )
    print("(core: /phonebank join through Turnout.run_slash, parse → unit of work → use case →")
    print(" commit, notices queued not delivered; plain sqlite3: the same rows, one transaction)")
    print(
        f"(sequential core and plain sqlite3 interleaved in blocks of {block} joins in one "
        "process; joins/s is the median block's)"
    )
    for heading, volunteers in (
        ("new volunteers (first contact: volunteer added, welcome queued)", "new"),
        ("returning volunteers", "returning"),
    ):
        rows = (
            ("core, sequential", paired[volunteers].figures("core")),
            (f"core, concurrent ({CONCURRENCY} at a time)", burst.of(volunteers)),
            ("plain sqlite3, sequential", paired[volunteers].figures("plain")),
        )
        print(f"{heading:<66}{'joins/s':>10}{'p50 ms':>10}{'p99 ms':>10}")
        for name, f in rows:
            print(
                f"  {name:<64}{f.joins_per_second:>10,.0f}{f.p50 * 1000:>10.2f}"
                f"{f.p99 * 1000:>10.2f}"
            )
    for volunteers in ("new", "returning"):
        # The ratio of the two median blocks (so of the rates above); the spread is that of
        # the block pairs, each core block against the baseline block next to it.
        ratio = paired[volunteers].figures("plain").joins_per_second / (
            paired[volunteers].figures("core").joins_per_second
        )
        print(
            f"core / plain sqlite3: {ratio:.1f}x slower (per join, sequential, {volunteers} "
            f"volunteers; {spread(paired[volunteers].ratios)})"
        )
    for volunteers in ("new", "returning"):
        cpu, joins = paired[volunteers].cpu, len(paired[volunteers].core)
        core, plain = cpu["core"] / joins * 1e6, cpu["plain"] / joins * 1e6
        print(
            f"CPU per join, {volunteers} volunteers: core {core:,.0f} µs, plain sqlite3 "
            f"{plain:,.0f} µs ({core / plain:.1f}x)"
        )
    for volunteers in ("new", "returning"):
        sent, joins = paired[volunteers].statements, len(paired[volunteers].core)
        print(
            f"SQL statements per join, {volunteers} volunteers (BEGIN and COMMIT included): "
            f"core {sent['core'] / joins:.1f}, plain sqlite3 {sent['plain'] / joins:.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 joins per round, not 2,000 (CI)")
    parser.add_argument("--joins", type=int, help="how many volunteers join per round")
    parser.add_argument("--repeat", type=int, help="fresh files per side (default 3; quick 2)")
    args = parser.parse_args()
    joins = args.joins if args.joins is not None else 50 if args.quick else 2000
    repeat = args.repeat if args.repeat is not None else 2 if args.quick else 3
    if joins < 1 or repeat < 1:
        parser.error("--joins and --repeat need at least 1")
    plan = Plan.for_joins(joins)
    block = max(1, min(BLOCK, joins // 5))
    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            paired = asyncio.run(run_paired(folder, plan, repeat, block))
            burst = asyncio.run(run_burst(folder / "core-concurrent.db", plan))
        except WrongAnswer as wrong:
            print(f"Wrong answer, so no figures: {wrong}", file=sys.stderr)
            raise SystemExit(1) from wrong
    print_table(plan, paired, burst, block)


if __name__ == "__main__":
    main()
