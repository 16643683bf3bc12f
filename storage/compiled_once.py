"""Statements that storage runs again and again go straight to sqlite3 once SQLAlchemy has
compiled them (SQLite only).

Why: sqlite3 runs a hot-path statement (read a shift, add a sign-up) in 2 to 10 µs. SQLAlchemy's
execution around it (an execution context, parameters built and processed, events, a cursor
result and its metadata) costs 20 to 60 µs more, every time, for work whose answer is the same
each time the same statement object runs with the same parameter names. A join runs about ten
statements, so that was most of a join's CPU (bench/signups.py).

How: storage builds its statements once, as module constants with bind parameters. The first
time one runs with a given set of parameter names, SQLAlchemy runs it as usual and it is only
marked as seen, weakly (a statement built afresh for each call is never seen twice, and goes
with its object). The second time SQLAlchemy runs it again, and what that run needs is kept:
the statement compiled for SQLite (its SQL and the order of its parameters), the bind
processors of its types, and its result's metadata and row processors. From then on it runs
on sqlite3 with those: the parameters processed as SQLAlchemy processes them, the rows as
SQLAlchemy would process them, and a SQLAlchemy result built from the kept metadata (a
FrozenResult), so the repositories read `row[column]`, `.scalar_one()` and `.rowcount` as
before. A list expanded for IN is rendered for each run, as SQLAlchemy renders it. At most
CompiledOnce.LIMIT statements are kept, the least recently run dropped first. The
`before_cursor_execute` event still fires (with no execution context), so statement counts
and logs see every statement.

What is never run this way: a statement that fills in Python-side column defaults, runs on a
thread (a long read), or returns rows or expands a list from an executemany; a write or a hold
in a reader (SQLAlchemy's path refuses it, see storage/engine.py). A statement that fails
raises the error SQLAlchemy would (sqlite3's, wrapped as a sqlalchemy.exc.DBAPIError); one
that finds the file locked by another process ran nothing, and goes again through the
asyncio API, which waits the lock out. PostgreSQL never comes here.

SQLAlchemy keeps two things this needs behind private names, read here and nowhere else:
`SQLCompiler._bind_processors` (each parameter's bind processor, exactly as its execution
uses them) and a cursor result's `_metadata`, with its `_processors` and `_tuplefilter`
(each result column's processor). tests/integration/test_compiled_once.py runs statements
of every kind both ways and compares, so an upgrade that changes them fails there first.
"""

import sqlite3
import weakref
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import ClauseElement, Connection, CursorResult, Executable
from sqlalchemy.engine import FrozenResult, Result
from sqlalchemy.sql.compiler import SQLCompiler

from storage.options import HOLDS, ON_A_THREAD, READER


class Prepared:
    """One statement with one set of parameter names, compiled for SQLite."""

    __slots__ = (
        "bind_processors",
        "compiled",
        "expands",
        "frozen",
        "many",
        "processors",
        "slots",
        "sql",
        "writes",
    )

    def __init__(
        self,
        compiled: SQLCompiler,
        frozen: FrozenResult[Any] | None,
        processors: Sequence[Callable[[Any], Any] | None] | None,
        *,
        many: bool,
        writes: bool,
    ) -> None:
        self.sql = compiled.string
        self.compiled = compiled
        self.bind_processors = cast(Mapping[str, Callable[[Any], Any]], compiled._bind_processors)
        # A statement with a list to expand (IN) is rendered anew for each run.
        self.expands = bool(compiled.post_compile_params or compiled.literal_execute_params)
        by_name = {name: parameter for parameter, name in compiled.bind_names.items()}
        # For each `?` in turn: where its value comes from, and its bind processor.
        self.slots = [
            (by_name[name].key, name, by_name[name], self.bind_processors.get(name))
            for name in compiled.positiontup or ()
        ]
        self.frozen = frozen
        self.processors = processors if processors and any(processors) else None
        self.many = many
        # A write, or a read that holds rows for one: a reader must not run it.
        self.writes = writes

    def runs_on(self, connection: Connection) -> bool:
        """Whether it may run straight on sqlite3 on `connection` now."""
        options = connection.get_execution_options()
        if not options:
            return True
        return not options.get(ON_A_THREAD) and not (self.writes and options.get(READER))

    def statement(self, given: Mapping[str, Any] | None) -> tuple[str, tuple[Any, ...]]:
        """The SQL and its parameters, processed as SQLAlchemy's execution processes them
        (DefaultExecutionContext._init_compiled, for a positional paramstyle)."""
        if self.expands:
            expanded = self.compiled.construct_expanded_state(given, escape_names=False)
            processors = {**self.bind_processors, **expanded.processors}
            values = expanded.parameters
            return expanded.statement, tuple(
                values[name] if (process := processors.get(name)) is None else process(values[name])
                for name in expanded.positiontup or ()
            )
        given = given or {}
        parameters = []
        for key, name, parameter, process in self.slots:
            if key in given:
                value = given[key]
            elif name in given:
                value = given[name]
            elif parameter.required:
                # Missing: SQLAlchemy says so as it always does.
                self.compiled.construct_params(given, escape_names=False)
                raise AssertionError(f"no value for {key!r}")
            else:
                value = parameter.effective_value if parameter.callable else parameter.value
            parameters.append(value if process is None else process(value))
        return self.sql, tuple(parameters)

    def result(self, cursor: sqlite3.Cursor) -> Any:
        if self.frozen is None:
            return _Changed(cursor.rowcount)
        rows = cursor.fetchall()
        processors = self.processors
        if processors is not None:
            rows = [
                tuple(
                    value if process is None else process(value)
                    for process, value in zip(processors, row, strict=True)
                )
                for row in rows
            ]
        result = self.frozen.with_new_rows(rows)()
        result.rowcount = cursor.rowcount  # type: ignore[attr-defined]
        return result


