"""How rows become domain objects, shared by the repositories that join across tables.

Converters read columns by their Column objects rather than by name, so a select that joins
two tables with an `id` each still reads the right one.
"""

from collections.abc import Callable, Collection
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Result, RowMapping, Select, select
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.campaign import Campaign, Identity, Team
from bot.domain.notice import Notice, NoticeKind, NoticeState
from bot.domain.phonebank import PhoneBank, Shift, ShiftStatus
from bot.domain.signup import Signup, SignupStatus
from bot.domain.task import ClaimStatus, Task, TaskClaim
from bot.domain.volunteer import Availability, Interest, Profile, Volunteer
from storage.tables import (
    campaigns,
    identities,
    notices,
    phone_banks,
    shifts,
    signups,
    task_claims,
    tasks,
    teams,
    volunteers,
)

_T = TypeVar("_T")


def one(result: Result[Any], what: str) -> RowMapping:
    """The single row a `get` promised, or a LookupError naming what was missing."""
    row = result.mappings().first()
    if row is None:
        raise LookupError(f"no {what}")
    return row


async def load_many(
    db: AsyncConnection,
    query: Select[Any],
    ids: Collection[int],
    into: dict[int, _T],
    key: ColumnElement[int],
    build: Callable[[RowMapping], _T],
) -> list[int]:
    """Read the rows of `ids` not yet `into` with `query` (whose "ids" expands to them), and
    keep each, built by `build`, under its `key`; returns the ids it read."""
    wanted = sorted(set(ids) - into.keys())
    if wanted:
        for row in (await db.execute(query, {"ids": wanted})).mappings():
            into[row[key]] = build(row)
    return wanted


def campaign(row: RowMapping) -> Campaign:
    return Campaign(
        id=row[campaigns.c.id],
        name=row[campaigns.c.name],
        timezone=row[campaigns.c.timezone],
        reminder_offsets=row[campaigns.c.reminder_offsets],
        contact_within=row[campaigns.c.contact_within_minutes],
        confirm_check=row[campaigns.c.confirm_check_minutes],
        language=row[campaigns.c.language],
    )


def team(row: RowMapping) -> Team:
    return Team(
        id=row[teams.c.id],
        platform=row[teams.c.platform],
        external_id=row[teams.c.external_id],
        campaign_id=row[teams.c.campaign_id],
        name=row[teams.c.name] or "",
    )


def identity(row: RowMapping) -> Identity:
    return Identity(
        platform=row[identities.c.platform],
        team_external_id=row[identities.c.team_external_id],
        user_external_id=row[identities.c.user_external_id],
    )


def volunteer(row: RowMapping) -> Volunteer:
    return Volunteer(
        id=row[volunteers.c.id],
        campaign_id=row[volunteers.c.campaign_id],
        number=row[volunteers.c.number],
        display_name=row[volunteers.c.display_name],
        timezone=row[volunteers.c.timezone],
        reminder_offsets=row[volunteers.c.reminder_offsets],
        profile=_profile(row),
        joined_at=row[volunteers.c.joined_at],
        onboarded_at=row[volunteers.c.onboarded_at],
        contacted_at=row[volunteers.c.contacted_at],
        contacted_by=row[volunteers.c.contacted_by],
        follow_up_due_at=row[volunteers.c.follow_up_due_at],
        forgotten_at=row[volunteers.c.forgotten_at],
        platform_timezone=row[volunteers.c.platform_timezone],
        language=row[volunteers.c.language],
        platform_language=row[volunteers.c.platform_language],
    )


def _profile(row: RowMapping) -> Profile | None:
    return profile(
        row[volunteers.c.interests], row[volunteers.c.availability], row[volunteers.c.location]
    )


# By value: exports build a profile per volunteer, and calling an enum is the slow way.
_INTERESTS = {interest.value: interest for interest in Interest}
_AVAILABILITY = {availability.value: availability for availability in Availability}


def profile(
    interests: str | None, availability: str | None, location: str | None
) -> Profile | None:
    """The welcome answers from the volunteers columns that hold them."""
    # interests is NULL until the welcome questions are answered, '' if none were ticked.
    if interests is None:
        return None
    return Profile(
        interests=tuple(_INTERESTS[part] for part in interests.split(",") if part),
        availability=_AVAILABILITY[availability] if availability else None,
        location=location,
    )


def profile_columns(profile: Profile | None) -> dict[str, str | None]:
    """The volunteers columns that hold `profile`."""
    if profile is None:
        return {"interests": None, "availability": None, "location": None}
    return {
        "interests": ",".join(interest.value for interest in profile.interests),
        "availability": profile.availability.value if profile.availability else None,
        "location": profile.location,
    }


def select_shifts(*extra: ColumnElement[Any]) -> Select[Any]:
    """Shifts with the phone bank they belong to (plus any `extra` columns)."""
    return select(shifts, phone_banks.c.title, phone_banks.c.link, phone_banks.c.kind, *extra).join(
        phone_banks, phone_banks.c.id == shifts.c.phone_bank_id
    )


def shift(row: RowMapping) -> Shift:
    return Shift(
        id=row[shifts.c.id],
        campaign_id=row[shifts.c.campaign_id],
        number=row[shifts.c.number],
        phone_bank=PhoneBank(
            id=row[shifts.c.phone_bank_id],
            campaign_id=row[shifts.c.campaign_id],
            title=row[phone_banks.c.title],
            link=row[phone_banks.c.link],
            kind=row[phone_banks.c.kind],
        ),
        starts_at=row[shifts.c.starts_at],
        ends_at=row[shifts.c.ends_at],
        capacity=row[shifts.c.capacity],
        status=ShiftStatus(row[shifts.c.status]),
        series_id=row[shifts.c.series_id],
        host_id=row[shifts.c.host_id],
        positioned=row[shifts.c.positioned],
    )


def signup(row: RowMapping) -> Signup:
    return Signup(
        id=row[signups.c.id],
        shift_id=row[signups.c.shift_id],
        volunteer_id=row[signups.c.volunteer_id],
        status=SignupStatus(row[signups.c.status]),
        created_at=row[signups.c.created_at],
        position_id=row[signups.c.position_id],
    )


def task(row: RowMapping) -> Task:
    return Task(
        id=row[tasks.c.id],
        campaign_id=row[tasks.c.campaign_id],
        number=row[tasks.c.number],
        title=row[tasks.c.title],
        description=row[tasks.c.description],
        due_on=row[tasks.c.due_on],
        slots=row[tasks.c.slots],
        created_at=row[tasks.c.created_at],
        cancelled_at=row[tasks.c.cancelled_at],
    )


def task_claim(row: RowMapping) -> TaskClaim:
    return TaskClaim(
        id=row[task_claims.c.id],
        task_id=row[task_claims.c.task_id],
        volunteer_id=row[task_claims.c.volunteer_id],
        status=ClaimStatus(row[task_claims.c.status]),
        claimed_at=row[task_claims.c.claimed_at],
    )


def notice(row: RowMapping) -> Notice:
    return Notice(
        id=row[notices.c.id],
        campaign_id=row[notices.c.campaign_id],
        kind=NoticeKind(row[notices.c.kind]),
        due_at=row[notices.c.due_at],
        volunteer_id=row[notices.c.volunteer_id],
        shift_id=row[notices.c.shift_id],
        signup_id=row[notices.c.signup_id],
        payload=row[notices.c.payload],
        state=NoticeState(row[notices.c.state]),
        attempts=row[notices.c.attempts],
        last_error=row[notices.c.last_error],
    )
