"""The positions' buttons.

`turnout:joinas:5:2` joins shift 5 as its second position; `turnout:require:5` and
`turnout:grants:5` open the forms that require a qualification on shift 5 or make it a training
(Discord's menu has no room for `require` and `grants`: `/phonebank positions 5` shows these).
"""

from bot.kernel.intake.buttons import Numbered, Paired
from bot.positions.commands import StartGrantsForm, StartRequireForm
from bot.signups import JoinShift

# The position travels by its place in the shift's list (as the console numbers them), which
# `join` also reads when typed; names never start with a digit, so the two can't be mistaken.
JOIN_AS = Paired("joinas", JoinShift, "shift", "position", value=str)
REQUIRE = Numbered("require", StartRequireForm, "shift")
GRANTS = Numbered("grants", StartGrantsForm, "shift")
