"""The seat invariant: the one place where sign-ups take, give up and move into seats.

Every change of seats (join, leave, cancel, forget-me, and later edits of capacity, organizer
bookings and offers) goes through these functions, on a shift held for the change
(`HeldShift`, which only `uow.shifts.hold` makes). After each one: confirmed ≤ capacity, nobody
waits while a seat is free, the waitlist is served in arrival order, and each person moved up
is told exactly once.
"""

from datetime import datetime

from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import HeldShift, ShiftStatus
from bot.domain.signup import Signup, SignupStatus, placement
from bot.domain.volunteer import Volunteer
from bot.usecases import aftercare, post_edits, reminders
from bot.usecases.context import Context


def no_such_shift(number: int) -> UserError:
    """The refusal for a shift number the campaign doesn't have."""
    return UserError(f"There's no shift #{number}. `/phonebank list` shows upcoming shifts.")


async def hold(ctx: Context, number: int) -> HeldShift:
    """Hold the campaign's shift `number` for a change of seats; UserError if there is none."""
    held = await ctx.uow.shifts.hold(ctx.campaign.id, number)
    if held is None:
        raise no_such_shift(number)
    # Whatever changes next, its posts show it: the edit is queued before commit and written
    # from the shift as it stands when sent; a refused change rolls it back with the rest.
    post_edits.shift_changed(ctx, held.shift.id)
    return held


async def take_seat(
    ctx: Context, held: HeldShift, volunteer: Volunteer
) -> tuple[Signup, list[datetime]]:
    """Sign the volunteer up: a seat if one is free, else the waitlist.

    Returns the sign-up and, for a seat, when its reminders are due.
    """
    shift = held.shift
    confirmed, _ = await ctx.uow.signups.counts(shift.id)
    status = placement(confirmed=confirmed, capacity=shift.capacity)
    signup = await ctx.uow.signups.add(held, volunteer.id, status, ctx.now)
    if status is not SignupStatus.CONFIRMED:
        return signup, []
    return signup, await _remind(ctx, held, volunteer, signup)


async def give_up_seat(ctx: Context, held: HeldShift, signup: Signup) -> list[Signup]:
    """Cancel a sign-up and its reminders; a freed seat goes to the waitlist at once.

    Returns the sign-ups moved up, each already told.
    """
    await ctx.uow.signups.set_status(held, signup.id, SignupStatus.CANCELLED, ctx.now)
    await reminders.cancel(ctx.uow, signup)
    if signup.status is not SignupStatus.CONFIRMED:
        return []
    return await fill_open_seats(ctx, held)


async def fill_open_seats(ctx: Context, held: HeldShift) -> list[Signup]:
    """Move the waitlist up, first come first served, until the seats are full.

    Each person moved up gets their reminders and one notice; returns their sign-ups.
    """
    shift = held.shift
    if shift.is_cancelled:
        return []
    confirmed, _ = await ctx.uow.signups.counts(shift.id)
    promoted: list[Signup] = []
    for _ in range(shift.capacity - confirmed):
        waiting = await ctx.uow.signups.first_waitlisted(shift.id)
        if waiting is None:
            break
        await ctx.uow.signups.set_status(held, waiting.id, SignupStatus.CONFIRMED, ctx.now)
        volunteer = await ctx.uow.volunteers.get(waiting.volunteer_id)
        await _remind(ctx, held, volunteer, waiting)
        await ctx.notify(
            NoticeKind.PROMOTED, volunteer_id=volunteer.id, shift_id=shift.id, signup_id=waiting.id
        )
        promoted.append(waiting)
    return promoted


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
    reminders are due."""
    due = reminders.seat_reminders(
        campaign=ctx.campaign, volunteer=volunteer, signup=signup, shift=held.shift, now=ctx.now
    )
    after = aftercare.seat_notices(campaign_id=ctx.campaign.id, signup=signup, shift=held.shift)
    await ctx.uow.notices.add_all([*due, *after])
    return [notice.due_at for notice in due]


async def back_to_waitlist(ctx: Context, held: HeldShift, bumped: list[Signup]) -> None:
    """Fewer seats than people confirmed: `bumped` (the last to join) wait again.

    The waitlist is served in arrival order, so they stand at its head, in the order they
    joined; each loses their reminders and is told once.
    """
    for signup in bumped:
        await ctx.uow.signups.set_status(held, signup.id, SignupStatus.WAITLISTED, ctx.now)
        await reminders.cancel(ctx.uow, signup)
        await ctx.notify(
            NoticeKind.BACK_ON_WAITLIST,
            volunteer_id=signup.volunteer_id,
            shift_id=held.shift.id,
            signup_id=signup.id,
        )
