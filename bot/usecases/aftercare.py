"""The notices a seat brings after its reminders: the check-in DM at the start and
"How did it go?" after the end; and each shift's wrap-up for the organizers.

Queued with the seat; each is rendered at send time and dropped if by then the seat is gone,
the shift was cancelled or its moment has passed (bot/notices_aftercare.py).
"""

from collections.abc import Sequence

from bot.domain.attendance import DEBRIEF_AFTER, LATE_CANCELLATION, WRAP_UP_AFTER
from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.ports.storage import UnitOfWork
from bot.usecases.context import Context


def seat_notices(*, campaign_id: int, signup: Signup, shift: Shift) -> list[NewNotice]:
    """A new seat's check-in DM at the start and its "How did it go?" after the end."""
    return [
        NewNotice(
            campaign_id=campaign_id,
            kind=kind,
            due_at=due_at,
            volunteer_id=signup.volunteer_id,
            shift_id=shift.id,
            signup_id=signup.id,
        )
        for kind, due_at in (
            (NoticeKind.CHECK_IN, shift.starts_at),
            (NoticeKind.DEBRIEF, shift.ends_at + DEBRIEF_AFTER),
        )
    ]


async def schedule_shift(uow: UnitOfWork, shift: Shift) -> None:
    """Queue a new shift's wrap-up for the organizers, two hours after the end."""
    await uow.notices.add(
        NewNotice(
            campaign_id=shift.campaign_id,
            kind=NoticeKind.WRAP_UP,
            due_at=shift.ends_at + WRAP_UP_AFTER,
            shift_id=shift.id,
        )
    )


async def follow_the_shift(uow: UnitOfWork, shift: Shift, seats: Sequence[Signup]) -> None:
    """The shift moved: its wrap-up and each confirmed seat's check-in and debrief move too."""
    await uow.notices.cancel_pending(shift_id=shift.id, kinds=_FOLLOW_THE_SHIFT)
    await schedule_shift(uow, shift)
    await uow.notices.add_all(
        [
            notice
            for signup in seats
            for notice in seat_notices(campaign_id=shift.campaign_id, signup=signup, shift=shift)
        ]
    )


# What is due at a moment of the shift itself (its start or end), not before it.
_FOLLOW_THE_SHIFT = (NoticeKind.CHECK_IN, NoticeKind.DEBRIEF, NoticeKind.WRAP_UP)


async def tell_of_late_cancellation(
    ctx: Context, shift: Shift, signup: Signup, promoted: Sequence[Signup]
) -> None:
    """Leaving a seat within 24 hours of the start: the organizers hear at once, with what the
    seat became (who moved up, or open)."""
    if signup.status is not SignupStatus.CONFIRMED or shift.starts_at - ctx.now > LATE_CANCELLATION:
        return
    await ctx.notify(
        NoticeKind.LATE_CANCELLATION,
        shift_id=shift.id,
        payload={
            "volunteer_id": signup.volunteer_id,
            "promoted_id": promoted[0].volunteer_id if promoted else None,
        },
    )
