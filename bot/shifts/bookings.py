"""Organizers booking people: add a volunteer to a shift, take them off, move them to another.

Every change goes through the seat invariant on held shifts, is recorded (who did what to
whom, when) for the roster, and is told to the volunteer in one notice.
"""

from bot import positions
from bot.domain.booking import BookingAction
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import HeldShift, Shift
from bot.domain.positions import Position
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context, zone_for
from bot.kernel.i18n import _
from bot.kernel.people import one_volunteer
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.shifts.buttons import BOOK, BOOK_AS, BOOK_OVER, DONT_BOOK, book_as
from bot.shifts.commands import AddToShift, KeepOffShift, MoveBetweenShifts, RemoveFromShift
from bot.signups import seats


async def add_to_shift(cmd: AddToShift, ctx: Context) -> Reply:
    """`/phonebank add <shift> <who> [over]` (organizers)."""
    ctx.require_organizer(_("book people on shifts"))
    person = await one_volunteer(
        ctx, cmd.who, lambda who: _("/phonebank add {shift} {who}", shift=cmd.shift, who=who)
    )
    held = await _open(ctx, cmd.shift)
    shift = held.shift
    waiting = await ctx.uow.signups.active(shift.id, person.id)
    # On the waitlist, `over` gives them a seat of their own (as the waitlisted reply says).
    if waiting is not None and not (cmd.over and waiting.status is SignupStatus.WAITLISTED):
        raise UserError(
            _(
                "{name} is already on #{number}; the roster shows where.",
                name=person.name,
                number=shift.number,
            )
        )
    position, asked = await _ask_first(ctx, cmd, held, person, waiting)
    if asked is not None:
        return asked
    confirmed, _skip = await ctx.uow.signups.counts(shift.id)
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
        signup, _due = await seats.take_seat(ctx, held, person, position)
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
        return await _booked_on_waitlist(ctx, shift, person, signup)
    return _booked(person, held.shift, position, left=held.shift.capacity - confirmed - 1)


async def _ask_first(
    ctx: Context, cmd: AddToShift, held: HeldShift, person: Volunteer, waiting: Signup | None
) -> tuple[Position | None, Message | None]:
    """The position to book them in (on a shift with positions), and the question to ask
    before booking, if any: they lack its qualification, or it is outside their times."""
    position, lacking = None, False
    if held.shift.positioned:
        position, lacking = await positions.for_booking(
            ctx, held, person, cmd.position, over=cmd.over
        )
    if waiting is not None or cmd.confirm:
        return position, None
    if lacking and position is not None:
        return position, _ask_unqualified(person, held.shift, position)
    return position, _ask_outside_availability(ctx, person, held.shift, over=cmd.over)


