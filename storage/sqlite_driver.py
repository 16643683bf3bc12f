"""SQLite under SQLAlchemy's asyncio engine, with no thread hop per statement.

A statement on SQLite takes microseconds. Handing each one to a driver thread and back (as
aiosqlite does) costs far more than the statement itself: a queue, a thread switch, a wake-up
of the event loop. So this driver runs a statement inline, on the event loop's thread, straight
on the stdlib `sqlite3` connection. A statement marked to run on a thread (exports, stats: reads
that can take many milliseconds over a large campaign) is sent to a worker thread instead, so
the loop keeps serving everyone else meanwhile.

Inline, nothing may block: the connection's own busy timeout is zero, and a statement that
finds the file locked by another process is retried after an `asyncio.sleep`, backing off, until
the engine's busy timeout has passed; then the lock error is raised as it would have been after
SQLite's own wait. Within one process writers never meet each other's lock: they queue on the
write turn (see SqlStorage), and in WAL mode readers never wait for writers.

SQLAlchemy drives this module as it drives aiosqlite (the `sqlite+aiosqlite` dialect, handed
this DBAPI through create_async_engine's `module=`): the same SQL, types and errors (the
`sqlite3` module's own). Handed a module, the dialect never imports aiosqlite, which Turnout no
longer depends on. It touches no private member of SQLAlchemy, aiosqlite or sqlite3; it
uses AdaptedConnection, whose `run_async` is how sync code under the async engine awaits (a
sleep, a thread). It does answer one call SQLAlchemy makes by a private name, the cursor's
`_async_soft_close` (its asyncio results call it on every adapted cursor), with nothing to
do; the storage tests say at once if a SQLAlchemy upgrade changes that.

Two modules go further: storage/sqlite_async.py runs statements, BEGIN and COMMIT without a
greenlet each, and storage/compiled_once.py runs a statement storage has run before straight
on sqlite3, without SQLAlchemy's execution around it.
"""

import asyncio
import collections
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from typing import Any, cast

from sqlalchemy.engine import AdaptedConnection

from storage.compiled_once import CompiledOnce

# Back-off between attempts on a file another process has locked.
FIRST_PAUSE = 0.001
LONGEST_PAUSE = 0.05
# SQLITE_BUSY and its extended codes, bar BUSY_SNAPSHOT: a stale snapshot never frees itself.
_BUSY = 5
_BUSY_SNAPSHOT = 517


class NeedsTheLoop(Exception):
    """A statement run straight from async code (InlineAsyncConnection.execute) has to await:
    the file is locked by another process, or it is a long read for a thread. Nothing was
    run; it goes again through SQLAlchemy's asyncio API, which can await."""


def is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == _BUSY and code != _BUSY_SNAPSHOT


class InlineCursor:
    """A DBAPI cursor whose statements run on the sqlite3 connection, inline or on a thread.

    Each statement's rows are read in full as it runs (as SQLAlchemy's aiosqlite adapter does),
    so fetching them later never touches the connection.
    """

    def __init__(self, connection: "InlineConnection") -> None:
        self._owner = connection
        self._rows: collections.deque[Any] = collections.deque()
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: int | None = None
        self.on_a_thread = False

    arraysize = 1

    def execute(self, operation: str, parameters: Any = None) -> None:
        arguments = (operation,) if parameters is None else (operation, parameters)
        self._run(sqlite3.Cursor.execute, arguments)

    def executemany(self, operation: str, seq_of_parameters: Sequence[Any]) -> None:
        self._run(sqlite3.Cursor.executemany, (operation, seq_of_parameters))

    def _run(self, method: Callable[..., Any], arguments: tuple[Any, ...]) -> None:
        owner = self._owner

        def execute_and_read() -> None:
            cursor = owner.sqlite.cursor()
            try:
                method(cursor, *arguments)
                self.description = cursor.description
                self._rows = collections.deque(cursor.fetchall() if self.description else ())
                self.rowcount, self.lastrowid = cursor.rowcount, cursor.lastrowid
            finally:
                cursor.close()

        if owner.direct:
            # Straight from async code (InlineAsyncConnection.execute), which cannot await.
            if self.on_a_thread:
                raise NeedsTheLoop("a long read runs on a thread")
            try:
                execute_and_read()
            except sqlite3.OperationalError as error:
                if is_busy(error):
                    raise NeedsTheLoop("the file is locked") from error
                raise
        elif self.on_a_thread:
            owner.run_async(lambda _connection: owner.off_the_loop(execute_and_read))
        else:
            # SQLAlchemy's asyncio API requires each statement to await something.
            owner.run_async(lambda _connection: owner.patiently(execute_and_read))

    def fetchone(self) -> Any:
        return self._rows.popleft() if self._rows else None

    def fetchmany(self, size: int | None = None) -> list[Any]:
        rows = self._rows
        return [rows.popleft() for _ in range(min(len(rows), size or self.arraysize))]

    def fetchall(self) -> list[Any]:
        rows = list(self._rows)
        self._rows.clear()
        return rows

    def __iter__(self) -> Iterator[Any]:
        while self._rows:
            yield self._rows.popleft()

    async def _async_soft_close(self) -> None:
        """Called by SQLAlchemy's asyncio results: nothing is left open to close."""

    def close(self) -> None:
        self._rows.clear()


