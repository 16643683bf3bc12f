"""Phone bank shifts: list, join, leave, create, roster, cancel."""

from collections.abc import Mapping

from bot import positions
from bot.calendars import calendar_feeds
from bot.domain.attendance import Attendance, is_late_cancellation
from bot.domain.campaign import Counter
from bot.domain.errors import UserError
from bot.domain.kinds import kind_of
from bot.domain.phonebank import (
    HeldShift,
    Shift,
    check_capacity,
    check_duration,
    check_start,
    check_where,
    shift_start,
)
from bot.domain.positions import Position
from bot.domain.signup import SignupStatus
from bot.domain.text import MAX_TITLE, clean_text
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.live_posts import posting
from bot.ports.replies import Button, ButtonStyle, Item, Listing, Message, Reply
from bot.series import REPEAT, repeating, weekly
from bot.shifts import bookings
from bot.shifts.commands import (
    CancelShift,
    CreateShift,
    MyShifts,
    ShowRoster,
    StartShiftForm,
)
from bot.shifts.new_shift import shift_form
from bot.shifts.views import my_seats, shift_item, shift_length, waitlisted, you_are_in
from bot.signups import JOIN, LEAVE, JoinShift, LeaveShift, offers, seats, timed


async def my_shifts(cmd: MyShifts, ctx: Context) -> Reply:
    """`/phonebank mine`: the asker's upcoming seats and waitlist places, and the shifts they
    host."""
    items = [
        shift_item(ctx, seats, signup, reconfirmed=reconfirmed)
        for signup, seats, reconfirmed in await my_seats(ctx)
    ]
    return Listing(
        heading=_("Your upcoming shifts"),
        items=tuple(items),
        empty=_("You're not signed up for anything yet. `/phonebank list` shows open shifts."),
    )


async def join_shift(cmd: JoinShift, ctx: Context) -> Reply:
    """`/phonebank join`: a seat (with reminders) or a waitlist place on an open shift."""
    held = await _open_shift(ctx, cmd.shift)
    shift = held.shift
    existing = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if existing is not None:
        if existing.status is SignupStatus.OFFERED:
            return await offers.take_held(ctx, held, existing)
        if existing.status is SignupStatus.CONFIRMED:
            raise UserError(
                _("You're already signed up for #{number}. See you there!", number=shift.number)
            )
        position = await ctx.uow.signups.waitlist_position(existing)
        raise UserError(
            _(
                "You're already #{position} on the waitlist for #{number}.",
                position=position,
                number=shift.number,
            )
        )
    if shift.host_id == ctx.volunteer.id:
        # A post's Join is there for everyone; the host runs the shift rather than take a seat.
        raise UserError(
            _(
                "You host #{number}, so you needn't take a seat on it; `/phonebank "
                "roster {number}` shows who's coming.",
                number=shift.number,
            )
        )
    picked = await positions.pick_position(ctx, held, cmd.position) if shift.positioned else None
    if picked is not None and not isinstance(picked, Position):
        return picked  # the position buttons, or the training it needs
    signup, due = await seats.take_seat(ctx, held, ctx.volunteer, picked)
    when = timefmt.at(shift.starts_at, ctx.zone)
    leave = Button(_("Leave"), LEAVE.action(shift.number), ButtonStyle.DANGER)
    if signup.status is SignupStatus.WAITLISTED:
        line = await ctx.uow.signups.waitlist_position(signup)
        return Message(
            positions.waiting_as(picked, shift, when, line) or waitlisted(shift, when, line),
            buttons=(leave, *weekly.every_week_button(shift)),
        )
    text = you_are_in(shift, when, due) + positions.in_as(picked)
    return await calendar_feeds.with_calendar(
        ctx.uow,
        ctx.campaign,
        ctx.volunteer,
        shift,
        signup,
        Message(text, buttons=(leave, *weekly.every_week_button(shift))),
        ctx.now,
    )


