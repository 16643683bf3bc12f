"""What each notice says, written at the moment it is sent.

Rendering late rather than at queue time means a reminder shows the shift's current link and
the volunteer's current zone, and an erased volunteer is never named.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.attendance import notices as attendance_notices
from bot.attendance.debrief import wrap_up_text
from bot.calendars import calendar_feeds
from bot.domain.attendance import CONFIRM_AHEAD
from bot.domain.campaign import Campaign
from bot.domain.notice import Notice, NoticeKind, NoticeState
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.domain.volunteer import Volunteer
from bot.exports import notices as export_notices
from bot.hosting import notices as hosting_notices
from bot.kernel import timefmt
from bot.kernel.context import zone_for
from bot.kernel.intake.buttons import action
from bot.kernel.outbox.drop import Drop
from bot.kernel.replies import Button, ButtonStyle, Message, Reply
from bot.ports.storage import UnitOfWork
from bot.shifts.views import contacted_button
from bot.stats.digest import render_digest


@dataclass(frozen=True, slots=True)
class Outgoing:
    reply: Reply
    # None: the campaign's organizers.
    to: Volunteer | None
    # Mention `to` in the volunteers channel instead of a DM (their DMs are closed).
    in_channel: bool = False


@dataclass(frozen=True, slots=True)
class _Scene:
    notice: Notice
    uow: UnitOfWork
    now: datetime
    campaign: Campaign
    volunteer: Volunteer | None

    @property
    def zone(self) -> ZoneInfo:
        return zone_for(self.volunteer, self.campaign)


async def render(notice: Notice, uow: UnitOfWork, now: datetime) -> Outgoing | Drop:
    """What a notice says now, to whom, or why it is dropped (its moment passed, nobody to tell)."""
    campaign = await uow.campaigns.get(notice.campaign_id)
    volunteer = await uow.volunteers.get(notice.volunteer_id) if notice.volunteer_id else None
    if volunteer is not None and volunteer.forgotten_at is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer asked to be forgotten")
    scene = _Scene(notice, uow, now, campaign, volunteer)
    result = await _RENDERERS[notice.kind](scene)
    if isinstance(result, Drop):
        return result
    return Outgoing(result, volunteer, in_channel=notice.kind is NoticeKind.DMS_CLOSED)


async def _welcome(scene: _Scene) -> Reply | Drop:
    assert scene.volunteer is not None
    return Message(
        f"Welcome to {scene.campaign.name}, {scene.volunteer.name}! 🎉 Thank you for stepping up. "
        "Tell us a little about yourself so an organizer can match you with the right work.",
        buttons=(
            Button("Tell us about yourself", action("profile"), ButtonStyle.PRIMARY),
            Button("See upcoming phone banks", action("shifts")),
        ),
    )


async def _shift_reminder(scene: _Scene) -> Reply | Drop:
    reminder = await _plain_reminder(scene)
    return await _with_ill_be_there(scene, reminder)


async def _with_ill_be_there(scene: _Scene, reminder: Reply | Drop) -> Reply | Drop:
    """A reminder 12 hours or more ahead asks "I'll be there?" until the volunteer says so."""
    if not isinstance(reminder, Message) or scene.notice.signup_id is None:
        return reminder
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    record = await scene.uow.attendance.get(scene.notice.signup_id)
    if shift.starts_at - scene.now < CONFIRM_AHEAD or record.reconfirmed_at is not None:
        return reminder
    confirm = Button("I'll be there", action("confirm", shift.number), ButtonStyle.PRIMARY)
    return replace(reminder, buttons=(confirm, *reminder.buttons))


async def _check_in(scene: _Scene) -> Reply | Drop:
    """At the start: "It's starting now", the link, and I'm here; pointless after the end."""
    shift = await _live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    assert scene.notice.volunteer_id is not None
    if scene.notice.signup_id is not None:
        # Left and joined again: the new seat has a check-in of its own.
        signup = await scene.uow.signups.active(shift.id, scene.notice.volunteer_id)
        if signup is None or signup.id != scene.notice.signup_id:
            return Drop(NoticeState.CANCELLED, "the seat it was for is gone")
    if scene.now >= shift.ends_at:
        return Drop(NoticeState.SKIPPED, "the shift had already ended")
    text = f"📞 It's starting now: “{shift.title}” (#{shift.number})."
    if shift.link:
        text += f"\nDialer and script: {shift.link}"
    return Message(
        text, buttons=(Button("I'm here", action("checkin", shift.number), ButtonStyle.PRIMARY),)
    )


