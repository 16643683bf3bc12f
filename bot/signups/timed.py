"""The notices a seat brings after its reminders: the check-in DM at the start, "How did it
go?" after the end and the follow-up the day after ("We missed you" or "hope to see you
soon", with the organizers told of a second miss in a row); and each shift's confirmation
check and wrap-up for the organizers.

Queued with the seat or the shift; each is rendered at send time and dropped if by then the
seat is gone, the shift was cancelled or its moment has passed (bot/attendance/notices.py).
"""

from collections.abc import Sequence
from datetime import datetime

from bot.domain.attendance import (
    DEBRIEF_AFTER,
    NO_ANSWER_AFTER,
    WRAP_UP_AFTER,
    day_after,
    is_late_cancellation,
    next_local_hour,
)
from bot.domain.campaign import Campaign
from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel.context import Context, zone_for
from bot.ports.storage import UnitOfWork


def seat_notices(
    *, campaign: Campaign, volunteer: Volunteer, signup: Signup, shift: Shift
) -> list[NewNotice]:
    """A new seat's check-in DM at the start, its "How did it go?" after the end, and the
    follow-up at 10:00 in the volunteer's zone once a day has passed without a word."""
    follow_up = next_local_hour(shift.ends_at + NO_ANSWER_AFTER, zone_for(volunteer, campaign))
    return [
        NewNotice(
            campaign_id=campaign.id,
            kind=kind,
            due_at=due_at,
            volunteer_id=None if kind is NoticeKind.TWO_MISSES else signup.volunteer_id,
            shift_id=shift.id,
            signup_id=signup.id,
            payload={"volunteer_id": signup.volunteer_id} if kind is NoticeKind.TWO_MISSES else {},
        )
        for kind, due_at in (
            (NoticeKind.CHECK_IN, shift.starts_at),
            (NoticeKind.DEBRIEF, shift.ends_at + DEBRIEF_AFTER),
            (NoticeKind.MISSED_YOU, follow_up),
            (NoticeKind.TWO_MISSES, follow_up),
        )
    ]


async def schedule_shift(uow: UnitOfWork, shift: Shift) -> None:
    """Queue a new shift's confirmation check (unless the campaign turned it off) and its
    wrap-up for the organizers, two hours after the end."""
    campaign = await uow.campaigns.get(shift.campaign_id)
    await uow.notices.add_all(
        [
            *_confirm_check(campaign, shift),
            NewNotice(
                campaign_id=shift.campaign_id,
                kind=NoticeKind.WRAP_UP,
                due_at=shift.ends_at + WRAP_UP_AFTER,
                shift_id=shift.id,
            ),
        ]
    )


def _confirm_check(campaign: Campaign, shift: Shift) -> list[NewNotice]:
    if campaign.confirm_check is None:
        return []
    return [
        NewNotice(
            campaign_id=campaign.id,
            kind=NoticeKind.CONFIRM_CHECK,
            due_at=shift.starts_at - campaign.confirm_check,
            shift_id=shift.id,
        )
    ]


async def reschedule_confirm_checks(uow: UnitOfWork, campaign: Campaign, now: datetime) -> int:
    """The campaign changed its confirmation check: every upcoming shift's check moves (or
    goes, when turned off). Returns how many shifts it touched."""
    touched = 0
    offset = 0
    while batch := await uow.shifts.upcoming(campaign.id, now, limit=100, offset=offset):
        for seats in batch:
            await uow.notices.cancel_pending(
                shift_id=seats.shift.id, kinds=(NoticeKind.CONFIRM_CHECK,)
            )
            await uow.notices.add_all(_confirm_check(campaign, seats.shift))
            touched += 1
        offset += len(batch)
    return touched


async def follow_the_shift(
    uow: UnitOfWork, shift: Shift, seats: Sequence[tuple[Signup, Volunteer]]
) -> None:
    """The shift moved: its confirmation check, its wrap-up and each confirmed seat's
    check-in, debrief and follow-up move too."""
    campaign = await uow.campaigns.get(shift.campaign_id)
    await uow.notices.cancel_pending(shift_id=shift.id, kinds=_FOLLOW_THE_SHIFT)
    await schedule_shift(uow, shift)
    await uow.notices.add_all(
        [
            notice
            for signup, volunteer in seats
            for notice in seat_notices(
                campaign=campaign, volunteer=volunteer, signup=signup, shift=shift
            )
        ]
    )