async def leave_shift(cmd: LeaveShift, ctx: Context) -> Reply:
    """`/phonebank leave`: give the seat back before the start; the waitlist moves up."""
    if cmd.following:
        return await weekly.leave_following(cmd.shift, ctx)
    held = await seats.hold(ctx, cmd.shift)
    shift = held.shift
    signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if signup is None:
        raise UserError(
            _(
                "You're not signed up for #{number}, so there's nothing to leave.",
                number=shift.number,
            )
        )
    if shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} has already started; please tell an organizer if you have to go.",
                number=shift.number,
            )
        )
    promoted = await seats.give_up_seat(ctx, held, signup)
    await timed.tell_of_late_cancellation(ctx, shift, signup, promoted)
    if signup.status is SignupStatus.OFFERED:
        return offers.passed(shift.number, offered_on=bool(promoted))
    if signup.status is SignupStatus.WAITLISTED:
        return Message(
            _(
                "You've left the waitlist for #{number} “{title}”.",
                number=shift.number,
                title=shift.title,
            )
        )
    if is_late_cancellation(shift.starts_at, ctx.now):
        return Message(
            _(
                "You've left #{number} “{title}”, which starts {countdown}. Thanks for "
                "letting us know; I've told the organizers.",
                number=shift.number,
                title=shift.title,
                countdown=timefmt.countdown(shift.starts_at, ctx.now),
            )
        )
    return Message(
        _(
            "You've left #{number} “{title}”. Thanks for letting us know in time.",
            number=shift.number,
            title=shift.title,
        )
    )


async def start_shift_form(cmd: StartShiftForm, ctx: Context) -> Reply:
    """`/phonebank create` alone: the new-shift form (organizers)."""
    ctx.require_organizer(_("create phone bank shifts"))
    return shift_form(None if cmd.kind is None else kind_of(cmd.kind))


async def create_shift(cmd: CreateShift, ctx: Context) -> Reply:
    """`/phonebank create`: schedule a shift in the campaign's zone (organizers)."""
    ctx.require_organizer(_("create phone bank shifts"))
    title = clean_text(cmd.title, what="title", limit=MAX_TITLE)
    duration = check_duration(cmd.duration)
    capacity = check_capacity(cmd.capacity)
    kind = kind_of(cmd.kind)
    link = check_where(kind, cmd.link)
    starts_at = shift_start(cmd.day, cmd.start, ctx.campaign_zone)
    check_start(starts_at, ctx.now, shown=timefmt.at(starts_at, ctx.campaign_zone))
    number = await ctx.uow.campaigns.next_number(ctx.campaign.id, Counter.SHIFT)
    shift = await ctx.uow.shifts.add(
        campaign_id=ctx.campaign.id,
        number=number,
        title=title,
        link=link,
        starts_at=starts_at,
        ends_at=starts_at + duration,
        capacity=capacity,
        created_by=ctx.volunteer.id,
        kind=kind.id,
    )
    await timed.schedule_shift(ctx.uow, shift)
    ctx.shift_changed(None)
    created = _(
        "Created #{number} “{title}”: {at} for {shift_length}, {plural}. ",
        number=shift.number,
        title=title,
        at=timefmt.at(starts_at, ctx.campaign_zone),
        shift_length=shift_length(shift),
        plural=plural(capacity, "seat"),
    )
    repeat_note = ""
    buttons: tuple[Button, ...] = ()
    if cmd.repeats is not None:
        # The form's repeat answer, exactly as `/phonebank repeat` would take it.
        repeated = await weekly.repeat_shift(repeating(cmd.actor, number, cmd.repeats), ctx)
        assert isinstance(repeated, Message)
        repeat_note = f"\n{repeated.text}"
    elif cmd.offer_repeat:
        buttons = (Button(_("Repeat…"), REPEAT.action(shift.number)),)
    if await posting.queue_post(ctx, shift):
        # The channel gets a live post (seats left, kept current); the organizer, this note.
        return Message(
            created + _("I'm posting it here; the post keeps itself up to date.") + repeat_note,
            buttons=buttons,
        )
    return Message(
        created
        + _("Volunteers can join with `/phonebank join {number}`.", number=shift.number)
        + repeat_note,
        buttons=(Button(_("Join"), JOIN.action(shift.number), ButtonStyle.PRIMARY), *buttons),
        public=True,
    )


