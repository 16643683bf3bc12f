"""What a seat's own notices say: a place off the waitlist, a late cancellation for organizers;
and the checks every notice about a seat makes at send time (is the shift on, is the seat
still theirs), which other features' notices share.
"""

from collections.abc import Callable

from bot.calendars import calendar_feeds
from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.offer import OFFER_FOR
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.kernel.places import where_line
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups.buttons import LEAVE


async def live_shift(scene: Scene) -> Shift | Drop:
    """The notice's shift, if the volunteer still has a place on it."""
    notice = scene.notice
    assert notice.shift_id is not None and notice.volunteer_id is not None
    shift = await scene.uow.shifts.get(notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    signup = await scene.uow.signups.active(shift.id, notice.volunteer_id)
    if signup is None or signup.status is not SignupStatus.CONFIRMED:
        return Drop(NoticeState.CANCELLED, "the volunteer is no longer confirmed")
    if notice.signup_id is not None and signup.id != notice.signup_id:
        # Left and joined again: the new seat has notices of its own.
        return Drop(NoticeState.CANCELLED, "the seat it was for is gone")
    return shift


async def still_on(scene: Scene) -> Shift | Drop:
    """The notice's shift, if it hasn't started and the volunteer is still on it (or waiting)."""
    notice = scene.notice
    assert notice.shift_id is not None and notice.volunteer_id is not None
    shift = await scene.uow.shifts.get(notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    if shift.has_started(scene.now):
        return Drop(NoticeState.SKIPPED, "the shift had already started")
    if await scene.uow.signups.active(shift.id, notice.volunteer_id) is None:
        return Drop(NoticeState.CANCELLED, "the volunteer has left the shift")
    return shift


async def seat_message(scene: Scene, opening: Callable[[Shift], str]) -> Reply | Drop:
    """A message about a confirmed seat, with the link and a way out; pointless once started."""
    shift = await live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    if shift.has_started(scene.now):
        return Drop(NoticeState.SKIPPED, "the shift had already started")
    text = opening(shift)
    text += where_line(shift)
    return Message(text, buttons=(cant_make_it(shift),))


def cant_make_it(shift: Shift) -> Button:
    """The way out of a seat every seat message offers."""
    return Button(_("Can't make it"), LEAVE.action(shift.number), ButtonStyle.DANGER)


async def named(scene: Scene, volunteer_id: object) -> str:
    """A volunteer's name as of now; an erased one is never named."""
    if not isinstance(volunteer_id, int):
        return "Someone"
    volunteer = await scene.uow.volunteers.get(volunteer_id)
    if volunteer is None or volunteer.forgotten_at is not None:
        return _("A former volunteer")
    return f"{volunteer.name} (#{volunteer.number})"


async def booker(scene: Scene) -> str:
    """The organizer who booked, by name as of now; never an erased one's."""
    by = scene.notice.payload.get("by_id")
    booker = await scene.uow.volunteers.get(by) if isinstance(by, int) else None
    return booker.name if booker and booker.forgotten_at is None else _("An organizer")


async def with_calendar(scene: Scene, message: Reply | Drop) -> Reply | Drop:
    """A message telling someone of their confirmed seat offers Add to calendar."""
    if not isinstance(message, Message) or scene.volunteer is None:
        return message
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    signup = await scene.uow.signups.active(shift.id, scene.volunteer.id)
    if signup is None or signup.status is not SignupStatus.CONFIRMED:
        return message
    return await calendar_feeds.with_calendar(
        scene.uow, scene.campaign, scene.volunteer, shift, signup, message, scene.now
    )


async def _promoted(scene: Scene) -> Reply | Drop:
    message = await seat_message(
        scene,
        lambda shift: _(
            "Good news: a seat opened up and you're now confirmed for “{title}” (#{number}), {at}.",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, scene.zone),
        ),
    )
    return await with_calendar(scene, message)


async def _late_cancellation(scene: Scene) -> Reply | Drop:
    """To the organizers: who left close to the start, and what the seat became."""
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    left = await named(scene, scene.notice.payload.get("volunteer_id"))
    promoted_id = scene.notice.payload.get("promoted_id")
    offered_id = scene.notice.payload.get("offered_id")
    if isinstance(promoted_id, int):
        became = _(
            "The seat went to {value} from the waitlist.", value=await named(scene, promoted_id)
        )
    elif isinstance(offered_id, int):
        became = _(
            "The seat is offered to {value}, first on the waitlist, for {span}.",
            value=await named(scene, offered_id),
            span=timefmt.span(OFFER_FOR),
        )
    else:
        became = _("The seat is now open.")
    starts = timefmt.at(shift.starts_at, scene.zone)
    within = timefmt.countdown(shift.starts_at, scene.now)
    return Message(
        _(
            "⚠️ Late cancellation: {left} left #{number} “{title}”, which starts "
            "{starts} ({within}). {became}",
            left=left,
            number=shift.number,
            title=shift.title,
            starts=starts,
            within=within,
            became=became,
        )
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.PROMOTED,
        _promoted,
        "when the shift was cancelled or has started, or the seat is no longer theirs",
        description="the news that they got a seat off the waitlist",
    ),
    NoticeSpec(
        NoticeKind.LATE_CANCELLATION,
        _late_cancellation,
        "when the shift was cancelled",
    ),
)
