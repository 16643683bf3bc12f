"""After the seat is taken: "I'll be there", checking in, and organizers' attendance marks."""

from bot.attendance.buttons import HERE, NOSHOW
from bot.attendance.commands import (
    CheckIn,
    ConfirmShift,
    MarkAttendance,
    MarkSignup,
    ShowAttendance,
)
from bot.domain.attendance import CHECKIN_OPENS, MARKS_OPEN_FOR, Attendance, Mark, Presence
from bot.domain.errors import UserError
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import N_, _
from bot.kernel.places import where_line
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups import seats, timed

_MARKS = {"here": Mark.HERE, "no-show": Mark.NO_SHOW, "noshow": Mark.NO_SHOW}
# How the attendance view reads each volunteer's state.
PRESENCE = {
    Presence.HERE: N_("here (marked)"),
    Presence.NO_SHOW: N_("no-show"),
    Presence.CHECKED_IN: N_("checked in"),
    Presence.MADE_IT: N_("said they made it"),
    Presence.MISSED: N_("said they couldn't make it"),
    Presence.UNKNOWN: N_("unknown"),
}


async def confirm(cmd: ConfirmShift, ctx: Context) -> Reply:
    """`/phonebank confirm` and "I'll be there": the volunteer says they're still coming."""
    shift, signup = await _my_seat(ctx, cmd.shift, "confirm")
    if shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} has already started; `/phonebank checkin {number}` tells us "
                "you're there.",
                number=shift.number,
            )
        )
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(record.reconfirmed(ctx.now))
    return Message(
        _(
            "✅ Thanks! You're confirmed for #{number} “{title}”, {at}. See you there.",
            number=shift.number,
            title=shift.title,
            at=timefmt.at(shift.starts_at, ctx.zone),
        )
    )


async def check_in(cmd: CheckIn, ctx: Context) -> Reply:
    """`/phonebank checkin` and "I'm here": from CHECKIN_OPENS before the start to the end."""
    shift, signup = await _my_seat(ctx, cmd.shift, _("check in to"))
    if ctx.now < shift.starts_at - CHECKIN_OPENS:
        raise UserError(
            _(
                "Check-in for #{number} opens {span} before it starts ({at}).",
                number=shift.number,
                span=timefmt.span(CHECKIN_OPENS),
                at=timefmt.at(shift.starts_at - CHECKIN_OPENS, ctx.zone),
            )
        )
    if ctx.now >= shift.ends_at:
        raise UserError(
            _(
                "#{number} has ended; `/phonebank debrief {number}` tells us how it went.",
                number=shift.number,
            )
        )
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(record.checked_in(ctx.now))
    text = _(
        "🙌 You're checked in for #{number} “{title}”. Thank you!",
        number=shift.number,
        title=shift.title,
    )
    text += where_line(shift, check_in=True)
    return Message(text)


async def show_attendance(cmd: ShowAttendance, ctx: Context) -> Reply:
    """`/phonebank attendance`: each confirmed volunteer's status, with Here / No-show."""
    shift = await _shift(ctx, cmd.shift)
    ctx.require_organizer_or_host(shift, _("see its attendance"))
    confirmed = await _confirmed(ctx, shift)
    if not confirmed:
        return Message(
            _(
                "Nobody is confirmed for #{number} “{title}”.",
                number=shift.number,
                title=shift.title,
            )
        )
    records = await ctx.uow.attendance.for_shift(shift.id)
    lines = [
        _(
            "Attendance for #{number} “{title}”, {at}:",
            number=shift.number,
            title=shift.title,
            at=timefmt.at(shift.starts_at, ctx.zone),
        )
    ]
    buttons: list[Button] = []
    for i, (signup, volunteer) in enumerate(confirmed, 1):
        record = records.get(signup.id, Attendance(signup.id))
        lines.append(
            _(
                "{place}. {name} (#{number}): {presence}",
                place=i,
                name=volunteer.name,
                number=volunteer.number,
                presence=_(PRESENCE[record.presence]),
            )
        )
        buttons.append(Button(_("Here: {name}", name=volunteer.name), HERE.action(signup.id)))
        buttons.append(
            Button(
                _("No-show: {name}", name=volunteer.name),
                NOSHOW.action(signup.id),
                ButtonStyle.DANGER,
            )
        )
    first = confirmed[0][1]
    lines.append(
        _(
            "Or type it: `/phonebank mark {number} #{number2} here` or `/phonebank "
            "mark {number} #{number2} no-show`.",
            number=shift.number,
            number2=first.number,
        )
    )
    return Message("\n".join(lines), buttons=tuple(buttons))


