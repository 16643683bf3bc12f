"""Queueing edits of live posts, in the unit of work of the change that makes them due.

Every change of a shift's seats, state, time or title holds the shift (`seats.hold`), which
notes it in the context (`ctx.shift_changed`); a new shift is noted too, as boards show it.
Just before the command commits, `queue` owes an edit to each post showing a noted shift and
to the campaign's boards, in one statement: after every shift lock the command takes, so it
never waits on a post while holding a shift another command needs. Each post owes at most one
edit at a time (storage's `edit_pending`), due EDIT_DELAY after the first change and written
from the shift as it stands when sent: a burst of joins is one edit, not one per join.
"""

from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.post import EDIT_DELAY
from bot.kernel.context import Context


async def queue(ctx: Context) -> None:
    """Owe an edit to every post showing a changed shift, and to the campaign's boards."""
    if not ctx.changed_shifts:
        return
    shift_ids = sorted(s for s in ctx.changed_shifts if s is not None)
    ctx.changed_shifts.clear()
    owed = await ctx.uow.posts.queue_edits(ctx.campaign.id, shift_ids)
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
