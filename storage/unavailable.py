"""Telling "the database can't serve us right now" apart from bugs and bad data.

Only the first kind becomes bot.ports.StorageUnavailable: the core then says "try again in a
moment" instead of crashing. A missing table or a constraint violation is a bug and must stay
loud, which is why SQLite's OperationalError is judged by its message, not by its class.
"""

from collections.abc import Iterator

from sqlalchemy import exc

# SQLite messages that mean "busy or unreachable", not "your SQL is wrong".
_SQLITE_TRANSIENT = (
    "database is locked",
    "database table is locked",
    "unable to open database file",
    "disk i/o error",
    # SQLITE_FULL: nothing was written; a retry works once space is freed.
    "database or disk is full",
    # SQLITE_READONLY: the file or its folder lost write permission; a retry works once given.
    "attempt to write a readonly database",
)
# PostgreSQL SQLSTATEs after which running the unit of work again succeeds: unique violation
# (another transaction inserted the same key first), serialization failure, deadlock.
_POSTGRES_CONFLICT = ("23505", "40001", "40P01")
# PostgreSQL SQLSTATE classes: connection exception, insufficient resources (too many
# connections, disk full), operator intervention (shutdown, cannot connect now), and a
# read-only transaction (a standby after a failover, a role made read-only).
_POSTGRES_TRANSIENT = ("08", "53", "57P", "25006")


def is_unavailable(error: BaseException, *, from_storage: bool = False) -> bool:
    """Whether `error` means the database is locked or unreachable right now.

    Inside a unit of work's body only SQLAlchemy's errors are judged: a socket error from a
    platform call made there is not the database's fault. `from_storage` says the error surely
    came from the database (connecting, rolling back), where the driver may raise bare socket
    errors that SQLAlchemy does not wrap.
    """
    if not from_storage and not isinstance(error, exc.SQLAlchemyError):
        return False
    return any(_transient(cause) for cause in causes(error))


def causes(error: BaseException) -> Iterator[BaseException]:
    """The error, then what it wraps: SQLAlchemy's `orig` (the driver's own), or `__cause__`."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = current.orig if isinstance(current, exc.DBAPIError) else None
        current = orig if isinstance(orig, BaseException) else current.__cause__


def _transient(error: BaseException) -> bool:
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    # A pool checkout that timed out, or a socket that could not connect, timed out or broke
    # (TimeoutError is an OSError).
    if isinstance(error, exc.TimeoutError | OSError):
        return True
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate.startswith(_POSTGRES_TRANSIENT):
        return True
    if isinstance(error, exc.InterfaceError) and "connection is closed" in str(error):
        return True
    # SQLAlchemy wraps the driver's error; the loop above reaches sqlite3's own in `orig`.
    is_sqlite_error = type(error).__module__ == "sqlite3"
    return is_sqlite_error and any(text in str(error).lower() for text in _SQLITE_TRANSIENT)


def is_disk_full(error: BaseException) -> bool:
    """Whether the database refused a write for want of disk space (SQLite or PostgreSQL)."""
    return any(
        "database or disk is full" in str(cause) or getattr(cause, "sqlstate", None) == "53100"
        for cause in causes(error)
    )


def is_read_only(error: BaseException) -> bool:
    """Whether the database refused a write because it may only be read: a SQLite file
    without write permission (or opened read-only), a PostgreSQL standby or read-only role."""
    return any(
        "readonly database" in str(cause) or getattr(cause, "sqlstate", None) == "25006"
        for cause in causes(error)
    )


def is_conflict(error: BaseException) -> bool:
    """Whether `error` means another transaction got there first, so a rerun will succeed."""
    return any(_conflicting(cause) for cause in causes(error))


def _conflicting(error: BaseException) -> bool:
    sqlstate = getattr(error, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate in _POSTGRES_CONFLICT:
        return True
    return type(error).__module__ == "sqlite3" and "UNIQUE constraint failed" in str(error)
