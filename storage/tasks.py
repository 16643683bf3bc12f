"""Tasks organizers post and the claims volunteers make on them."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import ScalarSelect, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.task import ClaimStatus, Task, TaskBoard, TaskClaim
from bot.domain.volunteer import Volunteer
from bot.ports.tasks import TaskRepository
from storage import rows
from storage.tables import task_claims, tasks, volunteers


class SqlTaskRepository(TaskRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(
        self,
        *,
        campaign_id: int,
        number: int,
        title: str,
        description: str | None,
        due_on: date | None,
        slots: int,
        created_by: int,
        now: datetime,
    ) -> Task:
        """Post a task."""
        added = await self._db.execute(
            insert(tasks)
            .values(
                campaign_id=campaign_id,
                number=number,
                title=title,
                description=description,
                due_on=due_on,
                slots=slots,
                created_by=created_by,
                created_at=now,
            )
            .returning(tasks.c.id)
        )
        return Task(added.scalar_one(), campaign_id, number, title, description, due_on, slots, now)

    async def get(self, task_id: int) -> Task:
        """The task; LookupError if there is none with that id."""
        result = await self._db.execute(select(tasks).where(tasks.c.id == task_id))
        return rows.task(rows.one(result, f"task {task_id}"))

    async def by_number(self, campaign_id: int, number: int) -> Task | None:
        """The task as it stands, to read."""
        return await self._task(campaign_id, number, held=False)

    async def hold(self, campaign_id: int, number: int) -> Task | None:
        """The task, held against concurrent claims until the unit of work ends.

        As for shifts: a row lock on PostgreSQL; on SQLite units of work already run alone.
        """
        return await self._task(campaign_id, number, held=True)

    async def _task(self, campaign_id: int, number: int, *, held: bool) -> Task | None:
        statement = select(tasks).where(
            tasks.c.campaign_id == campaign_id, tasks.c.number == number
        )
        if held:
            statement = statement.with_for_update()
        row = (await self._db.execute(statement)).mappings().first()
        return rows.task(row) if row else None

    async def board(self, campaign_id: int) -> Sequence[TaskBoard]:
        """Tasks with their claim counts, newest first; cancelled tasks and tasks whose every
        slot is done excluded."""
        claimed = _claims(ClaimStatus.CLAIMED).label("claimed")
        done = _claims(ClaimStatus.DONE)
        result = await self._db.execute(
            select(tasks, claimed, done.label("done"))
            .where(
                tasks.c.campaign_id == campaign_id,
                tasks.c.cancelled_at.is_(None),
                done < tasks.c.slots,
            )
            .order_by(tasks.c.created_at.desc(), tasks.c.id.desc())
        )
        return [
            TaskBoard(rows.task(row), claimed=row["claimed"], done=row["done"])
            for row in result.mappings()
        ]

    async def finished(self, campaign_id: int, *, limit: int) -> tuple[Sequence[TaskBoard], int]:
        """Tasks with at least one slot done, the latest finished first (at most `limit`), and
        how many such tasks there are in all."""
        last_done = (
            select(func.max(task_claims.c.updated_at))
            .where(
                task_claims.c.task_id == tasks.c.id,
                task_claims.c.status == ClaimStatus.DONE.value,
            )
            .scalar_subquery()
        )
        claimed = _claims(ClaimStatus.CLAIMED).label("claimed")
        done = _claims(ClaimStatus.DONE)
        where = (tasks.c.campaign_id == campaign_id, done > 0)
        result = await self._db.execute(
            select(tasks, claimed, done.label("done"))
            .where(*where)
            .order_by(last_done.desc(), tasks.c.id.desc())
            .limit(limit)
        )
        found = [
            TaskBoard(rows.task(row), claimed=row["claimed"], done=row["done"])
            for row in result.mappings()
        ]
        total = await self._db.scalar(select(func.count()).select_from(tasks).where(*where))
        return found, int(total or 0)

    async def claims(self, task_id: int) -> Sequence[tuple[TaskClaim, Volunteer]]:
        """Claimed and done claims with their volunteers, in claim order."""
        result = await self._db.execute(
            select(task_claims, volunteers)
            .join(volunteers, volunteers.c.id == task_claims.c.volunteer_id)
            .where(
                task_claims.c.task_id == task_id,
                task_claims.c.status.in_((ClaimStatus.CLAIMED.value, ClaimStatus.DONE.value)),
            )
            .order_by(task_claims.c.id)
        )
        return [(rows.task_claim(row), rows.volunteer(row)) for row in result.mappings()]

    async def active_claim(self, task_id: int, volunteer_id: int) -> TaskClaim | None:
        """The volunteer's claimed (not yet done, not released) claim on the task."""
        return await self._claim_of(task_id, volunteer_id, (ClaimStatus.CLAIMED,))

    async def slot_of(self, task_id: int, volunteer_id: int) -> TaskClaim | None:
        """The volunteer's slot on the task: their claimed or done claim (not released ones)."""
        return await self._claim_of(task_id, volunteer_id, (ClaimStatus.CLAIMED, ClaimStatus.DONE))

    async def _claim_of(
        self, task_id: int, volunteer_id: int, statuses: tuple[ClaimStatus, ...]
    ) -> TaskClaim | None:
        result = await self._db.execute(
            select(task_claims)
            .where(
                task_claims.c.task_id == task_id,
                task_claims.c.volunteer_id == volunteer_id,
                task_claims.c.status.in_([status.value for status in statuses]),
            )
            .order_by(task_claims.c.id.desc())
            .limit(1)
        )
        row = result.mappings().first()
        return rows.task_claim(row) if row else None

    async def add_claim(self, task_id: int, volunteer_id: int, now: datetime) -> TaskClaim:
        """The volunteer takes one slot of the task."""
        added = await self._db.execute(
            insert(task_claims)
            .values(
                task_id=task_id,
                volunteer_id=volunteer_id,
                status=ClaimStatus.CLAIMED.value,
                claimed_at=now,
                updated_at=now,
            )
            .returning(task_claims.c.id)
        )
        return TaskClaim(added.scalar_one(), task_id, volunteer_id, ClaimStatus.CLAIMED, now)

    async def release_claims_of(self, volunteer_id: int, now: datetime) -> int:
        """Release every claim the volunteer still holds (not done ones); returns how many."""
        result = await self._db.execute(
            update(task_claims)
            .where(
                task_claims.c.volunteer_id == volunteer_id,
                task_claims.c.status == ClaimStatus.CLAIMED.value,
            )
            .values(status=ClaimStatus.RELEASED.value, updated_at=now)
        )
        return result.rowcount

    async def change(
        self,
        task: Task,
        *,
        title: str,
        description: str | None,
        due_on: date | None,
        slots: int,
    ) -> Task:
        """Save the task's new details; returns it as it now stands."""
        await self._db.execute(
            update(tasks)
            .where(tasks.c.id == task.id)
            .values(title=title, description=description, due_on=due_on, slots=slots)
        )
        return replace(task, title=title, description=description, due_on=due_on, slots=slots)

    async def cancel(self, task: Task, now: datetime) -> None:
        """Call the task off; the claims still held on it are released."""
        await self._db.execute(update(tasks).where(tasks.c.id == task.id).values(cancelled_at=now))
        await self._db.execute(
            update(task_claims)
            .where(
                task_claims.c.task_id == task.id,
                task_claims.c.status == ClaimStatus.CLAIMED.value,
            )
            .values(status=ClaimStatus.RELEASED.value, updated_at=now)
        )

    async def set_claim_status(self, claim_id: int, status: ClaimStatus, now: datetime) -> None:
        """Mark the claim done or released."""
        await self._db.execute(
            update(task_claims)
            .where(task_claims.c.id == claim_id)
            .values(status=ClaimStatus(status).value, updated_at=now)
        )


def _claims(status: ClaimStatus) -> ScalarSelect[int]:
    """How many of the task's claims have `status`, for use as a column."""
    return (
        select(func.count())
        .where(task_claims.c.task_id == tasks.c.id, task_claims.c.status == status.value)
        .scalar_subquery()
    )
