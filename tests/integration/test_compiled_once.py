"""A statement storage has run before goes straight to sqlite3 (storage/compiled_once.py), and
answers exactly what SQLAlchemy's own execution answers: the same rows read by column or by
name, the same processed values, rowcounts, errors and refusals.

Each statement runs three times: the first two through SQLAlchemy (seen, then kept), the third
straight on sqlite3. `before_execute` fires only on SQLAlchemy's path, so it tells the two apart.
"""

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from itertools import count
from typing import Any

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    bindparam,
    delete,
    event,
    func,
    insert,
    literal,
    select,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.ports.storage import NeedsWriteTurn
from storage import SqlStorage
from storage.columns import JsonText, Minutes, UtcDateTime
from storage.compiled_once import CompiledOnce
from storage.options import HOLDS

scratch = MetaData()
people = Table(
    "compiled_once_people",
    scratch,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("seen_at", UtcDateTime, nullable=True),
    Column("wait", Minutes, nullable=True),
    Column("notes", JsonText, nullable=True),
)
MOMENT = datetime(2026, 11, 7, 18, 30, tzinfo=UTC)
_serial = count(1)

BY_NAME = select(people).where(people.c.name == bindparam("name"))
SOME = select(people.c.id, people.c.name).where(people.c.id.in_(bindparam("ids", expanding=True)))
ALL = select(func.count()).select_from(people)
BY_ID = select(people).where(people.c.id == bindparam("id"))
COUNTED = select(func.count(people.c.id).label("n")).where(people.c.seen_at < bindparam("before"))
ADD = insert(people).returning(people.c.id, people.c.seen_at)
ADD_MANY = insert(people)
RENAME = update(people).where(people.c.name == bindparam("old")).values(name=bindparam("new"))
FORGET = delete(people).where(people.c.name == bindparam("gone"))
# A literal in the statement itself and a bind parameter whose value is computed at each run.
STAMPED: Select[str, int] = select(
    literal("fixed").label("word"), bindparam("now", type_=Integer, callable_=lambda: next(_serial))
)
HELD = BY_NAME.execution_options(**{HOLDS: True})


@pytest.fixture
async def storage(sqlite_storage: SqlStorage) -> AsyncIterator[SqlStorage]:
    async with sqlite_storage.engine.begin() as connection:
        await connection.run_sync(scratch.create_all)
    yield sqlite_storage


def row(name: str) -> dict[str, Any]:
    return {
        "name": name,
        "seen_at": MOMENT,
        "wait": timedelta(minutes=90),
        "notes": {"said": "hi", "n": 2},
    }


class Paths:
    """How many runs took SQLAlchemy's path."""

    def __init__(self, connection: AsyncConnection) -> None:
        self.through_sqlalchemy = 0
        assert connection.sync_connection is not None
        event.listen(connection.sync_connection, "before_execute", self._count)

    def _count(self, *args: Any) -> None:
        self.through_sqlalchemy += 1


async def thrice(connection: AsyncConnection, run: Callable[[], Any], paths: Paths) -> list[Any]:
    """What `run` answers each time; the third must not have gone through SQLAlchemy."""
    answers = []
    for time in range(3):
        before = paths.through_sqlalchemy
        answers.append(await run())
        assert (paths.through_sqlalchemy == before) == (time == 2), f"run {time + 1}"
    return answers


