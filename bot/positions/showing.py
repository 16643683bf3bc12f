"""`/phonebank positions <shift>` alone: the shift's positions, how full each is and what it
requires, with the buttons that open the `require` and `grants` forms.

Discord's menu holds 25 subcommands a command and /phonebank has them, so these buttons are
how Discord reaches `require` and `grants`; every platform gets them.
"""

from bot.domain.phonebank import Shift
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Button, Message, Reply
from bot.positions import buttons, forms
from bot.positions.commands import StartGrantsForm, StartRequireForm
from bot.positions.joining import seats_of
from bot.positions.refusals import no_positions_yet, refuse_closed
from bot.signups import seats


async def show_positions(ctx: Context, number: int) -> Message:
    """Shift `number`'s positions (or a sentence on setting them) and the two buttons."""
    shift = await _shift(ctx, number)
    positioned = await seats_of(ctx, shift)
    if positioned:
        lines = [
            _("#{number} “{title}” has these positions:", number=number, title=shift.title),
            *(
                _position_line(
                    p.position.name, p.position.seats, p.taken, p.waiting, p.position.requires
                )
                for p in positioned
            ),
        ]
    else:
        lines = [
            _(
                "#{number} “{title}” has no positions: its {seats} are open to anyone. Split "
                "them with `/phonebank positions {number} lead:1 canvasser:8`.",
                number=number,
                title=shift.title,
                seats=plural(shift.capacity, "seat"),
            )
        ]
    granted = await ctx.uow.positions.grants_of(shift.id)
    if granted:
        lines.append(
            _(
                "Whoever attends it is qualified as {qualifications}.",
                qualifications=and_list(f"“{q}”" for q in granted),
            )
        )
    training = Button(_("Make it a training"), buttons.GRANTS.action(number))
    if not positioned:
        return Message("\n".join(lines), buttons=(training,))
    require = Button(_("Require a qualification"), buttons.REQUIRE.action(number))
    return Message("\n".join(lines), buttons=(require, training))


def _position_line(name: str, seats: int, taken: int, waiting: int, requires: str | None) -> str:
    if requires is None:
        return _(
            "{name}: {taken} of {seats} taken, {waiting} waiting.",
            name=name,
            taken=taken,
            seats=plural(seats, "seat"),
            waiting=waiting,
        )
    return _(
        "{name}: {taken} of {seats} taken, {waiting} waiting; needs “{qualification}”.",
        name=name,
        taken=taken,
        seats=plural(seats, "seat"),
        waiting=waiting,
        qualification=requires,
    )


async def start_require_form(cmd: StartRequireForm, ctx: Context) -> Reply:
    """The Require a qualification button (organizers): the form, or why it can't be set."""
    ctx.require_organizer(_("set what a position requires"))
    shift = await _open_shift(ctx, cmd.shift)
    positions = await ctx.uow.positions.of_shift(shift.id)
    if not positions:
        raise no_positions_yet(shift.number)
    return forms.require_form(shift, positions)


async def start_grants_form(cmd: StartGrantsForm, ctx: Context) -> Reply:
    """The Make it a training button (organizers): the form, or why it can't be set."""
    ctx.require_organizer(_("set what a training grants"))
    return forms.grants_form(await _open_shift(ctx, cmd.shift))


async def _shift(ctx: Context, number: int) -> Shift:
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, number)
    if shift is None:
        raise seats.no_such_shift(number)
    return shift


async def _open_shift(ctx: Context, number: int) -> Shift:
    # Refused before the form opens, with the sentence the submitted form would get.
    shift = await _shift(ctx, number)
    refuse_closed(shift, ctx.now)
    return shift
