"""Migrated databases for tests: the real migrations run once per session, each test gets a copy.

Running Alembic costs a tenth of a second on SQLite and a third on PostgreSQL; with a thousand
tests on each, that was most of the suite's time. So the first test that needs a migrated
database runs the real migrations once:

- on SQLite into a template file, which each test then copies, byte for byte;
- on PostgreSQL into a throwaway schema, recording every statement that changed it. Those are
  the migrations' own statements in their own order (nothing is derived from `metadata`);
  replayed into a second schema, they must give exactly the catalogue the migrations gave,
  or the session stops. A test's schema is such a replay, or one a finished test used and
  that was then emptied (every row deleted, every sequence back at its start) after its
  catalogue was found unchanged: DDL costs PostgreSQL a fifth of a second a schema, emptying
  one costs a hundredth.

tests/integration/test_migrated_copies.py proves a test's copy has exactly the schema a fresh
migration gives, and tests/integration/test_migrations.py keeps running the real migrations
from empty (it is marked `empty_database`).
"""

import atexit
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.engine.interfaces import DBAPICursor, ExecutionContext
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from storage import migrate
from storage.engine import make_engine, normalise_url


@dataclass
class _Migrations:
    """What the migrations did to an empty PostgreSQL schema, and how to empty one again."""

    script: str
    # Tables in an order that deletes rows before the rows they refer to.
    tables: list[str]
    sequences: list[str]
    pool: list[tuple[str, str]] = field(default_factory=list)  # (schema, its fingerprint)


class MigratedTemplates:
    """The session's migrated templates, made on first use in whichever event loop asks.

    Each test has an event loop of its own, so nothing here holds a connection between tests.
    """

    def __init__(self) -> None:
        self._directory: Path | None = None
        self._sqlite: Path | None = None
        self._postgresql: dict[str, _Migrations] = {}
        # The catalogue's fingerprint of each schema handed out, taken when it was built.
        self._handed_out: dict[str, str] = {}

    async def copy_sqlite(self, to: Path) -> None:
        """Put a migrated, empty SQLite database at `to` (its folder is made if missing)."""
        if self._sqlite is None:
            # Two openings racing within one test would each make a template (the first one
            # done is kept), which is harmless; a lock could not span the tests' event loops.
            made = self._folder() / f"turnout-{uuid.uuid4().hex[:8]}.db"
            engine = make_engine(f"sqlite:///{made}")
            try:
                await migrate(engine)
            finally:
                # Every connection closed: the WAL is folded into the file, which is whole.
                await engine.dispose()
            self._sqlite = self._sqlite or made
        to.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self._sqlite, to)

    async def take_postgresql(self, admin: AsyncConnection, url: str) -> str:
        """A schema of its own for one test on the server at `url`: migrated and empty.

        `admin` is a connection in autocommit mode. The test's connections must carry the
        schema's name as their `application_name`; hand the schema back with `give_back`.
        """
        if url not in self._postgresql:
            self._postgresql[url] = await _record_migrations(url)
        migrations = self._postgresql[url]
        if migrations.pool:
            schema, fingerprint = migrations.pool.pop()
        else:
            schema = f"t_{uuid.uuid4().hex[:12]}"
            await admin.execute(text(f'CREATE SCHEMA "{schema}"'))
            await _run_script(admin, schema, migrations.script)
            fingerprint = await _fingerprint(admin, schema)
        self._handed_out[schema] = fingerprint
        return schema

    async def give_back(self, admin: AsyncConnection, url: str, schema: str) -> None:
        """Empty `schema` for another test, under a new name, or drop it if the test changed
        more than rows.

        A task the test left running can't write into the next test's data: the connections
        whose application_name is the schema's name are ended first, and a new one would find
        no tables under the name it knows.
        """
        migrations = self._postgresql[url]
        expected = self._handed_out.pop(schema)
        renamed = f"t_{uuid.uuid4().hex[:12]}"
        try:
            await _run_script(
                admin, schema, f'ALTER SCHEMA "{_quoted(schema)}" RENAME TO "{renamed}";', "2s"
            )
        except Exception:
            await drop_schema(admin, schema)
            return
        try:
            # Waits (up to 5 s) until each has gone, its open transaction rolled back.
            await admin.execute(
                text(
                    "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                    " WHERE application_name = :schema AND pid <> pg_backend_pid()"
                ),
                {"schema": schema},
            )
            await _run_script(admin, renamed, _emptying(migrations), lock_timeout="2s")
            kept = await _fingerprint(admin, renamed) == expected
        except Exception:
            kept = False  # e.g. a connection the test left open still holds a lock
        if kept:
            migrations.pool.append((renamed, expected))
        else:
            await drop_schema(admin, renamed)

    async def drop_pooled(self, url: str) -> None:
        """Drop the schemas kept for later tests (at the end of the session)."""
        migrations = self._postgresql.pop(url, None)
        if migrations is None or not migrations.pool:
            return
        admin = create_async_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
        try:
            async with admin.connect() as connection:
                for schema, _ in migrations.pool:
                    await drop_schema(connection, schema)
        finally:
            await admin.dispose()

    def _folder(self) -> Path:
        if self._directory is None:
            self._directory = Path(tempfile.mkdtemp(prefix="turnout-templates-"))
            atexit.register(shutil.rmtree, self._directory, ignore_errors=True)
        return self._directory


