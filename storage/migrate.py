"""Bring a database's schema up to date with Alembic, without an alembic.ini."""

import warnings
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import SAWarning
from sqlalchemy.ext.asyncio import AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config

# Any fixed number: every Turnout process migrating the same PostgreSQL database takes it.
_MIGRATION_LOCK = 0x7475726E  # "turn"
# The newest revision in storage/migrations/versions (a test checks it is Alembic's head): a
# database already there starts without loading Alembic and its scripts at all.
HEAD = "0022"


def alembic_config(connection: Connection | None = None) -> "Config":
    """Alembic's configuration for Turnout, optionally bound to a live connection."""
    # Alembic loads only when a database needs migrating (HEAD says when it doesn't).
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "storage:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


async def migrate(engine: AsyncEngine) -> None:
    """Apply every pending migration in one transaction; a no-op when already up to date."""
    async with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Rebuilding a table others refer to (Alembic's batch mode on SQLite) drops it,
            # which foreign keys forbid; SQLite turns them off only outside a transaction, so
            # here, and they are checked before the migration commits.
            await connection.run_sync(_foreign_keys, "OFF")
        try:
            async with connection.begin():
                if not sqlite:
                    # Two processes starting together would both try to create the tables;
                    # the second waits here and then finds nothing left to do. (SQLite's
                    # BEGIN IMMEDIATE already serialises them.)
                    await connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
                    )
                if not await connection.run_sync(_at_head):
                    await connection.run_sync(_upgrade)
                    if sqlite:
                        await connection.run_sync(_check_foreign_keys)
                # A database already up to date was only read so far: a write that changes
                # nothing finds out now, not at the first sign-up, whether it may be written.
                await connection.execute(
                    text("UPDATE alembic_version SET version_num = version_num WHERE 1 = 0")
                )
        finally:
            if sqlite:
                await connection.run_sync(_foreign_keys, "ON")


def _foreign_keys(connection: Connection, state: str) -> None:
    # On the driver's own connection: through SQLAlchemy the PRAGMA would open a transaction.
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"PRAGMA foreign_keys = {state}")
    finally:
        cursor.close()


def _check_foreign_keys(connection: Connection) -> None:
    broken = connection.execute(text("PRAGMA foreign_key_check")).all()
    if broken:
        raise RuntimeError(f"a migration left rows pointing nowhere: {broken[:5]}")


def _at_head(connection: Connection) -> bool:
    if not inspect(connection).has_table("alembic_version"):
        return False
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
    return list(found) == [HEAD]


def _upgrade(connection: Connection) -> None:
    # Loaded only when migrating, as the configuration above.
    from alembic import command

    with warnings.catch_warnings():
        # SQLite's batch migrations reflect tables that refer to volunteers, whose expression
        # index SQLAlchemy can't reflect and says so; the index itself is left as it is (a test
        # reads it back), so a first start should not print that to whoever runs it.
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based index", SAWarning
        )
        command.upgrade(alembic_config(connection), "head")
