"""Engine creation: which driver a database URL gets, and how SQLite connections are set up."""

import asyncio
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, event, exc
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import ConnectionPoolEntry

from bot.ports.storage import NeedsWriteTurn
from storage.options import HOLDS, ON_A_THREAD, READER, begin_statement
from storage.sqlite_driver import InlineCursor, InlineSqlite
from storage.url_problems import parse

DEFAULT_BUSY_TIMEOUT = timedelta(seconds=10)
# PostgreSQL: a pooled connection idle this long is checked before use (see _ping_when_idle).
IDLE_BEFORE_PING = timedelta(seconds=10)
_IDLE_SINCE = "turnout_idle_since"


@asynccontextmanager
async def long_reads(connection: AsyncConnection) -> AsyncIterator[None]:
    """Within the block, `connection`'s statements are long reads (ON_A_THREAD): on SQLite each
    runs on a worker thread, so a campaign's stats or an export never holds up the event loop."""
    await connection.execution_options(**{ON_A_THREAD: True})
    try:
        yield
    finally:
        await connection.execution_options(**{ON_A_THREAD: False})


def normalise_url(url: str | URL) -> URL:
    """The async-driver form of a database URL people write in settings.

    `sqlite:///x.db` gets aiosqlite; `postgres://` and `postgresql://` (as hosting providers
    hand them out) get asyncpg. Anything else is refused with a message naming what works.
    """
    parsed = parse(url)
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "sqlite" and driver in ("", "aiosqlite"):
        return parsed.set(drivername="sqlite+aiosqlite")
    if backend in ("postgres", "postgresql") and driver in ("", "asyncpg"):
        return parsed.set(drivername="postgresql+asyncpg")
    raise ValueError(
        f"DATABASE_URL uses {parsed.drivername!r}; Turnout supports sqlite:///path/to/file.db "
        "and postgresql://user:password@host/database."
    )


# PostgreSQL: how long a connection attempt, and any one statement, may take before the
# command gives up and the person is told to try again. A server that accepts and never
# answers then costs a few seconds per command, not the whole outage.
CONNECT_TIMEOUT = timedelta(seconds=5)
STATEMENT_TIMEOUT = timedelta(seconds=5)
# Waiting for a free pooled connection is queueing behind other commands' short work, not the
# server failing: a burst of 200 joins, or 200 teams' sends at once, can queue for longer than
# one statement may take, and must not be told "try again" for it. A hung server still ends
# each pooled connection's work within STATEMENT_TIMEOUT, so the queue keeps moving.
POOL_WAIT = timedelta(seconds=20)


def make_engine(
    url: str | URL,
    *,
    connect_args: Mapping[str, Any] | None = None,
    busy_timeout: timedelta = DEFAULT_BUSY_TIMEOUT,
    statement_timeout: timedelta | None = STATEMENT_TIMEOUT,
) -> AsyncEngine:
    """An async engine for `url`, with SQLite set up for several writers.

    On SQLite the file's directory is created if missing, the database runs in WAL mode with
    foreign keys enforced, and every transaction starts with BEGIN IMMEDIATE, so a second
    process waits up to `busy_timeout` for the write lock instead of failing half way through.
    `connect_args` go to the driver (tests use them to pick a PostgreSQL schema). Bound
    parameters (names, notes, ZIP codes) never appear in SQL echo or in an error's message.
    """
    target = normalise_url(url)
    args = dict(connect_args or {})
    if target.get_backend_name() != "sqlite":
        bounded = {
            "timeout": CONNECT_TIMEOUT.total_seconds(),
            "command_timeout": statement_timeout.total_seconds() if statement_timeout else None,
            **args,
        }
        engine = create_async_engine(
            target,
            connect_args=bounded,
            hide_parameters=True,
            pool_timeout=POOL_WAIT.total_seconds(),
        )
        _ping_when_idle(engine, IDLE_BEFORE_PING)
        _timeouts_lose_the_connection(engine)
        return engine
    database = target.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in database
    if not in_memory:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    # Statements run inline on the event loop (see storage/sqlite_driver.py), with the busy
    # timeout waited out cooperatively. No rollback on return to the pool: SQLAlchemy sends one
    # even after a commit, and a Connection closed mid-transaction already rolls back.
    engine = create_async_engine(
        target,
        connect_args=args,
        module=InlineSqlite(busy_timeout),
        pool_reset_on_return=None,
        hide_parameters=True,
    )
    _prepare_sqlite(engine, patience=busy_timeout, wal=not in_memory)
    return engine


