"""What the notices around a shift say: the reminders, the organizers' confirmation check, the
nudge, seat offers near the start, the check-in at the start, "How did it go?" after the end,
the organizers' wrap-up, the follow-up the day after, and a second miss in a row.

Each is written at send time from the state as it stands, and dropped when it no longer means
anything (a cancelled shift, an offer already answered, a volunteer who came after all).
"""

from dataclasses import replace

from bot import positions
from bot.attendance.buttons import CHECKIN, CONFIRM, MADEIT, MISSED
from bot.attendance.confirmation import check_message
from bot.attendance.debrief import wrap_up_text
from bot.attendance.rebooking import fitting_shifts, with_join_buttons
from bot.domain.attendance import CONFIRM_AHEAD, NO_ANSWER_AFTER, Attendance, Outcome, outcome
from bot.domain.kinds import PHONE_BANK
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
from bot.signups import JOIN, LEAVE, PASS, SHIFTS, TAKE, live_shift, seat_message


async def _shift(scene: Scene) -> Shift | Drop:
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    return shift


async def _not_started(scene: Scene) -> Shift | Drop:
    shift = await _shift(scene)
    if not isinstance(shift, Drop) and shift.has_started(scene.now):
        return Drop(NoticeState.SKIPPED, "the shift had already started")
    return shift


async def _confirm_check(scene: Scene) -> Reply | Drop:
    """Before the start, to the organizers; pointless once the shift has begun."""
    shift = await _not_started(scene)
    if isinstance(shift, Drop):
        return shift
    return await check_message(scene.uow, shift, scene.campaign, scene.now, scene.zone)


async def _nudge(scene: Scene) -> Reply | Drop:
    """ "Are you still coming?", unless they said so meanwhile or the seat is gone."""
    shift = await _shift(scene)
    if isinstance(shift, Drop):
        return shift
    if shift.has_started(scene.now):
        return Drop(NoticeState.SKIPPED, "the shift had already started")
    record = await _seat_record(scene, shift, SignupStatus.CONFIRMED)
    if record is None:
        return Drop(NoticeState.CANCELLED, "the volunteer is no longer confirmed")
    if record.reconfirmed_at is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer already said they'll be there")
    return Message(
        _(
            "👋 Are you still coming to “{title}” (#{number}), {at}? Please let us "
            "know either way.",
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, scene.zone),
        ),
        buttons=(
            Button(_("I'll be there"), CONFIRM.action(shift.number), ButtonStyle.PRIMARY),
            Button(_("Can't make it"), LEAVE.action(shift.number), ButtonStyle.DANGER),
        ),
    )


async def _seat_offered(scene: Scene) -> Reply | Drop:
    """A seat opened near the start: take it within OFFER_FOR, or pass."""
    shift = await _shift(scene)
    if isinstance(shift, Drop):
        return shift
    assert scene.notice.signup_id is not None
    if await _seat_record(scene, shift, SignupStatus.OFFERED) is None:
        return Drop(NoticeState.CANCELLED, "the offer was answered or withdrawn")
    offer = await scene.uow.offers.get(scene.notice.signup_id)
    if offer is None or not offer.is_open(scene.now):
        return Drop(NoticeState.SKIPPED, "the offer had already run out")
    _skip, waiting = await scene.uow.signups.counts(shift.id)
    after = _("it goes to the next person in line") if waiting else _("the seat is open to anyone")
    return Message(
        _(
            "🎟️ A seat opened on “{title}” (#{number}) at {clock} ({at}). Take it "
            "within {span} (by {clock2}); after that {after}. (Typed: `/phonebank "
            "join {number}` takes it, `/phonebank leave {number}` passes.)",
            title=shift.title,
            number=shift.number,
            clock=timefmt.clock(shift.starts_at, scene.zone),
            at=timefmt.at(shift.starts_at, scene.zone),
            span=timefmt.span(OFFER_FOR),
            clock2=timefmt.clock(offer.expires_at, scene.zone),
            after=after,
        ),
        buttons=(
            Button(_("Take the seat"), TAKE.action(shift.number), ButtonStyle.PRIMARY),
            Button(_("Pass"), PASS.action(shift.number)),
        ),
    )


