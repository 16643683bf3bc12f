"""Units of work: one connection and one transaction per command or dispatcher step."""

import asyncio
import logging
from collections.abc import Callable
from functools import cache
from types import TracebackType
from typing import Any, Self, get_type_hints

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.ports.storage import Storage, StorageConflict, StorageUnavailable, UnitOfWork
from storage.attendance import SqlAttendanceRepository
from storage.bookings import SqlBookingRepository
from storage.calendars import SqlCalendarRepository
from storage.campaigns import SqlCampaignRepository
from storage.desk import SqlDeskRepository
from storage.exports import SqlExportRepository
from storage.inbox import SqlInboxRepository
from storage.installations import SqlInstallationRepository
from storage.links import SqlLinkRepository
from storage.notices import SqlNoticeRepository
from storage.offers import SqlOfferRepository
from storage.options import READER
from storage.organizers import SqlOrganizerRepository
from storage.positions import SqlPositionRepository
from storage.posts import SqlPostRepository
from storage.proposals import SqlProposalRepository
from storage.requests import SqlRequestRepository
from storage.series import SqlSeriesRepository
from storage.shifts import SqlShiftRepository
from storage.signups import SqlSignupRepository
from storage.sqlite_async import InlineAsyncConnection
from storage.stats import SqlStatsRepository
from storage.tasks import SqlTaskRepository
from storage.unavailable import is_conflict, is_disk_full, is_read_only, is_unavailable
from storage.volunteers import SqlVolunteerRepository

log = logging.getLogger(__name__)


class SqlStorage(Storage):
    """Turnout's storage on SQLite or PostgreSQL.

    SQLite allows one writer at a time. Rather than let concurrent commands race for the
    file lock (and fail after busy_timeout, or be served in random order), units of work on
    SQLite queue on one FIFO lock per SqlStorage and run one after another in the order they
    arrived. BEGIN IMMEDIATE keeps other processes out at the same time. On PostgreSQL units
    of work run concurrently and contend only on the rows they lock.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.dialect_name: str = engine.dialect.name
        self._turn = asyncio.Lock() if self.dialect_name == "sqlite" else None
        self._holder: asyncio.Task[object] | None = None

    def unit_of_work(self, *, write: bool = True) -> "SqlUnitOfWork":
        """A new unit of work; enter it with `async with`.

        On SQLite, write=False makes it a reader: it neither queues for the write turn nor
        takes the file's write lock (a deferred BEGIN; WAL lets it read while others write),
        and its first write or hold raises NeedsWriteTurn. On PostgreSQL every unit of work is
        the same, as readers there never wait for writers anyway.
        """
        return SqlUnitOfWork(self, reader=not write and self._turn is not None)

    async def ping(self) -> None:
        """SELECT 1, as a reader: on SQLite it doesn't wait for the write turn."""
        async with self.unit_of_work(write=False) as uow:
            await uow.connection.execute(text("SELECT 1"))

    async def close(self) -> None:
        """Close every pooled connection."""
        await self.engine.dispose()

    async def _wait_turn(self) -> None:
        if self._turn is None:
            return
        task = asyncio.current_task()
        if task is not None and task is self._holder:
            # Waiting would deadlock: this task already holds the turn in an outer block.
            raise RuntimeError("a unit of work was opened inside another one on SQLite")
        await self._turn.acquire()
        self._holder = task

    def _end_turn(self) -> None:
        if self._turn is not None:
            self._holder = None
            self._turn.release()


@cache
def _repositories() -> dict[str, Callable[[AsyncConnection], object]]:
    """The repositories a unit of work holds: every attribute SqlUnitOfWork and its port declare,
    with the class SqlUnitOfWork declares for it.

    One the port names that SqlUnitOfWork leaves out keeps the port's abstract class, which
    refuses to be built: the first unit of work fails, naming it.
    """
    return get_type_hints(SqlUnitOfWork)


