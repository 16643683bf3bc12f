"""What one statement costs on SQLite by each way of running it, side by side in one process.

The designs Turnout's SQLite storage was chosen from, each running the same two statements of
a join's hot path on its own copy of a file: a read (a shift by its number, with its phone bank)
and a write (one notice queued), each in an open transaction:

- aiosqlite: SQLAlchemy's asyncio API on aiosqlite, one trip to the driver's thread and back
  per statement (measured when aiosqlite is installed: `pip install aiosqlite`);
- inline, asyncio API: the inline driver (storage/sqlite_driver.py) through SQLAlchemy's
  asyncio API, one greenlet per statement and no thread;
- inline, SQLAlchemy's execution: the same with no greenlet (the synchronous Connection);
- compiled once: what storage runs now (storage/compiled_once.py): the SQL, bind and result
  processors kept from SQLAlchemy, run straight on sqlite3;
- plain sqlite3: the same SQL and values, by hand.

The designs run in rotating order in blocks of `--block` statements, `--rounds` times; each
figure is the median block's CPU time per statement (the process's own, so the thread's work
counts for aiosqlite).

    python bench/statement_paths.py
    python bench/statement_paths.py --quick     # CI
"""

import argparse
import asyncio
import importlib.util
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import bindparam, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from storage import open_storage
from storage.sqlite_async import InlineAsyncConnection
from storage.sqlite_driver import InlineConnection
from storage.tables import campaigns, notices, phone_banks, shifts, volunteers

SHIFT = (
    select(shifts, phone_banks.c.title)
    .join(phone_banks, phone_banks.c.id == shifts.c.phone_bank_id)
    .where(shifts.c.campaign_id == bindparam("campaign"), shifts.c.number == bindparam("number"))
)
QUEUE = insert(notices)
NOW = datetime(2026, 11, 1, tzinfo=UTC)

Run = Callable[[int], Awaitable[None]]


def notice(i: int) -> dict[str, Any]:
    return {
        "campaign_id": 1,
        "kind": "shift_reminder",
        "payload": {"offset_minutes": 60},
        "due_at": NOW,
        "state": "pending",
        "attempts": 0,
        "shift_id": 1 + i % 20,
    }


async def seeded(path: Path) -> None:
    """A file with Turnout's schema, one campaign and 20 shifts."""
    storage = await open_storage(f"sqlite:///{path}")
    async with storage.engine.begin() as db:
        await db.execute(
            insert(campaigns),
            {
                "id": 1,
                "name": "Bench",
                "timezone": "UTC",
                "reminder_offsets": (),
                "contact_within_minutes": timedelta(hours=48),
                "created_at": NOW,
            },
        )
        await db.execute(
            insert(volunteers), {"id": 1, "campaign_id": 1, "number": 1, "joined_at": NOW}
        )
        await db.execute(
            insert(phone_banks), {"id": 1, "campaign_id": 1, "title": "Calls", "created_by": 1}
        )
        await db.execute(
            insert(shifts),
            [
                {
                    "campaign_id": 1,
                    "phone_bank_id": 1,
                    "number": n,
                    "starts_at": NOW,
                    "ends_at": NOW,
                    "capacity": 20,
                    "status": "scheduled",
                }
                for n in range(1, 21)
            ],
        )
    await storage.close()


def sqlalchemy_run(db: AsyncConnection, sync: bool) -> tuple[Run, Run]:
    """Read and write through SQLAlchemy: its asyncio API, or (sync) its Connection."""
    connection = db.sync_connection
    assert connection is not None
    if sync:
        # As InlineAsyncConnection.execute does around each statement: nothing to await.
        connection.connection.dbapi_connection.direct = True  # type: ignore[union-attr]

    async def read(i: int) -> None:
        values = {"campaign": 1, "number": 1 + i % 20}
        if sync:
            connection.execute(SHIFT, values).mappings().one()
        else:
            (await db.execute(SHIFT, values)).mappings().one()

    async def write(i: int) -> None:
        if sync:
            connection.execute(QUEUE, notice(i))
        else:
            await db.execute(QUEUE, notice(i))

    return read, write


