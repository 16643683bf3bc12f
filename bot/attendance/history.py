"""`/volunteer history`: a volunteer's record across shifts, from their attendance."""

from collections import Counter
from collections.abc import Sequence

from bot import positions
from bot.attendance import debriefs
from bot.attendance.commands import ShowHistory
from bot.domain.attendance import Attendance, Outcome, outcome, show_rate
from bot.domain.kinds import KINDS, PHONE_BANK
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.people import one_volunteer
from bot.kernel.places import label
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
    # Calls are phone banks' first count; other kinds' counts are listed by kind below.
    calls = sum(a.calls or 0 for shift, a in past if shift.kind is PHONE_BANK)
    conversations = sum(a.conversations or 0 for shift, a in past if shift.kind is PHONE_BANK)
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
    return Message("\n".join([text, *_other_kinds(past)]))


def _other_kinds(past: Sequence[tuple[Shift, Attendance]]) -> list[str]:
    """A line per other kind attended or debriefed: its shifts and its own two counts."""
    lines = []
    for kind in KINDS:
        if kind is PHONE_BANK:
            continue
        records = [a for shift, a in past if shift.kind is kind]
        if not records:
            continue
        totals = debriefs.totals_line(kind, records)
        shifts = plural(len(records), "shift")
        lines.append(
            _("{kind}: {shifts}; {totals}", kind=label(kind), shifts=shifts, totals=totals)
            if totals
            else _("{kind}: {shifts}", kind=label(kind), shifts=shifts)
        )
    return lines
