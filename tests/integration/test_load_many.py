"""Reading ahead: repositories' load_many reads a batch in one query per table, and answers
the single-row reads that follow from memory, as they would have answered from the database."""

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, event
from sqlalchemy.engine.interfaces import DBAPICursor, ExecutionContext

from bot.domain.signup import SignupStatus
from storage import SqlStorage, SqlUnitOfWork
from tests.conftest import Harness
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 10 https://dialer.example/sat'
# Sat Nov 7, 6:00 PM EST is 23:00 UTC; the harness's clock starts Mon Nov 2, 14:00 UTC.
STARTS = datetime(2026, 11, 7, 23, 0, tzinfo=UTC)
READ_AHEAD = ("campaigns", "volunteers", "identities", "shifts", "signups")


@contextmanager
def reads(storage: SqlStorage) -> Iterator[Counter[str]]:
    """Every SELECT sent while the block runs, counted by the table it reads first."""
    counted = Counter[str]()

    def record(
        connection: Connection,
        cursor: DBAPICursor,
        statement: str,
        parameters: Sequence[Any],
        context: ExecutionContext | None,
        executemany: bool,
    ) -> None:
        found = re.match(r"\s*SELECT\s.*?\sFROM\s+\(?\s*(\w+)", statement, re.S | re.I)
        counted[found.group(1) if found else statement.split()[0]] += 1

    event.listen(storage.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield counted
    finally:
        event.remove(storage.engine.sync_engine, "before_cursor_execute", record)


async def test_load_many_reads_each_table_once_and_answers_like_the_database(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        people = [await a_volunteer(uow, team.campaign_id, name) for name in ("Ana", "Bo", "Cy")]
        shifts = [await a_shift(uow, team.campaign_id, people[0].id) for _ in range(2)]
        for shift in shifts:
            hold = await held(uow, shift)
            for person in people[:2]:
                await uow.signups.add(hold, person.id, SignupStatus.CONFIRMED, NOW)
        await uow.commit()
    pairs = [(s.id, p.id) for s in shifts for p in people]

    async def everything(uow: SqlUnitOfWork) -> list[object]:
        return [
            await uow.campaigns.get(team.campaign_id),
            *[await uow.volunteers.get(p.id) for p in people],
            *[list(await uow.volunteers.identities(p.id)) for p in people],
            *[await uow.shifts.get(s.id) for s in shifts],
            *[await uow.signups.active(shift_id, volunteer_id) for shift_id, volunteer_id in pairs],
        ]

    async with storage.unit_of_work(write=False) as uow:
        one_by_one = await everything(uow)
    async with storage.unit_of_work(write=False) as uow:
        with reads(storage) as loading:
            await uow.campaigns.load_many([team.campaign_id])
            await uow.volunteers.load_many([p.id for p in people])
            await uow.shifts.load_many([s.id for s in shifts])
            await uow.signups.load_many(pairs)
        with reads(storage) as answering:
            from_memory = await everything(uow)

    assert {table: loading[table] for table in READ_AHEAD} == dict.fromkeys(READ_AHEAD, 1)
    assert sum(loading.values()) == len(READ_AHEAD)
    assert sum(answering.values()) == 0
    assert from_memory == one_by_one
    assert [a is None for a in from_memory[-len(pairs) :]] == [False, False, True] * 2


async def test_load_many_reads_nothing_for_nothing_or_what_it_already_has(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        ana = await a_volunteer(uow, team.campaign_id, "Ana")
        await uow.commit()
    async with storage.unit_of_work(write=False) as uow:
        await uow.volunteers.load_many([ana.id])
        with reads(storage) as again:
            await uow.campaigns.load_many([])
            await uow.volunteers.load_many([ana.id])
            await uow.shifts.load_many(set())
            await uow.signups.load_many([])
    assert sum(again.values()) == 0


async def test_a_write_forgets_what_load_many_read(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        ana = await a_volunteer(uow, team.campaign_id, "Ana")
        await uow.commit()
    async with storage.unit_of_work() as uow:
        await uow.volunteers.load_many([ana.id])
        await uow.volunteers.save(replace(await uow.volunteers.get(ana.id), display_name="Ana B"))
        assert (await uow.volunteers.get(ana.id)).display_name == "Ana B"


async def test_a_batch_of_reminders_reads_each_table_once_however_many_it_holds(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CREATE)
    for name in ("Ana", "Bo", "Cy", "Di", "Ed", "Flo"):
        await harness.say(name, "/phonebank join 1")
    harness.messenger.clear()

    harness.clock.advance(STARTS - timedelta(hours=24) - harness.clock.now())
    with reads(harness.storage) as batch:
        report = await harness.deliver()

    assert report.sent == 6
    assert {table: batch[table] for table in READ_AHEAD} == dict.fromkeys(READ_AHEAD, 1)
