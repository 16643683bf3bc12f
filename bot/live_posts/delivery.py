"""Live posts as durable work: what the dispatcher posts or edits, and what it records after.

A LIVE_POST notice puts a post up in a channel; a POST_EDIT notice edits one. Both are written
as of the moment they are sent, from the shift (or the upcoming shifts) as they stand, so one
edit shows every change since the last. An edit that would show what the post already shows
is skipped; a post whose message or channel is gone is forgotten, once, and never edited again.
"""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.campaign import Team
from bot.domain.notice import NewNotice, Notice, NoticeKind, NoticeState
from bot.domain.phonebank import ShiftSeats
from bot.domain.positions import PositionSeats
from bot.domain.post import BOARD_SIZE, EDIT_DELAY, PostRef
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import ChannelPosts
from bot.live_posts.views import board_post, digest, shift_post
from bot.ports.replies import Reply
from bot.ports.storage import UnitOfWork

log = logging.getLogger(__name__)

KINDS = frozenset({NoticeKind.LIVE_POST, NoticeKind.POST_EDIT})
SUPERSEDED = Drop(NoticeState.SKIPPED, "another edit of this post is written now")


@dataclass(frozen=True, slots=True)
class PostWork:
    """One post to put up (`ref` None) or to edit, written and ready to send."""

    notice: Notice
    platform: str
    reply: Reply
    shown: str
    shift_id: int | None
    # A new post: the team and channel it goes to, and the start it announces.
    team: Team | None = None
    channel: str = ""
    posted_starts_at: datetime | None = None
    # An edit: the post and where its message is.
    post_id: int | None = None
    ref: PostRef | None = None
    # When the post should next be looked at because time alone changes it (a start, an end).
    wake_at: datetime | None = None


def superseded(claimed: Sequence[Notice]) -> set[int]:
    """The ids of edits made pointless by another edit of the same post in the same batch:
    both would be written now and show the same. The one kept is the coalesced edit (not a
    timed one), as writing it frees the post to owe the next."""
    kept: dict[int, Notice] = {}
    dropped: set[int] = set()
    for notice in claimed:
        if notice.kind is not NoticeKind.POST_EDIT:
            continue
        post_id = int(notice.payload["post_id"])
        other = kept.get(post_id)
        if other is None:
            kept[post_id] = notice
        elif other.payload.get("timed") and not notice.payload.get("timed"):
            dropped.add(other.id)
            kept[post_id] = notice
        else:
            dropped.add(notice.id)
    return dropped


async def prepare(uow: UnitOfWork, notice: Notice, now: datetime) -> PostWork | Drop:
    """The post or edit a notice asks for, written now; or why there is nothing to send."""
    if notice.kind is NoticeKind.LIVE_POST:
        return await _new_post(uow, notice, now)
    post = await uow.posts.get(int(notice.payload["post_id"]))
    if post is None:
        return Drop(NoticeState.CANCELLED, "the post is gone")
    if not notice.payload.get("timed"):
        # From here on a change owes a new edit: this one may already be written without it.
        await uow.posts.edit_taken(post.id)
    reply, wake_at = await _view(uow, notice.campaign_id, post.shift_id, post.posted_starts_at, now)
    shown = digest(reply)
    if shown == post.shown:
        return Drop(NoticeState.SKIPPED, "the post already shows this")
    return PostWork(
        notice,
        post.ref.platform,
        reply,
        shown,
        post.shift_id,
        post_id=post.id,
        ref=post.ref,
        wake_at=wake_at,
    )


async def _new_post(uow: UnitOfWork, notice: Notice, now: datetime) -> PostWork | Drop:
    team_id = notice.payload.get("team_id")
    teams = await uow.campaigns.teams_of(notice.campaign_id)
    team = next((t for t in teams if t.id == team_id), None)
    if team is None:
        return Drop(NoticeState.FAILED, "the team it was for is gone")
    shift_id = notice.payload.get("shift_id")
    starts_at = None
    if isinstance(shift_id, int):
        shift = await uow.shifts.get(shift_id)
        if shift.is_cancelled:
            return Drop(NoticeState.CANCELLED, "the shift was cancelled before it was posted")
        starts_at = shift.starts_at
    else:
        shift_id = None
    reply, wake_at = await _view(uow, notice.campaign_id, shift_id, starts_at, now)
    return PostWork(
        notice,
        team.platform,
        reply,
        digest(reply),
        shift_id,
        team=team,
        channel=str(notice.payload["channel"]),
        posted_starts_at=starts_at,
        wake_at=wake_at,
    )


