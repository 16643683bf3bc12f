"""The seat invariant: the one place where sign-ups take, give up and move into seats.

Every change of seats (join, leave, cancel, forget-me, and later edits of capacity, organizer
bookings and offers) goes through these functions, on a shift held for the change
(`HeldShift`, which only `uow.shifts.hold` makes). After each one: confirmed ≤ capacity, nobody
waits while a seat is free, the waitlist is served in arrival order, and each person moved up
is told exactly once.

Close to the start (bot/domain/offer.py) a freed seat is offered rather than given: it is kept
for the first in line (an `offered` sign-up counts as a taken seat) until they take it, pass or
the offer runs out, and then it is offered to the next. So there, "nobody waits while a seat
is free" reads "nobody waits while a seat is free and not on offer".
"""

from dataclasses import replace
from datetime import datetime

from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.offer import OFFER_FOR, Answer, offers_instead
from bot.domain.phonebank import HeldShift, ShiftStatus
from bot.domain.positions import Position
from bot.domain.signup import Signup, SignupStatus, placement
from bot.domain.volunteer import Volunteer
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.signups import reminders, timed


def no_such_shift(number: int) -> UserError:
    """The refusal for a shift number the campaign doesn't have."""
    return UserError(
        _("There's no shift #{number}. `/phonebank list` shows upcoming shifts.", number=number)
    )


async def hold(ctx: Context, number: int) -> HeldShift:
    """Hold the campaign's shift `number` for a change of seats; UserError if there is none."""
    held = await ctx.uow.shifts.hold(ctx.campaign.id, number)
    if held is None:
        raise no_such_shift(number)
    # Whatever changes next, its posts show it: the edit is queued before commit and written
    # from the shift as it stands when sent; a refused change rolls it back with the rest.
    ctx.shift_changed(held.shift.id)
    return held


async def take_seat(
    ctx: Context, held: HeldShift, volunteer: Volunteer, position: Position | None = None
) -> tuple[Signup, list[datetime]]:
    """Sign the volunteer up: a seat if one is free, else the waitlist (of `position`, on a
    shift with positions: the caller picked one of its own).

    Returns the sign-up and, for a seat, when its reminders are due.
    """
    shift = held.shift
    if shift.positioned and position is None:
        # Every seat of such a shift is a position's: a sign-up without one has no line.
        raise UserError(
            _(
                "#{number} has positions; join it with `/phonebank join <shift> [position]`.",
                number=shift.number,
            )
        )
    if position is None:
        confirmed, _skip = await ctx.uow.signups.counts(shift.id)
        status = placement(confirmed=confirmed, capacity=shift.capacity)
    else:
        counted = await ctx.uow.signups.position_counts(shift.id)
        taken, _skip = counted.get(position.id, (0, 0))
        status = placement(confirmed=taken, capacity=position.seats)
    # One life per person and shift: back after leaving, the "sorry you couldn't make it"
    # owed to the earlier sign-up is no longer true.
    await ctx.uow.notices.cancel_pending(
        shift_id=shift.id, volunteer_id=volunteer.id, kinds=(NoticeKind.MISSED_YOU,)
    )
    signup = await ctx.uow.signups.add(
        held, volunteer.id, status, ctx.now, position.id if position else None
    )
    if status is not SignupStatus.CONFIRMED:
        return signup, []
    return signup, await _remind(ctx, held, volunteer, signup)


async def give_up_seat(ctx: Context, held: HeldShift, signup: Signup) -> list[Signup]:
    """Cancel a sign-up and its reminders; a freed seat goes to the waitlist at once.

    Returns the sign-ups moved up (or offered the seat), each already told. Giving up an
    offered seat is passing on it.
    """
    await ctx.uow.signups.set_status(held, signup.id, SignupStatus.CANCELLED, ctx.now)
    await timed.cancel_seat_notices(ctx.uow, signup)
    if signup.status is SignupStatus.OFFERED:
        await ctx.uow.offers.answer(held, signup.id, Answer.PASSED, ctx.now)
    if not signup.status.holds_seat:
        return []
    return await fill_open_seats(ctx, held)


