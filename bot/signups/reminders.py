"""Reminder rows for confirmed sign-ups, kept in step with every change."""

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.campaign import Campaign
from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.timing import reminder_due
from bot.domain.volunteer import Volunteer, offsets_for
from bot.ports.storage import UnitOfWork

_REMINDER_KINDS = (NoticeKind.SHIFT_REMINDER,)


def seat_reminders(
    *, campaign: Campaign, volunteer: Volunteer, signup: Signup, shift: Shift, now: datetime
) -> list[NewNotice]:
    """The sign-up's reminders that are still ahead, to be queued."""
    zone = ZoneInfo(campaign.timezone)
    queued = []
    for offset in offsets_for(volunteer, campaign):
        due_at = reminder_due(shift.starts_at, offset, zone)
        if due_at <= now:
            # Joining 30 minutes before a shift needs no "starts in 1 hour" message.
            continue
        queued.append(
            NewNotice(
                campaign_id=campaign.id,
                kind=NoticeKind.SHIFT_REMINDER,
                due_at=due_at,
                volunteer_id=volunteer.id,
                shift_id=shift.id,
                signup_id=signup.id,
                payload={"offset_minutes": int(offset.total_seconds() // 60)},
            )
        )
    return queued


async def schedule(
    uow: UnitOfWork,
    *,
    campaign: Campaign,
    volunteer: Volunteer,
    signup: Signup,
    shift: Shift,
    now: datetime,
) -> list[datetime]:
    """Queue this sign-up's reminders that are still ahead; returns their due times."""
    queued = seat_reminders(
        campaign=campaign, volunteer=volunteer, signup=signup, shift=shift, now=now
    )
    await uow.notices.add_all(queued)
    return [notice.due_at for notice in queued]


async def cancel(uow: UnitOfWork, signup: Signup) -> None:
    """Cancel the sign-up's pending reminders."""
    await uow.notices.cancel_pending(signup_id=signup.id, kinds=_REMINDER_KINDS)


async def reschedule_volunteer(
    uow: UnitOfWork, *, campaign: Campaign, volunteer: Volunteer, now: datetime
) -> int:
    """After the volunteer changed their reminder choice; returns how many shifts it touched."""
    upcoming = [
        (signup, shift)
        for signup, shift in await uow.signups.upcoming_for(volunteer.id, now)
        if signup.status is SignupStatus.CONFIRMED
    ]
    for signup, shift in upcoming:
        await cancel(uow, signup)
        await schedule(
            uow, campaign=campaign, volunteer=volunteer, signup=signup, shift=shift, now=now
        )
    return len(upcoming)


async def reschedule_campaign(uow: UnitOfWork, *, campaign: Campaign, now: datetime) -> int:
    """After the campaign changed its default reminders: redo every volunteer who follows it."""
    touched = 0
    for signup, shift in await uow.signups.confirmed_upcoming(campaign.id, now):
        volunteer = await uow.volunteers.get(signup.volunteer_id)
        if volunteer.reminder_offsets is not None:
            continue
        await cancel(uow, signup)
        await schedule(
            uow, campaign=campaign, volunteer=volunteer, signup=signup, shift=shift, now=now
        )
        touched += 1
    return touched
