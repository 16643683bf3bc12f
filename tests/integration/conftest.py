"""Storage on real databases: a SQLite file per test, and PostgreSQL when one is configured.

The `database` and `storage` fixtures live in tests/conftest.py so that use-case tests run on
both databases too; this module adds what only storage tests need.
"""

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import SqlStorage, open_storage
from tests.templates import TEMPLATES


@pytest.fixture
async def sqlite_storage(tmp_path: Path) -> AsyncIterator[SqlStorage]:
    """SQLite only, for behaviour that belongs to SQLite (pragmas, file locks, query plans)."""
    path = tmp_path / "turnout.db"
    await TEMPLATES.copy_sqlite(path)
    store = await open_storage(f"sqlite:///{path}")
    yield store
    await store.close()
