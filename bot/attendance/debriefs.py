"""What a debrief counts for each kind of shift: the answers kept, the thank-you, the totals.

A phone bank's debrief reads as it always has (bot/attendance/debrief.py); every other kind
reads its counts' names from its declaration (bot/domain/kinds.py), or asks attendance only.
The two counts are stored in the same two columns whatever they count.
"""

from collections.abc import Iterable

from bot.attendance.commands import Debrief
from bot.domain.attendance import Attendance
from bot.domain.errors import UserError
from bot.domain.kinds import ShiftKind
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup
from bot.kernel.context import Context
from bot.kernel.i18n import _


async def debrief_kind(ctx: Context, cmd: Debrief, shift: Shift, signup: Signup) -> str:
    """Record a debrief on a shift that isn't a phone bank; the thank-you to say."""
    kind = shift.kind
    counts = kind.counts
    record = await ctx.uow.attendance.get(signup.id)
    if counts is None:
        await ctx.uow.attendance.save(record.made_it(None, None, cmd.notes or None, ctx.now))
        return _(
            "Thank you! I've noted that you came to #{number} “{title}”.",
            number=shift.number,
            title=shift.title,
        )
    if cmd.conversations > cmd.calls:
        raise UserError(
            _(
                "{second} can't be more than {first}: type the {first_lower} first, like "
                "`/shift debrief {number} {more} {fewer}`.",
                second=_(counts.second),
                first=_(counts.first),
                first_lower=_(counts.first).lower(),
                number=shift.number,
                more=cmd.conversations,
                fewer=cmd.calls,
            )
        )
    await ctx.uow.attendance.save(
        record.made_it(cmd.calls, cmd.conversations, cmd.notes or None, ctx.now)
    )
    return _(
        "Thank you! I've noted {first}: {count} and {second}: {count2} for #{number} “{title}”.",
        first=_(counts.first),
        count=cmd.calls,
        second=_(counts.second),
        count2=cmd.conversations,
        number=shift.number,
        title=shift.title,
    )


def totals_line(kind: ShiftKind, records: Iterable[Attendance]) -> str:
    """A shift's totals as its kind counts them ("" for a kind that counts nothing)."""
    counts = kind.counts
    if counts is None:
        return ""
    got = list(records)
    first = sum(r.calls or 0 for r in got)
    second = sum(r.conversations or 0 for r in got)
    if kind.id == "phonebank":
        # Phone banks' wrap-ups read as they always have.
        return _(
            "Calls: {calls:,} · conversations: {conversations:,}",
            calls=first,
            conversations=second,
        )
    return _(
        "{first}: {count:,} · {second}: {count2:,}",
        first=_(counts.first),
        count=first,
        second=_(counts.second),
        count2=second,
    )
