"""SQLAlchemy's asyncio connection on the inline SQLite driver, with nothing awaited unless
something has to wait (see storage/sqlite_driver.py and storage/compiled_once.py)."""

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from typing import Any, cast

from sqlalchemy import Connection, exc
from sqlalchemy.exc import MissingGreenlet
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import QueuePool

from storage.compiled_once import run
from storage.options import begin_statement
from storage.sqlite_driver import InlineConnection, NeedsTheLoop, is_busy


def as_sqlalchemy_raises(error: sqlite3.Error, statement: str) -> exc.StatementError:
    """sqlite3's error as SQLAlchemy's own execution raises it (parameters hidden, as the
    engine hides them)."""
    return exc.DBAPIError.instance(statement, None, error, sqlite3.Error, hide_parameters=True)


class InlineAsyncConnection(AsyncConnection):
    """An asyncio connection whose statements run with no greenlet at all.

    SQLAlchemy's asyncio API runs each statement in a greenlet of its own, which switches back
    to the event loop to await the driver: a greenlet created and three switches, about as much
    CPU as the statement itself. With this driver a statement awaits nothing unless the file is
    locked by another process or it is a long read (then NeedsTheLoop is raised before anything
    runs), so `execute` calls the synchronous Connection beneath straight away (the same events,
    compiled-statement cache and results) and goes through the asyncio API only in those two
    cases. The transaction's edges cost no more: BEGIN, COMMIT and ROLLBACK run on sqlite3
    first, awaited only while another process holds the file, before SQLAlchemy's own
    bookkeeping runs with nothing left to send; an idle pooled connection is checked out with
    no greenlet either.
    Used by storage's units of work on SQLite; a result is buffered in full either way.
    """

    @classmethod
    async def begun(cls, engine: AsyncEngine, **options: Any) -> "InlineAsyncConnection":
        """A connection from the pool, with `options` set and a transaction begun."""
        pool = engine.sync_engine.pool
        connection: InlineAsyncConnection | None = None
        if isinstance(pool, QueuePool) and pool.checkedin() and not pool.dispatch.checkout:
            # An idle connection, and no one listening at checkout (who might run SQL): checking
            # it out runs no SQL, so needs nothing awaited.
            with suppress(MissingGreenlet):  # unless it has to be opened again after all
                connection = cls(engine, engine.sync_engine.connect())
        if connection is None:
            # A new one is set up first (storage/engine.py), which may wait for a lock.
            connection = cast(InlineAsyncConnection, await cls(engine).start())
        try:
            await connection._begin(options)
        except BaseException:
            await connection.close()
            raise
        return connection

    async def _begin(self, options: dict[str, Any]) -> None:
        """BEGIN on sqlite3, awaited only while another process holds the file; then
        SQLAlchemy's own begin, which finds the transaction begun (storage/engine.py)."""
        connection = self.sync_connection
        driver = self._driver()
        assert connection is not None and driver is not None
        if options:
            connection.execution_options(**options)
        begin = begin_statement(connection.get_execution_options())
        # Counted and logged like every statement (see storage/compiled_once.py).
        connection.dispatch.before_cursor_execute(connection, None, begin, (), None, False)
        try:
            await driver.patiently(driver.sqlite.execute, begin)
        except sqlite3.Error as error:
            raise as_sqlalchemy_raises(error, begin) from error
        driver.direct = True
        try:
            connection.begin()
        except BaseException:
            driver.sqlite.rollback()
            raise
        finally:
            driver.direct = False

    def _driver(self) -> InlineConnection | None:
        connection = self.sync_connection
        if connection is None or connection.invalidated:
            return None
        driver = connection.connection.dbapi_connection
        return driver if isinstance(driver, InlineConnection) else None

    async def commit(self) -> None:
        if not await self._ended(sqlite3.Connection.commit, "COMMIT", Connection.commit):
            await super().commit()

    async def rollback(self) -> None:
        if not await self._ended(sqlite3.Connection.rollback, "ROLLBACK", Connection.rollback):
            await super().rollback()

    async def _ended(
        self,
        send: Callable[[sqlite3.Connection], None],
        name: str,
        bookkeeping: Callable[[Connection], None],
    ) -> bool:
        """COMMIT or ROLLBACK on sqlite3, then SQLAlchemy's bookkeeping with no greenlet; False
        (nothing done) where the asyncio API has to do it."""
        driver = self._driver()
        connection = self.sync_connection
        if driver is None or connection is None or not connection.in_transaction():
            return False
        try:
            await driver.patiently(send, driver.sqlite)
        except sqlite3.Error as error:
            # SQLAlchemy still sees the transaction open, so the unit of work rolls it back.
            raise as_sqlalchemy_raises(error, name) from error
        driver.direct = True
        try:
            bookkeeping(connection)
        finally:
            driver.direct = False
        return True

    async def close(self) -> None:
        """Give the connection back to the pool: a sync step unless a rollback is owed."""
        driver = self._driver()
        connection = self.sync_connection
        if driver is None or connection is None or connection.in_transaction():
            await super().close()
            return
        connection.close()

    async def execute(
        self,
        statement: Any,
        parameters: Any = None,
        *,
        execution_options: Any = None,
    ) -> Any:
        connection = self.sync_connection
        driver = None if connection is None else connection.connection.dbapi_connection
        if not isinstance(driver, InlineConnection) or not connection.in_transaction():
            return await super().execute(statement, parameters, execution_options=execution_options)
        driver.direct = True
        try:
            if execution_options is not None:
                return connection.execute(
                    statement, parameters, execution_options=execution_options
                )
            key, prepared, keep = driver.statements.lookup(statement, parameters)
            if prepared is not None and prepared.runs_on(connection):
                try:
                    return run(prepared, connection, driver.sqlite, parameters)
                except sqlite3.Error as error:
                    if isinstance(error, sqlite3.OperationalError) and is_busy(error):
                        # Locked by another process: nothing ran; the asyncio API waits it out.
                        raise NeedsTheLoop("the file is locked") from error
                    raise as_sqlalchemy_raises(error, prepared.sql) from error
            result = connection.execute(statement, parameters)
            return driver.statements.keep(statement, key, connection, result) if keep else result
        except NeedsTheLoop:
            pass
        finally:
            driver.direct = False
        return await super().execute(statement, parameters, execution_options=execution_options)
