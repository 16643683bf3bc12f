"""`turnout doctor`'s database check: it reads the schema's revision and changes nothing."""

from pathlib import Path

import pytest
from sqlalchemy import make_url, text

from storage.engine import make_engine
from storage.migrate import HEAD
from storage.schema_check import schema_status
from tests.conftest import Database


def _make_empty_file(url: str) -> None:
    """An empty file is an empty SQLite database."""
    path = make_url(url).database
    assert path is not None
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).touch()


async def _set_revision(database: Database, revision: str) -> None:
    engine = make_engine(database.url, connect_args=database.connect_args)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text("UPDATE alembic_version SET version_num = :r"), {"r": revision}
            )
    finally:
        await engine.dispose()


async def test_a_database_at_the_latest_revision_is_ok(database: Database) -> None:
    fine, said = await schema_status(database.url, connect_args=database.connect_args)
    assert (fine, said) == (True, f"DATABASE_URL opens; its schema is up to date ({HEAD})")


async def test_a_database_behind_says_to_migrate_and_is_left_behind(database: Database) -> None:
    await _set_revision(database, "0012")
    fine, said = await schema_status(database.url, connect_args=database.connect_args)
    assert not fine
    assert said == (
        f"the database's schema is at 0012, not {HEAD} — run `turnout migrate` (`turnout run` "
        "also brings it up to date at start)"
    )
    again, _ = await schema_status(database.url, connect_args=database.connect_args)
    assert not again, "the check itself migrated nothing"


async def test_a_database_from_a_newer_turnout_says_to_upgrade(database: Database) -> None:
    await _set_revision(database, "0999")
    fine, said = await schema_status(database.url, connect_args=database.connect_args)
    assert not fine
    assert said == (
        f"the database's schema is at 0999, newer than this Turnout knows ({HEAD}) — install "
        "the Turnout version that wrote it"
    )


@pytest.mark.empty_database
async def test_an_empty_database_says_to_migrate(database: Database) -> None:
    if database.kind == "sqlite":
        _make_empty_file(database.url)
    fine, said = await schema_status(database.url, connect_args=database.connect_args)
    assert not fine
    assert said == "the database has no Turnout tables yet — run `turnout migrate`"


async def test_a_sqlite_file_that_does_not_exist_is_not_made(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "turnout.db"
    fine, said = await schema_status(f"sqlite:///{missing}")
    assert not fine
    assert said == f"there is no database at {missing} yet — run `turnout migrate` to create it"
    assert not missing.parent.exists()


async def test_a_database_out_of_reach_is_a_finding_without_the_password() -> None:
    fine, said = await schema_status("postgresql://turnout:s3cret@127.0.0.1:9/turnout")
    assert not fine
    assert said.startswith("can't reach the database at postgresql://turnout:***@127.0.0.1:9/")
    assert said.endswith("— check DATABASE_URL and that the database server is running")
    assert "s3cret" not in said


async def test_a_url_turnout_cannot_use_says_how_to_write_it() -> None:
    fine, said = await schema_status("mysql://x@y/z")
    assert not fine
    assert said.startswith("DATABASE_URL uses 'mysql'")
