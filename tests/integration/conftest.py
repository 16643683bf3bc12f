"""Storage on real databases: a SQLite file per test, and PostgreSQL when one is configured.

Set TURNOUT_TEST_DATABASE_URL (e.g. postgresql+asyncpg://postgres@127.0.0.1:5432/test) to run
every `storage` test on PostgreSQL too. Each PostgreSQL test gets a schema of its own, dropped
afterwards, so tests never see each other's rows.
"""

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from storage import SqlStorage, open_storage
from storage.engine import normalise_url

POSTGRES_URL = os.environ.get("TURNOUT_TEST_DATABASE_URL")


@dataclass
class Database:
    """One test's database: open as many storages on it as a test needs."""

    kind: str
    url: str
    connect_args: dict[str, Any] = field(default_factory=dict)
    opened: list[SqlStorage] = field(default_factory=list)

    async def open(self, **options: Any) -> SqlStorage:
        storage = await open_storage(self.url, connect_args=self.connect_args, **options)
        self.opened.append(storage)
        return storage

    async def close_all(self) -> None:
        for storage in self.opened:
            await storage.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def database(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    if request.param == "sqlite":
        db = Database("sqlite", f"sqlite:///{tmp_path / 'data' / 'turnout.db'}")
        yield db
        await db.close_all()
        return
    if not POSTGRES_URL:
        pytest.skip("set TURNOUT_TEST_DATABASE_URL to run storage tests on PostgreSQL")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(normalise_url(POSTGRES_URL), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        db = Database("postgresql", POSTGRES_URL, {"server_settings": {"search_path": schema}})
        try:
            yield db
        finally:
            await db.close_all()
            async with admin.connect() as connection:
                await connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        await admin.dispose()


@pytest.fixture
async def storage(database: Database) -> SqlStorage:
    """A migrated, empty storage on SQLite, and on PostgreSQL when configured."""
    return await database.open()


@pytest.fixture
async def sqlite_storage(tmp_path: Path) -> AsyncIterator[SqlStorage]:
    """SQLite only, for behaviour that belongs to SQLite (pragmas, file locks, query plans)."""
    store = await open_storage(f"sqlite:///{tmp_path / 'turnout.db'}")
    yield store
    await store.close()
