"""Phone bank shifts: list, join, leave, create, roster, cancel, announce."""

from bot import timefmt
from bot.actions import action
from bot.commands import (
    Announce,
    CancelShift,
    CreateShift,
    JoinShift,
    LeaveShift,
    ListShifts,
    MyShifts,
    ShowRoster,
    StartShiftForm,
)
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import (
    MAX_LEAD,
    Shift,
    ShiftSeats,
    ShiftStatus,
    check_capacity,
    check_duration,
    check_link,
    shift_start,
)
from bot.domain.signup import Signup, SignupStatus, placement
from bot.domain.text import clean_text
from bot.domain.timing import format_duration
from bot.forms import shift_form
from bot.replies import Button, ButtonStyle, Item, Listing, Message, Reply
from bot.usecases import reminders
from bot.usecases.context import Context
from bot.wording import and_list, plural

PAGE_SIZE = 10


async def list_shifts(cmd: ListShifts, ctx: Context) -> Reply:
    total = await ctx.uow.shifts.count_upcoming(ctx.campaign.id, ctx.now)
    pages = max(1, -(-total // PAGE_SIZE))
    if cmd.page > pages:
        raise UserError(f"There are only {pages} page(s) of shifts; try `/phonebank list`.")
    shown = await ctx.uow.shifts.upcoming(
        ctx.campaign.id, ctx.now, limit=PAGE_SIZE, offset=(cmd.page - 1) * PAGE_SIZE
    )
    mine = {
        s.id: signup for signup, s in await ctx.uow.signups.upcoming_for(ctx.volunteer.id, ctx.now)
    }
    footer = ""
    if cmd.page < pages:
        footer = f"{total - cmd.page * PAGE_SIZE} more: `/phonebank list {cmd.page + 1}`"
    return Listing(
        heading="Upcoming phone banks",
        items=tuple(shift_item(ctx, seats, mine.get(seats.shift.id)) for seats in shown),
        empty="No shifts are scheduled yet. Organizers can add one with `/phonebank create`.",
        footer=footer,
    )


async def my_shifts(cmd: MyShifts, ctx: Context) -> Reply:
    items = []
    for signup, shift in await ctx.uow.signups.upcoming_for(ctx.volunteer.id, ctx.now):
        confirmed, waitlisted = await ctx.uow.signups.counts(shift.id)
        items.append(shift_item(ctx, ShiftSeats(shift, confirmed, waitlisted), signup))
    return Listing(
        heading="Your upcoming shifts",
        items=tuple(items),
        empty="You're not signed up for anything yet. `/phonebank list` shows open shifts.",
    )


async def join_shift(cmd: JoinShift, ctx: Context) -> Reply:
    shift = await _open_shift(ctx, cmd.shift)
    existing = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if existing is not None:
        if existing.status is SignupStatus.CONFIRMED:
            raise UserError(f"You're already signed up for #{shift.number}. See you there!")
        position = await ctx.uow.signups.waitlist_position(existing)
        raise UserError(f"You're already #{position} on the waitlist for #{shift.number}.")
    confirmed, _ = await ctx.uow.signups.counts(shift.id)
    status = placement(confirmed=confirmed, capacity=shift.capacity)
    signup = await ctx.uow.signups.add(shift.id, ctx.volunteer.id, status, ctx.now)
    when = timefmt.when(shift.starts_at, ctx.zone)
    leave = Button("Leave", action("leave", shift.number), ButtonStyle.DANGER)
    if status is SignupStatus.WAITLISTED:
        position = await ctx.uow.signups.waitlist_position(signup)
        return Message(
            f"#{shift.number} “{shift.title}” ({when}) is full, so you're #{position} on the "
            "waitlist. I'll message you the moment a seat opens.",
            buttons=(leave,),
        )
    due = await reminders.schedule(
        ctx.uow,
        campaign=ctx.campaign,
        volunteer=ctx.volunteer,
        signup=signup,
        shift=shift,
        now=ctx.now,
    )
    text = f"You're in! #{shift.number} “{shift.title}”, {when} for {_length(shift)}."
    if shift.link:
        text += f"\nDialer and script: {shift.link}"
    if due:
        text += (
            "\nI'll remind you "
            + and_list(timefmt.span(shift.starts_at - d) for d in due)
            + " before it starts."
        )
    return Message(text, buttons=(leave,))


async def leave_shift(cmd: LeaveShift, ctx: Context) -> Reply:
    shift = await _shift(ctx, cmd.shift)
    signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if signup is None:
        raise UserError(f"You're not signed up for #{shift.number}, so there's nothing to leave.")
    if shift.has_started(ctx.now):
        raise UserError(
            f"#{shift.number} has already started; please tell an organizer if you have to go."
        )
    await withdraw(ctx, shift, signup)
    if signup.status is SignupStatus.WAITLISTED:
        return Message(f"You've left the waitlist for #{shift.number} “{shift.title}”.")
    return Message(
        f"You've left #{shift.number} “{shift.title}”. Thanks for letting us know in time."
    )


async def withdraw(ctx: Context, shift: Shift, signup: Signup) -> None:
    """Cancel a sign-up; a freed seat goes to the first on the waitlist, who is told at once."""
    await ctx.uow.signups.set_status(signup.id, SignupStatus.CANCELLED, ctx.now)
    await reminders.cancel(ctx.uow, signup)
    if signup.status is not SignupStatus.CONFIRMED or shift.is_cancelled:
        return
    confirmed, _ = await ctx.uow.signups.counts(shift.id)
    if confirmed >= shift.capacity:
        return
    promoted = await ctx.uow.signups.first_waitlisted(shift.id)
    if promoted is None:
        return
    await ctx.uow.signups.set_status(promoted.id, SignupStatus.CONFIRMED, ctx.now)
    volunteer = await ctx.uow.volunteers.get(promoted.volunteer_id)
    await reminders.schedule(
        ctx.uow,
        campaign=ctx.campaign,
        volunteer=volunteer,
        signup=promoted,
        shift=shift,
        now=ctx.now,
    )
    await ctx.notify(
        NoticeKind.PROMOTED, volunteer_id=volunteer.id, shift_id=shift.id, signup_id=promoted.id
    )


async def start_shift_form(cmd: StartShiftForm, ctx: Context) -> Reply:
    ctx.require_organizer("create phone bank shifts")
    return shift_form()


async def create_shift(cmd: CreateShift, ctx: Context) -> Reply:
    ctx.require_organizer("create phone bank shifts")
    title = clean_text(cmd.title, what="title", limit=100)
    duration = check_duration(cmd.duration)
    capacity = check_capacity(cmd.capacity)
    link = check_link(cmd.link)
    starts_at = shift_start(cmd.day, cmd.start, ctx.campaign_zone)
    if starts_at <= ctx.now:
        raise UserError(
            f"{timefmt.when(starts_at, ctx.campaign_zone)} is in the past; pick a future date "
            "and time."
        )
    if starts_at - ctx.now > MAX_LEAD:
        raise UserError("That's more than a year away; check the year and try again.")
    number = await ctx.uow.campaigns.next_number(ctx.campaign.id, "shift")
    shift = await ctx.uow.shifts.add(
        campaign_id=ctx.campaign.id,
        number=number,
        title=title,
        link=link,
        starts_at=starts_at,
        ends_at=starts_at + duration,
        capacity=capacity,
        created_by=ctx.volunteer.id,
    )
    return Message(
        f"Created #{shift.number} “{title}”: {timefmt.when(starts_at, ctx.campaign_zone)} for "
        f"{_length(shift)}, {plural(capacity, 'seat')}. "
        f"Volunteers can join with `/phonebank join {shift.number}`.",
        buttons=(Button("Join", action("join", shift.number), ButtonStyle.PRIMARY),),
        public=True,
    )


async def show_roster(cmd: ShowRoster, ctx: Context) -> Reply:
    ctx.require_organizer("see rosters")
    shift = await _shift(ctx, cmd.shift)
    roster = await ctx.uow.signups.roster(shift.id)
    confirmed = [v for s, v in roster if s.status is SignupStatus.CONFIRMED]
    waiting = [v for s, v in roster if s.status is SignupStatus.WAITLISTED]
    items = [Item(f"{i}. {v.name}", "confirmed") for i, v in enumerate(confirmed, 1)]
    items += [Item(f"{i}. {v.name}", f"waitlist #{i}") for i, v in enumerate(waiting, 1)]
    status = " (cancelled)" if shift.is_cancelled else ""
    return Listing(
        heading=(
            f"#{shift.number} “{shift.title}”{status}, {timefmt.when(shift.starts_at, ctx.zone)}: "
            f"{len(confirmed)} of {shift.capacity} seats filled, {len(waiting)} waiting"
        ),
        items=tuple(items),
        empty="Nobody has signed up yet.",
    )


async def cancel_shift(cmd: CancelShift, ctx: Context) -> Reply:
    ctx.require_organizer("cancel shifts")
    shift = await _shift(ctx, cmd.shift, lock=True)
    if shift.is_cancelled:
        raise UserError(f"#{shift.number} is already cancelled.")
    if shift.has_started(ctx.now):
        raise UserError(f"#{shift.number} has already started, so it can't be cancelled.")
    await ctx.uow.shifts.set_status(shift.id, ShiftStatus.CANCELLED)
    await ctx.uow.notices.cancel_pending(shift_id=shift.id)
    roster = await ctx.uow.signups.roster(shift.id)
    for signup, volunteer in roster:
        await ctx.notify(
            NoticeKind.SHIFT_CANCELLED,
            volunteer_id=volunteer.id,
            shift_id=shift.id,
            signup_id=signup.id,
            payload={"was": signup.status.value},
        )
    return Message(
        f"Cancelled #{shift.number} “{shift.title}”. "
        + (
            f"I'm letting the {plural(len(roster), 'person', 'people')} signed up know."
            if roster
            else "Nobody had signed up."
        )
    )


async def announce(cmd: Announce, ctx: Context) -> Reply:
    ctx.require_organizer("send announcements")
    text = clean_text(cmd.message, what="announcement", limit=1500, multiline=True)
    shift = await _shift(ctx, cmd.shift)
    if shift.is_cancelled:
        raise UserError(f"#{shift.number} is cancelled; everyone on it has already been told.")
    confirmed = [
        (s, v)
        for s, v in await ctx.uow.signups.roster(shift.id)
        if s.status is SignupStatus.CONFIRMED
    ]
    if not confirmed:
        raise UserError(f"Nobody is confirmed for #{shift.number} yet, so there's no one to tell.")
    for signup, volunteer in confirmed:
        await ctx.notify(
            NoticeKind.ANNOUNCEMENT,
            volunteer_id=volunteer.id,
            shift_id=shift.id,
            signup_id=signup.id,
            # Who sent it by id: the name is written at send time, so an erased sender's isn't kept.
            payload={"text": text, "from_id": ctx.volunteer.id},
        )
    people = plural(len(confirmed), "confirmed volunteer")
    return Message(f"Sending your message to the {people} of #{shift.number}.")


async def _shift(ctx: Context, number: int, *, lock: bool = False) -> Shift:
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, number, lock=lock)
    if shift is None:
        raise UserError(f"There's no shift #{number}. `/phonebank list` shows upcoming shifts.")
    return shift


async def _open_shift(ctx: Context, number: int) -> Shift:
    """A shift people can still sign up for, held against concurrent sign-ups."""
    shift = await _shift(ctx, number, lock=True)
    if shift.is_cancelled:
        raise UserError(f"#{number} “{shift.title}” was cancelled. `/phonebank list` shows others.")
    if shift.has_started(ctx.now):
        raise UserError(
            f"#{number} “{shift.title}” has already started. `/phonebank list` shows what's next."
        )
    return shift


def shift_item(ctx: Context, seats: ShiftSeats, signup: Signup | None) -> Item:
    shift = seats.shift
    parts = [timefmt.when(shift.starts_at, ctx.zone), _length(shift)]
    if seats.seats_left:
        parts.append(f"{seats.seats_left} of {shift.capacity} seats left")
    else:
        parts.append(f"full ({plural(shift.capacity, 'seat')})")
    if seats.waitlisted:
        parts.append(f"{seats.waitlisted} on the waitlist")
    if signup is not None:
        parts.append(
            "you're in" if signup.status is SignupStatus.CONFIRMED else "you're waitlisted"
        )
        button = Button("Leave", action("leave", shift.number), ButtonStyle.DANGER)
    else:
        label = "Join" if seats.seats_left else "Join waitlist"
        button = Button(label, action("join", shift.number), ButtonStyle.PRIMARY)
    return Item(f"#{shift.number} {shift.title}", " · ".join(parts), button)


def _length(shift: Shift) -> str:
    return format_duration(shift.ends_at - shift.starts_at)