class InlineConnection(AdaptedConnection):
    """A sqlite3 connection handed to SQLAlchemy's asyncio engine as a DBAPI connection."""

    __slots__ = ("_patience", "_sqlite", "direct", "statements")

    def __init__(
        self, connection: sqlite3.Connection, patience: timedelta, statements: CompiledOnce
    ) -> None:
        # Set while InlineAsyncConnection runs a statement with no greenlet to await in.
        self.direct = False
        # AdaptedConnection's slot, read by its driver_connection and by the dialect; typed
        # there for async drivers.
        self._connection = cast(Any, connection)
        self._sqlite = connection
        self._patience = patience.total_seconds()
        # Shared by the engine's connections: statements compiled once (storage/compiled_once.py).
        self.statements = statements

    @property
    def sqlite(self) -> sqlite3.Connection:
        """The stdlib connection itself."""
        return self._sqlite

    @property
    def in_transaction(self) -> bool:
        return self._sqlite.in_transaction

    @property
    def isolation_level(self) -> str | None:
        return self._sqlite.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._sqlite.isolation_level = cast(Any, value)

    def create_function(self, *args: Any, **kw: Any) -> None:
        self._sqlite.create_function(*args, **kw)

    def cursor(self, server_side: bool = False) -> InlineCursor:
        return InlineCursor(self)

    def execute(self, operation: str, parameters: Any = None) -> InlineCursor:
        cursor = self.cursor()
        cursor.execute(operation, parameters)
        return cursor

    def commit(self) -> None:
        if self.direct:
            # InlineAsyncConnection has committed already; this finds nothing left to commit.
            self._sqlite.commit()
        else:
            self.run_async(lambda _connection: self.patiently(self._sqlite.commit))

    def rollback(self) -> None:
        if self.direct:
            self._sqlite.rollback()
        else:
            self.run_async(lambda _connection: self.patiently(self._sqlite.rollback))

    def close(self) -> None:
        self._sqlite.close()

    def terminate(self) -> None:
        """What the dialect calls to drop a connection it gave up on."""
        self._sqlite.close()

    async def patiently(self, method: Callable[..., Any], *arguments: Any) -> Any:
        """Call `method` now; while another process holds the file's lock, sleep and retry.

        A coroutine, though it suspends only to sleep: SQLAlchemy's asyncio engine expects each
        statement to await, and awaiting a coroutine that does not suspend costs no trip
        through the event loop.
        """
        deadline: float | None = None
        pause = FIRST_PAUSE
        while True:
            try:
                return method(*arguments)
            except sqlite3.OperationalError as error:
                if not is_busy(error):
                    raise
                now = time.monotonic()
                deadline = now + self._patience if deadline is None else deadline
                if now + pause > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)

    async def off_the_loop(self, work: Callable[[], None]) -> None:
        """Run `work` on a worker thread while the event loop goes on."""
        running = asyncio.ensure_future(asyncio.to_thread(work))
        try:
            await asyncio.shield(running)
        except asyncio.CancelledError:
            # Nobody else may use the connection until the thread lets go of it.
            self._sqlite.interrupt()
            await asyncio.wait([running])
            raise


class InlineSqlite:
    """The DBAPI module handed to create_async_engine(module=…) for the sqlite+aiosqlite
    dialect: sqlite3's names, and connections that run statements inline."""

    paramstyle = "qmark"
    # No aiosqlite-style stop(): the dialect then closes a connection it invalidates.
    has_stop = False

    def __init__(self, busy_timeout: timedelta) -> None:
        self.busy_timeout = busy_timeout
        self.sqlite = sqlite3
        self.statements = CompiledOnce()
        for name in (
            "DatabaseError",
            "Error",
            "IntegrityError",
            "InterfaceError",
            "NotSupportedError",
            "OperationalError",
            "ProgrammingError",
            "sqlite_version",
            "sqlite_version_info",
            "PARSE_COLNAMES",
            "PARSE_DECLTYPES",
            "Binary",
        ):
            setattr(self, name, getattr(sqlite3, name))

    def connect(self, database: str, **kw: Any) -> InlineConnection:
        # Long reads use the connection from a worker thread, one statement at a time.
        kw["check_same_thread"] = False
        # Never wait inside SQLite for a lock: that would block the event loop (see patiently).
        kw["timeout"] = 0
        return InlineConnection(sqlite3.connect(database, **kw), self.busy_timeout, self.statements)
