import asyncio
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Connection, RowMapping, event, select
from sqlalchemy.engine.interfaces import DBAPICursor, ExecutionContext

from bot.domain.notice import NewNotice, NoticeKind, NoticeState
from bot.domain.signup import SignupStatus
from bot.ports.storage import UnitOfWork
from storage import SqlStorage, SqlUnitOfWork
from storage.tables import notices
from tests.conftest import Database
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held
from tests.queued import pending_notices

LEASE = timedelta(minutes=2)
REMINDER, WELCOME = NoticeKind.SHIFT_REMINDER, NoticeKind.WELCOME
ANNOUNCEMENT = NoticeKind.ANNOUNCEMENT


async def _queue(uow: UnitOfWork, *due_in: timedelta, kind: NoticeKind = WELCOME) -> list[int]:
    team = await uow.campaigns.team("slack", "T1") or await a_team(uow)
    return [
        await uow.notices.add(NewNotice(team.campaign_id, kind, NOW + offset)) for offset in due_in
    ]


async def _row(uow: SqlUnitOfWork, notice_id: int) -> RowMapping:
    result = await uow.connection.execute(select(notices).where(notices.c.id == notice_id))
    return result.mappings().one()


async def test_a_queued_notice_waits_as_pending(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        shift = await a_shift(uow, team.campaign_id, maria.id)
        later = await uow.notices.add(
            NewNotice(team.campaign_id, REMINDER, NOW + timedelta(hours=2), maria.id, shift.id)
        )
        sooner = await uow.notices.add(
            NewNotice(team.campaign_id, REMINDER, NOW + timedelta(hours=1), maria.id, shift.id)
        )
        await uow.notices.add(NewNotice(team.campaign_id, NoticeKind.NEW_VOLUNTEER, NOW))
        pending = await pending_notices(uow, volunteer_id=maria.id)
        assert [n.id for n in pending] == [sooner, later]
        assert [n.id for n in await pending_notices(uow, shift_id=shift.id)] == [sooner, later]
        assert pending[0].state is NoticeState.PENDING and pending[0].attempts == 0
        assert pending[0].kind is REMINDER and pending[0].shift_id == shift.id


async def test_claiming_takes_due_notices_soonest_first_up_to_the_limit(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        latest, earliest, middle, future = await _queue(
            uow, timedelta(0), -timedelta(hours=2), -timedelta(hours=1), timedelta(seconds=1)
        )
        claimed = await uow.notices.claim_due(NOW, limit=2, lease=LEASE)
        assert [n.id for n in claimed] == [earliest, middle]
        assert all(n.state is NoticeState.SENDING and n.attempts == 1 for n in claimed)
        assert (await _row(uow, earliest))["lease_until"] == NOW + LEASE
        rest = await uow.notices.claim_due(NOW, limit=10, lease=LEASE)
        assert [n.id for n in rest] == [latest]
        assert await uow.notices.claim_due(NOW, limit=10, lease=LEASE) == []
        assert [n.id for n in await pending_notices(uow)] == [future]


async def test_a_notice_whose_lease_ran_out_is_claimed_again(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        [notice_id] = await _queue(uow, timedelta(0))
        await uow.notices.claim_due(NOW, limit=10, lease=LEASE)
        # The dispatcher that claimed it died; until the lease ends nobody else takes it.
        assert await uow.notices.claim_due(NOW + LEASE / 2, limit=10, lease=LEASE) == []
        [again] = await uow.notices.claim_due(NOW + LEASE, limit=10, lease=LEASE)
    assert again.id == notice_id and again.attempts == 2


async def test_a_notice_claimed_before_a_crash_goes_out_after_the_restart(
    database: Database,
) -> None:
    crashed = await database.open()
    async with crashed.unit_of_work() as uow:
        queued = await _queue(uow, timedelta(hours=1), timedelta(hours=2))
        await uow.commit()
    async with crashed.unit_of_work() as uow:
        # Claimed, then the process died before it could mark the notice sent.
        [in_flight] = await uow.notices.claim_due(NOW + timedelta(hours=1), limit=1, lease=LEASE)
        await uow.commit()
    await crashed.close()

    restarted = await database.open()
    async with restarted.unit_of_work() as uow:
        assert await uow.notices.next_due_at() == NOW + timedelta(hours=1) + LEASE
        [again] = await uow.notices.claim_due(NOW + timedelta(hours=3), limit=1, lease=LEASE)
        assert [n.id for n in await pending_notices(uow)] == [queued[1]]
    assert again.id == in_flight.id == queued[0] and again.attempts == 2


async def test_a_retried_notice_waits_for_its_new_time(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        [notice_id] = await _queue(uow, timedelta(0))
        await uow.notices.claim_due(NOW, limit=10, lease=LEASE)
        later = NOW + timedelta(minutes=10)
        await uow.notices.retry_at(notice_id, later, error="timeout")
        row = await _row(uow, notice_id)
        assert (row["state"], row["due_at"], row["lease_until"]) == ("pending", later, None)
        assert await uow.notices.next_due_at() == later
        assert await uow.notices.claim_due(later - timedelta(seconds=1), limit=9, lease=LEASE) == []
        [again] = await uow.notices.claim_due(later, limit=10, lease=LEASE)
    assert again.attempts == 2 and again.last_error == "timeout" and again.due_at == later


async def test_marking_records_the_outcome_and_ends_the_lease(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        sent, failed = await _queue(uow, timedelta(0), timedelta(0))
        await uow.notices.claim_due(NOW, limit=10, lease=LEASE)
        await uow.notices.mark(sent, NoticeState.SENT, NOW + timedelta(seconds=3))
        await uow.notices.mark(failed, NoticeState.FAILED, NOW, error="DMs closed")
        sent_row, failed_row = await _row(uow, sent), await _row(uow, failed)
        with pytest.raises(ValueError, match="retry_at"):
            await uow.notices.mark(sent, NoticeState.PENDING, NOW)
    assert (sent_row["state"], sent_row["sent_at"], sent_row["lease_until"]) == (
        "sent",
        NOW + timedelta(seconds=3),
        None,
    )
    assert (failed_row["state"], failed_row["sent_at"], failed_row["last_error"]) == (
        "failed",
        None,
        "DMs closed",
    )


async def test_the_next_due_time_is_the_earliest_pending_or_lease_expiry(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        assert await uow.notices.next_due_at() is None
        first, second = await _queue(uow, timedelta(minutes=5), timedelta(minutes=30))
        assert await uow.notices.next_due_at() == NOW + timedelta(minutes=5)
        # Claimed at +5 min with a 2 min lease: the lease expiry (+7) is now the earliest.
        await uow.notices.claim_due(NOW + timedelta(minutes=5), limit=1, lease=LEASE)
        assert await uow.notices.next_due_at() == NOW + timedelta(minutes=7)
        await uow.notices.mark(first, NoticeState.SENT, NOW)
        assert await uow.notices.next_due_at() == NOW + timedelta(minutes=30)
        await uow.notices.mark(second, NoticeState.CANCELLED, NOW)
        assert await uow.notices.next_due_at() is None


async def test_cancelling_touches_only_pending_notices_matching_every_filter(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        sam = await a_volunteer(uow, team.campaign_id, "Sam")
        shift = await a_shift(uow, team.campaign_id, maria.id)
        other_shift = await a_shift(uow, team.campaign_id, maria.id)
        signup = await uow.signups.add(
            await held(uow, shift), maria.id, SignupStatus.CONFIRMED, NOW
        )

        def notice(
            kind: NoticeKind,
            volunteer: int,
            on_shift: int | None = None,
            on_signup: int | None = None,
            due: timedelta = timedelta(hours=1),
        ) -> NewNotice:
            return NewNotice(team.campaign_id, kind, NOW + due, volunteer, on_shift, on_signup)

        queued = {
            "reminder": notice(REMINDER, maria.id, shift.id, signup.id),
            "announcement": notice(NoticeKind.ANNOUNCEMENT, maria.id, shift.id),
            "other_shift": notice(REMINDER, maria.id, other_shift.id),
            "sam": notice(REMINDER, sam.id, shift.id),
            "in_flight": notice(REMINDER, maria.id, shift.id, signup.id, due=timedelta(0)),
        }
        ids = {name: await uow.notices.add(new) for name, new in queued.items()}
        await uow.notices.claim_due(NOW, limit=10, lease=LEASE)

        assert await uow.notices.cancel_pending(signup_id=signup.id, kinds=[ANNOUNCEMENT]) == 0
        assert await uow.notices.cancel_pending(signup_id=signup.id, kinds=[REMINDER]) == 1
        assert await uow.notices.cancel_pending(shift_id=shift.id, volunteer_id=maria.id) == 1
        assert await uow.notices.cancel_pending(volunteer_id=maria.id) == 1
        left = {n.id for n in await pending_notices(uow)}
        assert left == {ids["sam"]}
        assert (await _row(uow, ids["in_flight"]))["state"] == "sending"
        assert (await _row(uow, ids["reminder"]))["state"] == "cancelled"
        with pytest.raises(ValueError, match="signup_id, shift_id or volunteer_id"):
            await uow.notices.cancel_pending(kinds=[REMINDER])


async def test_two_dispatchers_claiming_at_once_never_take_the_same_notice(
    database: Database,
) -> None:
    # Two storages are two processes: separate connections, separate in-process queues.
    first, second = await database.open(), await database.open()
    async with first.unit_of_work() as uow:
        queued = set(await _queue(uow, *(timedelta(seconds=-i) for i in range(120))))
        await uow.commit()

    async def dispatcher(storage: SqlStorage) -> list[int]:
        taken: list[int] = []
        while True:
            async with storage.unit_of_work() as uow:
                claimed = await uow.notices.claim_due(NOW, limit=7, lease=LEASE)
                await asyncio.sleep(0.001)
                await uow.commit()
            if not claimed:
                return taken
            taken.extend(n.id for n in claimed)
            # Sending takes a moment, during which the other dispatcher gets its turn.
            await asyncio.sleep(0.005)

    one, two = await asyncio.gather(dispatcher(first), dispatcher(second))
    assert len(one) + len(two) == len(queued)
    assert set(one) | set(two) == queued
    assert one and two


async def test_on_postgresql_a_claim_in_progress_is_skipped_not_waited_for(
    database: Database, storage: SqlStorage
) -> None:
    if database.kind != "postgresql":
        pytest.skip("SQLite lets one claimer in at a time instead")
    async with storage.unit_of_work() as uow:
        queued = await _queue(uow, *(timedelta(seconds=-i) for i in range(6)))
        await uow.commit()
    async with storage.unit_of_work() as holder:
        held = await holder.notices.claim_due(NOW, limit=4, lease=LEASE)
        async with asyncio.timeout(5), storage.unit_of_work() as other:
            rest = await other.notices.claim_due(NOW, limit=10, lease=LEASE)
            await other.commit()
        await holder.commit()
    assert {n.id for n in held} | {n.id for n in rest} == set(queued)
    assert len(held) == 4 and len(rest) == 2


async def test_the_dispatcher_reads_only_the_head_of_the_queue(sqlite_storage: SqlStorage) -> None:
    issued: list[tuple[str, Sequence[Any]]] = []

    def record(
        connection: Connection,
        cursor: DBAPICursor,
        statement: str,
        parameters: Sequence[Any],
        context: ExecutionContext | None,
        executemany: bool,
    ) -> None:
        issued.append((statement, parameters))

    async with sqlite_storage.unit_of_work() as uow:
        await _queue(uow, timedelta(0), timedelta(hours=1))
        event.listen(sqlite_storage.engine.sync_engine, "before_cursor_execute", record)
        try:
            await uow.notices.claim_due(NOW, limit=10, lease=LEASE)
            await uow.notices.next_due_at()
        finally:
            event.remove(sqlite_storage.engine.sync_engine, "before_cursor_execute", record)
        plans = []
        for statement, parameters in issued:
            result = await uow.connection.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", parameters
            )
            plans.append(" | ".join(row[-1] for row in result))
    assert len(plans) == 2
    for plan in plans:
        assert "SCAN notices" not in plan, plan
        assert "ix_notices_state_due_at" in plan and "ix_notices_state_lease_until" in plan, plan
