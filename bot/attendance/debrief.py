"""After the shift: "How did it go?", the volunteer's answers, and the organizers' wrap-up."""

from collections.abc import Mapping
from datetime import datetime

from bot.attendance import debriefs, rebooking
from bot.attendance.commands import Debrief, DebriefMissed, ShowReport, StartDebrief
from bot.attendance.forms import debrief_form
from bot.domain.attendance import Attendance, Outcome, check_conversations, outcome
from bot.domain.errors import UserError
from bot.domain.kinds import PHONE_BANK
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.replies import Message, Reply
from bot.ports.storage import UnitOfWork
from bot.signups import seats, timed


async def start_debrief(cmd: StartDebrief, ctx: Context) -> Reply:
    """ "I made it": the short form (calls, conversations, a note)."""
    shift, _skip = await _my_shift(ctx, cmd.shift, started=True)
    return debrief_form(shift.number, shift.title, shift.kind)


async def debrief(cmd: Debrief, ctx: Context) -> Reply:
    """The form's answers or `/phonebank debrief <shift> <calls> <conversations> [notes]`."""
    shift, signup = await _my_shift(ctx, cmd.shift, started=True)
    if shift.kind is not PHONE_BANK:
        return await _with_next_shifts(ctx, await debriefs.debrief_kind(ctx, cmd, shift, signup))
    check_conversations(cmd.calls, cmd.conversations, shift=shift.number, notes=cmd.notes)
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(
        record.made_it(cmd.calls, cmd.conversations, cmd.notes or None, ctx.now)
    )
    text = _(
        "Thank you! I've noted {plural} and {plural2} for #{number} “{title}”.",
        plural=plural(cmd.calls, "call"),
        plural2=plural(cmd.conversations, "conversation"),
        number=shift.number,
        title=shift.title,
    )
    return await _with_next_shifts(ctx, text)


async def debrief_missed(cmd: DebriefMissed, ctx: Context) -> Reply:
    """ "I couldn't make it": recorded kindly, nothing more asked."""
    shift, signup = await _my_shift(ctx, cmd.shift, started=False)
    if not shift.has_started(ctx.now):
        # Said before the start, the seat would stay taken while its holder stays away.
        raise UserError(
            _(
                "#{number} hasn't started yet: if you can't make it, `/phonebank leave "
                "{number}` gives your seat to the next in line.",
                number=shift.number,
            )
        )
    record = await ctx.uow.attendance.get(signup.id)
    await ctx.uow.attendance.save(record.couldnt_make_it(ctx.now))
    await timed.follow_up_sooner(ctx, shift, signup)
    return await _with_next_shifts(
        ctx,
        _("Thanks for letting us know about #{number}. Hope to see you soon!", number=shift.number),
    )


async def show_report(cmd: ShowReport, ctx: Context) -> Reply:
    """`/phonebank report`: the shift's wrap-up at any time (organizers and its host)."""
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, cmd.shift)
    if shift is None:
        raise seats.no_such_shift(cmd.shift)
    ctx.require_organizer_or_host(shift, _("see its report"))
    return Message(await wrap_up_text(ctx.uow, shift, ctx.now))


async def wrap_up_text(uow: UnitOfWork, shift: Shift, now: datetime) -> str:
    """Attended X of Y, each other outcome by name, the totals and the notes (people's text,
    as written). Outcomes as of `now` (bot.domain.attendance.outcome)."""
    confirmed = [
        (s, v) for s, v in await uow.signups.roster(shift.id) if s.status is SignupStatus.CONFIRMED
    ]
    records: Mapping[int, Attendance] = await uow.attendance.for_shift(shift.id)
    got = [(v, records.get(s.id, Attendance(s.id))) for s, v in confirmed]
    by_outcome: dict[Outcome, list[str]] = {o: [] for o in Outcome}
    for volunteer, record in got:
        by_outcome[outcome(record, shift.ends_at, now)].append(volunteer.name)
    totals = debriefs.totals_line(shift.kind, [r for _, r in got])
    lines = [
        _(
            "📋 Wrap-up for #{number} “{title}”: attended {len} of {len2}.",
            number=shift.number,
            title=shift.title,
            len=len(by_outcome[Outcome.ATTENDED]),
            len2=len(confirmed),
        ),
        _("No-shows: {names}", names=", ".join(by_outcome[Outcome.NO_SHOW]))
        if by_outcome[Outcome.NO_SHOW]
        else _("No-shows: none"),
    ]
    if by_outcome[Outcome.COULDNT_MAKE_IT]:
        lines.append(_("Couldn't make it: ") + ", ".join(by_outcome[Outcome.COULDNT_MAKE_IT]))
    if by_outcome[Outcome.NO_WORD]:
        lines.append(_("No word yet: ") + ", ".join(by_outcome[Outcome.NO_WORD]))
    if totals:
        lines.append(totals)
    notes = [(v, r.notes) for v, r in got if r.notes]
    if notes:
        lines.append(_("Notes:"))
        lines += [f"• {v.name}: {note}" for v, note in notes]
    return "\n".join(lines)


async def _with_next_shifts(ctx: Context, text: str) -> Reply:
    shifts = await rebooking.fitting_shifts(ctx.uow, ctx.campaign, ctx.volunteer, ctx.now)
    return rebooking.with_join_buttons(text, shifts, ctx.volunteer, ctx.campaign)


async def _my_shift(ctx: Context, number: int, *, started: bool) -> tuple[Shift, Signup]:
    """The shift the asker held a seat on; refusals say what to do instead."""
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, number)
    if shift is None:
        raise seats.no_such_shift(number)
    if shift.is_cancelled:
        raise UserError(
            _("#{number} was cancelled, so there's nothing to report.", number=shift.number)
        )
    signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if signup is None or signup.status is not SignupStatus.CONFIRMED:
        raise UserError(
            _(
                "You weren't confirmed for #{number}, so there's no debrief to give. "
                "`/phonebank mine` shows your shifts.",
                number=shift.number,
            )
        )
    if started and not shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} hasn't started yet; tell us how it went afterwards (it starts {at}).",
                number=shift.number,
                at=timefmt.at(shift.starts_at, ctx.zone),
            )
        )
    return shift, signup