def _booked(person: Volunteer, shift: Shift, position: Position | None, *, left: int) -> Message:
    if position is not None:
        return Message(
            _(
                "Booked {name} on #{number} “{title}” as {position}; they'll be told and reminded.",
                name=person.name,
                number=shift.number,
                title=shift.title,
                position=position.name,
            )
        )
    return Message(
        _(
            "Booked {name} on #{number} “{title}” ({plural} left); they'll be told and reminded.",
            name=person.name,
            number=shift.number,
            title=shift.title,
            plural=plural(left, "seat"),
        )
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
        when += _(" ({when} their time)", when=timefmt.when(shift.starts_at, their_zone))
    book = BOOK_OVER if over else BOOK
    typed = _(
        "/phonebank add {number} #{number2}{value} confirm",
        number=shift.number,
        number2=person.number,
        value=" over" if over else "",
    )
    return Message(
        _(
            "{name} (#{number}) told us when they're free ({lower}), and "
            "#{number2} “{title}” is on {when}. Nothing is booked yet: press Book "
            "anyway, or type `{typed}`.",
            name=person.name,
            number=person.number,
            lower=_(availability.label).lower(),
            number2=shift.number,
            title=shift.title,
            when=when,
            typed=typed,
        ),
        buttons=(
            Button(_("Book anyway"), book.action(shift.number, person.number), ButtonStyle.PRIMARY),
            Button(_("Cancel"), DONT_BOOK.action()),
        ),
    )


def _ask_unqualified(person: Volunteer, shift: Shift, position: Position) -> Message:
    """Before booking someone without the qualification the position requires: the question,
    with Book anyway and Cancel."""
    return Message(
        _(
            "{name} (#{number}) doesn't have “{qualification}”, which seats as {position} "
            "on #{shift} need. Nothing is booked yet: press Book anyway, or type "
            "`/phonebank add {shift} #{number} as {position} confirm`.",
            name=person.name,
            number=person.number,
            qualification=position.requires,
            position=position.name,
            shift=shift.number,
        ),
        buttons=(
            Button(
                _("Book anyway"),
                BOOK_AS.action(shift.number, book_as(person.number, position.place)),
                ButtonStyle.PRIMARY,
            ),
            Button(_("Cancel"), DONT_BOOK.action()),
        ),
    )


async def _booked_on_waitlist(
    ctx: Context, shift: Shift, person: Volunteer, signup: Signup
) -> Reply:
    position = await ctx.uow.signups.waitlist_position(signup)
    return Message(
        _(
            "#{number} is full, so {name} is #{position} on its waitlist and will "
            "be told. To give them a seat anyway, type `/phonebank add {number} "
            "#{number2} over`.",
            number=shift.number,
            name=person.name,
            position=position,
            number2=person.number,
        )
    )


async def keep_off_shift(cmd: KeepOffShift, ctx: Context) -> Reply:
    """Cancel, when a booking outside someone's availability asked first: nothing changes."""
    return Message(_("OK, nothing was booked."))


async def remove_from_shift(cmd: RemoveFromShift, ctx: Context) -> Reply:
    """`/phonebank remove <shift> <who>`: the seat is freed and the waitlist moves up."""
    ctx.require_organizer(_("take people off shifts"))
    person = await one_volunteer(
        ctx, cmd.who, lambda who: _("/phonebank remove {shift} {who}", shift=cmd.shift, who=who)
    )
    held = await _not_started(ctx, await seats.hold(ctx, cmd.shift))
    shift = held.shift
    signup = await ctx.uow.signups.active(shift.id, person.id)
    if signup is None:
        raise UserError(
            _(
                "{name} isn't on #{number}; `/phonebank roster {number}` shows who is.",
                name=person.name,
                number=shift.number,
            )
        )
    promoted = await seats.give_up_seat(ctx, held, signup)
    await _record(ctx, shift, person, BookingAction.REMOVED)
    await ctx.notify(
        NoticeKind.UNBOOKED, volunteer_id=person.id, shift_id=shift.id, signup_id=signup.id
    )
    return Message(
        _(
            "Took {name} off #{number}; they'll be told{seat_went}.",
            name=person.name,
            number=shift.number,
            seat_went=_seat_went(promoted),
        )
    )


async def move_between_shifts(cmd: MoveBetweenShifts, ctx: Context) -> Reply:
    """`/phonebank move <who> <from> <to>`: one step, one DM; refused if `to` is full."""
    ctx.require_organizer(_("move people between shifts"))
    if cmd.from_shift == cmd.to_shift:
        raise UserError(_("Those are the same shift; name the shift to move them to."))
    person = await one_volunteer(
        ctx,
        cmd.who,
        lambda who: _(
            "/phonebank move {who} {from_shift} {to_shift}",
            who=who,
            from_shift=cmd.from_shift,
            to_shift=cmd.to_shift,
        ),
    )
    # Held in number order, so two moves in opposite directions can't wait on each other.
    first, second = sorted((cmd.from_shift, cmd.to_shift))
    held = {first: await seats.hold(ctx, first), second: await seats.hold(ctx, second)}
    source = await _not_started(ctx, held[cmd.from_shift])
    target = await _open(ctx, cmd.to_shift, held[cmd.to_shift])
    signup = await _movable(ctx, cmd, person, source, target)
    position = await positions.for_move(ctx, signup, source, target, person)
    promoted = await seats.give_up_seat(ctx, source, signup)
    moved, _due = await seats.take_seat(ctx, target, person, position)
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
        _(
            "Moved {name} from #{from_shift} to #{to_shift} “{title}” ({at}); "
            "they'll get one message{up}.",
            name=person.name,
            from_shift=cmd.from_shift,
            to_shift=cmd.to_shift,
            title=target.shift.title,
            at=timefmt.at(target.shift.starts_at, ctx.zone),
            up=up,
        )
    )


