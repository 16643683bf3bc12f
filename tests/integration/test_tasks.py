from datetime import date, timedelta

from bot.domain.task import ClaimStatus, Task, TaskClaim
from storage import SqlStorage
from tests.integration.builders import NOW, a_task, a_team, a_volunteer


async def test_a_task_is_posted_and_found_by_number(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        olivia = await a_volunteer(uow, team.campaign_id, "Olivia")
        added = await uow.tasks.add(
            campaign_id=team.campaign_id,
            number=4,
            title="Drop off yard signs",
            description="Pick them up at the office",
            due_on=date(2026, 11, 3),
            slots=3,
            created_by=olivia.id,
            now=NOW,
        )
        await uow.commit()
    assert added == Task(
        added.id,
        team.campaign_id,
        4,
        "Drop off yard signs",
        "Pick them up at the office",
        date(2026, 11, 3),
        3,
        NOW,
    )
    async with storage.unit_of_work() as uow:
        assert await uow.tasks.by_number(team.campaign_id, 4) == added
        assert await uow.tasks.hold(team.campaign_id, 4) == added
        assert await uow.tasks.by_number(team.campaign_id, 5) is None


async def test_claims_move_from_claimed_to_done_or_released(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        sam = await a_volunteer(uow, team.campaign_id, "Sam")
        task = await a_task(uow, team.campaign_id, maria.id, slots=2)
        first = await uow.tasks.add_claim(task.id, maria.id, NOW)
        second = await uow.tasks.add_claim(task.id, sam.id, NOW + timedelta(minutes=1))
        assert first == TaskClaim(first.id, task.id, maria.id, ClaimStatus.CLAIMED, NOW)
        assert await uow.tasks.active_claim(task.id, maria.id) == first

        await uow.tasks.set_claim_status(first.id, ClaimStatus.DONE, NOW + timedelta(hours=1))
        await uow.tasks.set_claim_status(second.id, ClaimStatus.RELEASED, NOW)
        assert await uow.tasks.active_claim(task.id, maria.id) is None
        assert await uow.tasks.active_claim(task.id, sam.id) is None
        assert await uow.tasks.claims(task.id) == [
            (TaskClaim(first.id, task.id, maria.id, ClaimStatus.DONE, NOW), maria)
        ]


async def test_claims_are_listed_with_their_volunteers_in_claim_order(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        people = [await a_volunteer(uow, team.campaign_id, f"V{i}") for i in range(3)]
        task = await a_task(uow, team.campaign_id, people[0].id, slots=3)
        for person in reversed(people):
            await uow.tasks.add_claim(task.id, person.id, NOW)
        claims = await uow.tasks.claims(task.id)
    assert [v.id for _, v in claims] == [p.id for p in reversed(people)]


async def test_the_board_shows_open_tasks_newest_first_with_their_counts(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        other = await a_team(uow, "T2")
        people = [await a_volunteer(uow, team.campaign_id, f"V{i}") for i in range(3)]
        older = await a_task(uow, team.campaign_id, people[0].id, slots=3, now=NOW)
        newer = await a_task(
            uow, team.campaign_id, people[0].id, slots=1, now=NOW + timedelta(hours=1)
        )
        finished = await a_task(uow, team.campaign_id, people[0].id, slots=1)
        await a_task(uow, other.campaign_id, people[0].id)

        done = await uow.tasks.add_claim(older.id, people[0].id, NOW)
        await uow.tasks.set_claim_status(done.id, ClaimStatus.DONE, NOW)
        await uow.tasks.add_claim(older.id, people[1].id, NOW)
        released = await uow.tasks.add_claim(older.id, people[2].id, NOW)
        await uow.tasks.set_claim_status(released.id, ClaimStatus.RELEASED, NOW)
        await uow.tasks.add_claim(newer.id, people[1].id, NOW)
        finished_claim = await uow.tasks.add_claim(finished.id, people[2].id, NOW)
        await uow.tasks.set_claim_status(finished_claim.id, ClaimStatus.DONE, NOW)

        board = await uow.tasks.board(team.campaign_id)
    assert [(b.task.id, b.claimed, b.done, b.slots_left) for b in board] == [
        (newer.id, 1, 0, 0),
        (older.id, 1, 1, 1),
    ]


async def test_a_volunteer_s_slot_is_their_claimed_or_done_claim_never_a_released_one(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        task = await a_task(uow, team.campaign_id, maria.id)
        released = await uow.tasks.add_claim(task.id, maria.id, NOW)
        await uow.tasks.set_claim_status(released.id, ClaimStatus.RELEASED, NOW)
        assert await uow.tasks.slot_of(task.id, maria.id) is None
        claim = await uow.tasks.add_claim(task.id, maria.id, NOW)
        await uow.tasks.set_claim_status(claim.id, ClaimStatus.DONE, NOW)

        slot = await uow.tasks.slot_of(task.id, maria.id)
    assert slot == TaskClaim(claim.id, task.id, maria.id, ClaimStatus.DONE, NOW)


async def test_a_changed_task_is_read_back_as_saved_and_a_cancelled_one_leaves_the_board(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        sam = await a_volunteer(uow, team.campaign_id, "Sam")
        task = await a_task(uow, team.campaign_id, maria.id, slots=3)
        changed = await uow.tasks.change(
            task,
            title="Fold letters",
            description="At the office",
            due_on=date(2026, 11, 9),
            slots=5,
        )
        assert await uow.tasks.get(task.id) == changed
        await uow.tasks.add_claim(task.id, maria.id, NOW)
        finished = await uow.tasks.add_claim(task.id, sam.id, NOW)
        await uow.tasks.set_claim_status(finished.id, ClaimStatus.DONE, NOW)

        await uow.tasks.cancel(changed, NOW + timedelta(hours=1))

        assert (await uow.tasks.get(task.id)).cancelled_at == NOW + timedelta(hours=1)
        assert await uow.tasks.board(team.campaign_id) == []
        # The slot still held is given back; the finished one stays done.
        assert await uow.tasks.slot_of(task.id, maria.id) is None
        assert [(c.id, c.status) for c, _ in await uow.tasks.claims(task.id)] == [
            (finished.id, ClaimStatus.DONE)
        ]


async def test_finished_tasks_come_latest_finished_first_with_their_total(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        other = await a_team(uow, "T2")
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        first, second, third, untouched = [
            await a_task(uow, team.campaign_id, maria.id, slots=2) for _ in range(4)
        ]
        await a_task(uow, other.campaign_id, maria.id)
        for task, at in ((second, NOW), (first, NOW + timedelta(hours=1)), (third, NOW)):
            claim = await uow.tasks.add_claim(task.id, maria.id, NOW)
            await uow.tasks.set_claim_status(claim.id, ClaimStatus.DONE, at)
        await uow.tasks.add_claim(untouched.id, maria.id, NOW)

        shown, total = await uow.tasks.finished(team.campaign_id, limit=2)
    assert [(b.task.id, b.done, b.claimed) for b in shown] == [(first.id, 1, 0), (third.id, 1, 0)]
    assert total == 3
