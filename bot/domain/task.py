"""Tasks organizers post and volunteers claim."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

# How many volunteers one task may need.
MAX_SLOTS = 100
MAX_DESCRIPTION = 1000


class ClaimStatus(StrEnum):
    CLAIMED = "claimed"
    DONE = "done"
    RELEASED = "released"


@dataclass(frozen=True, slots=True)
class Task:
    id: int
    campaign_id: int
    number: int
    title: str
    description: str | None
    due_on: date | None
    # How many volunteers may hold the task at once.
    slots: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TaskClaim:
    id: int
    task_id: int
    volunteer_id: int
    status: ClaimStatus
    claimed_at: datetime


@dataclass(frozen=True, slots=True)
class TaskBoard:
    """A task with who holds it, for lists."""

    task: Task
    claimed: int
    done: int

    @property
    def slots_left(self) -> int:
        return max(0, self.task.slots - self.claimed - self.done)
