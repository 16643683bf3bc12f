import asyncio
import warnings
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect, text

from bot.domain.signup import SignupStatus
from storage import SqlStorage, migrate
from storage.engine import make_engine
from storage.migrate import HEAD, _foreign_keys, alembic_config
from storage.tables import metadata
from tests.conftest import Database
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held

# These tests are about the migrations themselves: each database starts empty, and opening a
# storage on it runs them for real (elsewhere tests start from a migrated copy).
pytestmark = pytest.mark.empty_database


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, metadata)


async def test_migrations_build_the_whole_schema_on_an_empty_database(database: Database) -> None:
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


async def test_migrating_again_changes_nothing_and_keeps_the_data(
    database: Database, storage: SqlStorage
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        await uow.commit()
    await migrate(storage.engine)
    await migrate(storage.engine)
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") == team
        assert await uow.connection.scalar(text("SELECT count(*) FROM alembic_version")) == 1


async def test_two_processes_starting_together_both_end_up_migrated(database: Database) -> None:
    # Two storages opening at once stand in for two processes starting side by side.
    first, second = await asyncio.gather(database.open(), database.open())
    for storage in (first, second):
        async with storage.unit_of_work() as uow:
            assert await uow.connection.scalar(text("SELECT version_num FROM alembic_version"))


async def test_the_migrated_schema_is_exactly_the_tables_module(storage: SqlStorage) -> None:
    async with storage.engine.connect() as connection:
        assert await connection.run_sync(_differences) == []


def test_the_head_that_skips_alembic_at_start_is_alembic_s_own_head() -> None:
    # A database at storage.migrate.HEAD starts without running Alembic at all.
    scripts = ScriptDirectory.from_config(alembic_config())
    assert scripts.get_heads() == [HEAD]


def _downgrade_to_0003(connection: Connection) -> None:
    from alembic import command

    command.downgrade(alembic_config(connection), "0003")


def _shift_foreign_keys(connection: Connection) -> dict[str, tuple[str, str | None]]:
    return {
        fk["constrained_columns"][0]: (fk["referred_table"], fk["options"].get("ondelete"))
        for fk in inspect(connection).get_foreign_keys("shifts")
    }


async def test_0005_gives_a_shift_s_series_and_host_foreign_keys_keeping_every_row(
    database: Database, storage: SqlStorage
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        host = await a_volunteer(uow, team.campaign_id, "Maria")
        shift = await a_shift(uow, team.campaign_id, host.id)
        hold = await held(uow, shift)
        await uow.signups.add(hold, host.id, SignupStatus.CONFIRMED, NOW)
        await uow.proposals.set_host(hold, host.id)
        await uow.commit()
    # Back to before 0005, with a sign-up pointing at the shift that 0005 rebuilds.
    async with storage.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            await connection.run_sync(_foreign_keys, "OFF")
        async with connection.begin():
            await connection.run_sync(_downgrade_to_0003)
        if connection.dialect.name == "sqlite":
            await connection.run_sync(_foreign_keys, "ON")
        assert "host_id" not in await connection.run_sync(_shift_foreign_keys)

    await migrate(storage.engine)

    async with storage.engine.connect() as connection:
        assert await connection.run_sync(_shift_foreign_keys) == {
            "campaign_id": ("campaigns", None),
            "phone_bank_id": ("phone_banks", None),
            "series_id": ("series", "SET NULL"),
            "host_id": ("volunteers", "SET NULL"),
        }
        assert await connection.run_sync(_differences) == []
    async with storage.unit_of_work() as uow:
        kept = await uow.shifts.get(shift.id)
        assert kept.host_id == host.id
        assert [v.name for _, v in await uow.signups.roster(shift.id)] == ["Maria"]
        # The constraint holds: a shift can't name a series that isn't there.
        with pytest.raises(Exception, match=r"(?i)foreign key"):
            await uow.connection.execute(
                text("UPDATE shifts SET series_id = 999 WHERE id = :id"), {"id": shift.id}
            )


async def test_a_first_start_on_sqlite_is_quiet_and_keeps_the_expression_index(
    tmp_path: Path,
) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'first.db'}")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            await migrate(engine)
        async with engine.connect() as connection:
            found = await connection.scalar(
                text(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' "
                    "AND name = 'ix_volunteers_campaign_id_contact_wait'"
                )
            )
    finally:
        await engine.dispose()
    assert found is not None and "contacted_at" in found, found
