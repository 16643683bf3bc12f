"""Storage of what happened after the sign-up: confirmations, check-ins, marks and debriefs."""

from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from bot.domain.attendance import Attendance
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup


class AttendanceRepository(ABC):
    @abstractmethod
    async def get(self, signup_id: int) -> Attendance:
        """The sign-up's record; an empty one when nothing has happened yet."""

    @abstractmethod
    async def load_many(self, signup_ids: Collection[int]) -> None:
        """A hint: `get` is about to be asked for each of these sign-ups. Storage may read
        them all now, in one query, and answer from what it read in this unit of work. Changes
        nothing anyone can observe."""

    @abstractmethod
    async def for_shift(self, shift_id: int) -> Mapping[int, Attendance]:
        """The records of a shift's sign-ups that have one, by sign-up id."""

    @abstractmethod
    async def save(self, attendance: Attendance) -> None:
        """Store the record, creating it on first save."""

    @abstractmethod
    async def signup(self, signup_id: int) -> tuple[Signup, Shift] | None:
        """A sign-up by id with its shift (buttons name sign-ups by id)."""

    @abstractmethod
    async def history(self, volunteer_id: int) -> Sequence[tuple[Signup, Shift, Attendance]]:
        """Every sign-up of the volunteer that held a seat, oldest shift first."""

    @abstractmethod
    async def erase_notes(self, volunteer_id: int) -> None:
        """Forget-me: the volunteer's free-text notes go; the counts stay, anonymous."""

    @abstractmethod
    async def nudged_at(self, shift_id: int) -> datetime | None:
        """When the shift's Nudge them was pressed, if it was."""

    @abstractmethod
    async def nudge(self, shift_id: int, now: datetime) -> datetime | None:
        """Record the shift's Nudge them; None the first time, else when it was done before."""
