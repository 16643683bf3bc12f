"""Tasks organizers post and volunteers claim."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bot.domain.errors import UserError
from bot.domain.text import N_

# How many volunteers one task may need.
MAX_SLOTS = 100
MAX_DESCRIPTION = 1000
# What `/task edit <task> <field> <value>` can change, in the order the form asks.
TASK_FIELDS = ("title", "due", "slots", "details")


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
    # How many volunteers may hold the task at once; each holds at most one slot.
    slots: int
    created_at: datetime
    # Called off by an organizer: nobody claims it any more; finished slots still count.
    cancelled_at: datetime | None = None

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None


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

    @property
    def finished(self) -> bool:
        """Every slot is done."""
        return self.done >= self.task.slots


def check_slots(slots: int, *, taken: int = 0, number: int | None = None) -> int:
    """How many volunteers a task needs, if from 1 to MAX_SLOTS and no fewer than the `taken`
    slots (claimed or done) of task `number`; else UserError."""
    if not 1 <= slots <= MAX_SLOTS:
        raise UserError(
            N_("Slots must be a whole number from 1 to {most}, like `slots 3`."), most=MAX_SLOTS
        )
    if slots < taken and number is not None:
        raise UserError(
            N_(
                "{taken} volunteers have claimed or finished #{number}, so it needs at least "
                "{taken} slots: type `/task edit {number} slots {taken}` or more."
            ),
            taken=taken,
            number=number,
        )
    return slots
