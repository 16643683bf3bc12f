"""Bring a database's schema up to date with Alembic, without an alembic.ini."""

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

# Any fixed number: every Turnout process migrating the same PostgreSQL database takes it.
_MIGRATION_LOCK = 0x7475726E  # "turn"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for Turnout, optionally bound to a live connection."""
    config = Config()
    config.set_main_option("script_location", "storage:migrations")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


async def migrate(engine: AsyncEngine) -> None:
    """Apply every pending migration in one transaction; a no-op when already up to date."""
    async with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Two processes starting together would both try to create the tables; the
            # second waits here and then finds nothing left to do. (SQLite's BEGIN IMMEDIATE
            # already serialises them.)
            await connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK}
            )
        await connection.run_sync(_upgrade)


def _upgrade(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