async def drop_schema(admin: AsyncConnection, schema: str) -> None:
    """Drop `schema` and everything in it; given up after a while if something holds a lock."""
    try:
        await _run_script(admin, schema, f'DROP SCHEMA "{_quoted(schema)}" CASCADE;', "10s")
    except Exception:
        # Left behind (named t_…) rather than hang the session on a test's stray connection.
        return


async def _record_migrations(url: str) -> _Migrations:
    """Run the real migrations on a new, empty schema and record what they changed, as SQL.

    The script is checked before it is used: replayed into a second schema, it must give
    exactly the catalogue the migrations gave, rows included.
    """
    migrated, replayed = (f"tpl_{uuid.uuid4().hex[:12]}" for _ in range(2))
    admin = create_async_engine(normalise_url(url), isolation_level="AUTOCOMMIT")
    recorded: list[tuple[str, Any]] = []

    def record(
        connection: Connection,
        cursor: DBAPICursor,
        statement: str,
        parameters: Any,
        context: ExecutionContext | None,
        executemany: bool,
    ) -> None:
        recorded.append((statement, parameters))

    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE SCHEMA "{migrated}"'))
            await connection.execute(text(f'CREATE SCHEMA "{replayed}"'))
        engine = make_engine(url, connect_args={"server_settings": {"search_path": migrated}})
        event.listen(engine.sync_engine, "before_cursor_execute", record)
        try:
            await migrate(engine)
        finally:
            await engine.dispose()
        script = _script(recorded)
        async with admin.connect() as connection:
            await _run_script(connection, replayed, script)
            built = await postgresql_catalogue(connection, migrated)
            copied = await postgresql_catalogue(connection, replayed)
            if built != copied:
                raise RuntimeError(
                    "replaying the recorded migrations gave another schema than running them:\n"
                    + _differences(built, copied)
                )
            tables, sequences = await _emptying_plan(connection, migrated)
        return _Migrations(script, tables, sequences)
    finally:
        async with admin.connect() as connection:
            for schema in (migrated, replayed):
                await drop_schema(connection, schema)
        await admin.dispose()


def _script(recorded: Sequence[tuple[str, Any]]) -> str:
    """The statements that changed the schema, as one script. Reads (the catalogue, the
    migration lock) are left out: replaying them would change nothing, and the replay is
    checked against the real thing anyway."""
    changes: list[str] = []
    for statement, parameters in recorded:
        if statement.lstrip().upper().startswith("SELECT"):
            continue
        if parameters:
            # A bound value can't go into a script; say so rather than replay it wrongly.
            raise RuntimeError(
                "a migration wrote with bound parameters; tests/templates.py must learn to "
                f"replay it: {statement[:80]!r} {parameters!r}"
            )
        changes.append(statement.strip())
    return ";\n".join(changes) + ";"


