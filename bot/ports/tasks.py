"""Storage of tasks and their claims."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import date, datetime

from bot.domain.task import ClaimStatus, Task, TaskBoard, TaskClaim
from bot.domain.volunteer import Volunteer


class TaskRepository(ABC):
    @abstractmethod
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
    ) -> Task: ...

    @abstractmethod
    async def get(self, task_id: int) -> Task:
        """The task; LookupError if there is none with that id."""

    @abstractmethod
    async def by_number(self, campaign_id: int, number: int) -> Task | None: ...

    @abstractmethod
    async def hold(self, campaign_id: int, number: int) -> Task | None:
        """The task, held against concurrent claims until the unit of work ends."""

    @abstractmethod
    async def board(self, campaign_id: int) -> Sequence[TaskBoard]:
        """Tasks with their claim counts, newest first; cancelled tasks and tasks whose every
        slot is done excluded."""

    @abstractmethod
    async def finished(self, campaign_id: int, *, limit: int) -> tuple[Sequence[TaskBoard], int]:
        """Tasks with at least one slot done, the latest finished first (at most `limit`), and
        how many such tasks there are in all."""

    @abstractmethod
    async def claims(self, task_id: int) -> Sequence[tuple[TaskClaim, Volunteer]]:
        """Claimed and done claims with their volunteers, in claim order."""

    @abstractmethod
    async def active_claim(self, task_id: int, volunteer_id: int) -> TaskClaim | None:
        """The volunteer's claimed (not yet done, not released) claim on the task."""

    @abstractmethod
    async def slot_of(self, task_id: int, volunteer_id: int) -> TaskClaim | None:
        """The volunteer's slot on the task: their claimed or done claim (not released ones)."""

    @abstractmethod
    async def add_claim(self, task_id: int, volunteer_id: int, now: datetime) -> TaskClaim: ...

    @abstractmethod
    async def release_claims_of(self, volunteer_id: int, now: datetime) -> int:
        """Release every claim the volunteer still holds (not done ones); returns how many."""

    @abstractmethod
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

    @abstractmethod
    async def cancel(self, task: Task, now: datetime) -> None:
        """Call the task off; the claims still held on it are released."""

    @abstractmethod
    async def set_claim_status(self, claim_id: int, status: ClaimStatus, now: datetime) -> None: ...
