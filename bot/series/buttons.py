"""A series' buttons: Every week, and Repeat… after creating a shift."""

from bot.kernel.intake.buttons import Numbered
from bot.series.commands import JoinEveryWeek, StartRepeatForm

WEEKLY = Numbered("weekly", JoinEveryWeek, "shift")
REPEAT = Numbered("repeat", StartRepeatForm, "shift")