async def fill_open_seats(ctx: Context, held: HeldShift) -> list[Signup]:
    """Move the waitlist up, first come first served, until the seats are full.

    Each person moved up gets their reminders and one notice; close to the start each is
    offered the seat instead (and told so). Returns their sign-ups, with their new status.
    """
    shift = held.shift
    if shift.is_cancelled or ctx.now >= shift.ends_at:
        return []
    offering = offers_instead(starts_at=shift.starts_at, now=ctx.now)
    if shift.positioned:
        return await _fill_positions(ctx, held, offering=offering)
    confirmed, _skip = await ctx.uow.signups.counts(shift.id)
    promoted: list[Signup] = []
    for _skip in range(shift.capacity - confirmed):
        waiting = await ctx.uow.signups.first_waitlisted(shift.id)
        if waiting is None:
            break
        promoted.append(await _move_up(ctx, held, waiting, offering=offering))
    return promoted


async def _fill_positions(ctx: Context, held: HeldShift, *, offering: bool) -> list[Signup]:
    """fill_open_seats on a shift with positions: each position's line moves up into that
    position's free seats, and only those."""
    counted = await ctx.uow.signups.position_counts(held.shift.id)
    promoted: list[Signup] = []
    for position in await ctx.uow.positions.of_shift(held.shift.id):
        taken, waiting_count = counted.get(position.id, (0, 0))
        for _skip in range(min(position.seats - taken, waiting_count)):
            waiting = await ctx.uow.signups.first_waitlisted(held.shift.id, position.id)
            if waiting is None:
                break
            promoted.append(await _move_up(ctx, held, waiting, offering=offering))
    return promoted


async def _move_up(ctx: Context, held: HeldShift, waiting: Signup, *, offering: bool) -> Signup:
    """The first in line gets the free seat (or, close to the start, is offered it); told once."""
    if offering:
        return await _offer(ctx, held, waiting)
    await ctx.uow.signups.set_status(held, waiting.id, SignupStatus.CONFIRMED, ctx.now)
    volunteer = await ctx.uow.volunteers.get(waiting.volunteer_id)
    await _remind(ctx, held, volunteer, waiting)
    await ctx.notify(
        NoticeKind.PROMOTED,
        volunteer_id=volunteer.id,
        shift_id=held.shift.id,
        signup_id=waiting.id,
    )
    return replace(waiting, status=SignupStatus.CONFIRMED)


async def _offer(ctx: Context, held: HeldShift, waiting: Signup) -> Signup:
    """Keep the seat for `waiting` for OFFER_FOR and tell them; they confirm it themselves."""
    await ctx.uow.signups.set_status(held, waiting.id, SignupStatus.OFFERED, ctx.now)
    await ctx.uow.offers.add(held, waiting.id, ctx.now, ctx.now + OFFER_FOR)
    await ctx.notify(
        NoticeKind.SEAT_OFFERED,
        volunteer_id=waiting.volunteer_id,
        shift_id=held.shift.id,
        signup_id=waiting.id,
    )
    return replace(waiting, status=SignupStatus.OFFERED)


async def take_offered_seat(ctx: Context, held: HeldShift, signup: Signup) -> list[datetime]:
    """The offeree takes the seat kept for them: confirmed, with their reminders.

    The caller has checked, under the hold, that the offer is still open.
    """
    await ctx.uow.signups.set_status(held, signup.id, SignupStatus.CONFIRMED, ctx.now)
    await ctx.uow.offers.answer(held, signup.id, Answer.TAKEN, ctx.now)
    volunteer = await ctx.uow.volunteers.get(signup.volunteer_id)
    return await _remind(ctx, held, volunteer, replace(signup, status=SignupStatus.CONFIRMED))


async def lapse_offer(ctx: Context, held: HeldShift, signup: Signup) -> list[Signup]:
    """No answer in time: the offeree leaves the waitlist (told once) and the seat is offered
    to the next in line. Returns who was offered it next."""
    await ctx.uow.signups.set_status(held, signup.id, SignupStatus.CANCELLED, ctx.now)
    await ctx.uow.offers.answer(held, signup.id, Answer.LAPSED, ctx.now)
    await ctx.notify(
        NoticeKind.OFFER_LAPSED,
        volunteer_id=signup.volunteer_id,
        shift_id=held.shift.id,
        signup_id=signup.id,
    )
    return await fill_open_seats(ctx, held)


async def call_off(
    ctx: Context, held: HeldShift, *, tell: bool = True
) -> list[tuple[Signup, Volunteer]]:
    """Cancel the shift itself: its pending notices go, and everyone signed up is told
    (unless `tell` is False: the caller tells them, as one message for several dates).

    Returns who was signed up (confirmed first, then the waitlist).
    """
    shift = held.shift
    await ctx.uow.shifts.set_status(held, ShiftStatus.CANCELLED)
    await ctx.uow.notices.cancel_pending(shift_id=shift.id)
    roster = await ctx.uow.signups.roster(shift.id)
    for signup, volunteer in roster if tell else ():
        await ctx.notify(
            NoticeKind.SHIFT_CANCELLED,
            volunteer_id=volunteer.id,
            shift_id=shift.id,
            signup_id=signup.id,
            payload={"was": signup.status.value},
        )
    return list(roster)