async def _view(
    uow: UnitOfWork,
    campaign_id: int,
    shift_id: int | None,
    posted_starts_at: datetime | None,
    now: datetime,
) -> tuple[Reply, datetime | None]:
    """What the post shows now, and the next moment time alone will change that."""
    campaign = await uow.campaigns.get(campaign_id)
    zone = ZoneInfo(campaign.timezone)
    if shift_id is None:
        upcoming = await uow.shifts.upcoming(campaign_id, now, limit=BOARD_SIZE)
        more = await uow.shifts.count_upcoming(campaign_id, now) - len(upcoming)
        # The first shift listed drops off the board when it starts.
        wake = upcoming[0].shift.starts_at if upcoming else None
        return board_post(upcoming, more=more, zone=zone), wake
    shift = await uow.shifts.get(shift_id)
    confirmed, waitlisted = await uow.signups.counts(shift.id)
    seats = ShiftSeats(shift, confirmed, waitlisted)
    positions: list[PositionSeats] = []
    if shift.positioned:
        counted = await uow.signups.position_counts(shift.id)
        positions = [
            PositionSeats(p, *counted.get(p.id, (0, 0)))
            for p in await uow.positions.of_shift(shift.id)
        ]
    reply = shift_post(
        seats, now=now, zone=zone, posted_starts_at=posted_starts_at, positions=positions
    )
    if shift.is_cancelled:
        return reply, None
    # It shows "started" from the start and "ended" from the end.
    wake = next((at for at in (shift.starts_at, shift.ends_at) if at > now), None)
    return reply, wake


async def settle(uow: UnitOfWork, work: PostWork, ref: PostRef, now: datetime) -> None:
    """Record what was sent: a new post with where it is, or what an edited one now shows;
    and queue the next timed edit if time alone will change the post."""
    if work.post_id is None:
        post = await uow.posts.add(
            campaign_id=work.notice.campaign_id,
            ref=ref,
            shift_id=work.shift_id,
            posted_starts_at=work.posted_starts_at,
            shown=work.shown,
            now=now,
        )
        post_id = post.id
        woken_at = None
        # A change made while the post was on its way owed it nothing (it wasn't recorded
        # yet): the edit a new post owes, shortly after, catches it (skipped if none).
        await uow.notices.add(_edit(work.notice.campaign_id, post_id, now + EDIT_DELAY))
    else:
        post_id = work.post_id
        await uow.posts.shown(post_id, work.shown)
        now_stored = await uow.posts.get(post_id)
        woken_at = now_stored.wake_at if now_stored is not None else None
    if work.wake_at is not None and work.wake_at != woken_at:
        await uow.notices.add(_edit(work.notice.campaign_id, post_id, work.wake_at, timed=True))
        await uow.posts.wake_at(post_id, work.wake_at)


def _edit(campaign_id: int, post_id: int, due_at: datetime, *, timed: bool = False) -> NewNotice:
    """An edit of one post; a timed one (at a start or an end) is not the post's owed edit."""
    payload: dict[str, object] = {"post_id": post_id}
    if timed:
        payload["timed"] = True
    return NewNotice(campaign_id, NoticeKind.POST_EDIT, due_at, payload=payload)


async def forget(uow: UnitOfWork, work: PostWork, reason: str, now: datetime) -> None:
    """The post's message or channel is gone: recorded once, and no edit is tried again."""
    if work.post_id is None:
        log.warning("couldn't put a post up in channel %s: %s", work.channel, reason)
        asker = work.notice.payload.get("by_id")
        if isinstance(asker, int):
            await uow.notices.add(
                NewNotice(
                    work.notice.campaign_id,
                    NoticeKind.POST_FAILED,
                    now,
                    volunteer_id=asker,
                    shift_id=work.shift_id,
                    payload={"reason": reason},
                )
            )
        return
    log.warning("post %s is gone (%s); it won't be edited again", work.post_id, reason)
    await uow.posts.forget(work.post_id, reason, now)


CHANNEL_POSTS = ChannelPosts(
    kinds=KINDS,
    pointless=SUPERSEDED,
    superseded=superseded,
    prepare=prepare,
    settle=settle,
    forget=forget,
)
