"""The shifts' own button: a shift's roster, for its host (and organizers)."""

from bot.kernel.intake.buttons import Numbered
from bot.shifts.commands import ShowRoster

ROSTER = Numbered("roster", ShowRoster, "shift")