def plain_run(path: Path) -> tuple[Run, Run, sqlite3.Connection]:
    plain = sqlite3.connect(path, isolation_level=None)
    plain.execute("BEGIN IMMEDIATE")
    read_sql = str(SHIFT.compile(dialect=_dialect()))
    write_sql = (
        "INSERT INTO notices (campaign_id, kind, payload, due_at, state, attempts, shift_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    stamp = NOW.strftime("%Y-%m-%d %H:%M:%S.%f")

    async def read(i: int) -> None:
        plain.execute(read_sql, (1, 1 + i % 20)).fetchone()

    async def write(i: int) -> None:
        values = ("1", "shift_reminder", '{"offset_minutes": 60}', stamp, "pending", 0)
        plain.execute(write_sql, (*values, 1 + i % 20))

    return read, write, plain


def _dialect() -> Any:
    from sqlalchemy.dialects import sqlite

    return sqlite.dialect(paramstyle="qmark")


async def measure(folder: Path, block: int, rounds: int) -> dict[str, dict[str, list[float]]]:
    designs = ["inline, asyncio API", "inline, SQLAlchemy's execution", "compiled once", "plain"]
    if importlib.util.find_spec("aiosqlite") is not None:
        designs.insert(0, "aiosqlite")
    runs: dict[str, tuple[Run, Run]] = {}
    closers: list[Callable[[], Awaitable[None]]] = []
    for name in designs:
        path = folder / f"{len(runs)}.db"
        await seeded(path)
        if name == "plain":
            read, write, plain = plain_run(path)
            runs[name] = (read, write)
            closers.append(_closer(plain))
            continue
        if name == "aiosqlite":
            engine = create_async_engine(f"sqlite+aiosqlite:///{path}")
            db: AsyncConnection = await engine.connect()
            await db.begin()
            runs[name] = sqlalchemy_run(db, sync=False)
        else:
            storage = await open_storage(f"sqlite:///{path}")
            engine = storage.engine
            if name == "inline, asyncio API":
                db = await engine.connect()
                await db.begin()
            else:
                db = await InlineAsyncConnection.begun(engine)
            if name == "compiled once":
                runs[name] = (_through(db, SHIFT, read=True), _through(db, QUEUE, read=False))
            else:
                runs[name] = sqlalchemy_run(db, sync=name != "inline, asyncio API")
        closers.append(_async_closer(db, engine))
    figures: dict[str, dict[str, list[float]]] = {n: {"read": [], "write": []} for n in designs}
    for round_ in range(rounds):
        order = designs[round_ % len(designs) :] + designs[: round_ % len(designs)]
        for kind, index in (("read", 0), ("write", 1)):
            for name in order:
                run = runs[name][index]
                await run(0)
                started = time.process_time()
                for i in range(block):
                    await run(i)
                figures[name][kind].append((time.process_time() - started) / block * 1e6)
    for close in closers:
        await close()
    return figures


def _through(db: AsyncConnection, statement: Any, *, read: bool) -> Run:
    async def run(i: int) -> None:
        if read:
            (await db.execute(statement, {"campaign": 1, "number": 1 + i % 20})).mappings().one()
        else:
            await db.execute(statement, notice(i))

    return run


def _closer(plain: sqlite3.Connection) -> Callable[[], Awaitable[None]]:
    async def close() -> None:
        plain.execute("ROLLBACK")
        plain.close()

    return close


def _async_closer(db: AsyncConnection, engine: Any) -> Callable[[], Awaitable[None]]:
    async def close() -> None:
        if db.sync_connection is not None:
            driver = db.sync_connection.connection.dbapi_connection
            if isinstance(driver, InlineConnection):
                driver.direct = False
        await db.rollback()
        await db.close()
        await engine.dispose()

    return close


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small blocks, 2 rounds (CI)")
    parser.add_argument("--block", type=int, default=2000, help="statements per block")
    parser.add_argument("--rounds", type=int, default=10, help="blocks per design")
    args = parser.parse_args()
    block, rounds = (100, 2) if args.quick else (args.block, args.rounds)
    with tempfile.TemporaryDirectory() as folder:
        figures = asyncio.run(measure(Path(folder), block, rounds))
    plain = {kind: statistics.median(figures["plain"][kind]) for kind in ("read", "write")}
    print(f"CPU per statement, median of {rounds} blocks of {block} (µs; × plain sqlite3)")
    print(f"{'design':34} {'read a shift':>18} {'queue a notice':>18}")
    for name, kinds in figures.items():
        cells = []
        for kind in ("read", "write"):
            median = statistics.median(kinds[kind])
            cells.append(f"{median:8.1f} ({median / plain[kind]:4.1f}×)")
        print(f"{name:34} {cells[0]:>18} {cells[1]:>18}")
    if "aiosqlite" not in figures:
        print("(aiosqlite is not installed: `pip install aiosqlite` to measure it too)")


if __name__ == "__main__":
    main()