async def _movable(
    ctx: Context, cmd: MoveBetweenShifts, person: Volunteer, source: HeldShift, target: HeldShift
) -> Signup:
    """The sign-up to move, refused if it isn't there or the other shift can't take it."""
    signup = await ctx.uow.signups.active(source.shift.id, person.id)
    if signup is None:
        raise UserError(
            _(
                "{name} isn't on #{from_shift}, so there's nothing to move.",
                name=person.name,
                from_shift=cmd.from_shift,
            )
        )
    if await ctx.uow.signups.active(target.shift.id, person.id) is not None:
        raise UserError(
            _("{name} is already on #{to_shift}.", name=person.name, to_shift=cmd.to_shift)
        )
    confirmed, _skip = await ctx.uow.signups.counts(target.shift.id)
    # A shift with positions has a line per position: positions.for_move judges it.
    if confirmed >= target.shift.capacity and not target.shift.positioned:
        raise UserError(
            _(
                "#{to_shift} is full; add them to its waitlist with `/phonebank add "
                "{to_shift} #{number}`, or give it more seats with `/phonebank edit "
                "{to_shift} seats {value}`.",
                to_shift=cmd.to_shift,
                number=person.number,
                value=target.shift.capacity + 1,
            )
        )
    return signup


def _seat_went(promoted: list[Signup], *, of: str = "") -> str:
    """What became of the seat someone was taken from: given to the next in line, or near
    the start offered to them (for the reply; they were told themselves)."""
    if not promoted:
        return ""
    if promoted[0].status is SignupStatus.OFFERED:
        return _("; the seat{of} is offered to the next on the waitlist, who was told", of=of)
    return _("; the next on the waitlist{of} moved up and was told", of=of)


async def roster_history(ctx: Context, shift: Shift) -> str:
    """What organizers did on the shift, oldest first, for the roster's footer."""
    lines = []
    for booking in await ctx.uow.bookings.for_shift(shift.id):
        person = await ctx.uow.volunteers.get(booking.volunteer_id)
        by = await ctx.uow.volunteers.get(booking.by_id)
        # Indented under the heading, as a roster's details are under each name.
        lines.append(
            _(
                "  {name} {verb} by {name2}, {at}",
                name=person.name,
                verb=booking.action.verb,
                name2=by.name,
                at=timefmt.at(booking.at, ctx.zone),
            )
        )
    # Added, removed or moved: all of them changes, none of them only bookings.
    return _("Changed by organizers:\n") + "\n".join(lines) if lines else ""


async def _open(ctx: Context, number: int, held: HeldShift | None = None) -> HeldShift:
    """A shift people can be booked on: held, not cancelled, not started."""
    held = held or await seats.hold(ctx, number)
    if held.shift.is_cancelled:
        raise UserError(
            _(
                "#{number} was cancelled; `/phonebank list` shows the shifts coming up.",
                number=number,
            )
        )
    return await _not_started(ctx, held)


async def _not_started(ctx: Context, held: HeldShift) -> HeldShift:
    if held.shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} has already started, so its seats can't change any more.",
                number=held.shift.number,
            )
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
