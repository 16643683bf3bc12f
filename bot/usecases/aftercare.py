"""The notices a seat brings after its reminders: the check-in DM at the start.

Queued with the seat; each is rendered at send time and dropped if by then the seat is gone,
the shift was cancelled or its moment has passed (bot/notices_aftercare.py).
"""

from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup
from bot.ports.storage import UnitOfWork


async def schedule(uow: UnitOfWork, *, campaign_id: int, signup: Signup, shift: Shift) -> None:
    """Queue a new seat's check-in DM, due at the start."""
    await uow.notices.add(
        NewNotice(
            campaign_id=campaign_id,
            kind=NoticeKind.CHECK_IN,
            due_at=shift.starts_at,
            volunteer_id=signup.volunteer_id,
            shift_id=shift.id,
            signup_id=signup.id,
        )
    )