async def _offer_lapsed(scene: Scene) -> Reply | Drop:
    """The offer ran out: what became of the seat, as the shift stands now (the seat may have
    been offered on, taken by someone who joined, or still be open to them)."""
    assert scene.notice.shift_id is not None and scene.volunteer is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if await scene.uow.signups.active(shift.id, scene.volunteer.id) is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer is on the shift again")
    ran_out = _(
        "The {span} to take the seat on “{title}” (#{number}) ran out",
        span=timefmt.span(OFFER_FOR),
        title=shift.title,
        number=shift.number,
    )
    other_shifts = Button(_("See other shifts"), SHIFTS.action())
    if shift.is_cancelled:
        return Message(
            _("{ran_out}, and the shift has since been cancelled.", ran_out=ran_out),
            buttons=(other_shifts,),
        )
    taken, _skip = await scene.uow.signups.counts(shift.id)
    if taken < shift.capacity and not shift.has_started(scene.now):
        return Message(
            _(
                "{ran_out}, so you're off its waitlist, but the seat is still open: if "
                "you can still make it, press Join or type `/phonebank join {number}`.",
                ran_out=ran_out,
                number=shift.number,
            ),
            buttons=(
                Button(_("Join"), JOIN.action(shift.number), ButtonStyle.PRIMARY),
                other_shifts,
            ),
        )
    roster = await scene.uow.signups.roster(shift.id)
    if any(s.status is SignupStatus.OFFERED for s, _ in roster):
        became = _(", so the seat was offered to the next person in line and you're")
    elif taken >= shift.capacity:
        became = _(" and someone else took the seat, so you're")
    else:
        became = _(" and the shift has started, so you're")
    return Message(
        _(
            "{ran_out}{became} off its waitlist. No worries: other shifts could use you.",
            ran_out=ran_out,
            became=became,
        ),
        buttons=(other_shifts,),
    )


async def _missed_you(scene: Scene) -> Reply | Drop:
    """The day after, at 10:00 their time: "We missed you" to a no-show, "hope to see you
    soon" to someone who told us; nothing to someone who came, or who came back."""
    shift = await _shift(scene)
    if isinstance(shift, Drop):
        return shift
    assert scene.volunteer is not None and scene.notice.volunteer_id is not None
    when = timefmt.at(shift.starts_at, scene.zone)
    if scene.notice.payload.get("left"):
        if await scene.uow.signups.active(shift.id, scene.notice.volunteer_id) is not None:
            return Drop(NoticeState.CANCELLED, "the volunteer joined the shift again")
        opening = _(
            "Sorry you couldn't make it to “{title}” ({when}). Hope to see you soon!",
            title=shift.title,
            when=when,
        )
    else:
        record = await _seat_record(scene, shift, SignupStatus.CONFIRMED)
        if record is None:
            return Drop(NoticeState.CANCELLED, "the volunteer is no longer confirmed")
        came_to = outcome(record, shift.ends_at, scene.now)
        if came_to is Outcome.COULDNT_MAKE_IT:
            opening = _(
                "Thanks again for letting us know about “{title}” ({when}). Hope to see you soon!",
                title=shift.title,
                when=when,
            )
        elif came_to is Outcome.NO_SHOW:
            opening = _(
                "We missed you at “{title}” ({when}). Everything OK? No pressure at "
                "all; whenever you're ready, we'd love to have you back.",
                title=shift.title,
                when=when,
            )
        else:
            return Drop(NoticeState.CANCELLED, f"the seat's outcome is “{came_to.value}”")
    shifts = await fitting_shifts(scene.uow, scene.campaign, scene.volunteer, scene.now)
    return with_join_buttons(opening, shifts, scene.volunteer, scene.campaign)


