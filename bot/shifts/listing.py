"""`/phonebank list` and `/shift list [kind]`: upcoming shifts (of one kind, if asked), a page
at a time."""

from bot.domain.errors import UserError
from bot.domain.kinds import PHONE_BANK, ShiftKind, kind_of
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.replies import Listing, Reply
from bot.shifts.views import label, shift_item
from bot.signups import ListShifts

PAGE_SIZE = 10


async def list_shifts(cmd: ListShifts, ctx: Context) -> Reply:
    """`/phonebank list`: upcoming shifts a page at a time, with seats left and buttons;
    `/shift list canvass`: one kind's."""
    if cmd.kind is not None:
        return await _list_kind(ctx, cmd, kind_of(cmd.kind))
    total = await ctx.uow.shifts.count_upcoming(ctx.campaign.id, ctx.now)
    pages = max(1, -(-total // PAGE_SIZE))
    if cmd.page > pages:
        raise UserError(
            _(
                "There are only {plural} of shifts; try `/phonebank list`.",
                plural=plural(pages, "page"),
            )
        )
    shown = await ctx.uow.shifts.upcoming(
        ctx.campaign.id, ctx.now, limit=PAGE_SIZE, offset=(cmd.page - 1) * PAGE_SIZE
    )
    mine = {
        s.id: signup for signup, s in await ctx.uow.signups.upcoming_for(ctx.volunteer.id, ctx.now)
    }
    footer = ""
    if cmd.page < pages:
        footer = _(
            "{value} more: `/phonebank list {value2}`",
            value=total - cmd.page * PAGE_SIZE,
            value2=cmd.page + 1,
        )
    return Listing(
        # Phone banks were every shift before kinds: a page of them reads as it always has.
        heading=_("Upcoming phone banks")
        if all(seats.shift.kind is PHONE_BANK for seats in shown)
        else _("Upcoming shifts"),
        items=tuple(shift_item(ctx, seats, mine.get(seats.shift.id)) for seats in shown),
        empty=_("No shifts are scheduled yet. Organizers can add one with `/phonebank create`."),
        footer=footer,
    )


async def _list_kind(ctx: Context, cmd: ListShifts, kind: ShiftKind) -> Reply:
    """Upcoming shifts of `kind`, with seats left and buttons, as `/phonebank list` shows all."""
    total = await ctx.uow.shifts.count_upcoming(ctx.campaign.id, ctx.now, kind=kind.id)
    pages = max(1, -(-total // PAGE_SIZE))
    if cmd.page > pages:
        raise UserError(
            _(
                "There are only {plural} of these shifts; try `/shift list {kind}`.",
                plural=plural(pages, "page"),
                kind=kind.id,
            )
        )
    shown = await ctx.uow.shifts.upcoming(
        ctx.campaign.id,
        ctx.now,
        limit=PAGE_SIZE,
        offset=(cmd.page - 1) * PAGE_SIZE,
        kind=kind.id,
    )
    mine = {
        s.id: signup for signup, s in await ctx.uow.signups.upcoming_for(ctx.volunteer.id, ctx.now)
    }
    footer = ""
    if cmd.page < pages:
        footer = _(
            "{value} more: `/shift list {kind} {page}`",
            value=total - cmd.page * PAGE_SIZE,
            kind=kind.id,
            page=cmd.page + 1,
        )
    return Listing(
        heading=_("Upcoming shifts: {kind}", kind=label(kind)),
        items=tuple(shift_item(ctx, seats, mine.get(seats.shift.id)) for seats in shown),
        empty=_(
            "No shifts of this kind are scheduled yet. `/shift list` shows every kind.",
        ),
        footer=footer,
    )
