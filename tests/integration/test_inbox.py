"""Nothing acknowledged is lost to a crash, and nothing runs twice: a command is recorded in the
inbox before the platform hears "got it", marked done with its changes, and what a stopped
process left waiting is run (or its sender told to send it again) by whichever process looks
next. A newcomer who arrives while the database is away is welcomed once it is back."""

import sqlite3
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, make_url, select

from bot.app.arrivals import LEASE, NOT_RECORDED, REPLAY_WITHIN, Receipt, Slash, Welcome
from bot.app.recovery import Recovery
from bot.app.turnout import ALREADY_DONE, TRY_AGAIN, Turnout
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Reply
from storage import SqlStorage
from storage.tables import inbox
from tests.conftest import Database, Harness
from tests.fakes import ORGANIZERS
from tests.render import text_of

SHIFT = '/phonebank create "Doors" 2026-11-10 18:00 2h 2'


class Replayer:
    """Recovery's way to the test's people: they are who they were, and answers are kept."""

    platform = "test"

    def __init__(self, harness: Harness) -> None:
        self.harness = harness
        self.answers: list[tuple[str, str]] = []

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        return self.harness.actor(identity.user_external_id.capitalize())

    async def answer(self, identity: Identity, route: Mapping[str, Any], reply: Reply) -> None:
        self.answers.append((identity.user_external_id, text_of(reply)))


def another_process(harness: Harness) -> Turnout:
    """A second process on the same database (one that dies, or the one started after)."""
    return Turnout(
        storage=harness.storage,
        clock=harness.clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )


async def accepted(
    harness: Harness, key: str, name: str, text: str, by: Turnout | None = None
) -> Receipt:
    """`name` typed `/phonebank <text>`; the platform was told it arrived, nothing ran yet.
    By default a process that then died accepted it."""
    identity = harness.actor(name).identity
    turnout = by or another_process(harness)
    return await turnout.accept(key, identity, Slash("/phonebank", text), {})


async def seats(harness: Harness, name: str) -> int:
    return text_of(await harness.reply(name, "/phonebank mine")).count("Doors")


async def waiting_rows(storage: SqlStorage) -> int:
    async with storage.unit_of_work() as uow:
        found = await uow.connection.scalar(
            select(func.count()).select_from(inbox).where(inbox.c.done_at.is_(None))
        )
        return int(found or 0)


@pytest.fixture
async def storage(database: Database) -> SqlStorage:
    """As everywhere, but a SQLite file locked by another process is given up on after 0.2 s
    rather than 10."""
    return await database.open(busy_timeout=timedelta(milliseconds=200))


@pytest.fixture
async def shift(harness: Harness) -> None:
    await harness.say("Olivia", SHIFT)


async def test_a_command_acknowledged_before_a_crash_runs_once_when_a_process_looks_next(
    harness: Harness, shift: None
) -> None:
    receipt = await accepted(harness, "k1", "Maria", "join 1")
    assert receipt.key == "k1"
    # The process died here. Another (or the same, restarted) looks once the lease runs out.
    replayer = Replayer(harness)
    recovery = Recovery(harness.bot.turnout, [replayer])
    assert await recovery.once() == 0, "a live process's command is left to it"
    harness.clock.advance(LEASE + timedelta(seconds=1))

    assert await recovery.once() == 1
    assert await recovery.once() == 0

    assert await seats(harness, "Maria") == 1
    ((who, said),) = replayer.answers
    assert who == "maria" and "You're in" in said
    assert await waiting_rows(harness.storage) == 0


async def test_a_command_that_finished_is_never_run_again(harness: Harness, shift: None) -> None:
    receipt = await accepted(harness, "k1", "Maria", "join 1", by=harness.bot.turnout)
    maria = harness.actor("Maria")
    joined = await harness.bot.turnout.run_slash(maria, "/phonebank", "join 1", receipt)
    assert "You're in" in text_of(joined)
    await harness.bot.turnout.run_slash(maria, "/phonebank", "leave 1")
    harness.clock.advance(LEASE + timedelta(seconds=1))

    assert await Recovery(harness.bot.turnout, [Replayer(harness)]).once() == 0
    assert await seats(harness, "Maria") == 0, "the join ran again after she left"


async def test_refusals_and_reads_are_never_answered_twice(harness: Harness, shift: None) -> None:
    assert await accepted(harness, "r1", "Maria", "list") == NOT_RECORDED
    refused = await accepted(harness, "r2", "Maria", "join 99", by=harness.bot.turnout)
    reply = await harness.bot.turnout.run_slash(
        harness.actor("Maria"), "/phonebank", "join 99", refused
    )
    assert "99" in text_of(reply)
    harness.clock.advance(LEASE + timedelta(seconds=1))

    replayer = Replayer(harness)
    assert await Recovery(harness.bot.turnout, [replayer]).once() == 0
    assert replayer.answers == []


