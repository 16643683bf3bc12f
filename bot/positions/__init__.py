"""Positions inside a shift (each with its own seats and waitlist under the seat invariant),
the qualifications some need, and the trainings that grant them.

The seat invariant itself stays in bot/signups/seats.py; this feature declares the commands
that set positions, requirements and trainings, picks the position of a join, and decides who
holds a qualification.
"""

from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route
from bot.positions import buttons, entries, forms, showing
from bot.positions.booking import for_booking, for_move
from bot.positions.commands import StartGrantsForm, StartRequireForm
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

FEATURE = Feature(
    "positions",
    topics=(entries.TOPIC,),
    entries=entries.ENTRIES,
    routes=(
        Route(
            StartRequireForm,
            showing.start_require_form,
            "the Require a qualification button (turnout:require)",
        ),
        Route(
            StartGrantsForm,
            showing.start_grants_form,
            "the Make it a training button (turnout:grants)",
        ),
    ),
    buttons=(buttons.JOIN_AS, buttons.REQUIRE, buttons.GRANTS),
    forms=(forms.REQUIRE, forms.GRANTS),
)

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
