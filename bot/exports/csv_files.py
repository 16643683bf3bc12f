"""Exports written as CSV: UTF-8, a header row, ISO 8601 times with their offset.

The columns follow what VAN and Mobilize bulk uploads ask for (first and last name, ZIP or
county, sign-up status, attended); docs/organizers.md lists them. Erased volunteers are "a former
volunteer" with every identifying cell empty. No cell can run as a spreadsheet formula.
"""

import csv
import io
import re
from collections import Counter
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from bot.domain.attendance import Attendance, Outcome, outcome
from bot.domain.export import (
    ClaimLine,
    ExportKind,
    Line,
    Person,
    ShiftLine,
    SignupLine,
    VolunteerLine,
)
from bot.domain.signup import SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt

# A cell starting with one of these is a formula to Excel, Sheets and LibreOffice.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A location that is a US ZIP code (ZIP+4 too); anything else the welcome question got is a county.
_ZIP = re.compile(r"\d{5}(-\d{4})?")

PERSON = (
    "volunteer_number",
    "name",
    "first_name",
    "last_name",
    "platform",
    "platform_user_id",
    # Each account's team (workspace or server), for a per-team breakdown of linked teams.
    "team",
)
COUNTS = ("attended", "no_shows", "couldnt_make_it", "calls", "conversations")
COLUMNS: dict[ExportKind, tuple[str, ...]] = {
    ExportKind.VOLUNTEERS: (
        *PERSON,
        "zip",
        "county",
        "interests",
        "availability",
        "joined_at",
        "onboarded_at",
        "contacted_at",
        "signups",
        *COUNTS,
        "status",
    ),
    ExportKind.SIGNUPS: (
        "signup_id",
        "shift_number",
        "shift_title",
        "shift_starts_at",
        "shift_ends_at",
        "shift_status",
        *PERSON,
        "status",
        "signed_up_at",
        "updated_at",
        "reconfirmed_at",
        "checked_in_at",
        "attended",
        "outcome",
        "calls",
        "conversations",
        # Language-neutral (bot.domain.kinds): what `calls` and `conversations` count.
        "shift_kind",
        # Empty on a shift without positions.
        "position",
    ),
    ExportKind.SHIFTS: (
        "shift_number",
        "title",
        "starts_at",
        "ends_at",
        "status",
        "seats",
        "confirmed",
        "waitlisted",
        "cancelled",
        *COUNTS,
        "host_number",
        "host",
        "kind",
    ),
    ExportKind.TASKS: (
        "claim_id",
        "task_number",
        "task_title",
        "due_on",
        *PERSON,
        "status",
        "claimed_at",
        "updated_at",
    ),
}


def spreadsheet_safe(cell: str) -> str:
    """The cell as text a spreadsheet shows and never runs: `=HYPERLINK(…)` gets a `'` first."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


@dataclass(frozen=True, slots=True)
class CsvFile:
    content: bytes
    # Besides the header.
    rows: int


async def write(
    kind: ExportKind,
    batches: AsyncIterator[Sequence[Line]],
    zone: ZoneInfo,
    now: datetime,
    teams: Mapping[tuple[str, str], str] | None = None,
    header: Sequence[str] | None = None,
) -> CsvFile:
    """The CSV file: its bytes and how many rows (besides the header) it holds; each seat's
    outcome as of `now`; `teams` names each (platform, team id) an account is in; `header` is the
    header row when not the English column names."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS[kind] if header is None else header)
    cells = _CELLS[kind]
    when = _Times(zone, now, teams or {})
    count = 0
    async for batch in batches:
        # One call per batch: the guard inline, since a national export has millions of cells.
        writer.writerows(
            [
                ("'" + cell if cell[:1] in _FORMULA else cell)
                if cell.__class__ is str
                else ""
                if cell is None
                # csv writes an int as str() does; one below zero would start with "-".
                else cell
                if cell.__class__ is int and cell >= 0
                else _other(cell)
                for cell in cells(line, when)
            ]
            for line in batch
        )
        count += len(batch)
        when.forget()
    return CsvFile(out.getvalue().encode("utf-8"), count)


_FORMULA = frozenset(_FORMULA_STARTS)


def _other(cell: object) -> str:
    """A cell that isn't text yet (a count, or nothing), as safe text."""
    return spreadsheet_safe(_text(cell))