async def test_reads_answer_the_same_rows_processed_the_same_way(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        db = uow.connection
        paths = Paths(db)
        await db.execute(ADD_MANY, [row("Ana"), row("Ben"), row("Cy")])

        async def by_name() -> Any:
            found = (await db.execute(BY_NAME, {"name": "Ben"})).mappings().one()
            return (found[people.c.name], found["seen_at"], found[people.c.wait], found["notes"])

        answers = await thrice(db, by_name, paths)
        assert answers == [("Ben", MOMENT, timedelta(minutes=90), {"said": "hi", "n": 2})] * 3
        assert answers[2][1].tzinfo is UTC

        async def some() -> Any:
            return (await db.execute(SOME, {"ids": [1, 3]})).all()

        assert await thrice(db, some, paths) == [[(1, "Ana"), (3, "Cy")]] * 3

        async def counted() -> Any:
            return (await db.execute(COUNTED, {"before": MOMENT + timedelta(1)})).scalar_one()

        assert await thrice(db, counted, paths) == [3, 3, 3]

        async def nothing() -> Any:
            return (await db.execute(BY_ID, {"id": 99})).first()

        assert await thrice(db, nothing, paths) == [None, None, None]


async def test_literals_and_computed_values_are_the_statement_s_own(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        db = uow.connection
        paths = Paths(db)

        async def stamped() -> Any:
            return tuple((await db.execute(STAMPED)).one())

        first, second, third = await thrice(db, stamped, paths)
        assert first[0] == second[0] == third[0] == "fixed"
        assert first[1] < second[1] < third[1]


async def test_writes_return_and_count_the_same(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        db = uow.connection
        paths = Paths(db)
        names = iter(["Dee", "Eve", "Fay"])

        async def add() -> Any:
            added = (await db.execute(ADD, row(next(names)))).one()
            return added.seen_at

        assert await thrice(db, add, paths) == [MOMENT] * 3
        renames = iter([("Dee", "Dot"), ("Eve", "Eva"), ("nobody", "Zed")])

        async def rename() -> Any:
            old, new = next(renames)
            return (await db.execute(RENAME, {"old": old, "new": new})).rowcount

        assert await thrice(db, rename, paths) == [1, 1, 0]
        batches = iter([["G1", "G2"], ["H1", "H2"], ["I1", "I2", "I3"]])

        async def add_many() -> Any:
            await db.execute(ADD_MANY, [row(name) for name in next(batches)])

        await thrice(db, add_many, paths)
        assert (await db.execute(ALL)).scalar_one() == 10
        gone = iter(["G1", "H1", "nobody"])

        async def forget() -> Any:
            return (await db.execute(FORGET, {"gone": next(gone)})).rowcount

        assert await thrice(db, forget, paths) == [1, 1, 0]
        await uow.commit()
    async with storage.unit_of_work(write=False) as uow:
        stored = (await uow.connection.execute(BY_NAME, {"name": "Fay"})).mappings().one()
        assert stored["notes"] == {"said": "hi", "n": 2}


async def test_errors_are_sqlalchemy_s_and_change_nothing(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        db = uow.connection
        await db.execute(ADD_MANY, [row("Ana")])
        for _ in range(2):
            await db.execute(ADD, row("Ben"))
            await db.execute(FORGET, {"gone": "Ben"})
        with pytest.raises(sa_exc.IntegrityError):
            await db.execute(ADD, row("Ana"))
        with pytest.raises(sa_exc.StatementError, match="gone"):
            await db.execute(FORGET, {})
        total = (await db.execute(ALL)).scalar_one()
        assert total == 1


async def test_a_reader_still_may_not_write_or_hold(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        for _ in range(3):
            await uow.connection.execute(ADD_MANY, [row("Ana")])
            await uow.connection.execute(FORGET, {"gone": "Ana"})
            await uow.connection.execute(HELD, {"name": "Ana"})
    async with storage.unit_of_work(write=False) as uow:
        with pytest.raises(NeedsWriteTurn):
            await uow.connection.execute(FORGET, {"gone": "Ana"})
    async with storage.unit_of_work(write=False) as uow:
        with pytest.raises(NeedsWriteTurn):
            await uow.connection.execute(HELD, {"name": "Ana"})


async def test_what_is_kept_stays_bounded_and_a_statement_run_once_is_not_kept(
    storage: SqlStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(CompiledOnce, "LIMIT", 5)
    async with storage.unit_of_work() as uow:
        db = uow.connection
        raw = await db.get_raw_connection()
        kept = raw.dbapi_connection.statements  # type: ignore[union-attr]
        assert isinstance(kept, CompiledOnce)
        before = len(kept)
        # Run once: only remembered as seen, weakly.
        await db.execute(select(people.c.id).where(people.c.name == bindparam("n")), {"n": "A"})
        assert len(kept) == before
        # Built afresh for each call and run three times in it, as a batched erasure does.
        for n in range(20):
            each = select(people.c.id).where(people.c.id > bindparam("n"))
            for _ in range(3):
                await db.execute(each, {"n": n})
        assert len(kept) == CompiledOnce.LIMIT
