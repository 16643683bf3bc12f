"""A position's Join button: `turnout:joinas:5:2` joins shift 5 as its second position."""

from bot.kernel.intake.buttons import Paired
from bot.signups import JoinShift

# The position travels by its place in the shift's list (as the console numbers them), which
# `join` also reads when typed; names never start with a digit, so the two can't be mistaken.
JOIN_AS = Paired("joinas", JoinShift, "shift", "position", value=str)
