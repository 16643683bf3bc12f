"""`/volunteer history`: a volunteer's record across shifts, from their attendance."""

from bot.attendance.commands import ShowHistory
from bot.domain.attendance import NO_ANSWER_AFTER, silent_miss
from bot.domain.signup import SignupStatus
from bot.kernel.context import Context
from bot.kernel.people import one_volunteer
from bot.kernel.wording import plural
from bot.ports.replies import Message, Reply


async def show_history(cmd: ShowHistory, ctx: Context) -> Reply:
    """Shifts signed up, attended, missed, calls, conversations and show rate."""
    who = cmd.who.strip()
    volunteer = ctx.volunteer
    if who:
        ctx.require_organizer("see other volunteers' history")
        volunteer = await one_volunteer(ctx, who, lambda ref: f"/volunteer history {ref}")
    record = [
        (shift, attendance)
        for signup, shift, attendance in await ctx.uow.attendance.history(volunteer.id)
        if signup.status is SignupStatus.CONFIRMED and not shift.is_cancelled
    ]
    past = [(shift, a) for shift, a in record if shift.has_started(ctx.now)]
    attended = sum(1 for _, a in past if a.attended)
    # No word at all a day after the end counts as missed, as the show rate counts it.
    missed = sum(
        1
        for shift, a in past
        if a.missed or (silent_miss(a) and ctx.now >= shift.ends_at + NO_ANSWER_AFTER)
    )
    past_records = [a for _, a in past]
    calls = sum(a.calls or 0 for a in past_records)
    conversations = sum(a.conversations or 0 for a in past_records)
    answered = attended + missed
    rate = f"{round(100 * attended / answered)}%" if answered else "no finished shifts yet"
    whose = "Your" if volunteer.id == ctx.volunteer.id else f"{volunteer.name}'s"
    return Message(
        f"{whose} record: {plural(len(record), 'shift')} signed up, {attended} attended, "
        f"{missed} missed; {plural(calls, 'call')}, {plural(conversations, 'conversation')}; "
        f"show rate {rate}."
    )