# What is due at a moment of the shift itself (its start or end), not before it.
_FOLLOW_THE_SHIFT = (
    NoticeKind.CHECK_IN,
    NoticeKind.DEBRIEF,
    NoticeKind.WRAP_UP,
    NoticeKind.CONFIRM_CHECK,
    NoticeKind.MISSED_YOU,
    NoticeKind.TWO_MISSES,
)
_FOLLOW_UPS = (NoticeKind.MISSED_YOU, NoticeKind.TWO_MISSES)
# Everything a seat brings: its reminders and what seat_notices queues.
_SEAT_KINDS = (
    NoticeKind.SHIFT_REMINDER,
    NoticeKind.CHECK_IN,
    NoticeKind.DEBRIEF,
    NoticeKind.MISSED_YOU,
    NoticeKind.TWO_MISSES,
)


async def cancel_seat_notices(uow: UnitOfWork, signup: Signup) -> None:
    """The seat is gone (or about to be queued again): its timed notices go, so one person
    never has two of a kind for one shift."""
    await uow.notices.cancel_pending(signup_id=signup.id, kinds=_SEAT_KINDS)


async def follow_up_sooner(ctx: Context, shift: Shift, signup: Signup) -> None:
    """A miss known before the day is up (marked a no-show, or "I couldn't make it"): the
    follow-up moves to 10:00 on the day after the shift, in the volunteer's zone (or the next
    10:00 from now, if that has passed). Once it has gone out, nothing is sent again."""
    if not await ctx.uow.notices.cancel_pending(signup_id=signup.id, kinds=_FOLLOW_UPS):
        return
    volunteer = await ctx.uow.volunteers.get(signup.volunteer_id)
    zone = zone_for(volunteer, ctx.campaign)
    due = day_after(shift.ends_at, zone)
    if due <= ctx.now:
        due = next_local_hour(ctx.now, zone)
    await ctx.notify(
        NoticeKind.MISSED_YOU,
        volunteer_id=signup.volunteer_id,
        shift_id=shift.id,
        signup_id=signup.id,
        due_at=due,
    )
    await ctx.notify(
        NoticeKind.TWO_MISSES,
        shift_id=shift.id,
        signup_id=signup.id,
        payload={"volunteer_id": signup.volunteer_id},
        due_at=due,
    )


async def tell_of_late_cancellation(
    ctx: Context, shift: Shift, signup: Signup, promoted: Sequence[Signup]
) -> None:
    """Leaving a seat within 24 hours of the start: the organizers hear at once, with what the
    seat became (who moved up, or open)."""
    if signup.status is not SignupStatus.CONFIRMED or not is_late_cancellation(
        shift.starts_at, ctx.now
    ):
        return
    moved_up = promoted[0] if promoted else None
    offered = moved_up is not None and moved_up.status is SignupStatus.OFFERED
    await ctx.notify(
        NoticeKind.LATE_CANCELLATION,
        shift_id=shift.id,
        payload={
            "volunteer_id": signup.volunteer_id,
            "promoted_id": moved_up.volunteer_id if moved_up and not offered else None,
            "offered_id": moved_up.volunteer_id if moved_up and offered else None,
        },
    )
    # They said so in time: the day after, a plain "hope to see you soon" with shifts that fit.
    volunteer = await ctx.uow.volunteers.get(signup.volunteer_id)
    if volunteer.forgotten_at is None and not ctx.erased:
        await ctx.notify(
            NoticeKind.MISSED_YOU,
            volunteer_id=signup.volunteer_id,
            shift_id=shift.id,
            signup_id=signup.id,
            payload={"left": True},
            due_at=day_after(shift.ends_at, zone_for(volunteer, ctx.campaign)),
        )
