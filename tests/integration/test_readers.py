"""Read-only commands on SQLite read beside the writer instead of queueing for its turn."""

import asyncio
from datetime import timedelta

import pytest

from bot.catalogue import catalogue
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Listing
from bot.ports.storage import NeedsWriteTurn, UnitOfWork
from bot.signups.commands import ListShifts
from storage import SqlStorage
from tests.conftest import Harness
from tests.fakes import frozen_clock

NEWCOMER = Actor(Identity("test", "T", "newcomer"), "Nia")


async def add_team(uow: UnitOfWork) -> None:
    await uow.campaigns.add_team(
        "test",
        "T",
        campaign_name="C",
        timezone="UTC",
        reminder_offsets=(),
        contact_within=timedelta(hours=1),
        now=frozen_clock().now(),
    )


async def test_a_reader_reads_while_a_writer_holds_the_turn(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        await add_team(uow)
        await uow.commit()

    async def read() -> object:
        async with storage.unit_of_work(write=False) as reader:
            return await reader.campaigns.team("test", "T")

    async with storage.unit_of_work():
        # The writer has the turn; on SQLite a second writer would wait here, a reader does not.
        team = await asyncio.wait_for(read(), timeout=5)
    assert team is not None


async def test_a_reader_that_writes_or_holds_is_refused_and_nothing_is_kept(
    storage: SqlStorage,
) -> None:
    if storage.dialect_name != "sqlite":
        pytest.skip("on PostgreSQL every unit of work may write")
    with pytest.raises(NeedsWriteTurn):
        async with storage.unit_of_work(write=False) as uow:
            await add_team(uow)
    with pytest.raises(NeedsWriteTurn):
        async with storage.unit_of_work(write=False) as uow:
            await uow.shifts.hold(1, 1)
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("test", "T") is None


async def test_a_newcomer_s_list_stores_nobody_and_a_rename_seen_by_a_reader_reruns(
    harness: Harness,
) -> None:
    reply = await harness.bot.turnout.handle(ListShifts(NEWCOMER))
    assert isinstance(reply, Listing), reply
    async with harness.storage.unit_of_work() as uow:
        assert await uow.volunteers.by_identity(NEWCOMER.identity) is None
    await harness.bot.turnout.welcome(NEWCOMER)
    # Known now; her list starts as a reader, and the new name must still be saved.
    renamed = Actor(NEWCOMER.identity, "Nia B.")
    reply = await harness.bot.turnout.handle(ListShifts(renamed))
    assert isinstance(reply, Listing), reply
    async with harness.storage.unit_of_work() as uow:
        stored = await uow.volunteers.by_identity(NEWCOMER.identity)
    assert stored is not None and stored.display_name == "Nia B."


def test_every_reader_is_a_command_turnout_handles() -> None:
    assert catalogue().handlers.keys() >= catalogue().readers()