async def show_roster(cmd: ShowRoster, ctx: Context) -> Reply:
    """`/phonebank roster`: who is confirmed and who waits, in order (organizers)."""
    shift = await _shift(ctx, cmd.shift)
    ctx.require_organizer_or_host(shift, _("see its roster"))
    roster = await ctx.with_teams(await ctx.uow.signups.roster(shift.id))
    confirmed = [(s, v) for s, v in roster if s.status is SignupStatus.CONFIRMED]
    waiting = [(s, v) for s, v in roster if s.status is SignupStatus.WAITLISTED]
    records = await ctx.uow.attendance.for_shift(shift.id)
    # ✅: said "I'll be there" since signing up.
    sure = {s.volunteer_id for s in (s for s, _ in roster) if _reconfirmed(records, s.id)}
    shown = await positions.on_roster(ctx, shift)
    items = [
        Item(f"{i}. {v.name}", shown(s, _("confirmed ✅") if v.id in sure else _("confirmed")))
        for i, (s, v) in enumerate(confirmed, 1)
    ]
    # A seat kept for an offer near the start: counted as filled, shown with its deadline.
    for s, v in roster:
        if s.status is SignupStatus.OFFERED:
            offer = await ctx.uow.offers.get(s.id)
            offered = (
                _("offered the seat until {clock}", clock=timefmt.clock(offer.expires_at, ctx.zone))
                if offer
                else _("offered the seat")
            )
            items.append(Item(v.name, offered))
    items += [
        Item(f"{i}. {v.name}", shown(s, _("waitlist #{place}", place=i)))
        for i, (s, v) in enumerate(waiting, 1)
    ]
    filled = sum(1 for s, _ in roster if s.status.holds_seat)
    status = _(" (cancelled)") if shift.is_cancelled else ""
    history = await bookings.roster_history(ctx, shift)
    return Listing(
        heading=(
            _(
                "#{number} “{title}”{status}, {at}: {filled} of {capacity} seats "
                "filled, {waiting} waiting",
                number=shift.number,
                title=shift.title,
                status=status,
                at=timefmt.at(shift.starts_at, ctx.zone),
                filled=filled,
                capacity=shift.capacity,
                waiting=len(waiting),
            )
        ),
        items=tuple(items),
        # A listing without items shows only `empty`, so the history goes there too.
        empty=_("Nobody is on it now.\n{history}", history=history)
        if history
        else _("Nobody has signed up yet."),
        footer=history,
    )


async def cancel_shift(cmd: CancelShift, ctx: Context) -> Reply:
    """`/phonebank cancel`: call a shift off and tell everyone on it (organizers)."""
    if cmd.following:
        return await weekly.cancel_following(cmd.shift, ctx)
    ctx.require_organizer(_("cancel shifts"))
    held = await seats.hold(ctx, cmd.shift)
    shift = held.shift
    if shift.is_cancelled:
        raise UserError(_("#{number} is already cancelled.", number=shift.number))
    if shift.has_started(ctx.now):
        raise UserError(
            _("#{number} has already started, so it can't be cancelled.", number=shift.number)
        )
    roster = await seats.call_off(ctx, held)
    return Message(
        f"Cancelled #{shift.number} “{shift.title}”. "
        + (
            _(
                "I'm letting the {plural} signed up know.",
                plural=plural(len(roster), "person", "people"),
            )
            if roster
            else _("Nobody had signed up.")
        )
    )


def _people(count: int) -> str:
    return plural(count, "person", "people")


async def _shift(ctx: Context, number: int) -> Shift:
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, number)
    if shift is None:
        raise seats.no_such_shift(number)
    return shift


async def _open_shift(ctx: Context, number: int) -> HeldShift:
    """A shift people can still sign up for, held against concurrent sign-ups."""
    held = await seats.hold(ctx, number)
    if held.shift.is_cancelled:
        raise UserError(
            _(
                "#{number} “{title}” was cancelled. `/phonebank list` shows others.",
                number=number,
                title=held.shift.title,
            )
        )
    if held.shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} “{title}” has already started. `/phonebank list` shows what's next.",
                number=number,
                title=held.shift.title,
            )
        )
    return held


def _reconfirmed(records: Mapping[int, Attendance], signup_id: int) -> bool:
    record = records.get(signup_id)
    return record is not None and record.reconfirmed_at is not None
