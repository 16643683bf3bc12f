"""A test's database is exactly what the migrations build, and nothing one test leaves in it
reaches the next (see tests/templates.py for how the copies are made)."""

import contextlib
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from storage import open_storage
from storage.engine import normalise_url
from tests.conftest import POSTGRES_URL, Database
from tests.integration.builders import a_shift, a_team, a_volunteer, held
from tests.templates import TEMPLATES, drop_schema, postgresql_catalogue

needs_postgresql = [
    pytest.mark.postgres,
    pytest.mark.skipif(POSTGRES_URL is None, reason="set TURNOUT_TEST_DATABASE_URL"),
]


def _clauses(sql: str | None) -> object:
    """A CREATE statement with its columns and constraints as a set: Alembic's batch mode
    writes a rebuilt table's constraints in no fixed order (two migrations of empty files in
    one process differ), which SQLite gives no meaning."""
    if sql is None or "(" not in sql:
        return sql
    head, _, body = sql.partition("(")
    inside = body.rstrip().removesuffix(")")
    return head, frozenset(part.strip() for part in inside.split(", \n"))


def sqlite_catalogue(path: Path) -> dict[str, object]:
    """Everything a SQLite file is made of: its schema, settings kept in the file, and rows."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        found: dict[str, object] = {
            "schema": {
                (kind, name, table, _clauses(sql))
                for kind, name, table, sql in db.execute(
                    "SELECT type, name, tbl_name, sql FROM sqlite_master"
                )
            },
            "journal_mode": db.execute("PRAGMA journal_mode").fetchone(),
            "user_version": db.execute("PRAGMA user_version").fetchone(),
        }
        tables = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            found[f"rows {table}"] = sorted(db.execute(f'SELECT * FROM "{table}"'))
    return found


@contextlib.asynccontextmanager
async def freshly_migrated_schema(url: str) -> AsyncIterator[tuple[AsyncConnection, str]]:
    """A new schema that the real migrations have just built, and a connection to look at it."""
    admin = create_async_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            try:
                storage = await open_storage(
                    url, connect_args={"server_settings": {"search_path": schema}}
                )
                await storage.close()
                yield connection, schema
            finally:
                await drop_schema(connection, schema)
    finally:
        await admin.dispose()


def schema_of(database: Database) -> str:
    return str(database.connect_args["server_settings"]["search_path"])


async def test_a_test_s_database_is_exactly_what_the_migrations_build(
    database: Database, tmp_path: Path
) -> None:
    if database.kind == "sqlite":
        fresh_file = tmp_path / "fresh.db"
        await (await open_storage(f"sqlite:///{fresh_file}")).close()
        copy = Path(str(make_url(database.url).database))
        assert sqlite_catalogue(copy) == sqlite_catalogue(fresh_file)
        return
    assert POSTGRES_URL is not None
    async with freshly_migrated_schema(POSTGRES_URL) as (connection, fresh):
        built = await postgresql_catalogue(connection, fresh)
        copied = await postgresql_catalogue(connection, schema_of(database))
    assert copied == built
    assert any(part == "indexes" for part, _ in built), "the catalogue was read"


@pytest.fixture
async def admin() -> AsyncIterator[AsyncConnection]:
    """A connection to the PostgreSQL server in autocommit mode, as tests/conftest.py has."""
    if POSTGRES_URL is None:
        pytest.skip("set TURNOUT_TEST_DATABASE_URL to check the PostgreSQL copies")
    engine = create_async_engine(normalise_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            yield connection
    finally:
        await engine.dispose()


async def _used_by_a_test(admin: AsyncConnection, url: str) -> tuple[str, AsyncConnection]:
    """Take a schema and write in it as a test would (its sequences move); returns its name
    and a connection the 'test' forgot to close, in the middle of a transaction."""
    schema = await TEMPLATES.take_postgresql(admin, url)
    settings = {"search_path": schema, "application_name": schema}
    storage = await open_storage(url, connect_args={"server_settings": settings})
    try:
        async with storage.unit_of_work() as uow:
            team = await a_team(uow)
            host = await a_volunteer(uow, team.campaign_id, "Maria")
            await held(uow, await a_shift(uow, team.campaign_id, host.id))
            await uow.commit()
    finally:
        await storage.close()
    leaked = create_async_engine(normalise_url(url), connect_args={"server_settings": settings})
    forgotten = await leaked.connect()
    await forgotten.begin()
    await forgotten.execute(text("SELECT count(*) FROM campaigns"))
    return schema, forgotten


@pytest.mark.postgres
async def test_a_schema_a_test_used_comes_back_empty_with_sequences_restarted(
    admin: AsyncConnection,
) -> None:
    assert POSTGRES_URL is not None
    schema, forgotten = await _used_by_a_test(admin, POSTGRES_URL)
    try:
        await TEMPLATES.give_back(admin, POSTGRES_URL, schema)
        again = await TEMPLATES.take_postgresql(admin, POSTGRES_URL)
        try:
            async with freshly_migrated_schema(POSTGRES_URL) as (connection, fresh):
                built = await postgresql_catalogue(connection, fresh)
            assert again != schema, "kept under a new name"
            assert await postgresql_catalogue(admin, again) == built
        finally:
            await TEMPLATES.give_back(admin, POSTGRES_URL, again)
    finally:
        with contextlib.suppress(Exception):
            await forgotten.close()
        await forgotten.engine.dispose()


@pytest.mark.postgres
async def test_what_a_test_left_running_cannot_write_into_the_next_test_s_schema(
    admin: AsyncConnection,
) -> None:
    assert POSTGRES_URL is not None
    schema, forgotten = await _used_by_a_test(admin, POSTGRES_URL)
    try:
        await TEMPLATES.give_back(admin, POSTGRES_URL, schema)
        # Its connection was ended; a new one finds nothing under the name it knows.
        with pytest.raises(Exception, match=r"(?i)terminat|closed|connection"):
            await forgotten.execute(text("DELETE FROM campaigns"))
        settings = {"search_path": schema, "application_name": schema}
        late = create_async_engine(
            normalise_url(POSTGRES_URL), connect_args={"server_settings": settings}
        )
        try:
            async with late.connect() as connection:
                with pytest.raises(Exception, match=r"(?i)does not exist"):
                    await connection.execute(text("SELECT count(*) FROM campaigns"))
        finally:
            await late.dispose()
    finally:
        with contextlib.suppress(Exception):
            await forgotten.close()
        await forgotten.engine.dispose()


@pytest.mark.postgres
async def test_a_schema_whose_tables_a_test_altered_is_dropped_not_handed_out_again(
    admin: AsyncConnection,
) -> None:
    assert POSTGRES_URL is not None
    schema = await TEMPLATES.take_postgresql(admin, POSTGRES_URL)
    await admin.execute(text(f'ALTER TABLE "{schema}".campaigns ADD COLUMN extra integer'))
    await TEMPLATES.give_back(admin, POSTGRES_URL, schema)
    left = await admin.scalar(
        text("SELECT count(*) FROM pg_namespace WHERE nspname = :schema"), {"schema": schema}
    )
    again = await TEMPLATES.take_postgresql(admin, POSTGRES_URL)
    try:
        columns = await admin.scalar(
            text(
                "SELECT count(*) FROM information_schema.columns"
                " WHERE table_schema = :schema AND column_name = 'extra'"
            ),
            {"schema": again},
        )
    finally:
        await TEMPLATES.give_back(admin, POSTGRES_URL, again)
    assert left == 0 and columns == 0
