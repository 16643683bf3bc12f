"""`/volunteer history`: a volunteer's record across shifts, from their attendance."""

from collections import Counter

from bot import positions
from bot.attendance.commands import ShowHistory
from bot.domain.attendance import Outcome, outcome, show_rate
from bot.domain.signup import SignupStatus
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.people import one_volunteer
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Message, Reply


async def show_history(cmd: ShowHistory, ctx: Context) -> Reply:
    """Shifts signed up, attended, missed, calls, conversations and show rate."""
    who = cmd.who.strip()
    volunteer = ctx.volunteer
    if who:
        ctx.require_organizer(_("see other volunteers' history"))
        volunteer = await one_volunteer(
            ctx, who, lambda ref: _("/volunteer history {ref}", ref=ref)
        )
    seats = [
        (shift, attendance)
        for signup, shift, attendance in await ctx.uow.attendance.history(volunteer.id)
        if signup.status is SignupStatus.CONFIRMED and not shift.is_cancelled
    ]
    past = [(shift, a) for shift, a in seats if shift.has_started(ctx.now)]
    outcomes = Counter(outcome(a, shift.ends_at, ctx.now) for shift, a in past)
    calls = sum(a.calls or 0 for _, a in past)
    conversations = sum(a.conversations or 0 for _, a in past)
    rate = show_rate(outcomes.elements())
    whose = "Your" if volunteer.id == ctx.volunteer.id else f"{volunteer.name}'s"
    counted = [
        _("{plural} signed up", plural=plural(len(seats), "shift")),
        f"{outcomes[Outcome.ATTENDED]} attended",
        plural(outcomes[Outcome.NO_SHOW], "no-show"),
        _("{outcomes} couldn't make it", outcomes=outcomes[Outcome.COULDNT_MAKE_IT]),
    ]
    if outcomes[Outcome.NO_WORD]:
        counted.append(_("{outcomes} with no word yet", outcomes=outcomes[Outcome.NO_WORD]))
    shown_rate = f"{round(100 * rate)}%" if rate is not None else _("no finished shifts yet")
    text = _(
        "{whose} record: {join}; {plural}, {plural2}; show rate {shown_rate}.",
        whose=whose,
        join=", ".join(counted),
        plural=plural(calls, "call"),
        plural2=plural(conversations, "conversation"),
        shown_rate=shown_rate,
    )
    qualified = await positions.held_by(ctx, volunteer.id)
    if qualified:
        text += _("\nQualifications: {names}.", names=and_list(qualified))
    return Message(text)