async def _debrief(scene: _Scene) -> Reply | Drop:
    """After the end: How did it go? Not for a cancelled shift, a seat given back, or twice."""
    shift = await _live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    assert scene.notice.signup_id is not None
    record = await scene.uow.attendance.get(scene.notice.signup_id)
    if record.report is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer already told us")
    return Message(
        f"How did it go? “{shift.title}” (#{shift.number}) has ended. Thank you for calling!",
        buttons=(
            Button("I made it", action("madeit", shift.number), ButtonStyle.PRIMARY),
            Button("I couldn't make it", action("missed", shift.number)),
        ),
    )


async def _wrap_up(scene: _Scene) -> Reply | Drop:
    """Two hours after the end, the organizers' wrap-up; nothing for a cancelled shift."""
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    return Message(await wrap_up_text(scene.uow, shift))


async def _digest(scene: _Scene) -> Reply | Drop:
    """The weekly digest; it queues the next one whether or not this one is still worth sending."""
    result = await render_digest(scene)
    if isinstance(result, NoticeState):
        reason = "its moment passed" if result is NoticeState.SKIPPED else "its schedule changed"
        return Drop(result, reason)
    return result


async def _late_cancellation(scene: _Scene) -> Reply | Drop:
    """To the organizers: who left close to the start, and what the seat became."""
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    left = await _named(scene, scene.notice.payload.get("volunteer_id"))
    promoted_id = scene.notice.payload.get("promoted_id")
    offered_id = scene.notice.payload.get("offered_id")
    if isinstance(promoted_id, int):
        became = f"The seat went to {await _named(scene, promoted_id)} from the waitlist."
    elif isinstance(offered_id, int):
        became = (
            f"The seat is offered to {await _named(scene, offered_id)}, first on the "
            "waitlist, for 30 minutes."
        )
    else:
        became = "The seat is now open."
    starts = timefmt.at(shift.starts_at, scene.zone)
    within = timefmt.countdown(shift.starts_at, scene.now)
    return Message(
        f"⚠️ Late cancellation: {left} left #{shift.number} “{shift.title}”, which starts "
        f"{starts} ({within}). {became}"
    )


async def _named(scene: _Scene, volunteer_id: object) -> str:
    """A volunteer's name as of now; an erased one is never named."""
    if not isinstance(volunteer_id, int):
        return "Someone"
    volunteer = await scene.uow.volunteers.get(volunteer_id)
    if volunteer is None or volunteer.forgotten_at is not None:
        return "A former volunteer"
    return f"{volunteer.name} (#{volunteer.number})"


async def _plain_reminder(scene: _Scene) -> Reply | Drop:
    return await _seat_message(
        scene,
        lambda shift: (
            f"⏰ Reminder: “{shift.title}” (#{shift.number}) starts "
            f"{timefmt.countdown(shift.starts_at, scene.now)}, "
            f"at {timefmt.at(shift.starts_at, scene.zone)}."
        ),
    )


async def _promoted(scene: _Scene) -> Reply | Drop:
    message = await _seat_message(
        scene,
        lambda shift: (
            f"Good news: a seat opened up and you're now confirmed for “{shift.title}” "
            f"(#{shift.number}), {timefmt.at(shift.starts_at, scene.zone)}."
        ),
    )
    return await _with_calendar(scene, message)


async def _with_calendar(scene: _Scene, message: Reply | Drop) -> Reply | Drop:
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


async def _seat_message(scene: _Scene, opening: Callable[[Shift], str]) -> Reply | Drop:
    """A message about a confirmed seat, with the link and a way out; pointless once started."""
    shift = await _live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    if shift.has_started(scene.now):
        return Drop(NoticeState.SKIPPED, "the shift had already started")
    text = opening(shift)
    if shift.link:
        text += f"\nDialer and script: {shift.link}"
    return Message(text, buttons=(_cant_make_it(shift),))


