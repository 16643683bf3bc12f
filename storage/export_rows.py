"""Export rows as plain tuples, and the domain objects built from them by position.

An export reads every row of a big table: reading columns by name through SQLAlchemy's
mappings cost more than the queries themselves (about a microsecond per lookup, a dozen per
row), so the exports select fixed column lists and unpack them by position. Each column list
sits beside the builder that unpacks it, so the two are kept in step in one place.
"""

from collections.abc import Sequence
from typing import Any

from bot.domain.attendance import Attendance, Mark, Report
from bot.domain.campaign import Identity
from bot.domain.phonebank import PhoneBank, Shift, ShiftStatus
from bot.domain.signup import Signup, SignupStatus
from bot.domain.task import ClaimStatus, Task, TaskClaim
from bot.domain.volunteer import Volunteer
from storage import rows
from storage.tables import (
    attendance,
    identities,
    phone_banks,
    shifts,
    signups,
    task_claims,
    tasks,
    volunteers,
)

# Enum members by value: a dict lookup is several times cheaper than calling the enum.
SHIFT_STATUS = {status.value: status for status in ShiftStatus}
SIGNUP_STATUS = {status.value: status for status in SignupStatus}
CLAIM_STATUS = {status.value: status for status in ClaimStatus}
REPORTS = {report.value: report for report in Report}
MARKS = {mark.value: mark for mark in Mark}

VOLUNTEER = (
    volunteers.c.id,
    volunteers.c.campaign_id,
    volunteers.c.number,
    volunteers.c.display_name,
    volunteers.c.timezone,
    volunteers.c.reminder_offsets,
    volunteers.c.interests,
    volunteers.c.availability,
    volunteers.c.location,
    volunteers.c.joined_at,
    volunteers.c.onboarded_at,
    volunteers.c.contacted_at,
    volunteers.c.contacted_by,
    volunteers.c.follow_up_due_at,
    volunteers.c.forgotten_at,
    volunteers.c.platform_timezone,
    volunteers.c.language,
    volunteers.c.platform_language,
)


def volunteer(row: Sequence[Any]) -> Volunteer:
    (
        vid,
        campaign_id,
        number,
        display_name,
        timezone,
        offsets,
        interests,
        availability,
        location,
        joined_at,
        onboarded_at,
        contacted_at,
        contacted_by,
        follow_up_due_at,
        forgotten_at,
        platform_timezone,
        language,
        platform_language,
    ) = row
    return Volunteer(
        vid,
        campaign_id,
        number,
        display_name,
        timezone,
        offsets,
        rows.profile(interests, availability, location),
        joined_at,
        onboarded_at,
        contacted_at,
        contacted_by,
        follow_up_due_at,
        forgotten_at,
        platform_timezone,
        language,
        platform_language,
    )


IDENTITY = (
    identities.c.volunteer_id,
    identities.c.platform,
    identities.c.team_external_id,
    identities.c.user_external_id,
)

SHIFT = (
    shifts.c.id,
    shifts.c.campaign_id,
    shifts.c.number,
    shifts.c.phone_bank_id,
    phone_banks.c.title,
    phone_banks.c.link,
    phone_banks.c.kind,
    shifts.c.starts_at,
    shifts.c.ends_at,
    shifts.c.capacity,
    shifts.c.status,
    shifts.c.series_id,
    shifts.c.host_id,
)


def shift(row: Sequence[Any]) -> Shift:
    """The shift from the first len(SHIFT) columns of `row`."""
    (sid, campaign_id, number, bank_id, title, link, kind, starts, ends, seats, status) = row[:11]
    series, host = row[11 : len(SHIFT)]
    return Shift(
        id=sid,
        campaign_id=campaign_id,
        number=number,
        phone_bank=PhoneBank(
            id=bank_id, campaign_id=campaign_id, title=title, link=link, kind=kind
        ),
        starts_at=starts,
        ends_at=ends,
        capacity=seats,
        status=SHIFT_STATUS[status],
        series_id=series,
        host_id=host,
    )


SIGNUP = (
    signups.c.id,
    signups.c.shift_id,
    signups.c.volunteer_id,
    signups.c.status,
    signups.c.created_at,
    signups.c.updated_at,
)

# What an export shows of the record (and what attended / no-show read): the rest stays
# unread, since every datetime costs a conversion per row.
SHOWN_ATTENDANCE = (
    attendance.c.reconfirmed_at,
    attendance.c.checked_in_at,
    attendance.c.report,
    attendance.c.mark,
    attendance.c.calls,
    attendance.c.conversations,
)


def shown_record(signup_id: int, fields: Sequence[Any]) -> Attendance:
    """The record from SHOWN_ATTENDANCE's columns: only what exports show is filled in."""
    reconfirmed, checked_in, report, mark, calls, talks = fields
    return Attendance(
        signup_id,
        reconfirmed_at=reconfirmed,
        checked_in_at=checked_in,
        report=REPORTS[report] if report else None,
        mark=MARKS[mark] if mark else None,
        calls=calls,
        conversations=talks,
    )


def signup(fields: Sequence[Any]) -> Signup:
    """The sign-up from SIGNUP's columns (its updated_at is not the domain's)."""
    sid, shift_id, volunteer_id, status, created_at, _ = fields
    return Signup(sid, shift_id, volunteer_id, SIGNUP_STATUS[status], created_at)


CLAIM = (
    task_claims.c.id,
    task_claims.c.task_id,
    task_claims.c.volunteer_id,
    task_claims.c.status,
    task_claims.c.claimed_at,
    task_claims.c.updated_at,
    tasks.c.campaign_id,
    tasks.c.number,
    tasks.c.title,
    tasks.c.description,
    tasks.c.due_on,
    tasks.c.slots,
    tasks.c.created_at,
)


def claim(row: Sequence[Any]) -> tuple[TaskClaim, Task]:
    (
        cid,
        task_id,
        vid,
        status,
        claimed_at,
        _,
        campaign_id,
        number,
        title,
        about,
        due,
        slots,
        at,
    ) = row
    task = Task(task_id, campaign_id, number, title, about, due, slots, at)
    return TaskClaim(cid, task_id, vid, CLAIM_STATUS[status], claimed_at), task


def identity(row: Sequence[Any]) -> Identity:
    """From IDENTITY's columns (the first, the volunteer's id, is the caller's)."""
    return Identity(row[1], row[2], row[3])
