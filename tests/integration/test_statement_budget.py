"""What the hot path costs the database, counted (not timed): a newcomer's join, a returning
volunteer's join, and a leave that promotes the first person waiting.

Each is held to a stated number of SQL statements and of round trips, so the next feature
that adds one to a join has to raise the number here and say why. Statements are what
SQLAlchemy hands the driver (before_cursor_execute: BEGIN included, an executemany once);
round trips are those plus each COMMIT and ROLLBACK sent on its own. On SQLite a round trip is
a call into sqlite3 on the event loop's thread; on PostgreSQL one trip over the network, plus
a BEGIN that asyncpg sends without telling SQLAlchemy (not counted here).
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event

from bot.ports.replies import Message
from storage import SqlStorage
from tests.conftest import Harness
from tests.render import text_of

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h {seats}'


@dataclass(frozen=True)
class Budget:
    statements: int
    round_trips: int


# Every budget on SQLite is PostgreSQL's plus one: its BEGIN IMMEDIATE is a statement of ours.
# Each round-trip budget is the statement budget plus one: the COMMIT.
#
# A newcomer's join: the team with its campaign; who they are (no one yet); the volunteer row
# with its follow-up due time (numbered from the campaign's counter: an upsert of its own on
# SQLite, folded into the COMMIT-time CTE on PostgreSQL), their identity; the welcome and the
# organizers' "new volunteer" notices (one executemany); the shift, held; their sign-ups on it
# (none); leftover notices of an earlier seat, cancelled; the sign-up; its seven notices (reminders,
# check-in, debrief, follow-ups, confirmation check: one executemany); the calendar entry's
# revision (one upsert); the live posts that owe an edit (one UPDATE).
NEWCOMER_JOINS = {"sqlite": Budget(14, 15), "postgresql": Budget(13, 14)}
# A returning volunteer's join: a newcomer's, less the counter, the volunteer and identity
# writes and the welcome notices.
RETURNING_JOINS = {"sqlite": Budget(10, 11), "postgresql": Budget(9, 10)}
# A leave that promotes: the team; the volunteer; the shift, held; their sign-up; cancelled,
# with its pending notices; the seats counted; the first person waiting, promoted; who they
# are; their seat's notices (one executemany) and the promotion's own notice; the live posts.
LEAVE_WITH_PROMOTION = {"sqlite": Budget(14, 15), "postgresql": Budget(13, 14)}
# A returning volunteer's join of a position (a shift with positions only; one without costs
# what it did before): theirs, plus the shift's positions read once to pick the one named
# and the seats counted per position to place it (the shift-wide count goes unused there).
RETURNING_JOINS_A_POSITION = {"sqlite": Budget(12, 13), "postgresql": Budget(11, 12)}


@contextmanager
def counted(storage: SqlStorage) -> Iterator[Counter[str]]:
    """What `storage` sends its database meanwhile: statements and round trips."""
    sent: Counter[str] = Counter()

    def statement(*args: Any) -> None:
        sent["statements"] += 1
        sent["round trips"] += 1

    def end_of_transaction(*args: Any) -> None:
        sent["round trips"] += 1

    engine = storage.engine.sync_engine
    listeners = [
        ("before_cursor_execute", statement),
        ("commit", end_of_transaction),
        ("rollback", end_of_transaction),
    ]
    for name, listener in listeners:
        event.listen(engine, name, listener)
    try:
        yield sent
    finally:
        for name, listener in listeners:
            event.remove(engine, name, listener)


def assert_within(sent: Counter[str], budget: Budget) -> None:
    assert sent["statements"] <= budget.statements
    assert sent["round trips"] <= budget.round_trips


async def join(harness: Harness, name: str, shift: int) -> Message:
    reply = await harness.reply(name, f"/phonebank join {shift}")
    assert isinstance(reply, Message)
    assert not reply.error
    return reply


async def test_a_newcomers_join_stays_within_its_budget(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=5))
    with counted(harness.storage) as sent:
        await join(harness, "Maria", 1)
    assert_within(sent, NEWCOMER_JOINS[harness.storage.dialect_name])


async def test_a_newcomer_whose_platform_names_a_zone_and_language_costs_no_more(
    harness: Harness,
) -> None:
    # Slack's profile and Discord's interaction say where and in what language a person
    # reads: both go into the newcomer's INSERT, not into an UPDATE after it.
    await harness.say("Olivia", CREATE.format(seats=5))
    maria = replace(harness.actor("Maria"), timezone="America/Chicago", locale="es")
    with counted(harness.storage) as sent:
        reply = await harness.bot.turnout.run_text(maria, "/phonebank join 1")
    assert isinstance(reply, Message) and not reply.error
    assert_within(sent, NEWCOMER_JOINS[harness.storage.dialect_name])
    async with harness.storage.unit_of_work(write=False) as uow:
        stored = await uow.volunteers.by_identity(maria.identity)
    assert stored is not None
    assert (stored.platform_timezone, stored.platform_language) == ("America/Chicago", "es")


async def test_a_returning_volunteers_join_stays_within_its_budget(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=5))
    await harness.say("Olivia", CREATE.format(seats=5))
    await join(harness, "Maria", 1)
    with counted(harness.storage) as sent:
        await join(harness, "Maria", 2)
    assert_within(sent, RETURNING_JOINS[harness.storage.dialect_name])


async def test_a_leave_that_promotes_stays_within_its_budget(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=1))
    await join(harness, "Maria", 1)
    await join(harness, "Sam", 1)
    with counted(harness.storage) as sent:
        reply = await harness.reply("Maria", "/phonebank leave 1")
    assert isinstance(reply, Message) and not reply.error
    await harness.deliver()
    told_sam = [text_of(s.reply) for s in harness.messenger.sent if s.to == "sam"]
    assert any("you're now confirmed" in told for told in told_sam)
    assert_within(sent, LEAVE_WITH_PROMOTION[harness.storage.dialect_name])


async def test_a_join_of_a_position_stays_within_its_budget(harness: Harness) -> None:
    await harness.say("Olivia", CREATE.format(seats=5))
    await harness.say("Olivia", CREATE.format(seats=5))
    await harness.say("Olivia", "/phonebank positions 2 driver:2 canvasser:3")
    await join(harness, "Maria", 1)
    with counted(harness.storage) as sent:
        reply = await harness.reply("Maria", "/phonebank join 2 driver")
    assert isinstance(reply, Message) and "You're there as driver." in reply.text
    print(f"\n[{harness.storage.dialect_name}] a join of a position: {dict(sent)}")
    assert_within(sent, RETURNING_JOINS_A_POSITION[harness.storage.dialect_name])


async def test_a_batch_of_reminders_reads_what_happened_on_their_sign_ups_in_one_query(
    harness: Harness,
) -> None:
    # "I'll be there?" goes on a reminder only until the volunteer has said so: each reminder
    # asks its sign-up's record, which the batch reads ahead once (bot/kernel/outbox/ready.py).
    await harness.say("Olivia", CREATE.format(seats=12))
    for n in range(12):
        await join(harness, f"Volunteer {n}", 1)
    await harness.deliver()
    # The morning of the shift: the day-ahead reminders are due, the hour-ahead ones not yet.
    harness.clock.advance(datetime(2026, 11, 7, 12, tzinfo=UTC) - harness.clock.now())
    reads: list[str] = []

    def record(*args: Any) -> None:
        if "FROM attendance" in args[2]:
            reads.append(args[2])

    engine = harness.storage.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    try:
        report = await harness.deliver()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    reminded = [s for s in harness.messenger.sent if "Reminder" in text_of(s.reply)]
    assert len(reminded) == 12 and report.sent >= 12
    # One read for the whole batch, not one per reminder (a shift-wide read may come too).
    assert [read for read in reads if "attendance.signup_id = ?" in read] == []
    assert 1 <= len(reads) <= 2, reads