async def _shift_cancelled(scene: _Scene) -> Reply | Drop:
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    message = Message(
        f"Sorry: “{shift.title}” (#{shift.number}) on "
        f"{timefmt.at(shift.starts_at, scene.zone)} has been cancelled by the organizers.",
        buttons=(Button("See other shifts", action("shifts")),),
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


async def _dates_cancelled(scene: _Scene) -> Reply | Drop:
    """`cancel … following`: every date a volunteer was on, in one message."""
    dates = [await scene.uow.shifts.get(int(i)) for i in scene.notice.payload["shift_ids"]]
    listed = "\n".join(f"• #{s.number}, {timefmt.at(s.starts_at, scene.zone)}" for s in dates)
    return Message(
        f"Sorry: the organizers cancelled “{dates[0].title}” from #{dates[0].number} on. You "
        f"were signed up for these {len(dates)} dates, all called off:\n{listed}",
        buttons=(Button("See other shifts", action("shifts")),),
    )


async def _announcement(scene: _Scene) -> Reply | Drop:
    shift = await _live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    payload = scene.notice.payload
    return Message(
        f"📣 {await _sender(scene)} about “{shift.title}” (#{shift.number}, "
        f"{timefmt.at(shift.starts_at, scene.zone)}):\n{payload.get('text', '')}"
    )


async def _sender(scene: _Scene) -> str:
    """Who sent an announcement, as of now: an erased organizer's name is never shown."""
    sender_id = scene.notice.payload.get("from_id")
    if not isinstance(sender_id, int):
        # Queued before senders were kept by id; forget-me scrubs such names (storage).
        return str(scene.notice.payload.get("from") or "The organizers")
    sender = await scene.uow.volunteers.get(sender_id)
    if sender is None or sender.forgotten_at is not None:
        return "An organizer"
    return sender.name


async def _new_volunteer(scene: _Scene) -> Reply | Drop:
    newcomer = await _subject(scene)
    if newcomer.forgotten_at is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer asked to be forgotten")
    within = timefmt.span(scene.campaign.contact_within)
    return Message(
        f"👋 New volunteer: {newcomer.name} (#{newcomer.number}) just arrived and got the welcome "
        f"questions. Please reach out within {within}.",
        buttons=() if newcomer.contacted_at else (contacted_button(newcomer.number),),
    )


async def _volunteer_onboarded(scene: _Scene) -> Reply | Drop:
    newcomer = await _subject(scene)
    if newcomer.forgotten_at is not None or newcomer.profile is None:
        return Drop(NoticeState.CANCELLED, "the volunteer asked to be forgotten")
    profile = newcomer.profile
    verb = "updated their answers" if scene.notice.payload.get("updated") else "answered"
    lines = [
        f"📝 {newcomer.name} (#{newcomer.number}) {verb}:",
        "Interests: " + ", ".join(i.label for i in profile.interests),
        f"Availability: {profile.availability.label if profile.availability else 'not given'}",
        f"ZIP or county: {profile.location or 'not given'}",
    ]
    if newcomer.contacted_at is None:
        lines.append("Nobody has contacted them yet.")
    return Message(
        "\n".join(lines),
        buttons=() if newcomer.contacted_at else (contacted_button(newcomer.number),),
    )


async def _still_uncontacted(scene: _Scene) -> Reply | Drop:
    newcomer = await _subject(scene)
    if newcomer.contacted_at is not None or newcomer.forgotten_at is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer has been contacted since")
    return Message(
        f"⏳ {newcomer.name} (#{newcomer.number}) has been waiting "
        f"{timefmt.span(scene.now - newcomer.joined_at)} and nobody has contacted them yet. "
        "Can someone reach out today?",
        buttons=(contacted_button(newcomer.number),),
    )


async def _dms_closed(scene: _Scene) -> Reply | Drop:
    return Message(
        "I tried to send you a direct message, but your DMs are closed to me. Please allow "
        "direct messages from me in your privacy settings so you get your shift reminders; "
        "meanwhile `/phonebank mine` shows your shifts.",
        public=True,
    )


async def _delivery_failed(scene: _Scene) -> Reply | Drop:
    newcomer = await _subject(scene)
    what = scene.notice.payload.get("what", "a message")
    reason = scene.notice.payload.get("reason", "the platform refused it")
    return Message(
        f"⚠️ I couldn't deliver {what} to {newcomer.name} (#{newcomer.number}): {reason}. "
        "Please reach them another way."
    )


async def _live_shift(scene: _Scene) -> Shift | Drop:
    """The notice's shift, if the volunteer still has a place on it."""
    notice = scene.notice
    assert notice.shift_id is not None and notice.volunteer_id is not None
    shift = await scene.uow.shifts.get(notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    signup = await scene.uow.signups.active(shift.id, notice.volunteer_id)
    if signup is None or signup.status is not SignupStatus.CONFIRMED:
        return Drop(NoticeState.CANCELLED, "the volunteer is no longer confirmed")
    return shift


async def _subject(scene: _Scene) -> Volunteer:
    """The volunteer an organizer notice is about."""
    return await scene.uow.volunteers.get(int(scene.notice.payload["volunteer_id"]))


def _cant_make_it(shift: Shift) -> Button:
    return Button("Can't make it", action("leave", shift.number), ButtonStyle.DANGER)


async def _shift_moved(scene: _Scene) -> Reply | Drop:
    shift = await _still_on(scene)
    if isinstance(shift, Drop):
        return shift
    was = datetime.fromisoformat(str(scene.notice.payload["from"]))
    text = (
        f"🕒 “{shift.title}” (#{shift.number}) moved from {timefmt.at(was, scene.zone)} to "
        f"{timefmt.at(shift.starts_at, scene.zone)}, for "
        f"{timefmt.duration(shift.ends_at - shift.starts_at)}. Does it still work for you?"
    )
    moved = Message(
        text,
        buttons=(
            Button("Still works", action("still", shift.number), ButtonStyle.PRIMARY),
            _cant_make_it(shift),
        ),
    )
    # The same event, a revision up: opening it moves the entry already in their calendar.
    return await _with_calendar(scene, moved)


async def _link_changed(scene: _Scene) -> Reply | Drop:
    shift = await _live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    if shift.has_started(scene.now) and scene.now >= shift.ends_at:
        return Drop(NoticeState.SKIPPED, "the shift is over")
    link = f"the new dialer and script link is {shift.link}" if shift.link else "it has no link now"
    return Message(
        f"🔗 For “{shift.title}” (#{shift.number}, {timefmt.at(shift.starts_at, scene.zone)}) "
        f"{link}.",
        buttons=(_cant_make_it(shift),),
    )


async def _back_on_waitlist(scene: _Scene) -> Reply | Drop:
    shift = await _still_on(scene)
    if isinstance(shift, Drop):
        return shift
    signup = await scene.uow.signups.active(shift.id, scene.notice.volunteer_id or 0)
    if signup is None or signup.status is not SignupStatus.WAITLISTED:
        return Drop(NoticeState.CANCELLED, "the volunteer is no longer waiting")
    position = await scene.uow.signups.waitlist_position(signup)
    return Message(
        f"Sorry: the organizers cut the seats on “{shift.title}” (#{shift.number}, "
        f"{timefmt.at(shift.starts_at, scene.zone)}), and as one of the last to join you're "
        f"back on the waitlist, #{position} in line. I'll message you the moment a seat opens.",
        buttons=(Button("Leave the waitlist", action("leave", shift.number)),),
    )


async def _booked(scene: _Scene) -> Reply | Drop:
    shift = await _still_on(scene)
    if isinstance(shift, Drop):
        return shift
    signup = await scene.uow.signups.active(shift.id, scene.notice.volunteer_id or 0)
    assert signup is not None  # _still_on checked
    by = await _booker(scene)
    when = timefmt.at(shift.starts_at, scene.zone)
    if signup.status is SignupStatus.WAITLISTED:
        position = await scene.uow.signups.waitlist_position(signup)
        text = (
            f"{by} put you on the waitlist for “{shift.title}” (#{shift.number}), {when}: "
            f"#{position} in line. I'll message you the moment a seat opens."
        )
    else:
        text = f"{by} booked you on “{shift.title}” (#{shift.number}), {when}. Thank you!"
        if shift.link:
            text += f"\nDialer and script: {shift.link}"
        return await _with_calendar(scene, Message(text, buttons=(_cant_make_it(shift),)))
    return Message(text, buttons=(_cant_make_it(shift),))


async def _unbooked(scene: _Scene) -> Reply | Drop:
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    return Message(
        f"An organizer took you off “{shift.title}” (#{shift.number}), "
        f"{timefmt.at(shift.starts_at, scene.zone)}, so you don't need to come. Thanks for "
        "being ready to help; other shifts could use you.",
        buttons=(Button("See other shifts", action("shifts")),),
    )


async def _moved_by_organizer(scene: _Scene) -> Reply | Drop:
    shift = await _still_on(scene)
    if isinstance(shift, Drop):
        return shift
    was = await scene.uow.shifts.get(int(scene.notice.payload["from_shift_id"]))
    text = (
        f"An organizer moved you from “{was.title}” (#{was.number}, "
        f"{timefmt.at(was.starts_at, scene.zone)}) to “{shift.title}” (#{shift.number}), "
        f"{timefmt.at(shift.starts_at, scene.zone)}."
    )
    if shift.link:
        text += f"\nDialer and script: {shift.link}"
    return await _with_calendar(scene, Message(text, buttons=(_cant_make_it(shift),)))


async def _host_set(scene: _Scene) -> Reply | Drop:
    """To a new host: what they may now do on the shift, while that still holds."""
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    if shift.host_id != scene.notice.volunteer_id:
        return Drop(NoticeState.CANCELLED, "they no longer host it")
    if scene.now >= shift.ends_at:
        return Drop(NoticeState.SKIPPED, "the shift is over")
    n = shift.number
    return Message(
        f"🏠 {await _booker(scene)} made you the host of “{shift.title}” (#{n}), "
        f"{timefmt.at(shift.starts_at, scene.zone)}. On this shift you can see who signed up "
        f"(`/phonebank roster {n}`) and message them (`/phonebank announce {n} …`), and take "
        "its attendance; organizers keep the rest. Thank you for hosting!"
    )


async def _booker(scene: _Scene) -> str:
    """The organizer who booked, by name as of now; never an erased one's."""
    by = scene.notice.payload.get("by_id")
    booker = await scene.uow.volunteers.get(by) if isinstance(by, int) else None
    return booker.name if booker and booker.forgotten_at is None else "An organizer"


async def _still_on(scene: _Scene) -> Shift | Drop:
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


async def _post_failed(scene: _Scene) -> Reply | Drop:
    """To whoever asked for a live post the platform refused: why, and what to do."""
    again = "`/phonebank post board`"
    if scene.notice.shift_id is not None:
        shift = await scene.uow.shifts.get(scene.notice.shift_id)
        again = f"`/phonebank post {shift.number}`"
    reason = scene.notice.payload.get("reason", "the platform refused it")
    return Message(
        f"I couldn't put the post up in that channel: {reason}. Add me to the channel (on "
        f"Slack, `/invite @Turnout` there), then type {again} in it."
    )


# What people call each kind in a delivery-failure report.
DESCRIPTIONS: dict[NoticeKind, str] = {
    NoticeKind.WELCOME: "the welcome message",
    NoticeKind.SHIFT_REMINDER: "a shift reminder",
    NoticeKind.PROMOTED: "the news that they got a seat off the waitlist",
    NoticeKind.SHIFT_CANCELLED: "a shift cancellation",
    NoticeKind.ANNOUNCEMENT: "an announcement",
    NoticeKind.CHECK_IN: "the check-in message at the start of a shift",
    NoticeKind.DEBRIEF: "the “How did it go?” message after a shift",
    NoticeKind.SHIFT_MOVED: "the news that their shift moved",
    NoticeKind.LINK_CHANGED: "a shift's new link",
    NoticeKind.BACK_ON_WAITLIST: "the news that they are back on the waitlist",
    NoticeKind.BOOKED: "the news that an organizer booked them on a shift",
    NoticeKind.UNBOOKED: "the news that an organizer took them off a shift",
    NoticeKind.MOVED_BY_ORGANIZER: "the news that an organizer moved them to another shift",
    NoticeKind.POST_FAILED: "the news that a post couldn't be put up",
    NoticeKind.HOST_SET: "the news that they host a shift",
    NoticeKind.DATES_CANCELLED: "the cancelled dates of a weekly series",
    **hosting_notices.DESCRIPTIONS,
    **attendance_notices.DESCRIPTIONS,
}

_RENDERERS: dict[NoticeKind, Callable[[_Scene], Awaitable[Reply | Drop]]] = {
    NoticeKind.WELCOME: _welcome,
    NoticeKind.SHIFT_REMINDER: _shift_reminder,
    NoticeKind.PROMOTED: _promoted,
    NoticeKind.SHIFT_CANCELLED: _shift_cancelled,
    NoticeKind.ANNOUNCEMENT: _announcement,
    NoticeKind.CHECK_IN: _check_in,
    NoticeKind.DEBRIEF: _debrief,
    NoticeKind.WRAP_UP: _wrap_up,
    NoticeKind.DIGEST: _digest,
    NoticeKind.LATE_CANCELLATION: _late_cancellation,
    NoticeKind.NEW_VOLUNTEER: _new_volunteer,
    NoticeKind.VOLUNTEER_ONBOARDED: _volunteer_onboarded,
    NoticeKind.STILL_UNCONTACTED: _still_uncontacted,
    NoticeKind.DELIVERY_FAILED: _delivery_failed,
    NoticeKind.DMS_CLOSED: _dms_closed,
    NoticeKind.SHIFT_MOVED: _shift_moved,
    NoticeKind.LINK_CHANGED: _link_changed,
    NoticeKind.BACK_ON_WAITLIST: _back_on_waitlist,
    NoticeKind.BOOKED: _booked,
    NoticeKind.UNBOOKED: _unbooked,
    NoticeKind.MOVED_BY_ORGANIZER: _moved_by_organizer,
    NoticeKind.POST_FAILED: _post_failed,
    NoticeKind.HOST_SET: _host_set,
    NoticeKind.DATES_CANCELLED: _dates_cancelled,
    **hosting_notices.RENDERERS,
    **attendance_notices.RENDERERS,
    **export_notices.RENDERERS,
}
