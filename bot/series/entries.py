"""`/phonebank repeat`: make a shift weekly."""

from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.groups import shift
from bot.series import reading, weekly
from bot.series.commands import RepeatShift

TOPIC = Topic(
    "series",
    N_("Weekly shifts"),
    "organizers.md#series",
    N_("make a shift weekly"),
    also=("weekly",),
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "repeat",
        reading.REPEAT_USAGE,
        RepeatShift,
        weekly.repeat_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "how",
                Kind.TEXT,
                "weekly or every 2 weeks, then on tue,thu, until YYYY-MM-DD or times 8",
                max_length=100,
            ),
        ),
        text=reading.repeat_shift,
        options=reading.repeat_options,
    ),
)
