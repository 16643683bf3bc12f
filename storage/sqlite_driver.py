"""aiosqlite with one thread hand-off per statement instead of four.

aiosqlite runs each sqlite3 call on its connection's thread, and SQLAlchemy's adapter makes four
such calls per statement (open a cursor, execute, fetch, close), each a round trip through a
queue and the event loop: most of a statement's cost on SQLite. This cursor does the four in one
call on that thread. Everything else (the dialect, aiosqlite itself, the errors raised) is
SQLAlchemy's and aiosqlite's own.

The one module of storage that touches their private members, because neither library offers a
public way to do this: aiosqlite's `_conn` (the sqlite3 connection, on its own thread),
`_execute` (a call queued to that thread) and `_thread`; SQLAlchemy's adapter internals
(`_connection`, `_execute_mutex`, `_handle_exception`, the cursor's buffered-row slots) and its
`sqlalchemy.util` helpers. tests/unit/test_storage_shape.py keeps such access here. When either
library is upgraded, the storage tests and bench/fanout.py say whether this still holds; if it
does not, dropping `module=one_trip_dbapi()` in storage/engine.py runs the stock adapter
(correct, only slower).
"""

import collections
import sqlite3
from collections.abc import Sequence
from threading import Thread
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

_Outcome = tuple[Any, int, int | None, list[Any]]


def _run(connection: aiosqlite.Connection, operation: str, parameters: Any, many: bool) -> _Outcome:
    """One statement on the connection's own thread: execute, fetch everything, close."""
    cursor = connection._conn.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose execute is a single trip to aiosqlite's thread."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")
    # Nothing to close on the event loop's side: the sqlite3 cursor is closed on its thread.
    _awaitable_cursor_close = False

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection) -> None:
        # Not the base __init__: that opens an aiosqlite cursor, a trip of its own.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> int:
        return self._lastrowid  # type: ignore[return-value]

    @property
    def arraysize(self) -> int:
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        pass

    async def _async_soft_close(self) -> None:
        pass

    def close(self) -> None:
        self._rows.clear()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        try:
            await_(self._trip(operation, parameters, many=False))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        try:
            await_(self._trip(operation, seq_of_parameters, many=True))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    async def _trip(self, operation: str, parameters: Any, *, many: bool) -> None:
        async with self._adapt_connection._execute_mutex:
            outcome = await self._connection._execute(
                _run, self._connection, operation, parameters, many
            )
        self._description, self._rowcount, self._lastrowid, rows = outcome
        self._rows = collections.deque(rows)


class _OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    # mypy reads the base's attribute as exactly its own class; a subclass is what it takes.
    _cursor_cls = OneTripCursor  # type: ignore[assignment]


class OneTripDbapi(AsyncAdapt_aiosqlite_dbapi):
    """SQLAlchemy's aiosqlite DBAPI shim, handing out connections with OneTripCursor."""

    def connect(self, *arg: Any, **kw: Any) -> _OneTripConnection:
        connection = aiosqlite.connect(*arg, **kw)
        # As SQLAlchemy's shim does: a stray connection must not keep the process alive.
        thread = connection if isinstance(connection, Thread) else connection._thread
        thread.daemon = True
        return _OneTripConnection(self, cast(Any, await_(connection)))


def one_trip_dbapi() -> OneTripDbapi:
    """The DBAPI module to hand create_async_engine(module=…) for sqlite+aiosqlite."""
    return OneTripDbapi(aiosqlite, sqlite3)
