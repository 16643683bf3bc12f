"""Positions inside a shift (each with its own seats and waitlist under the seat invariant),
the qualifications some need, and the trainings that grant them.

The seat invariant itself stays in bot/signups/seats.py; this feature declares the commands
that set positions, requirements and trainings, picks the position of a join, and decides who
holds a qualification.
"""

from bot.kernel.feature import Feature
from bot.positions import buttons, entries
from bot.positions.booking import for_booking, for_move
from bot.positions.joining import (
    in_as,
    label,
    needs_training,
    pick_position,
    seats_of,
    waiting_as,
)
from bot.positions.qualifying import held_by, holds
from bot.positions.roster import on_roster

FEATURE = Feature("positions", entries=entries.ENTRIES, buttons=(buttons.JOIN_AS,))

__all__ = [
    "FEATURE",
    "for_booking",
    "for_move",
    "held_by",
    "holds",
    "in_as",
    "label",
    "needs_training",
    "on_roster",
    "pick_position",
    "seats_of",
    "waiting_as",
]
