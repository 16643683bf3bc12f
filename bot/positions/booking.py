"""Organizers booking and moving people on shifts with positions: which position, and whether
the person holds what it requires (the organizer is asked to confirm when they don't)."""

from bot.domain.errors import UserError
from bot.domain.phonebank import HeldShift
from bot.domain.positions import Position, find_position
from bot.domain.signup import Signup
from bot.domain.volunteer import Volunteer
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import and_list
from bot.positions.qualifying import holds


async def for_booking(
    ctx: Context, held: HeldShift, person: Volunteer, named: str, *, over: bool
) -> tuple[Position, bool]:
    """The position an organizer books `person` in, and whether they lack its qualification;
    a UserError saying what to type when none (or one the shift lacks) is named."""
    shift = held.shift
    if over:
        raise UserError(
            _(
                "#{number}'s seats are its positions'; give one more seats with "
                "`/phonebank positions <shift> <name>:<seats> …` first.",
                number=shift.number,
            )
        )
    positions = await ctx.uow.positions.of_shift(shift.id)
    position = find_position(positions, named) if named else None
    if position is None:
        raise UserError(
            _(
                "#{number} has positions; say which, like `/phonebank add {number} "
                "#{person} as {first}` ({names}).",
                number=shift.number,
                person=person.number,
                first=positions[0].name,
                names=and_list(p.name for p in positions),
            )
        )
    lacking = position.requires is not None and not await holds(ctx, person.id, position.requires)
    return position, lacking


async def for_move(
    ctx: Context, signup: Signup, source: HeldShift, target: HeldShift, person: Volunteer
) -> Position | None:
    """The position a moved sign-up takes on `target`: the one of the same name; None on a
    shift without positions. Refused (with what to do) when there is none or it is full."""
    if not target.shift.positioned:
        return None
    wanted = ""
    if signup.position_id is not None:
        mine = await ctx.uow.positions.of_shift(source.shift.id)
        wanted = next((p.name for p in mine if p.id == signup.position_id), "")
    there = await ctx.uow.positions.of_shift(target.shift.id)
    position = find_position(there, wanted) if wanted else None
    if position is None:
        raise UserError(
            _(
                "#{to_shift} has positions; take {name} off #{from_shift} and book them "
                "with `/phonebank add {to_shift} #{number} as {first}`.",
                to_shift=target.shift.number,
                from_shift=source.shift.number,
                name=person.name,
                number=person.number,
                first=there[0].name,
            )
        )
    counted = await ctx.uow.signups.position_counts(target.shift.id)
    taken, _skip = counted.get(position.id, (0, 0))
    if taken >= position.seats:
        raise UserError(
            _(
                "#{to_shift} has no {position} seat free; add them to its line with "
                "`/phonebank add {to_shift} #{number} as {position}`.",
                to_shift=target.shift.number,
                position=position.name,
                number=person.number,
            )
        )
    return position
