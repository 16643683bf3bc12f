"""Whether DATABASE_URL's database is at the latest schema, read without changing anything.

`turnout doctor` asks this; opening the storage would migrate, which a check must not do. A
SQLite file that doesn't exist is not created, and nothing is written to one that does.
"""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, inspect, make_url, text

from storage.engine import make_engine, normalise_url
from storage.migrate import HEAD
from storage.options import READER
from storage.url_problems import refusal


async def schema_status(
    url: str, *, connect_args: Mapping[str, Any] | None = None
) -> tuple[bool, str]:
    """Whether the database opens and is at the latest revision, and one line saying so or
    saying what to do. Never raises for a database that is missing, unreachable or refused."""
    try:
        target = normalise_url(url)
    except ValueError as error:
        return False, str(error).rstrip(".")
    missing = _missing_file(target)
    if missing is not None:
        return False, f"there is no database at {missing} yet — run `turnout migrate` to create it"
    try:
        revision = await _revision(url, connect_args)
    except Exception as error:
        refused = refusal(error, target)
        if refused is not None:
            return False, str(refused).rstrip(".")
        shown = make_url(url).render_as_string(hide_password=True)
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return False, (
            f"can't reach the database at {shown} ({reason}) — check DATABASE_URL and that "
            "the database server is running"
        )
    if revision is None:
        return False, "the database has no Turnout tables yet — run `turnout migrate`"
    if revision == HEAD:
        return True, f"DATABASE_URL opens; its schema is up to date ({HEAD})"
    if revision > HEAD:
        return False, (
            f"the database's schema is at {revision}, newer than this Turnout knows ({HEAD}) — "
            "install the Turnout version that wrote it"
        )
    return False, (
        f"the database's schema is at {revision}, not {HEAD} — run `turnout migrate` "
        "(`turnout run` also brings it up to date at start)"
    )


def _missing_file(target: URL) -> Path | None:
    """The SQLite file `target` names, when there is none (it would be created on opening)."""
    if target.get_backend_name() != "sqlite":
        return None
    path = Path(target.database or "").expanduser()
    return None if target.database and path.is_file() else path


async def _revision(url: str, connect_args: Mapping[str, Any] | None) -> str | None:
    engine = make_engine(url, connect_args=connect_args)
    try:
        # A reader on SQLite: a deferred BEGIN, so a running bot's writes never wait for it.
        async with engine.connect() as connection:
            connection = await connection.execution_options(**{READER: True})
            return await connection.run_sync(_read_revision)
    finally:
        await engine.dispose()


def _read_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    found = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return None if found is None else str(found)
