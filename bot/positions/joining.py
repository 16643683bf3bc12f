"""Joining a shift with positions: pick one (a button each, or typed), and hold its
qualification, or be pointed to the next training that grants it."""

from bot.domain.errors import UserError
from bot.domain.phonebank import HeldShift, Shift
from bot.domain.positions import Position, PositionSeats, find_position
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.positions.buttons import JOIN_AS
from bot.positions.qualifying import holds
from bot.signups import JOIN


async def seats_of(ctx: Context, shift: Shift) -> list[PositionSeats]:
    """The shift's positions with how full each is (empty for a shift without positions)."""
    if not shift.positioned:
        return []
    counted = await ctx.uow.signups.position_counts(shift.id)
    return [
        PositionSeats(position, *counted.get(position.id, (0, 0)))
        for position in await ctx.uow.positions.of_shift(shift.id)
    ]


def label(seats: PositionSeats) -> str:
    """A position as a join button and a list show it: `driver (1 seat left)`."""
    name = seats.position.name
    if seats.seats_left:
        return _(
            "{name} ({left} left)",
            name=name,
            left=_seats_phrase(seats.seats_left),
        )
    return _("{name} (full: waitlist)", name=name)


def _seats_phrase(count: int) -> str:
    return plural(count, "seat")


async def pick_position(ctx: Context, held: HeldShift, named: str) -> Position | Reply:
    """The position a join is for, or the reply that asks for one (the position buttons) or
    says which qualification it needs; a UserError for a position the shift doesn't have."""
    shift = held.shift
    seats = await seats_of(ctx, shift)
    positions = [s.position for s in seats]
    if not named:
        return Message(
            _(
                "#{number} “{title}” ({when}) has positions; which one will you take?",
                number=shift.number,
                title=shift.title,
                when=timefmt.at(shift.starts_at, ctx.zone),
            ),
            buttons=tuple(
                Button(
                    label(s), JOIN_AS.action(shift.number, s.position.place), ButtonStyle.PRIMARY
                )
                for s in seats
            ),
        )
    position = find_position(positions, named)
    if position is None:
        raise UserError(
            _(
                "#{number} has no position “{named}”; pick one of {names}, like `/phonebank join "
                "{number} {first}`.",
                number=shift.number,
                named=named,
                names=_or_list([p.name for p in positions]),
                first=positions[0].name,
            )
        )
    if position.requires and not await holds(ctx, ctx.volunteer.id, position.requires):
        return await needs_training(ctx, shift, position)
    return position


def _or_list(names: list[str]) -> str:
    return and_list(f"`{name}`" for name in names)


async def needs_training(ctx: Context, shift: Shift, position: Position) -> Reply:
    """A volunteer without the position's qualification: which one, and the next training."""
    assert position.requires is not None
    training = await ctx.uow.positions.next_training(ctx.campaign.id, position.requires, ctx.now)
    if training is None:
        return Message(
            _(
                "Seats as {position} on #{number} need the “{qualification}” "
                "qualification, and no training for it is scheduled yet; an organizer "
                "can tell you more.",
                position=position.name,
                number=shift.number,
                qualification=position.requires,
            )
        )
    return Message(
        _(
            "Seats as {position} on #{number} need the “{qualification}” "
            "qualification. The next training for it is #{training} “{title}” "
            "({when}); join it and you'll have it once you attend.",
            position=position.name,
            number=shift.number,
            qualification=position.requires,
            training=training.number,
            title=training.title,
            when=timefmt.at(training.starts_at, ctx.zone),
        ),
        buttons=(
            Button(
                _("Join #{number}", number=training.number),
                JOIN.action(training.number),
                ButtonStyle.PRIMARY,
            ),
        ),
    )


def in_as(position: Position | None) -> str:
    """The line a seat's reply adds for its position ("" on a shift without positions)."""
    return "" if position is None else _("\nYou're there as {name}.", name=position.name)


def waiting_as(position: Position | None, shift: Shift, when: str, line: int) -> str | None:
    """The waitlist reply for a position (None on a shift without positions)."""
    if position is None:
        return None
    return _(
        "#{number} “{title}” ({when}) has no {name} seat free, so you're #{line} in line "
        "for one. I'll message you the moment one opens.",
        number=shift.number,
        title=shift.title,
        when=when,
        name=position.name,
        line=line,
    )