async def _two_misses(scene: Scene) -> Reply | Drop:
    """To the organizers, once: the second no-show in a row (a miss without a word)."""
    volunteer_id = int(scene.notice.payload["volunteer_id"])
    volunteer = await scene.uow.volunteers.get(volunteer_id)
    if volunteer.forgotten_at is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer asked to be forgotten")
    # Their seats in order, each with its outcome now; seats not settled yet don't break a
    # streak (except this notice's own, which must be a no-show).
    seats = [
        (signup, shift, outcome(record, shift.ends_at, scene.now))
        for signup, shift, record in await scene.uow.attendance.history(volunteer_id)
        if not shift.is_cancelled
    ]
    seats = [s for s in seats if s[0].id == scene.notice.signup_id or s[2].settled]
    at = next((i for i, (s, _, _) in enumerate(seats) if s.id == scene.notice.signup_id), None)
    if at is None or at < 1:
        return Drop(NoticeState.CANCELLED, "not a second miss in a row")
    this, before = seats[at], seats[at - 1]
    # A third miss in a row is not news again: only the streak's second one is told.
    earlier = seats[at - 2] if at >= 2 else None
    if not (
        this[2] is Outcome.NO_SHOW
        and before[2] is Outcome.NO_SHOW
        and (earlier is None or earlier[2] is not Outcome.NO_SHOW)
    ):
        return Drop(NoticeState.CANCELLED, "not a second miss in a row")
    return Message(
        _(
            "⚠️ {name} (#{number}) missed two shifts in a row without a word: "
            "“{title}” ({at}) and “{title2}” ({at2}). A personal call might help.",
            name=volunteer.name,
            number=volunteer.number,
            title=before[1].title,
            at=timefmt.at(before[1].starts_at, scene.zone),
            title2=this[1].title,
            at2=timefmt.at(this[1].starts_at, scene.zone),
        )
    )


async def _seat_record(scene: Scene, shift: Shift, status: SignupStatus) -> Attendance | None:
    """The notice's sign-up's record, if that sign-up is still the volunteer's, in `status`."""
    volunteer_id = scene.notice.volunteer_id
    assert volunteer_id is not None and scene.notice.signup_id is not None
    signup = await scene.uow.signups.active(shift.id, volunteer_id)
    if signup is None or signup.id != scene.notice.signup_id or signup.status is not status:
        return None
    return await scene.uow.attendance.get(signup.id)


async def _shift_reminder(scene: Scene) -> Reply | Drop:
    reminder = await _plain_reminder(scene)
    return await _with_ill_be_there(scene, reminder)


async def _plain_reminder(scene: Scene) -> Reply | Drop:
    return await seat_message(
        scene,
        lambda shift: _(
            "⏰ Reminder: “{title}” (#{number}) starts {countdown}, at {at}.",
            title=shift.title,
            number=shift.number,
            countdown=timefmt.countdown(shift.starts_at, scene.now),
            at=timefmt.at(shift.starts_at, scene.zone),
        ),
    )


async def _with_ill_be_there(scene: Scene, reminder: Reply | Drop) -> Reply | Drop:
    """A reminder 12 hours or more ahead asks "I'll be there?" until the volunteer says so;
    on a shift with positions it says which is theirs."""
    if not isinstance(reminder, Message) or scene.notice.signup_id is None:
        return reminder
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.positioned:
        found = await scene.uow.attendance.signup(scene.notice.signup_id)
        mine = found[0].position_id if found else None
        held = [p for p in await scene.uow.positions.of_shift(shift.id) if p.id == mine]
        reminder = replace(reminder, text=reminder.text + positions.in_as(next(iter(held), None)))
    record = await scene.uow.attendance.get(scene.notice.signup_id)
    if shift.starts_at - scene.now < CONFIRM_AHEAD or record.reconfirmed_at is not None:
        return reminder
    confirm = Button(_("I'll be there"), CONFIRM.action(shift.number), ButtonStyle.PRIMARY)
    return replace(reminder, buttons=(confirm, *reminder.buttons))


