"""A claimed notice written out and addressed as of now, ready for the dispatcher to send;
and what a notice that failed for good brings (organizers told, a closed-DMs mention)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.campaign import Team
from bot.domain.notice import Notice, NoticeKind
from bot.kernel.context import language_for
from bot.kernel.i18n import reading_in
from bot.kernel.outbox import delivery_policy as policy
from bot.kernel.outbox.delivery_policy import Send
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeBook, PostWork
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Reply
from bot.ports.storage import UnitOfWork


@dataclass(frozen=True, slots=True)
class Ready:
    """A notice written out and addressed, to be sent."""

    notice: Notice
    reply: Reply
    sends: tuple[Send, ...]
    # A live post to put up or edit, instead of sends to people.
    post: PostWork | None = None


async def ready_for(
    book: NoticeBook, uow: UnitOfWork, notice: Notice, now: datetime, *, superseded: bool
) -> Ready | Drop:
    """The notice written as of now and addressed, or why it is dropped instead."""
    posts = book.posts
    if superseded:
        return posts.pointless if notice.kind in posts.kinds else policy.SUPERSEDED
    if notice.kind in posts.kinds:
        # Channel posts read in the campaign's language.
        campaign = await uow.campaigns.get(notice.campaign_id)
        with reading_in(language_for(None, campaign)):
            work = await posts.prepare(uow, notice, now)
        return work if isinstance(work, Drop) else Ready(notice, work.reply, (), post=work)
    verdict = await book.render(notice, uow, now)
    if isinstance(verdict, Drop):
        return verdict
    if verdict.to is None:
        sends = policy.address(
            to_organizers=True,
            in_channel=verdict.in_channel,
            teams=await _organizers_teams(book, uow, notice),
        )
    else:
        sends = policy.address(
            to_organizers=False,
            in_channel=verdict.in_channel,
            identities=await uow.volunteers.identities(verdict.to.id),
        )
    if isinstance(sends, Drop):
        return sends
    return Ready(notice, verdict.reply, sends)


async def _organizers_teams(book: NoticeBook, uow: UnitOfWork, notice: Notice) -> Sequence[Team]:
    """The teams whose organizers hear of the notice: every team of the campaign, or for a
    notice about a newcomer only theirs (another team's organizers can't reach them)."""
    teams = await uow.campaigns.teams_of(notice.campaign_id)
    if len(teams) < 2 or not book.specs[notice.kind].their_team:
        return teams
    person = int(notice.payload["volunteer_id"])
    theirs = (await uow.links.teams_of_people([person])).get(person)
    return [team for team in teams if theirs is not None and team.id == theirs.id] or teams


async def queue_failure_notices(
    book: NoticeBook, uow: UnitOfWork, notice: Notice, error: DeliveryError, now: datetime
) -> None:
    """Tell organizers a volunteer missed a message; mention the volunteer once if we can."""
    what = book.description(notice.kind)
    alert = policy.failure_alert(notice, error, now, what=what)
    if alert is not None:
        await uow.notices.add(alert)
    mention = policy.closed_dms_mention(notice, error, now)
    if mention is not None:
        assert mention.volunteer_id is not None
        if not await uow.notices.ever_queued(mention.volunteer_id, NoticeKind.DMS_CLOSED):
            await uow.notices.add(mention)


async def read_ahead(uow: UnitOfWork, notices: Sequence[Notice]) -> None:
    """Read what writing `notices` will ask for, a query per table for the whole batch instead
    of a few single-row reads per notice: their campaigns, volunteers (and how to reach them),
    shifts, each volunteer's active sign-up on their notice's shift, and what happened on
    their notice's sign-up (a reminder asks "I'll be there?" only until they say so)."""
    await uow.campaigns.load_many({n.campaign_id for n in notices})
    # The notice's volunteer, or the one an organizer notice is about.
    await uow.volunteers.load_many(
        {n.volunteer_id for n in notices if n.volunteer_id is not None}
        | {int(n.payload["volunteer_id"]) for n in notices if "volunteer_id" in n.payload}
    )
    await uow.shifts.load_many({n.shift_id for n in notices if n.shift_id is not None})
    await uow.signups.load_many(
        {
            (n.shift_id, n.volunteer_id)
            for n in notices
            if n.shift_id is not None and n.volunteer_id is not None
        }
    )
    await uow.attendance.load_many({n.signup_id for n in notices if n.signup_id is not None})
