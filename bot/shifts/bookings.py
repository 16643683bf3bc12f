"""Organizers booking people: add a volunteer to a shift, take them off, move them to another.

Every change goes through the seat invariant on held shifts, is recorded (who did what to
whom, when) for the roster, and is told to the volunteer in one notice.
"""

from bot.domain.booking import BookingAction
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import HeldShift, Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context, zone_for
from bot.kernel.people import one_volunteer
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.shifts.buttons import BOOK, BOOK_OVER, DONT_BOOK
from bot.shifts.commands import AddToShift, KeepOffShift, MoveBetweenShifts, RemoveFromShift
from bot.signups import seats


async def add_to_shift(cmd: AddToShift, ctx: Context) -> Reply:
    """`/phonebank add <shift> <who> [over]` (organizers)."""
    ctx.require_organizer("book people on shifts")
    person = await one_volunteer(ctx, cmd.who, lambda who: f"/phonebank add {cmd.shift} {who}")
    held = await _open(ctx, cmd.shift)
    shift = held.shift
    waiting = await ctx.uow.signups.active(shift.id, person.id)
    # On the waitlist, `over` gives them a seat of their own (as the waitlisted reply says).
    if waiting is not None and not (cmd.over and waiting.status is SignupStatus.WAITLISTED):
        raise UserError(f"{person.name} is already on #{shift.number}; the roster shows where.")
    asked = None
    if waiting is None and not cmd.confirm:
        asked = _ask_outside_availability(ctx, person, shift, over=cmd.over)
    if asked is not None:
        return asked
    confirmed, _ = await ctx.uow.signups.counts(shift.id)
    if cmd.over and confirmed >= shift.capacity:
        # One more seat, so the booking never takes a seat from anyone waiting.
        held = await ctx.uow.shifts.change(
            held,
            title=shift.title,
            link=shift.link,
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            capacity=confirmed + 1,
        )
    if waiting is None:
        signup, _ = await seats.take_seat(ctx, held, person)
    else:
        signup = await seats.seat_from_waitlist(ctx, held, waiting)
    await _record(ctx, held.shift, person, BookingAction.ADDED)
    await ctx.notify(
        NoticeKind.BOOKED,
        volunteer_id=person.id,
        shift_id=shift.id,
        signup_id=signup.id,
        payload={"by_id": ctx.volunteer.id},
    )
    if signup.status is SignupStatus.WAITLISTED:
        position = await ctx.uow.signups.waitlist_position(signup)
        return Message(
            f"#{shift.number} is full, so {person.name} is #{position} on its waitlist and will "
            f"be told. To give them a seat anyway, type `/phonebank add {shift.number} "
            f"#{person.number} over`."
        )
    return Message(
        f"Booked {person.name} on #{shift.number} “{shift.title}” "
        f"({plural(held.shift.capacity - confirmed - 1, 'seat')} left); they'll be told and "
        "reminded."
    )


def _ask_outside_availability(
    ctx: Context, person: Volunteer, shift: Shift, *, over: bool
) -> Message | None:
    """Before booking someone outside the times they said they're free (read on their own
    wall clock): the question, with Book anyway and Cancel; None if it fits."""
    availability = person.profile.availability if person.profile else None
    their_zone = zone_for(person, ctx.campaign)
    if availability is None or availability.fits(shift.starts_at.astimezone(their_zone)):
        return None
    when = timefmt.at(shift.starts_at, ctx.zone)
    if their_zone.key != ctx.zone.key:
        when += f" ({timefmt.when(shift.starts_at, their_zone)} their time)"
    book = BOOK_OVER if over else BOOK
    typed = f"/phonebank add {shift.number} #{person.number}{' over' if over else ''} confirm"
    return Message(
        f"{person.name} (#{person.number}) told us when they're free "
        f"({availability.label.lower()}), and #{shift.number} “{shift.title}” is on {when}. "
        f"Nothing is booked yet: press Book anyway, or type `{typed}`.",
        buttons=(
            Button("Book anyway", book.action(shift.number, person.number), ButtonStyle.PRIMARY),
            Button("Cancel", DONT_BOOK.action()),
        ),
    )


async def keep_off_shift(cmd: KeepOffShift, ctx: Context) -> Reply:
    """Cancel, when a booking outside someone's availability asked first: nothing changes."""
    return Message("OK, nothing was booked.")


async def remove_from_shift(cmd: RemoveFromShift, ctx: Context) -> Reply:
    """`/phonebank remove <shift> <who>`: the seat is freed and the waitlist moves up."""
    ctx.require_organizer("take people off shifts")
    person = await one_volunteer(ctx, cmd.who, lambda who: f"/phonebank remove {cmd.shift} {who}")
    held = await _not_started(ctx, await seats.hold(ctx, cmd.shift))
    shift = held.shift
    signup = await ctx.uow.signups.active(shift.id, person.id)
    if signup is None:
        raise UserError(
            f"{person.name} isn't on #{shift.number}; `/phonebank roster {shift.number}` shows "
            "who is."
        )
    promoted = await seats.give_up_seat(ctx, held, signup)
    await _record(ctx, shift, person, BookingAction.REMOVED)
    await ctx.notify(
        NoticeKind.UNBOOKED, volunteer_id=person.id, shift_id=shift.id, signup_id=signup.id
    )
    return Message(
        f"Took {person.name} off #{shift.number}; they'll be told{_seat_went(promoted)}."
    )


