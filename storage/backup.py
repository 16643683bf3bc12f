"""Backing up and restoring a Turnout database.

SQLite is copied page by page with its online backup API, which reads a consistent snapshot
(committed WAL frames included) while the bot goes on writing. PostgreSQL has pg_dump and
pg_restore for that; here they are only spelled out, with DATABASE_URL's password left out.
"""

import shlex
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import URL

from storage.engine import normalise_url


class BackupRefused(Exception):
    """A backup or restore that would lose or mix up data; the message says what to do."""


def sqlite_file(url: str | URL) -> Path | None:
    """The file a SQLite DATABASE_URL names; None for PostgreSQL."""
    parsed = normalise_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:"):
        raise BackupRefused(
            "DATABASE_URL names an in-memory database, which has nothing to back up or restore "
            "into; set it to a file like sqlite:///turnout.db."
        )
    if parsed.query.get("uri") == "true":
        database = database.removeprefix("file:").partition("?")[0]
    return Path(database)


def backup_sqlite(source: Path, target: Path) -> int:
    """Copy the live database at `source` into the new file `target`; returns its size."""
    if target.exists():
        raise BackupRefused(
            f"{target} already exists and a backup never overwrites a file; give a new path, "
            "like turnout-backup-2.db."
        )
    if not source.is_file():
        raise BackupRefused(f"there is no database at {source} to back up; check DATABASE_URL.")
    with closing(_read_only(source)) as live, closing(_new(target)) as copy:
        live.backup(copy)
    return target.stat().st_size


def restore_sqlite(backup: Path, target: Path) -> None:
    """Copy the Turnout backup at `backup` into `target`, which must be new or empty.

    The copy is as old as the backup; opening it afterwards brings its schema up to date.
    """
    if not _is_turnout(backup):
        raise BackupRefused(
            f"{backup} isn't a Turnout backup; give a file that `turnout backup` wrote."
        )
    if _holds_data(target):
        raise BackupRefused(
            f"the database at {target} already holds data and a restore never overwrites it; "
            "point DATABASE_URL at a new file, like sqlite:///turnout-restored.db."
        )
    with closing(_read_only(backup)) as saved, closing(_new(target)) as copy:
        saved.backup(copy)


def pg_dump_command(url: str | URL, target: Path) -> str:
    """The pg_dump command that backs the PostgreSQL database at `url` up into `target`."""
    return f"pg_dump --format=custom --file {shlex.quote(str(target))} {_libpq_url(url)}"


def pg_restore_command(url: str | URL, backup: Path) -> str:
    """The pg_restore command that loads `backup` into the PostgreSQL database at `url`."""
    return f"pg_restore --no-owner --dbname {_libpq_url(url)} {shlex.quote(str(backup))}"


def back_up(url: str | URL, path: Path) -> str:
    """`turnout backup`: copy a SQLite database to `path`, or say how PostgreSQL is backed
    up. Returns the line to print; ValueError for a URL Turnout can't use."""
    live = sqlite_file(url)
    if live is None:
        return (
            "PostgreSQL is backed up with pg_dump; run\n"
            f"  {pg_dump_command(url, path)}\n"
            "with the password in PGPASSWORD or ~/.pgpass."
        )
    size = backup_sqlite(live, path)
    return f"backed up to {path} ({size:,} bytes)."


def restore(url: str | URL, path: Path) -> tuple[bool, str]:
    """`turnout restore`: load a SQLite backup into the empty database `url` names (True,
    then it needs migrating), or say how PostgreSQL is restored (False). With the line to print;
    ValueError for a URL Turnout can't use."""
    target = sqlite_file(url)
    if target is None:
        return False, (
            "a pg_dump backup is restored with pg_restore into an empty database; run\n"
            f"  {pg_restore_command(url, path)}\n"
            "with the password in PGPASSWORD or ~/.pgpass, then `turnout migrate`."
        )
    restore_sqlite(path, target)
    return True, f"restored {path} into {target}; the database is up to date."


def _libpq_url(url: str | URL) -> str:
    """The URL as pg_dump reads it: no driver, no password (PGPASSWORD or ~/.pgpass give it)."""
    given = normalise_url(url)
    # URL.set() can't take a password away (None there means "leave it").
    plain = URL.create(
        "postgresql",
        username=given.username,
        host=given.host,
        port=given.port,
        database=given.database,
        query=given.query,
    )
    return shlex.quote(plain.render_as_string(hide_password=False))


def _new(path: Path) -> sqlite3.Connection:
    try:
        return sqlite3.connect(path)
    except sqlite3.Error as error:
        raise BackupRefused(
            f"can't write {path} ({error}); check that its folder exists and may be written."
        ) from None


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _tables(path: Path) -> list[str]:
    with closing(_read_only(path)) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    return [str(name) for (name,) in rows]


def _holds_data(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        return bool(_tables(path))
    except sqlite3.DatabaseError:
        return True  # Not a database at all: something else's file, left alone.


def _is_turnout(path: Path) -> bool:
    if not path.is_file():
        return False
    try:
        return "alembic_version" in _tables(path)
    except sqlite3.DatabaseError:
        return False
