import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import get_type_hints

import pytest
from sqlalchemy import text

from bot.domain.errors import UserError
from bot.ports.storage import StorageUnavailable, UnitOfWork
from storage import SqlStorage, open_storage
from storage.engine import make_engine
from tests.conftest import Database
from tests.integration.builders import a_team, a_volunteer


async def test_it_holds_every_repository_the_port_names(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        for name, port in get_type_hints(UnitOfWork).items():
            assert isinstance(getattr(uow, name), port), name


async def test_leaving_without_commit_saves_nothing(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        await a_team(uow)
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") is None


async def test_a_user_error_rolls_back_and_reaches_the_caller_unchanged(
    storage: SqlStorage,
) -> None:
    refusal = UserError("Capacity must be a whole number of seats from 1 to 500, like `12`.")
    with pytest.raises(UserError) as raised:
        async with storage.unit_of_work() as uow:
            await a_team(uow)
            raise refusal
    assert raised.value is refusal
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") is None


async def test_a_bug_rolls_back_and_is_not_disguised(storage: SqlStorage) -> None:
    with pytest.raises(ZeroDivisionError):
        async with storage.unit_of_work() as uow:
            await a_team(uow)
            _ = 1 / 0
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") is None


async def test_a_network_error_from_elsewhere_is_not_mistaken_for_an_outage(
    storage: SqlStorage,
) -> None:
    with pytest.raises(ConnectionResetError):
        async with storage.unit_of_work() as uow:
            await a_team(uow)
            raise ConnectionResetError("the chat platform hung up")


async def test_a_missing_table_is_a_bug_not_an_outage(storage: SqlStorage) -> None:
    with pytest.raises(Exception, match="no_such_table") as raised:
        async with storage.unit_of_work() as uow:
            await uow.connection.execute(text("SELECT * FROM no_such_table"))
    assert not isinstance(raised.value, StorageUnavailable)


async def test_committed_work_survives_closing_and_reopening_the_storage(
    database: Database,
) -> None:
    first = await database.open()
    async with first.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        await uow.commit()
    await first.close()
    database.opened.remove(first)

    reopened = await database.open()
    async with reopened.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") == team
        assert await uow.volunteers.get(maria.id) == maria


async def test_a_sqlite_file_locked_by_another_process_is_storage_unavailable(
    tmp_path: Path,
) -> None:
    path = tmp_path / "turnout.db"
    storage = await open_storage(f"sqlite:///{path}", busy_timeout=timedelta(milliseconds=100))
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageUnavailable) as raised:
            async with storage.unit_of_work() as uow:
                await a_team(uow)
        assert "locked" in str(raised.value.__cause__)
        other.execute("ROLLBACK")
        # The turn was given back: the next unit of work runs normally.
        async with storage.unit_of_work() as uow:
            await a_team(uow)
            await uow.commit()
    finally:
        other.close()
        await storage.close()


async def test_an_unreachable_postgresql_is_storage_unavailable() -> None:
    storage = SqlStorage(make_engine("postgresql://turnout@127.0.0.1:1/turnout"))
    try:
        with pytest.raises(StorageUnavailable):
            async with storage.unit_of_work():
                pass
    finally:
        await storage.close()


async def test_a_connection_lost_mid_unit_is_storage_unavailable(
    database: Database, storage: SqlStorage
) -> None:
    if database.kind != "postgresql":
        pytest.skip("only PostgreSQL connections can be cut from the server side")
    with pytest.raises(StorageUnavailable):
        async with storage.unit_of_work() as uow:
            await a_team(uow)
            await uow.connection.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") is None


async def test_opening_a_unit_of_work_inside_another_on_sqlite_fails_instead_of_hanging(
    sqlite_storage: SqlStorage,
) -> None:
    async with sqlite_storage.unit_of_work():
        with pytest.raises(RuntimeError, match="inside another"):
            async with sqlite_storage.unit_of_work():
                pass
    async with sqlite_storage.unit_of_work() as uow:
        await a_team(uow)
