"""Refusals the typed commands and the positions' buttons share, so both say the same."""

from datetime import datetime

from bot.domain.errors import UserError
from bot.domain.phonebank import Shift
from bot.kernel.i18n import _


def refuse_closed(shift: Shift, now: datetime) -> None:
    """A UserError for a cancelled or started shift, whose positions can't change."""
    number = shift.number
    if shift.is_cancelled:
        raise UserError(
            _(
                "#{number} was cancelled; `/phonebank list` shows the shifts coming up.",
                number=number,
            )
        )
    if shift.has_started(now):
        raise UserError(
            _(
                "#{number} has already started, so its seats can't change any more.",
                number=number,
            )
        )


def no_positions_yet(number: int) -> UserError:
    """Requiring a qualification of a shift without positions: set them first."""
    return UserError(
        _(
            "#{number} has no positions yet; set them first, like `/phonebank positions "
            "{number} lead:1 canvasser:8`.",
            number=number,
        )
    )