def _timeouts_lose_the_connection(engine: AsyncEngine) -> None:
    """A statement past STATEMENT_TIMEOUT: asyncpg raises a bare TimeoutError, which nothing
    would tell from a platform's. Raised as a lost connection instead (the pool drops it), it
    reads as "the database can't serve us right now" (storage/unavailable.py)."""

    @event.listens_for(engine.sync_engine, "handle_error")
    def on_error(context: ExceptionContext) -> BaseException | None:
        if not isinstance(context.original_exception, TimeoutError):
            return None
        context.is_disconnect = True
        return exc.OperationalError(
            context.statement,
            context.parameters,
            context.original_exception,
            connection_invalidated=True,
        )


def _ping_when_idle(engine: AsyncEngine, idle: timedelta) -> None:
    """Check a pooled connection at checkout only when it has sat idle for `idle` or more.

    A connection dropped while idle (database restart, proxy timeout) is then replaced at
    checkout instead of failing a command's first statement, without the round trip that
    pool_pre_ping costs on every checkout of a busy pool. One dropped while in use fails its
    command ("try again"), and SQLAlchemy then discards every older pooled connection.
    """
    seconds = idle.total_seconds()

    def on_checkin(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_IDLE_SINCE] = time.monotonic()

    def on_checkout(dbapi_connection: Any, record: ConnectionPoolEntry, proxy: Any) -> None:
        since = record.info.pop(_IDLE_SINCE, None)
        if since is None or time.monotonic() - since < seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            # The pool discards this connection and checks out a fresh one.
            raise exc.DisconnectionError("a pooled connection was dropped while idle") from error

    event.listen(engine.sync_engine, "checkin", on_checkin)
    event.listen(engine.sync_engine, "checkout", on_checkout)


def _switch_to_wal(dbapi_connection: Any, cursor: Any, patience: timedelta) -> None:
    """Put the file in WAL mode, waiting out another process that is doing the same.

    Changing the journal mode can fail with "database is locked" at once, without the busy
    timeout, when a second process opens a new file at the same moment.
    """
    deadline = time.monotonic() + patience.total_seconds()
    while True:
        cursor.execute("PRAGMA journal_mode")
        if cursor.fetchone()[0] == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except Exception as error:  # the driver's OperationalError, as adapted by SQLAlchemy
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            # Connect events run inside SQLAlchemy's greenlet: sleep without blocking the loop,
            # through the public way to await from an event (AdaptedConnection.run_async).
            dbapi_connection.run_async(lambda _driver: asyncio.sleep(0.05))


def _prepare_sqlite(engine: AsyncEngine, *, patience: timedelta, wal: bool) -> None:
    def on_connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        # Take BEGIN away from the sqlite3 module (which would issue a deferred BEGIN only
        # before writes) so that on_begin below decides how each transaction starts.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            if wal:
                # Readers never block the writer and vice versa; persistent in the file.
                _switch_to_wal(dbapi_connection, cursor, patience)
            # Safe in WAL mode: a power cut can lose the last commits, never corrupt the file.
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            # Deleted and overwritten content is zeroed, so an erased person's name does not
            # linger in free pages of the file.
            cursor.execute("PRAGMA secure_delete = ON")
        finally:
            cursor.close()

    def on_begin(connection: Connection) -> None:
        if getattr(connection.connection.dbapi_connection, "in_transaction", False):
            return  # begun on sqlite3 already (InlineAsyncConnection.begun)
        connection.exec_driver_sql(begin_statement(connection.get_execution_options()))

    def before_execute(
        connection: Connection,
        cursor: Any,
        statement: str,
        parameters: Any,
        context: DefaultExecutionContext | None,
        executemany: bool,
    ) -> None:
        if context is None:
            return
        if context.execution_options.get(ON_A_THREAD) and isinstance(cursor, InlineCursor):
            cursor.on_a_thread = True
        if not connection.get_execution_options().get(READER):
            return
        if context.isinsert or context.isupdate or context.isdelete:
            raise NeedsWriteTurn(f"a reader tried to write: {statement[:60]}")
        if context.execution_options.get(HOLDS):
            raise NeedsWriteTurn("a reader tried to hold a row for a change")

    event.listen(engine.sync_engine, "connect", on_connect)
    event.listen(engine.sync_engine, "begin", on_begin)
    event.listen(engine.sync_engine, "before_cursor_execute", before_execute)
