"""After the seat is taken: "I'll be there", checking in, and organizers' attendance marks."""

from bot.attendance.buttons import HERE, NOSHOW
from bot.attendance.commands import (
    CheckIn,
    ConfirmShift,
    MarkAttendance,
    MarkSignup,
    ShowAttendance,
)
from bot.domain.attendance import CHECKIN_OPENS, MARKS_OPEN_FOR, Attendance, Mark
from bot.domain.errors import UserError
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups import seats, timed

_MARKS = {"here": Mark.HERE, "no-show": Mark.NO_SHOW, "noshow": Mark.NO_SHOW}


async def confirm(cmd: ConfirmShift, ctx: Context) -> Reply:
    """`/phonebank confirm` and "I'll be there": the volunteer says they're still coming."""
    shift, signup = await _my_seat(ctx, cmd.shift, "confirm")
    if shift.has_started(ctx.now):
        raise UserError(
            f"#{shift.number} has already started; `/phonebank checkin {shift.number}` "
            "tells us you're there."
        )
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(record.reconfirmed(ctx.now))
    return Message(
        f"✅ Thanks! You're confirmed for #{shift.number} “{shift.title}”, "
        f"{timefmt.at(shift.starts_at, ctx.zone)}. See you there."
    )


async def check_in(cmd: CheckIn, ctx: Context) -> Reply:
    """`/phonebank checkin` and "I'm here": from CHECKIN_OPENS before the start to the end."""
    shift, signup = await _my_seat(ctx, cmd.shift, "check in to")
    if ctx.now < shift.starts_at - CHECKIN_OPENS:
        raise UserError(
            f"Check-in for #{shift.number} opens {timefmt.span(CHECKIN_OPENS)} before it starts "
            f"({timefmt.at(shift.starts_at - CHECKIN_OPENS, ctx.zone)})."
        )
    if ctx.now >= shift.ends_at:
        raise UserError(
            f"#{shift.number} has ended; `/phonebank debrief {shift.number}` tells us how it went."
        )
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(record.checked_in(ctx.now))
    text = f"🙌 You're checked in for #{shift.number} “{shift.title}”. Thank you!"
    if shift.link:
        text += f"\nDialer and script: {shift.link}"
    return Message(text)


async def show_attendance(cmd: ShowAttendance, ctx: Context) -> Reply:
    """`/phonebank attendance`: each confirmed volunteer's status, with Here / No-show."""
    shift = await _shift(ctx, cmd.shift)
    ctx.require_organizer_or_host(shift, "see its attendance")
    confirmed = await _confirmed(ctx, shift)
    if not confirmed:
        return Message(f"Nobody is confirmed for #{shift.number} “{shift.title}”.")
    records = await ctx.uow.attendance.for_shift(shift.id)
    lines = [
        f"Attendance for #{shift.number} “{shift.title}”, {timefmt.at(shift.starts_at, ctx.zone)}:"
    ]
    buttons: list[Button] = []
    for i, (signup, volunteer) in enumerate(confirmed, 1):
        record = records.get(signup.id, Attendance(signup.id))
        lines.append(f"{i}. {volunteer.name} (#{volunteer.number}): {record.presence.value}")
        buttons.append(Button(f"Here: {volunteer.name}", HERE.action(signup.id)))
        buttons.append(
            Button(f"No-show: {volunteer.name}", NOSHOW.action(signup.id), ButtonStyle.DANGER)
        )
    lines.append(f"Mark someone with `/phonebank mark {shift.number} <who> here` or `… no-show`.")
    return Message("\n".join(lines), buttons=tuple(buttons))


async def mark(cmd: MarkAttendance, ctx: Context) -> Reply:
    """`/phonebank mark <shift> <who> here|no-show` (organizers and the shift's host)."""
    shift = await _shift(ctx, cmd.shift)
    ctx.require_organizer_or_host(shift, "mark its attendance")
    who = cmd.who.strip().lstrip("@")
    found = [
        (s, v)
        for s, v in await _confirmed(ctx, shift)
        if who.casefold() in (v.name.casefold(), f"#{v.number}", str(v.number))
    ]
    if not found:
        raise UserError(
            f"Nobody called “{who}” is confirmed for #{shift.number}; "
            f"`/phonebank attendance {shift.number}` lists who is."
        )
    if len(found) > 1:
        raise UserError(f"Several people on #{shift.number} are called “{who}”; use their #number.")
    signup, volunteer = found[0]
    return await _mark(ctx, shift, signup, volunteer, cmd.mark)


async def mark_signup(cmd: MarkSignup, ctx: Context) -> Reply:
    """The Here / No-show buttons of the attendance view."""
    found = await ctx.uow.attendance.signup(cmd.signup)
    if found is None or found[1].campaign_id != ctx.campaign.id:
        ctx.require_organizer("mark attendance")
        raise UserError("I can't find that sign-up any more; `/phonebank attendance` shows it.")
    signup, shift = found
    ctx.require_organizer_or_host(shift, "mark its attendance")
    if signup.status is not SignupStatus.CONFIRMED:
        raise UserError(f"That person is no longer confirmed for #{shift.number}.")
    volunteer = await ctx.uow.volunteers.get(signup.volunteer_id)
    return await _mark(ctx, shift, signup, volunteer, cmd.mark)


async def _mark(
    ctx: Context, shift: Shift, signup: Signup, volunteer: Volunteer, typed: str
) -> Reply:
    chosen = _MARKS.get(typed.strip().casefold())
    if chosen is None:
        raise UserError(
            f"Mark someone `here` or `no-show`, like `/phonebank mark {shift.number} "
            f"#{volunteer.number} here`."
        )
    if not shift.has_started(ctx.now):
        raise UserError(
            f"#{shift.number} hasn't started yet; marks open at "
            f"{timefmt.at(shift.starts_at, ctx.zone)}."
        )
    if ctx.now > shift.ends_at + MARKS_OPEN_FOR:
        raise UserError(f"Marks for #{shift.number} closed 7 days after it ended.")
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(record.marked(chosen, ctx.volunteer.id, ctx.now))
    if chosen is Mark.NO_SHOW:
        await timed.follow_up_sooner(ctx, shift, signup)
    said = "here" if chosen is Mark.HERE else "a no-show"
    return Message(f"Marked {volunteer.name} as {said} for #{shift.number}.")


async def _my_seat(ctx: Context, number: int, doing: str) -> tuple[Shift, Signup]:
    shift = await _shift(ctx, number)
    if shift.is_cancelled:
        raise UserError(f"#{shift.number} was cancelled. `/phonebank list` shows others.")
    signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if signup is None or signup.status is not SignupStatus.CONFIRMED:
        raise UserError(
            f"You don't have a seat on #{shift.number}, so there's nothing to {doing}. "
            "`/phonebank mine` shows your shifts."
        )
    return shift, signup


async def _confirmed(ctx: Context, shift: Shift) -> list[tuple[Signup, Volunteer]]:
    return [
        (s, v)
        for s, v in await ctx.uow.signups.roster(shift.id)
        if s.status is SignupStatus.CONFIRMED
    ]


async def _shift(ctx: Context, number: int) -> Shift:
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, number)
    if shift is None:
        raise seats.no_such_shift(number)
    return shift
