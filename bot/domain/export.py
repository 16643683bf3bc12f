"""Exports: the campaign's data as spreadsheet rows, for VAN, Mobilize or a spreadsheet.

One row per person, per sign-up, per shift or per task claim. Storage hands the rows over in
batches (`Line`s, plain data); bot/exports/csv_files.py writes them. Every export is recorded.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.attendance import Attendance
from bot.domain.campaign import Identity
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.task import Task, TaskClaim
from bot.domain.text import N_
from bot.domain.volunteer import Volunteer

# Rows read from the database at a time, so a 100k-volunteer export never holds them all.
BATCH = 1000


class ExportKind(StrEnum):
    VOLUNTEERS = "volunteers"
    SIGNUPS = "signups"
    SHIFTS = "shifts"
    TASKS = "tasks"


class ExportPeriod(StrEnum):
    """Which rows: those dated in the last 30 days (and anything later), or all of them.

    The date is the volunteer's joining, the shift's start (for sign-ups too: a sign-up for
    an upcoming shift is in) or the task's claiming.
    """

    LAST_30_DAYS = "30d"
    ALL = "all"

    def since(self, now: datetime) -> datetime | None:
        return now - timedelta(days=30) if self is ExportPeriod.LAST_30_DAYS else None

    @property
    def label(self) -> str:
        return N_("the last 30 days") if self is ExportPeriod.LAST_30_DAYS else N_("all time")


# The smaller file unless asked: personal data leaves only as far as needed.
DEFAULT_PERIOD = ExportPeriod.LAST_30_DAYS


@dataclass(frozen=True, slots=True)
class Person:
    """A volunteer and the accounts they are reached at (none once erased)."""

    volunteer: Volunteer
    identities: tuple[Identity, ...] = ()


@dataclass(frozen=True, slots=True)
class Seat:
    """One of a person's sign-ups, with what happened after it."""

    status: SignupStatus
    # Its shift's end: the outcome of a silent seat turns on it.
    ends_at: datetime
    attendance: Attendance


@dataclass(frozen=True, slots=True)
class VolunteerLine:
    person: Person
    # Every sign-up that wasn't cancelled.
    seats: tuple[Seat, ...] = ()


@dataclass(frozen=True, slots=True)
class SignupLine:
    signup: Signup
    updated_at: datetime
    shift: Shift
    person: Person
    attendance: Attendance
    # The position's name on a shift with positions; empty on one without.
    position: str = ""


@dataclass(frozen=True, slots=True)
class ShiftLine:
    shift: Shift
    host: Volunteer | None
    confirmed: int
    waitlisted: int
    cancelled: int
    # The after-sign-up records of its confirmed seats.
    seats: tuple[Attendance, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimLine:
    claim: TaskClaim
    updated_at: datetime
    task: Task
    person: Person


Line = VolunteerLine | SignupLine | ShiftLine | ClaimLine


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One export made: who (None once they erased themselves), what, and when."""

    id: int
    campaign_id: int
    exporter_id: int | None
    kind: ExportKind
    period: ExportPeriod
    rows: int
    at: datetime
