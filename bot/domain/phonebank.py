"""Phone banks and their shifts: the seats volunteers sign up for."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class ShiftStatus(StrEnum):
    SCHEDULED = "scheduled"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class PhoneBank:
    id: int
    campaign_id: int
    title: str
    # Dialer or call script; shown in reminders.
    link: str | None


@dataclass(frozen=True, slots=True)
class Shift:
    id: int
    campaign_id: int
    # Short per-campaign number people type: `/phonebank join 3`.
    number: int
    phone_bank: PhoneBank
    starts_at: datetime
    ends_at: datetime
    capacity: int
    status: ShiftStatus

    @property
    def title(self) -> str:
        return self.phone_bank.title

    @property
    def link(self) -> str | None:
        return self.phone_bank.link

    def has_started(self, now: datetime) -> bool:
        return now >= self.starts_at

    @property
    def is_cancelled(self) -> bool:
        return self.status is ShiftStatus.CANCELLED


@dataclass(frozen=True, slots=True)
class ShiftSeats:
    """A shift with how full it is, as lists and rosters show it."""

    shift: Shift
    confirmed: int
    waitlisted: int

    @property
    def seats_left(self) -> int:
        return max(0, self.shift.capacity - self.confirmed)
