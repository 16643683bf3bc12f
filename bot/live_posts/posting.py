"""`/phonebank post` and `/phonebank post board`: live posts that keep themselves current.

The post itself is durable work: a LIVE_POST notice the dispatcher sends
(bot/live_posts/delivery.py)
and records, so it is paced and retried like any message and survives a restart.
"""

from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import Shift
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.live_posts.commands import PostBoard, PostShift
from bot.ports.replies import Message, Reply
from bot.signups import seats

NO_CHANNEL = (
    "I can only post in a channel: type the command in the channel where the post should go."
)


async def post_shift(cmd: PostShift, ctx: Context) -> Reply:
    """`/phonebank post <shift>`: the shift again in this channel, kept current (organizers)."""
    ctx.require_organizer(_("post shifts"))
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, cmd.shift)
    if shift is None:
        raise seats.no_such_shift(cmd.shift)
    if shift.is_cancelled:
        raise UserError(
            _("#{number} is cancelled, so there's nothing to sign up for.", number=shift.number)
        )
    if shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} has already started. `/phonebank list` shows what's next.",
                number=shift.number,
            )
        )
    if not await queue_post(ctx, shift):
        raise UserError(NO_CHANNEL)
    return Message(
        _(
            "Posting #{number} “{title}” here. The post shows the seats left and "
            "keeps itself up to date as people join and leave.",
            number=shift.number,
            title=shift.title,
        )
    )


async def post_board(cmd: PostBoard, ctx: Context) -> Reply:
    """`/phonebank post board`: the upcoming shifts in one post here, kept current (organizers)."""
    ctx.require_organizer(_("post the board of shifts"))
    if not await queue_post(ctx, None):
        raise UserError(NO_CHANNEL)
    return Message(
        _(
            "Posting the board of upcoming shifts here. It keeps itself up to date "
            "as people join, and as shifts are added, moved, cancelled or start."
        )
    )


async def queue_post(ctx: Context, shift: Shift | None) -> bool:
    """Queue a live post of the shift (None: the board) in the channel the actor is in;
    False when the command came from nowhere the bot can post."""
    if not ctx.actor.channel:
        return False
    await ctx.notify(
        NoticeKind.LIVE_POST,
        payload={
            "team_id": ctx.team.id,
            "channel": ctx.actor.channel,
            "shift_id": shift.id if shift is not None else None,
            # Told if the post can't go up; by id, so an erased organizer is never named.
            "by_id": ctx.volunteer.id,
        },
    )
    return True
