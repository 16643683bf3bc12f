"""What shifts' notices say: a cancelled shift, an announcement, and organizers' bookings."""

from bot.calendars import calendar_feeds
from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.kernel.places import where_line
from bot.ports.replies import Button, Message, Reply
from bot.signups import SHIFTS, booker, cant_make_it, live_shift, still_on, with_calendar


async def _shift_cancelled(scene: Scene) -> Reply | Drop:
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    message = Message(
        _(
            "Sorry: “{title}” (#{number}) on {at} has been cancelled by the organizers.",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, scene.zone),
        ),
        buttons=(Button(_("See other shifts"), SHIFTS.action()),),
    )
    # A confirmed seat had a calendar entry: this one, marked cancelled, takes it out.
    if scene.notice.payload.get("was") != SignupStatus.CONFIRMED.value:
        return message
    if scene.volunteer is None or scene.notice.signup_id is None:
        return message
    signup = await scene.uow.calendars.signup(scene.notice.signup_id)
    return await calendar_feeds.with_calendar(
        scene.uow, scene.campaign, scene.volunteer, shift, signup, message, scene.now, gone=True
    )


async def _announcement(scene: Scene) -> Reply | Drop:
    """To the confirmed; sent with the waitlist, to whoever is on the shift now, and those
    still waiting read where they stand."""
    payload = scene.notice.payload
    shift = await (_on_it(scene) if payload.get("waitlist") else live_shift(scene))
    if isinstance(shift, Drop):
        return shift
    text = (
        f"📣 {await _sender(scene)} about “{shift.title}” (#{shift.number}, "
        f"{timefmt.at(shift.starts_at, scene.zone)}):\n{payload.get('text', '')}"
    )
    signup = await scene.uow.signups.active(shift.id, scene.notice.volunteer_id or 0)
    if signup is not None and signup.status is SignupStatus.WAITLISTED:
        position = await scene.uow.signups.waitlist_position(signup)
        text += _("\nYou're #{position} on its waitlist.", position=position)
    return Message(text)


async def _on_it(scene: Scene) -> Shift | Drop:
    """The notice's shift, if the volunteer is still on it (confirmed, offered or waiting)."""
    assert scene.notice.shift_id is not None and scene.notice.volunteer_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    if await scene.uow.signups.active(shift.id, scene.notice.volunteer_id) is None:
        return Drop(NoticeState.CANCELLED, "the volunteer has left the shift")
    return shift


async def _sender(scene: Scene) -> str:
    """Who sent an announcement, as of now: an erased organizer's name is never shown."""
    sender_id = scene.notice.payload.get("from_id")
    if not isinstance(sender_id, int):
        # Queued before senders were kept by id; forget-me scrubs such names (storage).
        return str(scene.notice.payload.get("from") or _("The organizers"))
    sender = await scene.uow.volunteers.get(sender_id)
    if sender is None or sender.forgotten_at is not None:
        return _("An organizer")
    return sender.name


async def _booked(scene: Scene) -> Reply | Drop:
    shift = await still_on(scene)
    if isinstance(shift, Drop):
        return shift
    signup = await scene.uow.signups.active(shift.id, scene.notice.volunteer_id or 0)
    assert signup is not None  # still_on checked
    by = await booker(scene)
    when = timefmt.at(shift.starts_at, scene.zone)
    if signup.status is SignupStatus.WAITLISTED:
        position = await scene.uow.signups.waitlist_position(signup)
        text = _(
            "{by} put you on the waitlist for “{title}” (#{number}), {when}: "
            "#{position} in line. I'll message you the moment a seat opens.",
            by=by,
            title=shift.title,
            number=shift.number,
            when=when,
            position=position,
        )
    else:
        text = _(
            "{by} booked you on “{title}” (#{number}), {when}. Thank you!",
            by=by,
            title=shift.title,
            number=shift.number,
            when=when,
        )
        text += where_line(shift)
        return await with_calendar(scene, Message(text, buttons=(cant_make_it(shift),)))
    return Message(text, buttons=(cant_make_it(shift),))


async def _unbooked(scene: Scene) -> Reply | Drop:
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    return Message(
        _(
            "An organizer took you off “{title}” (#{number}), {at}, so you don't "
            "need to come. Thanks for being ready to help; other shifts could use "
            "you.",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, scene.zone),
        ),
        buttons=(Button(_("See other shifts"), SHIFTS.action()),),
    )


async def _moved_by_organizer(scene: Scene) -> Reply | Drop:
    shift = await still_on(scene)
    if isinstance(shift, Drop):
        return shift
    was = await scene.uow.shifts.get(int(scene.notice.payload["from_shift_id"]))
    text = _(
        "An organizer moved you from “{title}” (#{number}, {at}) to “{title2}” "
        "(#{number2}), {at2}.",
        title=was.title,
        number=was.number,
        at=timefmt.at(was.starts_at, scene.zone),
        title2=shift.title,
        number2=shift.number,
        at2=timefmt.at(shift.starts_at, scene.zone),
    )
    text += where_line(shift)
    return await with_calendar(scene, Message(text, buttons=(cant_make_it(shift),)))


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.SHIFT_CANCELLED,
        _shift_cancelled,
        "never: a cancellation is always news",
        description="a shift cancellation",
    ),
    NoticeSpec(
        NoticeKind.ANNOUNCEMENT,
        _announcement,
        "when the shift was cancelled or the volunteer is no longer confirmed (sent with the "
        "waitlist too: no longer on it)",
        description="an announcement",
    ),
    NoticeSpec(
        NoticeKind.BOOKED,
        _booked,
        "when the shift was cancelled or has started, or they left it",
        description="the news that an organizer booked them on a shift",
    ),
    NoticeSpec(
        NoticeKind.UNBOOKED,
        _unbooked,
        "never: being taken off is always news",
        description="the news that an organizer took them off a shift",
    ),
    NoticeSpec(
        NoticeKind.MOVED_BY_ORGANIZER,
        _moved_by_organizer,
        "when the new shift was cancelled or has started, or they left it",
        description="the news that an organizer moved them to another shift",
    ),
)
