"""A typed line costs what its command costs: the dispatcher looks at the queue after a line
only when something can have fallen due (the line queued a notice, or the clock reached the
next one due)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import event

from storage import SqlStorage
from tests.adapters.console.conftest import SATURDAY_CALLS, Console


@contextmanager
def statements(storage: SqlStorage) -> Iterator[list[str]]:
    """The SQL `storage` sends meanwhile, with each transaction's end as COMMIT or ROLLBACK."""
    sent: list[str] = []

    def record(*args: Any) -> None:
        sent.append(args[2])

    listeners = [
        ("before_cursor_execute", record),
        ("commit", lambda _connection: sent.append("COMMIT")),
        ("rollback", lambda _connection: sent.append("ROLLBACK")),
    ]
    for name, listener in listeners:
        event.listen(storage.engine.sync_engine, name, listener)
    try:
        yield sent
    finally:
        for name, listener in listeners:
            event.remove(storage.engine.sync_engine, name, listener)


async def test_a_line_that_queues_nothing_does_not_look_at_the_queue(
    console: Console, storage: SqlStorage
) -> None:
    await console.type(SATURDAY_CALLS, ":as Maria", "/phonebank join 1")

    with statements(storage) as sent:
        shown = await console.type("/phonebank list")

    assert "Saturday calls" in shown
    assert [s for s in sent if "notices" in s] == []


async def test_a_line_typed_once_a_reminder_is_due_delivers_it(console: Console) -> None:
    await console.type(SATURDAY_CALLS, ":as Maria", "/phonebank join 1", "/phonebank list")
    # Friday 7:00 PM, an hour after the day-before reminder fell due (no :advance: the clock
    # alone moved).
    console.clock.advance(timedelta(days=4, hours=10))

    shown = await console.type("/phonebank list")

    assert "(#1) starts in 23 hours" in shown, shown


async def test_a_join_whose_notices_fall_due_later_is_one_unit_of_work(
    console: Console, storage: SqlStorage
) -> None:
    await console.type(SATURDAY_CALLS, SATURDAY_CALLS, ":as Maria", "/phonebank join 1")

    with statements(storage) as sent:
        shown = await console.type("/phonebank join 2")

    assert "You're in" in shown, shown
    # The join's own transaction; none for the dispatcher, as nothing it queued is due yet.
    assert [s for s in sent if s in ("COMMIT", "ROLLBACK")] == ["COMMIT"], sent