async def _emptying_plan(connection: AsyncConnection, schema: str) -> tuple[list[str], list[str]]:
    """The schema's tables, each after every table whose rows refer to it, and its sequences."""
    tables = (
        (
            await connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY 1"),
                {"schema": schema},
            )
        )
        .scalars()
        .all()
    )
    references = (
        await connection.execute(
            text(
                "SELECT child.relname, parent.relname FROM pg_constraint con"
                " JOIN pg_class child ON child.oid = con.conrelid"
                " JOIN pg_class parent ON parent.oid = con.confrelid"
                " JOIN pg_namespace ns ON ns.oid = child.relnamespace"
                " WHERE con.contype = 'f' AND ns.nspname = :schema"
            ),
            {"schema": schema},
        )
    ).all()
    sequences = (
        (
            await connection.execute(
                text("SELECT sequencename FROM pg_sequences WHERE schemaname = :schema ORDER BY 1"),
                {"schema": schema},
            )
        )
        .scalars()
        .all()
    )
    # Children first: a table is emptied once every table referring to it has been.
    referred_by: dict[str, set[str]] = {table: set() for table in tables}
    for child, parent in references:
        if child != parent:  # a table referring to itself is emptied by one DELETE
            referred_by[parent].add(child)
    ordered: list[str] = []
    while referred_by:
        ready = sorted(t for t, children in referred_by.items() if not children - set(ordered))
        if not ready:
            raise RuntimeError(f"foreign keys in a cycle: {sorted(referred_by)}")
        ordered += ready
        for table in ready:
            del referred_by[table]
    return [t for t in ordered if t != "alembic_version"], list(sequences)


def _emptying(migrations: _Migrations) -> str:
    deletes = "".join(f'DELETE FROM "{_quoted(t)}";\n' for t in migrations.tables)
    # As a new sequence is: its first nextval() gives its start.
    restarts = "".join(f'ALTER SEQUENCE "{_quoted(s)}" RESTART;\n' for s in migrations.sequences)
    return deletes + restarts


async def _run_script(
    connection: AsyncConnection, schema: str, script: str, lock_timeout: str = "0"
) -> None:
    """Run `script` in `schema`, in one transaction and one round trip (simple query)."""
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection  # an asyncpg connection
    try:
        await driver.execute(
            f'BEGIN; SET LOCAL search_path TO "{_quoted(schema)}";'
            f" SET LOCAL lock_timeout = '{lock_timeout}';\n{script}\nCOMMIT;"
        )
    except BaseException:
        # A failed statement leaves the script's transaction open; end it.
        await driver.execute("ROLLBACK")
        raise


def _quoted(name: str) -> str:
    return name.replace('"', '""')


# What a schema is made of, read from PostgreSQL's catalogue.
_CATALOGUE = {
    "columns": """
        SELECT table_name, column_name, ordinal_position, data_type, udt_name, is_nullable,
               column_default, character_maximum_length, numeric_precision, is_identity,
               collation_name
        FROM information_schema.columns WHERE table_schema = :schema""",
    "constraints": """
        SELECT rel.relname, con.conname, con.contype, pg_get_constraintdef(con.oid),
               con.condeferrable, con.condeferred
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid
        JOIN pg_namespace ns ON ns.oid = rel.relnamespace WHERE ns.nspname = :schema""",
    "indexes": """
        SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = :schema""",
    "relations": """
        SELECT c.relname, c.relkind, c.relpersistence FROM pg_class c
        JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE ns.nspname = :schema""",
    "sequences": """
        SELECT sequencename, data_type, start_value, min_value, max_value, increment_by,
               cycle, cache_size
        FROM pg_sequences WHERE schemaname = :schema""",
    "triggers": """
        SELECT rel.relname, t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t
        JOIN pg_class rel ON rel.oid = t.tgrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
        WHERE ns.nspname = :schema AND NOT t.tgisinternal""",
    "functions": """
        SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
        JOIN pg_namespace ns ON ns.oid = p.pronamespace WHERE ns.nspname = :schema""",
    "views": """
        SELECT viewname, definition FROM pg_views WHERE schemaname = :schema""",
}