class _Times:
    """ISO 8601 moments in the export's zone, remembered for the batch: a shift's start and
    end repeat on each of its sign-ups' rows. `now` is the export's moment."""

    def __init__(self, zone: ZoneInfo, now: datetime, teams: Mapping[tuple[str, str], str]) -> None:
        self.now = now
        # Not a time: the teams' names, which every person's row reads too.
        self.teams = teams
        self._zone = zone
        self._seen: dict[datetime, str] = {}

    def __call__(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        text = self._seen.get(moment)
        if text is None:
            text = self._seen[moment] = timefmt.iso(moment, self._zone)
        return text

    def forget(self) -> None:
        self._seen.clear()


def _volunteer(line: Any, when: _Times) -> list[object]:
    assert isinstance(line, VolunteerLine)
    volunteer = line.person.volunteer
    # Only seats held count towards attendance: a waitlisted one came to nothing to count.
    held = [(s.attendance, s.ends_at) for s in line.seats if s.status is SignupStatus.CONFIRMED]
    counts = _counts(held, when.now)
    if _erased(volunteer):
        return [*_person(line.person, when), *[""] * 7, len(line.seats), *counts, "erased"]
    profile = volunteer.profile
    location = (profile.location or "").strip() if profile else ""
    is_zip = bool(_ZIP.fullmatch(location))
    return [
        *_person(line.person, when),
        location if is_zip else "",
        "" if is_zip else location,
        "; ".join(i.label for i in profile.interests) if profile else "",
        profile.availability.label if profile and profile.availability else "",
        when(volunteer.joined_at),
        when(volunteer.onboarded_at),
        when(volunteer.contacted_at),
        len(line.seats),
        *counts,
        "active",
    ]


def _signup(line: Any, when: _Times) -> list[object]:
    assert isinstance(line, SignupLine)
    shift, record = line.shift, line.attendance
    came_to = outcome(record, shift.ends_at, when.now)
    attended = _ATTENDED_CELL[came_to] if line.signup.status is SignupStatus.CONFIRMED else ""
    return [
        line.signup.id,
        shift.number,
        shift.phone_bank.title,
        when(shift.starts_at),
        when(shift.ends_at),
        shift.status.value,
        *_person(line.person, when),
        line.signup.status.value,
        when(line.signup.created_at),
        when(line.updated_at),
        when(record.reconfirmed_at),
        when(record.checked_in_at),
        attended,
        came_to.value if line.signup.status is SignupStatus.CONFIRMED else "",
        record.calls,
        record.conversations,
        shift.kind.id,
        line.position,
    ]


def _shift(line: Any, when: _Times) -> list[object]:
    assert isinstance(line, ShiftLine)
    shift, host = line.shift, line.host
    return [
        shift.number,
        shift.phone_bank.title,
        when(shift.starts_at),
        when(shift.ends_at),
        shift.status.value,
        shift.capacity,
        line.confirmed,
        line.waitlisted,
        line.cancelled,
        *_counts([(seat, shift.ends_at) for seat in line.seats], when.now),
        "" if host is None or _erased(host) else host.number,
        "" if host is None else host.name,
        shift.kind.id,
    ]


def _claim(line: Any, when: _Times) -> list[object]:
    assert isinstance(line, ClaimLine)
    task = line.task
    return [
        line.claim.id,
        task.number,
        task.title,
        timefmt.iso_date(task.due_on) if task.due_on else "",
        *_person(line.person, when),
        line.claim.status.value,
        when(line.claim.claimed_at),
        when(line.updated_at),
    ]


_CELLS: dict[ExportKind, Callable[[Any, _Times], list[object]]] = {
    ExportKind.VOLUNTEERS: _volunteer,
    ExportKind.SIGNUPS: _signup,
    ExportKind.SHIFTS: _shift,
    ExportKind.TASKS: _claim,
}


def _person(person: Person, when: _Times) -> list[object]:
    """Number, names and accounts; for an erased volunteer only "a former volunteer"."""
    volunteer = person.volunteer
    if _erased(volunteer):
        return ["", volunteer.name, "", "", "", "", ""]
    # VAN and Mobilize want first and last names; people give one display name.
    name = (volunteer.display_name or "").strip()
    first, _, last = name.partition(" ")
    return [
        volunteer.number,
        name,
        first,
        last.strip(),
        "; ".join(i.platform for i in person.identities),
        "; ".join(i.user_external_id for i in person.identities),
        "; ".join(
            when.teams.get((i.platform, i.team_external_id), i.team_external_id)
            for i in person.identities
        ),
    ]


# The `attended` cell of a confirmed sign-up, by its outcome: empty while nothing is known.
_ATTENDED_CELL = {
    Outcome.ATTENDED: "yes",
    Outcome.NO_SHOW: "no",
    Outcome.COULDNT_MAKE_IT: "no",
    Outcome.NO_WORD: "",
}


def _counts(seats: Sequence[tuple[Attendance, datetime]], now: datetime) -> list[int]:
    """Attended, no-shows, couldn't make it, calls and conversations over these confirmed
    seats (each with its shift's end), by bot.domain.attendance.outcome."""
    outcomes = Counter(outcome(seat, ends_at, now) for seat, ends_at in seats)
    return [
        outcomes[Outcome.ATTENDED],
        outcomes[Outcome.NO_SHOW],
        outcomes[Outcome.COULDNT_MAKE_IT],
        sum(seat.calls or 0 for seat, _ in seats),
        sum(seat.conversations or 0 for seat, _ in seats),
    ]


def _erased(volunteer: Volunteer) -> bool:
    return volunteer.forgotten_at is not None


def _text(cell: object) -> str:
    return "" if cell is None else str(cell)
