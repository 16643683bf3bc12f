"""Turnout's storage: SQLAlchemy Core tables, repositories and units of work on SQLite or
PostgreSQL. The only package that speaks SQL."""

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from storage.engine import DEFAULT_BUSY_TIMEOUT, make_engine
from storage.migrate import migrate
from storage.unit_of_work import SqlStorage, SqlUnitOfWork
from storage.url_problems import DatabaseUrlError, refusal

__all__ = ["DatabaseUrlError", "SqlStorage", "SqlUnitOfWork", "migrate", "open_storage"]


async def open_storage(
    url: str,
    *,
    connect_args: Mapping[str, Any] | None = None,
    busy_timeout: timedelta = DEFAULT_BUSY_TIMEOUT,
) -> SqlStorage:
    """Connect to the database at `url`, bring its schema up to date, and return the storage.

    `url` may be `sqlite:///path/turnout.db` or `postgresql://…` (`postgres://` works too).
    """
    engine = make_engine(url, connect_args=connect_args, busy_timeout=busy_timeout)
    # PostgreSQL migrates on an engine of its own, with no statement timeout.
    migrating = (
        engine
        if engine.dialect.name == "sqlite"
        else make_engine(url, connect_args=connect_args, statement_timeout=None)
    )
    try:
        await migrate(migrating)
    except Exception as error:
        await engine.dispose()
        refused = refusal(error, engine.url)
        if refused is not None:
            raise refused from None
        raise
    except BaseException:
        await engine.dispose()
        raise
    finally:
        if migrating is not engine:
            await migrating.dispose()
    return SqlStorage(engine)