async def _remind(
    ctx: Context, held: HeldShift, volunteer: Volunteer, signup: Signup
) -> list[datetime]:
    """Queue a new seat's reminders, check-in and debrief in one write; returns when the
    reminders are due. The seat has none pending: every way a seat is lost (giving it up,
    back to the waitlist) cancels them, so nothing is cancelled here on each join."""
    due = reminders.seat_reminders(
        campaign=ctx.campaign, volunteer=volunteer, signup=signup, shift=held.shift, now=ctx.now
    )
    after = timed.seat_notices(
        campaign=ctx.campaign, volunteer=volunteer, signup=signup, shift=held.shift
    )
    await ctx.uow.notices.add_all([*due, *after])
    return [notice.due_at for notice in due]


async def seat_from_waitlist(ctx: Context, held: HeldShift, signup: Signup) -> Signup:
    """An organizer gives a waiting volunteer a seat they added for them (the caller raised
    the capacity): confirmed, with their reminders; the rest of the line keeps its order."""
    await ctx.uow.signups.set_status(held, signup.id, SignupStatus.CONFIRMED, ctx.now)
    seated = replace(signup, status=SignupStatus.CONFIRMED)
    await _remind(ctx, held, await ctx.uow.volunteers.get(signup.volunteer_id), seated)
    return seated


async def back_to_waitlist(ctx: Context, held: HeldShift, bumped: list[Signup]) -> None:
    """Fewer seats than people confirmed: `bumped` (the last to join) wait again.

    The waitlist is served in arrival order, so they stand at its head, in the order they
    joined; each loses their reminders and is told once.
    """
    for signup in bumped:
        await ctx.uow.signups.set_status(held, signup.id, SignupStatus.WAITLISTED, ctx.now)
        await timed.cancel_seat_notices(ctx.uow, signup)
        await ctx.notify(
            NoticeKind.BACK_ON_WAITLIST,
            volunteer_id=signup.volunteer_id,
            shift_id=held.shift.id,
            signup_id=signup.id,
        )


async def withdraw_extra_offers(ctx: Context, held: HeldShift) -> list[Signup]:
    """Fewer seats than are taken, counting seats on offer: the newest offers are withdrawn
    first (before anyone confirmed is bumped); each offeree waits again, at the head of the
    line, and is told once. Returns the sign-ups whose offer was withdrawn."""
    taken, _skip = await ctx.uow.signups.counts(held.shift.id)
    withdrawn: list[Signup] = []
    offered = [s for s, _ in await ctx.uow.signups.roster(held.shift.id)]
    offered = [s for s in offered if s.status is SignupStatus.OFFERED]
    for signup in reversed(offered):
        if taken <= held.shift.capacity:
            break
        await ctx.uow.signups.set_status(held, signup.id, SignupStatus.WAITLISTED, ctx.now)
        await ctx.uow.offers.withdraw(held, signup.id)
        await ctx.notify(
            NoticeKind.BACK_ON_WAITLIST,
            volunteer_id=signup.volunteer_id,
            shift_id=held.shift.id,
            signup_id=signup.id,
        )
        withdrawn.append(signup)
        taken -= 1
    return withdrawn


async def give_up_every_seat(ctx: Context) -> None:
    """Forget-me: take the asker off every upcoming shift, the waitlist moving up as usual."""
    for _skip, shift in await ctx.uow.signups.upcoming_for(ctx.volunteer.id, ctx.now):
        # A seat kept on a shift of a campaign their team has left is given up there, by that
        # campaign's numbers: its waitlist moves up and its organizers are told.
        there = ctx
        if shift.campaign_id != ctx.campaign.id:
            there = replace(ctx, campaign=await ctx.uow.campaigns.get(shift.campaign_id))
        held = await hold(there, shift.number)
        # Read again under the hold: a promotion may have confirmed it since the list was read.
        signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
        if signup is not None:
            promoted = await give_up_seat(there, held, signup)
            # Leaving this way within a day of the start is a late cancellation like any other.
            await timed.tell_of_late_cancellation(there, held.shift, signup, promoted)
