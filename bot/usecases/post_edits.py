"""Queueing edits of live posts, in the unit of work of the change that makes them due.

Every change of a shift's seats, state, time or title holds the shift (`seats.hold`), which
calls `shift_changed`; so does a new shift, which boards show. Each post owes at most one edit
at a time (storage's `edit_pending`), due EDIT_DELAY after the first change and written from
the shift as it stands when sent: a burst of joins is one edit, not one per join.
"""

from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.post import EDIT_DELAY
from bot.usecases.context import Context


async def shift_changed(ctx: Context, shift_id: int | None) -> None:
    """Owe an edit to every post showing the shift and to the campaign's boards (shift_id
    None: the boards only)."""
    owed = await ctx.uow.posts.queue_edits(ctx.campaign.id, shift_id)
    if not owed:
        return
    await ctx.uow.notices.add_all(
        [
            NewNotice(
                campaign_id=ctx.campaign.id,
                kind=NoticeKind.POST_EDIT,
                due_at=ctx.now + EDIT_DELAY,
                payload={"post_id": post_id},
            )
            for post_id in owed
        ]
    )
    ctx.queued.append(NoticeKind.POST_EDIT)
