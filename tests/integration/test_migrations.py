import asyncio

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from storage import migrate
from storage.engine import make_engine
from storage.migrate import HEAD, alembic_config
from storage.tables import metadata
from tests.integration.builders import a_team


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, metadata)


async def test_migrations_build_the_whole_schema_on_an_empty_database(database):
    engine = make_engine(database.url, connect_args=database.connect_args)
    try:
        async with engine.connect() as connection:
            assert await connection.run_sync(_tables) == set()
        await migrate(engine)
        async with engine.connect() as connection:
            tables = await connection.run_sync(_tables)
            version = await connection.scalar(text("SELECT version_num FROM alembic_version"))
        assert tables == set(metadata.tables) | {"alembic_version"}
        assert version == HEAD
    finally:
        await engine.dispose()


async def test_migrating_again_changes_nothing_and_keeps_the_data(database, storage):
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        await uow.commit()
    await migrate(storage.engine)
    await migrate(storage.engine)
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") == team
        assert await uow.connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1


async def test_two_processes_starting_together_both_end_up_migrated(database):
    # Two storages opening at once stand in for two processes starting side by side.
    first, second = await asyncio.gather(database.open(), database.open())
    for storage in (first, second):
        async with storage.unit_of_work() as uow:
            assert await uow.connection.scalar(text("SELECT version_num FROM alembic_version"))


async def test_the_migrated_schema_is_exactly_the_tables_module(storage):
    async with storage.engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


def test_the_head_that_skips_alembic_at_start_is_alembic_s_own_head():
    # A database at storage.migrate.HEAD starts without running Alembic at all.
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_heads() == [HEAD]