async def postgresql_catalogue(
    connection: AsyncConnection, schema: str
) -> dict[tuple[str, str], object]:
    """Everything `schema` is made of (tables, columns, constraints, indexes, sequences,
    triggers, functions, views, and each table's rows), keyed by what it describes; the
    schema's own name is taken out, so that two schemas can be compared."""
    found: dict[tuple[str, str], object] = {}
    for part, query in _CATALOGUE.items():
        for row in await connection.execute(text(query), {"schema": schema}):
            cells = tuple(
                cell.replace(f'"{schema}".', "").replace(f"{schema}.", "")
                if isinstance(cell, str)
                else cell
                for cell in row
            )
            found[(part, " ".join(str(c) for c in cells[:2]))] = cells
    # Where each sequence stands (the fingerprint leaves it out: every insert moves it).
    for name, last_value in await connection.execute(
        text("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = :schema"),
        {"schema": schema},
    ):
        found[("sequence values", str(name))] = last_value
    relations = [found[key] for key in list(found) if key[0] == "relations"]
    for relation in relations:
        assert isinstance(relation, tuple)
        name, kind = relation[0], relation[1]
        if kind == "r":
            rows = await connection.execute(
                text(f'SELECT * FROM "{_quoted(schema)}"."{_quoted(str(name))}"')
            )
            found[("rows", str(name))] = sorted(repr(tuple(row)) for row in rows)
    return found


def _differences(one: dict[tuple[str, str], object], other: dict[tuple[str, str], object]) -> str:
    return "\n".join(
        f"  {key}: {one.get(key)!r} != {other.get(key)!r}"
        for key in sorted(one.keys() | other.keys())
        if one.get(key) != other.get(key)
    )


# One line per relation (with its columns), index, constraint, trigger, function and view,
# then the schema's migration version. Everything is found through indexes, starting from
# what pg_depend lists in the schema: a server whose catalogue is bloated (autovacuum off,
# thousands of schemas made and dropped) answers that in milliseconds, a scan takes 100.
_FINGERPRINT = """
WITH members AS (
    SELECT classid, objid FROM pg_depend
    WHERE refclassid = 'pg_namespace'::regclass AND refobjid = CAST(:schema AS regnamespace)
), rels AS (
    SELECT c.oid, c.relname, c.relkind FROM pg_class c
    WHERE c.oid IN (SELECT objid FROM members WHERE classid = 'pg_class'::regclass)
)
SELECT md5(replace(string_agg(line, E'\\n' ORDER BY line), :schema || '.', '')) FROM (
    SELECT r.relname || ' ' || r.relkind::text || ' ' || coalesce((
        SELECT string_agg(
            a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
                || a.attnotnull::text || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), ''),
            ', ' ORDER BY a.attnum)
        FROM pg_attribute a
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped), '')
    FROM rels r
    UNION ALL
    SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i WHERE i.indrelid IN (SELECT oid FROM rels)
    UNION ALL
    SELECT con.conname || ' ' || r.relname || ' ' || pg_get_constraintdef(con.oid)
    FROM pg_constraint con JOIN rels r ON r.oid = con.conrelid
    UNION ALL
    SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t
    WHERE t.tgrelid IN (SELECT oid FROM rels) AND NOT t.tgisinternal
    UNION ALL
    SELECT pg_get_functiondef(p.oid) FROM pg_proc p
    WHERE p.oid IN (SELECT objid FROM members WHERE classid = 'pg_proc'::regclass)
    UNION ALL
    SELECT pg_get_viewdef(r.oid) FROM rels r WHERE r.relkind = 'v'
    UNION ALL
    SELECT 'version ' || version_num FROM {schema}.alembic_version
) AS lines(line)
"""


async def _fingerprint(admin: AsyncConnection, schema: str) -> str:
    """A digest of `schema`'s catalogue and its migration version, cheap enough to take after
    every test: a test that changed more than rows changes it."""
    query = _FINGERPRINT.replace("{schema}", f'"{_quoted(schema)}"')
    return str(await admin.scalar(text(query), {"schema": schema}))


TEMPLATES = MigratedTemplates()
