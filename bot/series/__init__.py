"""Weekly series: `/phonebank repeat`, dates created on a rolling window, "Every week"."""

from bot.kernel.feature import Feature, Sweep
from bot.kernel.intake.entry import Route
from bot.series import buttons, weekly
from bot.series.buttons import REPEAT
from bot.series.commands import JoinEveryWeek, Repeats, StartRepeatForm
from bot.series.entries import ENTRIES, TOPIC
from bot.series.forms import REPEAT_FORM, read_repeats, repeat_fields, repeating
from bot.series.notices import NOTICES

FEATURE = Feature(
    "series",
    topics=(TOPIC,),
    entries=ENTRIES,
    routes=(
        Route(JoinEveryWeek, weekly.join_every_week, "the Every week button (turnout:weekly)"),
        Route(StartRepeatForm, weekly.start_repeat_form, "the Repeat… button (turnout:repeat)"),
    ),
    buttons=(buttons.WEEKLY, buttons.REPEAT),
    forms=(REPEAT_FORM,),
    notices=NOTICES,
    # Weekly series grow into the window first, so their new dates' reminders are due.
    sweeps=(Sweep(weekly.extend_all, "created %s of weekly series", "date", "series dates"),),
)

__all__ = ["FEATURE", "REPEAT", "Repeats", "read_repeats", "repeat_fields", "repeating", "weekly"]