class _Changed:
    """What a write without RETURNING answers: how many rows it changed."""

    __slots__ = ("rowcount",)

    def __init__(self, rowcount: int) -> None:
        self.rowcount = rowcount

    def close(self) -> None:
        """Nothing is held open."""


class CompiledOnce:
    """The statements kept for one engine.

    A statement seen once is remembered weakly (it goes with its object); one kept holds its
    object (the compiled form refers to it), so at most LIMIT are kept, the least recently run
    dropped first: a statement built afresh for each call of a function that runs it in a
    loop is kept too, and must not be kept forever.
    """

    LIMIT = 1000

    def __init__(self) -> None:
        self._seen: weakref.WeakKeyDictionary[Executable, set[Any]] = weakref.WeakKeyDictionary()
        self._kept: OrderedDict[tuple[Executable, Any], Prepared] = OrderedDict()

    def lookup(self, statement: Any, parameters: Any) -> tuple[Any, Prepared | None, bool]:
        """(its key, what is kept for it, whether this run should keep it)."""
        if not isinstance(statement, Executable) or not isinstance(statement, ClauseElement):
            return None, None, False
        many = isinstance(parameters, list) and len(parameters) > 1
        first = parameters[0] if isinstance(parameters, list) and parameters else parameters
        key = (tuple(sorted(first)) if first else (), many)
        kept = self._kept.get((statement, key))
        if kept is not None:
            self._kept.move_to_end((statement, key))
            return key, None if kept is _NEVER else kept, False
        try:
            seen = self._seen.setdefault(statement, set())
        except TypeError:  # not weakly referenceable
            return None, None, False
        if key in seen:
            return key, None, True
        seen.add(key)
        return key, None, False

    def keep(self, statement: Any, key: Any, connection: Connection, result: Any) -> Any:
        """Keep what `result` (this statement's run through SQLAlchemy) needs for the next
        runs; return the result to hand back (its rows still to read)."""
        if not isinstance(result, CursorResult):
            return result
        prepared, result = _prepared(statement, key, connection, result)
        self._kept[(statement, key)] = prepared
        if len(self._kept) > self.LIMIT:
            self._kept.popitem(last=False)
        return result

    def __len__(self) -> int:
        return len(self._kept)


def _prepared(
    statement: Any, key: Any, connection: Connection, result: CursorResult[Any]
) -> tuple[Prepared, Any]:
    """What to keep for `statement` (or _NEVER), and the result to hand back."""
    names, many = key
    compiled = statement.compile(
        dialect=connection.dialect, column_keys=list(names), for_executemany=many
    )
    metadata: Any = result._metadata if result.returns_rows else None
    plain = (
        isinstance(compiled, SQLCompiler)
        and compiled.positional
        and not (many and (compiled.post_compile_params or compiled.literal_execute_params))
        and not compiled.insert_prefetch
        and not compiled.update_prefetch
        and not (many and metadata is not None)
        and (metadata is None or metadata._tuplefilter is None)
    )
    if not plain:
        return _NEVER, result
    assert isinstance(compiled, SQLCompiler)
    writes = statement.is_dml or bool(statement.get_execution_options().get(HOLDS))
    if metadata is None:
        return Prepared(compiled, None, None, many=many, writes=writes), result
    processors = list(metadata._processors)
    frozen = result.freeze()
    kept = Prepared(compiled, frozen.with_new_rows([]), processors, many=many, writes=writes)
    return kept, frozen()


class _NeverKept(Prepared):
    """Marks a statement that must always go through SQLAlchemy."""

    __slots__ = ()

    def __init__(self) -> None:
        pass


_NEVER = _NeverKept()


def run(
    prepared: Prepared, connection: Connection, sqlite: sqlite3.Connection, parameters: Any
) -> Result[Any] | _Changed:
    """Run `prepared` on `sqlite` with `parameters` (a mapping, or a list of them)."""
    if prepared.many:
        rows = [prepared.statement(one)[1] for one in parameters]
        connection.dispatch.before_cursor_execute(connection, None, prepared.sql, rows, None, True)
        return prepared.result(sqlite.executemany(prepared.sql, rows))
    if isinstance(parameters, list):
        parameters = parameters[0] if parameters else None
    sql, values = prepared.statement(parameters)
    connection.dispatch.before_cursor_execute(connection, None, sql, values, None, False)
    return prepared.result(sqlite.execute(sql, values))
