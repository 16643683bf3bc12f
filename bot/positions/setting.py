"""Organizers setting a shift's positions, what a position requires, and what a shift grants.

Changing positions goes through the seat invariant on the held shift: a position that goes or
shrinks must not drop anyone (the organizer is told what to do instead), and a position that
grows moves its own waitlist up at once.
"""

from bot.domain.errors import UserError
from bot.domain.phonebank import HeldShift, Shift
from bot.domain.positions import check_qualification, find_position, parse_positions
from bot.kernel.context import Context
from bot.kernel.i18n import _, ngettext
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Message, Reply
from bot.positions.commands import GrantOnAttending, RequireQualification, SetPositions
from bot.positions.refusals import no_positions_yet, refuse_closed
from bot.positions.showing import show_positions
from bot.signups import seats


async def set_positions(cmd: SetPositions, ctx: Context) -> Reply:
    """`/phonebank positions <shift> [<name>:<seats> …]` (organizers); alone, it shows them."""
    ctx.require_organizer(_("set a shift's positions"))
    if not cmd.positions.strip():
        return await show_positions(ctx, cmd.shift)
    wanted = parse_positions(cmd.positions.split())
    held = await _open(ctx, cmd.shift)
    shift = held.shift
    number = shift.number
    await _drops_nobody(ctx, shift, wanted)
    held, positions = await ctx.uow.positions.replace(held, wanted)
    # More seats in a position: its own line moves up now, each person told once.
    await seats.fill_open_seats(ctx, held)
    listed = and_list(
        _("{name} ({seats})", name=p.name, seats=plural(p.seats, "seat")) for p in positions
    )
    return Message(
        _(
            "#{number} “{title}” now has {listed}: {total} in all.",
            number=number,
            title=shift.title,
            listed=listed,
            total=plural(held.shift.capacity, "seat"),
        )
    )


async def _drops_nobody(ctx: Context, shift: Shift, wanted: list[tuple[str, int]]) -> None:
    """Refuse (saying what to do) positions that would leave someone without a seat or a
    line: people on a shift without positions, in a position that goes, or more confirmed in
    one than its new seats."""
    number = shift.number
    if not shift.positioned:
        taken, waiting = await ctx.uow.signups.counts(shift.id)
        if taken + waiting:
            raise UserError(
                _(
                    "#{number} already has {people} signed up without a position; set "
                    "positions on a shift before anyone joins (create a new one with "
                    "`/phonebank create`), or take them off with `/phonebank remove "
                    "<shift> <who>` first.",
                    number=number,
                    people=plural(taken + waiting, "person", "people"),
                )
            )
    counted = await ctx.uow.signups.position_counts(shift.id)
    seats_wanted = dict(wanted)
    for position in await ctx.uow.positions.of_shift(shift.id):
        taken, waiting = counted.get(position.id, (0, 0))
        if position.name not in seats_wanted and taken + waiting:
            raise UserError(
                ngettext(
                    "{count} person is on #{number} as {name}; keep {name} in the list, "
                    "or take them off with `/phonebank remove <shift> <who>` first.",
                    "{count} people are on #{number} as {name}; keep {name} in the list, "
                    "or take them off with `/phonebank remove <shift> <who>` first.",
                    taken + waiting,
                    number=number,
                    name=position.name,
                )
            )
        if taken > seats_wanted.get(position.name, taken):
            raise UserError(
                _(
                    "{name} has {people} confirmed on #{number}; give it at least "
                    "{taken} seats, or take someone off with `/phonebank remove "
                    "<shift> <who>` first.",
                    name=position.name,
                    people=plural(taken, "person", "people"),
                    number=number,
                    taken=taken,
                )
            )


async def require_qualification(cmd: RequireQualification, ctx: Context) -> Reply:
    """`/phonebank require <shift> <position> "<qualification>"` (organizers)."""
    ctx.require_organizer(_("set what a position requires"))
    qualification = check_qualification(cmd.qualification)
    held = await _open(ctx, cmd.shift)
    number = held.shift.number
    positions = await ctx.uow.positions.of_shift(held.shift.id)
    if not positions:
        raise no_positions_yet(number)
    position = find_position(positions, cmd.position)
    if position is None:
        raise UserError(
            _(
                "#{number} has no position “{named}”; name one of {names}.",
                number=number,
                named=cmd.position,
                names=and_list(f"`{p.name}`" for p in positions),
            )
        )
    # Refused rather than warned: a requirement nobody can meet would quietly close the
    # position to everyone, and the organizer is right here to set the training first.
    if not await ctx.uow.positions.earnable(ctx.campaign.id, qualification):
        raise UserError(
            _(
                "Nobody can earn “{qualification}” yet; make a shift its training first "
                'with `/phonebank grants <shift> "<qualification>"`, or qualify someone '
                'with `/volunteer qualify <who> "<qualification>"`.',
                qualification=qualification,
            )
        )
    await ctx.uow.positions.require(held, position.id, qualification)
    return Message(
        _(
            "Seats as {name} on #{number} now need “{qualification}”; anyone already "
            "in one keeps it.",
            name=position.name,
            number=number,
            qualification=qualification,
        )
    )


async def grant_on_attending(cmd: GrantOnAttending, ctx: Context) -> Reply:
    """`/phonebank grants <shift> "<qualification>"` (organizers)."""
    ctx.require_organizer(_("set what a training grants"))
    qualification = check_qualification(cmd.qualification)
    held = await _open(ctx, cmd.shift)
    await ctx.uow.positions.add_grant(held, qualification)
    return Message(
        _(
            "Everyone who attends #{number} “{title}” will be qualified as “{qualification}”.",
            number=held.shift.number,
            title=held.shift.title,
            qualification=qualification,
        )
    )


async def _open(ctx: Context, number: int) -> HeldShift:
    """The shift, held: not cancelled and not started."""
    held = await seats.hold(ctx, number)
    refuse_closed(held.shift, ctx.now)
    return held