async def move_between_shifts(cmd: MoveBetweenShifts, ctx: Context) -> Reply:
    """`/phonebank move <who> <from> <to>`: one step, one DM; refused if `to` is full."""
    ctx.require_organizer("move people between shifts")
    if cmd.from_shift == cmd.to_shift:
        raise UserError("Those are the same shift; name the shift to move them to.")
    person = await one_volunteer(
        ctx, cmd.who, lambda who: f"/phonebank move {who} {cmd.from_shift} {cmd.to_shift}"
    )
    # Held in number order, so two moves in opposite directions can't wait on each other.
    first, second = sorted((cmd.from_shift, cmd.to_shift))
    held = {first: await seats.hold(ctx, first), second: await seats.hold(ctx, second)}
    source = await _not_started(ctx, held[cmd.from_shift])
    target = await _open(ctx, cmd.to_shift, held[cmd.to_shift])
    signup = await ctx.uow.signups.active(source.shift.id, person.id)
    if signup is None:
        raise UserError(f"{person.name} isn't on #{cmd.from_shift}, so there's nothing to move.")
    if await ctx.uow.signups.active(target.shift.id, person.id) is not None:
        raise UserError(f"{person.name} is already on #{cmd.to_shift}.")
    confirmed, _ = await ctx.uow.signups.counts(target.shift.id)
    if confirmed >= target.shift.capacity:
        raise UserError(
            f"#{cmd.to_shift} is full; add them to its waitlist with `/phonebank add "
            f"{cmd.to_shift} #{person.number}`, or give it more seats with `/phonebank edit "
            f"{cmd.to_shift} seats {target.shift.capacity + 1}`."
        )
    promoted = await seats.give_up_seat(ctx, source, signup)
    moved, _ = await seats.take_seat(ctx, target, person)
    await _record(ctx, source.shift, person, BookingAction.MOVED_OUT)
    await _record(ctx, target.shift, person, BookingAction.MOVED_IN)
    await ctx.notify(
        NoticeKind.MOVED_BY_ORGANIZER,
        volunteer_id=person.id,
        shift_id=target.shift.id,
        signup_id=moved.id,
        payload={"from_shift_id": source.shift.id},
    )
    up = _seat_went(promoted, of=f" of #{cmd.from_shift}")
    return Message(
        f"Moved {person.name} from #{cmd.from_shift} to #{cmd.to_shift} “{target.shift.title}” "
        f"({timefmt.at(target.shift.starts_at, ctx.zone)}); they'll get one message{up}."
    )


def _seat_went(promoted: list[Signup], *, of: str = "") -> str:
    """What became of the seat someone was taken from: given to the next in line, or near
    the start offered to them (for the reply; they were told themselves)."""
    if not promoted:
        return ""
    if promoted[0].status is SignupStatus.OFFERED:
        return f"; the seat{of} is offered to the next on the waitlist, who was told"
    return f"; the next on the waitlist{of} moved up and was told"


async def roster_history(ctx: Context, shift: Shift) -> str:
    """What organizers did on the shift, oldest first, for the roster's footer."""
    lines = []
    for booking in await ctx.uow.bookings.for_shift(shift.id):
        person = await ctx.uow.volunteers.get(booking.volunteer_id)
        by = await ctx.uow.volunteers.get(booking.by_id)
        # Indented under the heading, as a roster's details are under each name.
        lines.append(
            f"  {person.name} {booking.action.verb} by {by.name}, "
            f"{timefmt.at(booking.at, ctx.zone)}"
        )
    # Added, removed or moved: all of them changes, none of them only bookings.
    return "Changed by organizers:\n" + "\n".join(lines) if lines else ""


async def _open(ctx: Context, number: int, held: HeldShift | None = None) -> HeldShift:
    """A shift people can be booked on: held, not cancelled, not started."""
    held = held or await seats.hold(ctx, number)
    if held.shift.is_cancelled:
        raise UserError(f"#{number} was cancelled; `/phonebank list` shows the shifts coming up.")
    return await _not_started(ctx, held)


async def _not_started(ctx: Context, held: HeldShift) -> HeldShift:
    if held.shift.has_started(ctx.now):
        raise UserError(
            f"#{held.shift.number} has already started, so its seats can't change any more."
        )
    return held


async def _record(ctx: Context, shift: Shift, person: Volunteer, action: BookingAction) -> None:
    await ctx.uow.bookings.record(
        campaign_id=ctx.campaign.id,
        shift_id=shift.id,
        volunteer_id=person.id,
        by_id=ctx.volunteer.id,
        action=action,
        at=ctx.now,
    )