async def _check_in(scene: Scene) -> Reply | Drop:
    """At the start: "It's starting now", the link, and I'm here; pointless after the end."""
    shift = await live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    if scene.now >= shift.ends_at:
        return Drop(NoticeState.SKIPPED, "the shift had already ended")
    text = _("📞 It's starting now: “{title}” (#{number}).", title=shift.title, number=shift.number)
    if shift.kind is not PHONE_BANK:
        text = _(
            "{emoji} It's starting now: “{title}” (#{number}).",
            emoji=shift.kind.emoji,
            title=shift.title,
            number=shift.number,
        )
    text += where_line(shift, check_in=True)
    return Message(
        text, buttons=(Button(_("I'm here"), CHECKIN.action(shift.number), ButtonStyle.PRIMARY),)
    )


async def _debrief(scene: Scene) -> Reply | Drop:
    """After the end: How did it go? Not for a cancelled shift, a seat given back, or twice."""
    shift = await live_shift(scene)
    if isinstance(shift, Drop):
        return shift
    if scene.now >= shift.ends_at + NO_ANSWER_AFTER:
        # Late after downtime: silence is a no-show by now, and "We missed you" says so.
        return Drop(NoticeState.SKIPPED, "a day had passed since the end")
    assert scene.notice.signup_id is not None
    record = await scene.uow.attendance.get(scene.notice.signup_id)
    if record.report is not None:
        return Drop(NoticeState.CANCELLED, "the volunteer already told us")
    if outcome(record, shift.ends_at, scene.now) is Outcome.NO_SHOW:
        # Marked a no-show (silence isn't one yet): thanks and "I made it" would contradict it.
        return Drop(NoticeState.CANCELLED, "an organizer marked them as not there")
    asked = _("How did it go? “{title}” (#{number}) has ended. Thank you for calling!")
    if shift.kind is not PHONE_BANK:
        asked = _("How did it go? “{title}” (#{number}) has ended. Thank you for coming!")
    return Message(
        asked.format(title=shift.title, number=shift.number),
        buttons=(
            Button(_("I made it"), MADEIT.action(shift.number), ButtonStyle.PRIMARY),
            Button(_("I couldn't make it"), MISSED.action(shift.number)),
        ),
    )


async def _wrap_up(scene: Scene) -> Reply | Drop:
    """Two hours after the end, the organizers' wrap-up; nothing for a cancelled shift."""
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    return Message(await wrap_up_text(scene.uow, shift, scene.now))


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(
        NoticeKind.SHIFT_REMINDER,
        _shift_reminder,
        "when the shift was cancelled or has started, or the seat is no longer theirs",
        description="a shift reminder",
    ),
    NoticeSpec(
        NoticeKind.CHECK_IN,
        _check_in,
        "when the shift was cancelled or is over, or the seat is no longer theirs",
        description="the check-in message at the start of a shift",
    ),
    NoticeSpec(
        NoticeKind.DEBRIEF,
        _debrief,
        "when the shift was cancelled, the seat is no longer theirs, they already reported, an "
        "organizer marked them as not there, or a day has passed since the end",
        description="the “How did it go?” message after a shift",
    ),
    NoticeSpec(NoticeKind.WRAP_UP, _wrap_up, "when the shift was cancelled"),
    NoticeSpec(NoticeKind.CONFIRM_CHECK, _confirm_check, "when the shift was cancelled or began"),
    NoticeSpec(
        NoticeKind.NUDGE,
        _nudge,
        "when the shift was cancelled or began, the seat is gone, or they already confirmed",
        description="the organizers' “are you still coming?”",
    ),
    NoticeSpec(
        NoticeKind.SEAT_OFFERED,
        _seat_offered,
        "when the shift was cancelled, or the offer was answered, withdrawn or ran out",
        description="the offer of a seat that opened",
    ),
    NoticeSpec(
        NoticeKind.OFFER_LAPSED,
        _offer_lapsed,
        "when they are on the shift again",
        description="the news that a seat offer ran out",
    ),
    NoticeSpec(
        NoticeKind.MISSED_YOU,
        _missed_you,
        "when the shift was cancelled or they came after all",
        description="the follow-up message the day after a shift",
    ),
    NoticeSpec(NoticeKind.TWO_MISSES, _two_misses, "when it is not a second silent miss in a row"),
)
