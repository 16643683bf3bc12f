"""How a roster shows each sign-up's position."""

from collections.abc import Callable

from bot.domain.phonebank import Shift
from bot.domain.signup import Signup
from bot.kernel.context import Context
from bot.kernel.i18n import _

Shown = Callable[[Signup, str], str]


async def on_roster(ctx: Context, shift: Shift) -> Shown:
    """What a roster line says of a sign-up, with its position on a shift with positions
    (`confirmed, as driver`); on a shift without, the line as it is (no statement read)."""
    if not shift.positioned:
        return lambda signup, detail: detail
    named = {p.id: p.name for p in await ctx.uow.positions.of_shift(shift.id)}

    def shown(signup: Signup, detail: str) -> str:
        position = named.get(signup.position_id or 0)
        if position is None:
            return detail
        return _("{detail}, as {position}", detail=detail, position=position)

    return shown
