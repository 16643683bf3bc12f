"""The organizers' confirmation check before a shift: who said "I'll be there", who hasn't,
the waitlist, a projected headcount; "Nudge them" (once per shift); and its campaign setting."""

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.attendance.buttons import NUDGE
from bot.attendance.commands import NudgeShift, SetConfirmCheck
from bot.domain.attendance import Attendance
from bot.domain.campaign import Campaign
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.domain.stats import SHOW_RATE_OVER
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.ports.storage import UnitOfWork
from bot.signups import seats, timed


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a shift's sign-ups stand before it starts."""

    confirmed: list[Volunteer]
    said_yes: list[Volunteer]
    not_yet: list[tuple[int, Volunteer]]  # (sign-up id, volunteer)
    waiting: list[Volunteer]


async def standing(uow: UnitOfWork, shift: Shift) -> Standing:
    """Who is confirmed, who said "I'll be there", who hasn't, and who waits."""
    roster = await uow.signups.roster(shift.id)
    records = await uow.attendance.for_shift(shift.id)
    confirmed = [(s, v) for s, v in roster if s.status is SignupStatus.CONFIRMED]
    yes = [
        v for s, v in confirmed if records.get(s.id, Attendance(s.id)).reconfirmed_at is not None
    ]
    return Standing(
        confirmed=[v for _, v in confirmed],
        said_yes=yes,
        not_yet=[(s.id, v) for s, v in confirmed if v not in yes],
        waiting=[v for s, v in roster if s.status is not SignupStatus.CONFIRMED],
    )


async def show_rate(uow: UnitOfWork, campaign: Campaign, now: datetime) -> float | None:
    """The campaign's show rate over SHOW_RATE_OVER: attended of the settled seats (the same
    figure `/turnout stats` and the digest show); None before any seat is settled."""
    recent = await uow.stats.period(campaign.id, now - SHOW_RATE_OVER, now, now=now)
    return recent.show_rate


def _names(people: list[Volunteer]) -> str:
    return ", ".join(v.name for v in people) if people else _("nobody")


async def check_message(
    uow: UnitOfWork, shift: Shift, campaign: Campaign, now: datetime, zone: ZoneInfo
) -> Message:
    """The confirmation check as it stands now, with Nudge them while it can still help."""
    now_standing = await standing(uow, shift)
    rate = await show_rate(uow, campaign, now)
    filled = len(now_standing.confirmed)
    if rate is None:
        projected = _("no history yet to project a headcount from")
    else:
        projected = _(
            "projected headcount {round} (the campaign's show rate is {round2}%)",
            round=round(filled * rate),
            round2=round(100 * rate),
        )
    lines = [
        _(
            "🔔 Confirmation check for #{number} “{title}”, {at} ({countdown}):",
            number=shift.number,
            title=shift.title,
            at=timefmt.at(shift.starts_at, zone),
            countdown=timefmt.countdown(shift.starts_at, now),
        ),
        _(
            "Seats filled: {filled} of {capacity}; {len} said “I'll be there”.",
            filled=filled,
            capacity=shift.capacity,
            len=len(now_standing.said_yes),
        ),
        _("Not answered yet: ") + _names([v for _, v in now_standing.not_yet]),
        _("Waitlist: {names}", names=_names(now_standing.waiting)),
        projected[0].upper() + projected[1:] + ".",
    ]
    nudged = await uow.attendance.nudged_at(shift.id)
    if nudged is not None:
        lines.append(_("Nudged {at}.", at=timefmt.at(nudged, zone)))
    buttons: tuple[Button, ...] = ()
    if now_standing.not_yet and nudged is None:
        buttons = (Button(_("Nudge them"), NUDGE.action(shift.number), ButtonStyle.PRIMARY),)
    return Message("\n".join(lines), buttons=buttons)


async def nudge(cmd: NudgeShift, ctx: Context) -> Reply:
    """`/phonebank nudge <shift>` and "Nudge them": one DM to each confirmed volunteer who
    has not said "I'll be there" yet, once per shift."""
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, cmd.shift)
    if shift is None:
        raise seats.no_such_shift(cmd.shift)
    ctx.require_organizer_or_host(shift, _("nudge its volunteers"))
    if shift.is_cancelled or shift.has_started(ctx.now):
        raise UserError(
            _(
                "#{number} has already started or was cancelled; no nudge needed.",
                number=shift.number,
            )
        )
    now_standing = await standing(ctx.uow, shift)
    if not now_standing.not_yet:
        return Message(
            _(
                "Everyone on #{number} has said “I'll be there”. Nothing to nudge.",
                number=shift.number,
            )
        )
    before = await ctx.uow.attendance.nudge(shift.id, ctx.now)
    if before is not None:
        raise UserError(
            _(
                "They were already nudged for #{number} ({at}); a nudge goes once per shift.",
                number=shift.number,
                at=timefmt.at(before, ctx.zone),
            )
        )
    for signup_id, volunteer in now_standing.not_yet:
        await ctx.notify(
            NoticeKind.NUDGE, volunteer_id=volunteer.id, shift_id=shift.id, signup_id=signup_id
        )
    return Message(
        _(
            "Nudged {plural} on #{number}: ",
            plural=plural(len(now_standing.not_yet), "volunteer"),
            number=shift.number,
        )
        + _names([v for _, v in now_standing.not_yet])
        + "."
    )


async def set_confirm_check(cmd: SetConfirmCheck, ctx: Context) -> Reply:
    """`/turnout confirm-check 12h|off` (organizers); every upcoming shift's check follows."""
    ctx.require_organizer(_("change the confirmation check"))
    ctx.campaign = replace(ctx.campaign, confirm_check=cmd.before)
    await ctx.uow.campaigns.save(ctx.campaign)
    touched = await timed.reschedule_confirm_checks(ctx.uow, ctx.campaign, ctx.now)
    if cmd.before is None:
        return Message(
            _(
                "The confirmation check is off; {plural} won't have one.",
                plural=plural(touched, "upcoming shift"),
            )
        )
    return Message(
        _(
            "Organizers get each shift's confirmation check {duration} before it "
            "starts (updated {plural}).",
            duration=timefmt.duration(cmd.before),
            plural=plural(touched, "upcoming shift"),
        )
    )