class SqlUnitOfWork(UnitOfWork):
    """One transaction. Leaving the block without commit() rolls everything back.

    A database that is locked or unreachable surfaces as StorageUnavailable, after the
    rollback; every other exception (UserError included) passes through unchanged.
    """

    # Its repositories, each named once: __aenter__ builds one of each declared here.
    campaigns: SqlCampaignRepository
    volunteers: SqlVolunteerRepository
    shifts: SqlShiftRepository
    signups: SqlSignupRepository
    tasks: SqlTaskRepository
    notices: SqlNoticeRepository
    attendance: SqlAttendanceRepository
    bookings: SqlBookingRepository
    series: SqlSeriesRepository
    proposals: SqlProposalRepository
    posts: SqlPostRepository
    offers: SqlOfferRepository
    calendars: SqlCalendarRepository
    stats: SqlStatsRepository
    exports: SqlExportRepository
    requests: SqlRequestRepository
    inbox: SqlInboxRepository
    desk: SqlDeskRepository
    positions: SqlPositionRepository
    installations: SqlInstallationRepository
    links: SqlLinkRepository
    organizers: SqlOrganizerRepository

    def __init__(self, storage: SqlStorage, *, reader: bool = False) -> None:
        self._storage = storage
        self._reader = reader
        self._connection: AsyncConnection | None = None

    async def __aenter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("this unit of work is already open")
        if not self._reader:
            await self._storage._wait_turn()
        try:
            # Read by storage/engine.py: how to BEGIN, and which statements to refuse.
            self._connection = await self._begin({READER: True} if self._reader else {})
            for name, repository in _repositories().items():
                setattr(self, name, repository(self._connection))
        except BaseException as error:
            await self._finish(error, from_storage=True)
            raise
        return self

    async def _begin(self, options: dict[str, Any]) -> AsyncConnection:
        engine = self._storage.engine
        if self._storage.dialect_name == "sqlite":
            # Statements with no greenlet each (see storage/sqlite_driver.py).
            return await InlineAsyncConnection.begun(engine, **options)
        connection = await engine.connect()
        try:
            if options:
                await connection.execution_options(**options)
            await connection.begin()
        except BaseException:
            await connection.close()
            raise
        return connection

    @property
    def connection(self) -> AsyncConnection:
        """This unit of work's connection, for one-off queries the repositories don't offer."""
        if self._connection is None:
            raise RuntimeError("the unit of work is not open")
        return self._connection

    async def commit(self) -> None:
        """Make everything done so far in this unit of work permanent."""
        if self._connection is None:
            raise RuntimeError("commit() outside `async with`")
        await self.volunteers.number_newcomers()
        await self._connection.commit()
        if self._storage.dialect_name == "sqlite" and self.volunteers.erased:
            await self._checkpoint()

    async def _checkpoint(self) -> None:
        """Copy the WAL into the file and empty it, so an erased person's old pages go too.

        Outside any transaction (SQLite refuses a checkpoint inside one); best effort, as a
        reader elsewhere may hold old pages a little longer.
        """
        assert self._connection is not None
        raw = await self._connection.get_raw_connection()
        try:
            # The sqlite3 connection itself: SQLAlchemy would begin a transaction first.
            driver: Any = raw.driver_connection
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
        except Exception as error:  # the driver's own error; the erasure itself is committed
            log.warning("could not checkpoint the WAL after an erasure: %s", error)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._finish(exc, from_storage=False)

    async def _finish(self, error: BaseException | None, *, from_storage: bool) -> None:
        """Roll back whatever was not committed, give the connection back, end the turn.

        Raises StorageUnavailable in place of `error` (or of a failing rollback) when the
        database is locked or unreachable.
        """
        connection, self._connection = self._connection, None
        try:
            if connection is not None:
                try:
                    if connection.in_transaction():
                        await connection.rollback()
                finally:
                    await connection.close()
        except Exception as cleanup_error:
            if error is not None:
                # The body's own error says more than a rollback that failed because of it.
                log.warning("rollback failed after %r", error, exc_info=cleanup_error)
            elif is_unavailable(cleanup_error, from_storage=True):
                error, from_storage = cleanup_error, True
            else:
                raise
        finally:
            if not self._reader:
                self._storage._end_turn()
        if error is not None and is_unavailable(error, from_storage=from_storage):
            if is_disk_full(error):
                # The one line an operator needs: this won't pass by itself like a lock.
                log.error("the database's disk is full; nothing was saved (free some space)")
                raise StorageUnavailable(
                    "The database's disk is full; nothing was saved."
                ) from None
            if is_read_only(error):
                log.error(
                    "the database is read-only; nothing was saved (give DATABASE_URL's "
                    "database write permission back)"
                )
                raise StorageUnavailable("The database is read-only; nothing was saved.") from None
            raise StorageUnavailable(
                "The database is busy or unreachable right now; nothing was saved."
            ) from error
        if error is not None and is_conflict(error):
            raise StorageConflict("another transaction wrote the same row first") from error