async def test_a_redelivery_is_recognised_by_its_key(harness: Harness) -> None:
    welcome = Welcome()
    identity = harness.actor("Maria").identity
    first = await harness.bot.turnout.accept("Ev1", identity, welcome, {})
    again = await harness.bot.turnout.accept("Ev1", identity, welcome, {})
    assert (first.duplicate, again.duplicate) == (False, True)


async def test_a_command_found_too_late_is_answered_send_it_again_and_changes_nothing(
    harness: Harness, shift: None
) -> None:
    await accepted(harness, "k1", "Maria", "join 1")
    harness.clock.advance(REPLAY_WITHIN + timedelta(minutes=1))
    replayer = Replayer(harness)

    assert await Recovery(harness.bot.turnout, [replayer]).once() == 1

    ((_, said),) = replayer.answers
    assert "`/phonebank join 1`" in said and "send it again" in said
    assert await seats(harness, "Maria") == 0


async def test_a_replay_racing_its_original_changes_things_once(harness: Harness) -> None:
    """The original process was only slow, not dead: it commits after another took its row.
    (Creating a shift is not idempotent: run twice, it would make two.)"""
    create = SHIFT.removeprefix("/phonebank ")
    slow = another_process(harness)
    receipt = await accepted(harness, "k1", "Olivia", create, by=slow)
    harness.clock.advance(LEASE + timedelta(seconds=1))
    (taken,) = await harness.bot.turnout.inbox.waiting(harness.clock.now())
    olivia = harness.actor("Olivia")
    original = await slow.run_slash(olivia, "/phonebank", create, receipt)
    replay = await harness.bot.turnout.run_slash(olivia, "/phonebank", create, Receipt(taken.key))

    assert "#1" in text_of(original)
    assert text_of(replay) == ALREADY_DONE
    listed = text_of(await harness.reply("Olivia", "/phonebank list"))
    assert "#1" in listed and "#2" not in listed


async def test_forget_me_erases_what_they_asked_for_still_kept(harness: Harness) -> None:
    await harness.arrive("Maria")
    await accepted(harness, "k1", "Maria", "join 1")
    await harness.say("Maria", "/volunteer forget-me confirm")

    async with harness.storage.unit_of_work() as uow:
        kept = await uow.connection.scalar(
            select(func.count()).select_from(inbox).where(inbox.c.user_external_id == "maria")
        )
    assert kept == 0


async def test_a_newcomer_arriving_while_the_database_is_locked_is_welcomed_once_it_is_back(
    database: Database, harness: Harness
) -> None:
    if database.kind != "sqlite":
        pytest.skip("the lock is SQLite's; PostgreSQL's outage is the hung-database proxy's")
    newcomer = harness.actor("Nadia")
    other = sqlite3.connect(str(make_url(database.url).database), isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        receipt = await harness.bot.turnout.accept("Ev9", newcomer.identity, Welcome(), {})
        reply = await harness.bot.turnout.welcome(newcomer, receipt)
    finally:
        other.close()
    assert receipt == NOT_RECORDED
    assert text_of(reply) == TRY_AGAIN

    assert await Recovery(harness.bot.turnout, [Replayer(harness)]).once() == 1
    await harness.deliver()

    welcomes = [m for m in harness.messenger.sent if m.to == "nadia"]
    assert len(welcomes) == 1 and "Welcome" in welcomes[0].text
    assert any("Nadia" in m.text for m in harness.messenger.sent if m.to == ORGANIZERS)
    assert await Recovery(harness.bot.turnout, [Replayer(harness)]).once() == 0


async def test_a_command_still_running_past_its_lease_is_left_to_its_own_process(
    harness: Harness, shift: None
) -> None:
    """A long export outlives the lease: its own process's pass renews it instead of running
    it a second time beside the first."""
    receipt = await accepted(harness, "k1", "Maria", "join 1", by=harness.bot.turnout)
    harness.clock.advance(LEASE + timedelta(seconds=1))

    assert await Recovery(harness.bot.turnout, [Replayer(harness)]).once() == 0
    # Renewed: another process finds nothing to take up either, until the lease runs out again.
    assert await Recovery(another_process(harness), [Replayer(harness)]).once() == 0
    maria = harness.actor("Maria")
    joined = await harness.bot.turnout.run_slash(maria, "/phonebank", "join 1", receipt)
    assert "You're in" in text_of(joined)
    assert await waiting_rows(harness.storage) == 0
