"""What the notices of an edited shift say: it moved, its link changed, seats were cut."""

from datetime import datetime

from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.signup import SignupStatus
from bot.editing.buttons import STILL
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups import LEAVE, cant_make_it, live_shift, still_on, with_calendar


async def _shift_moved(scene: Scene) -> Reply | Drop:
    shift = await still_on(scene)
    if isinstance(shift, Drop):
        return shift
    was = datetime.fromisoformat(str(scene.notice.payload["from"]))
    length = timefmt.duration(shift.ends_at - shift.starts_at)
    if was == shift.starts_at:  # only its length changed
        text = _(
            "🕒 “{title}” (#{number}), {at}, now runs for {length}, until {clock}. "
            "Does it still work for you?",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, scene.zone),
            length=length,
            clock=timefmt.clock(shift.ends_at, scene.zone),
        )
    else:
        text = _(
            "🕒 “{title}” (#{number}) moved from {at} to {at2}, for {length}. Does "
            "it still work for you?",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(was, scene.zone),
            at2=timefmt.at(shift.starts_at, scene.zone),
            length=length,
        )
    moved = Message(
        text,
        buttons=(
            Button(_("Still works"), STILL.action(shift.number), ButtonStyle.PRIMARY),
            cant_make_it(shift),
        ),
    )
    # The same event, a revision up: opening it moves the entry already in their calendar.
    return await with_calendar(scene, moved)


async def _link_changed(scene: Scene) -> Reply | Drop:
    shift = await live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    if shift.has_started(scene.now) and scene.now >= shift.ends_at:
        return Drop(NoticeState.SKIPPED, "the shift is over")
    link = (
        _("the new dialer and script link is {link}", link=shift.link)
        if shift.link
        else _("it has no link now")
    )
    return Message(
        _(
            "🔗 For “{title}” (#{number}, {at}) {link}.",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, scene.zone),
            link=link,
        ),
        buttons=(cant_make_it(shift),),
    )


async def _back_on_waitlist(scene: Scene) -> Reply | Drop:
    shift = await still_on(scene)
    if isinstance(shift, Drop):
        return shift
    signup = await scene.uow.signups.active(shift.id, scene.notice.volunteer_id or 0)
    if signup is None or signup.status is not SignupStatus.WAITLISTED:
        return Drop(NoticeState.CANCELLED, "the volunteer is no longer waiting")
    position = await scene.uow.signups.waitlist_position(signup)
    return Message(
        _(
            "Sorry: the organizers cut the seats on “{title}” (#{number}, {at}), "
            "and as one of the last to join you're back on the waitlist, "
            "#{position} in line. I'll message you the moment a seat opens.",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, scene.zone),
            position=position,
        ),
        buttons=(Button(_("Leave the waitlist"), LEAVE.action(shift.number)),),
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.SHIFT_MOVED,
        _shift_moved,
        "when the shift was cancelled or has started, or they left it",
        description="the news that their shift moved",
    ),
    NoticeSpec(
        NoticeKind.LINK_CHANGED,
        _link_changed,
        "when the shift was cancelled or is over, or they are no longer confirmed",
        description="a shift's new link",
    ),
    NoticeSpec(
        NoticeKind.BACK_ON_WAITLIST,
        _back_on_waitlist,
        "when the shift was cancelled or has started, or they are no longer waiting",
        description="the news that they are back on the waitlist",
    ),
)