async def mark(cmd: MarkAttendance, ctx: Context) -> Reply:
    """`/phonebank mark <shift> <who> here|no-show` (organizers and the shift's host)."""
    shift = await _shift(ctx, cmd.shift)
    ctx.require_organizer_or_host(shift, _("mark its attendance"))
    who = cmd.who.strip().lstrip("@")
    found = [
        (s, v)
        for s, v in await _confirmed(ctx, shift)
        if who.casefold() in (v.name.casefold(), f"#{v.number}", str(v.number))
    ]
    if not found:
        raise UserError(
            _(
                "Nobody called “{who}” is confirmed for #{number}; `/phonebank "
                "attendance {number}` lists who is.",
                who=who,
                number=shift.number,
            )
        )
    if len(found) > 1:
        raise UserError(
            _(
                "Several people on #{number} are called “{who}”; use their #number.",
                number=shift.number,
                who=who,
            )
        )
    signup, volunteer = found[0]
    return await _mark(ctx, shift, signup, volunteer, cmd.mark)


async def mark_signup(cmd: MarkSignup, ctx: Context) -> Reply:
    """The Here / No-show buttons of the attendance view."""
    found = await ctx.uow.attendance.signup(cmd.signup)
    if found is None or found[1].campaign_id != ctx.campaign.id:
        ctx.require_organizer(_("mark attendance"))
        raise UserError(_("I can't find that sign-up any more; `/phonebank attendance` shows it."))
    signup, shift = found
    ctx.require_organizer_or_host(shift, _("mark its attendance"))
    if signup.status is not SignupStatus.CONFIRMED:
        raise UserError(_("That person is no longer confirmed for #{number}.", number=shift.number))
    volunteer = await ctx.uow.volunteers.get(signup.volunteer_id)
    return await _mark(ctx, shift, signup, volunteer, cmd.mark)


async def _mark(
    ctx: Context, shift: Shift, signup: Signup, volunteer: Volunteer, typed: str
) -> Reply:
    chosen = _MARKS.get(typed.strip().casefold())
    if chosen is None:
        raise UserError(
            _(
                "Mark someone `here` or `no-show`, like `/phonebank mark {number} "
                "#{number2} here`.",
                number=shift.number,
                number2=volunteer.number,
            )
        )
    if not shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} hasn't started yet; marks open at {at}.",
                number=shift.number,
                at=timefmt.at(shift.starts_at, ctx.zone),
            )
        )
    if ctx.now > shift.ends_at + MARKS_OPEN_FOR:
        raise UserError(_("Marks for #{number} closed 7 days after it ended.", number=shift.number))
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(record.marked(chosen, ctx.volunteer.id, ctx.now))
    if chosen is Mark.NO_SHOW:
        await timed.follow_up_sooner(ctx, shift, signup)
    said = "here" if chosen is Mark.HERE else "a no-show"
    return Message(
        _(
            "Marked {name} as {said} for #{number}.",
            name=volunteer.name,
            said=said,
            number=shift.number,
        )
    )


async def _my_seat(ctx: Context, number: int, doing: str) -> tuple[Shift, Signup]:
    shift = await _shift(ctx, number)
    if shift.is_cancelled:
        raise UserError(
            _("#{number} was cancelled. `/phonebank list` shows others.", number=shift.number)
        )
    signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if signup is None or signup.status is not SignupStatus.CONFIRMED:
        raise UserError(
            _(
                "You don't have a seat on #{number}, so there's nothing to {doing}. "
                "`/phonebank mine` shows your shifts.",
                number=shift.number,
                doing=doing,
            )
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
