"""Rows the storage tests start from, made through the repositories themselves."""

from datetime import UTC, datetime, timedelta

from bot.domain.campaign import Counter, Identity, Team
from bot.domain.phonebank import HeldShift, Shift
from bot.domain.task import Task
from bot.domain.volunteer import Volunteer
from bot.ports.storage import UnitOfWork

NOW = datetime(2026, 11, 2, 14, 0, tzinfo=UTC)


async def a_team(uow: UnitOfWork, external_id: str = "T1", platform: str = "slack") -> Team:
    return await uow.campaigns.add_team(
        platform,
        external_id,
        campaign_name=f"Campaign {external_id}",
        timezone="America/New_York",
        reminder_offsets=(timedelta(hours=24), timedelta(hours=1)),
        contact_within=timedelta(hours=48),
        now=NOW,
    )


async def a_volunteer(
    uow: UnitOfWork, campaign_id: int, name: str, *, now: datetime = NOW
) -> Volunteer:
    number = await uow.campaigns.next_number(campaign_id, Counter.VOLUNTEER)
    identity = Identity("slack", f"T-of-{campaign_id}", f"U{number}")
    return await uow.volunteers.add(campaign_id, number, identity, name, now)


async def a_shift(
    uow: UnitOfWork,
    campaign_id: int,
    created_by: int,
    *,
    starts_in: timedelta = timedelta(days=1),
    capacity: int = 10,
    title: str = "Saturday calls",
    link: str | None = "https://dialer.example/sat",
) -> Shift:
    starts_at = NOW + starts_in
    return await uow.shifts.add(
        campaign_id=campaign_id,
        number=await uow.campaigns.next_number(campaign_id, Counter.SHIFT),
        title=title,
        link=link,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=capacity,
        created_by=created_by,
    )


async def held(uow: UnitOfWork, shift: Shift) -> HeldShift:
    """Hold `shift` for a change of seats, as every seat-changing command does."""
    hold = await uow.shifts.hold(shift.campaign_id, shift.number)
    assert hold is not None
    return hold


async def a_task(
    uow: UnitOfWork,
    campaign_id: int,
    created_by: int,
    *,
    slots: int = 2,
    title: str = "Drop off door hangers",
    now: datetime = NOW,
) -> Task:
    return await uow.tasks.add(
        campaign_id=campaign_id,
        number=await uow.campaigns.next_number(campaign_id, Counter.TASK),
        title=title,
        description=None,
        due_on=None,
        slots=slots,
        created_by=created_by,
        now=now,
    )
