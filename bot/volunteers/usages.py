"""How `/volunteer tz` and `/volunteer reminders` are typed; Home's settings form quotes them."""

from bot.kernel.i18n import N_
from bot.kernel.intake.typed_values import Usage

TZ_USAGE = Usage(
    "/volunteer tz <Area/City>",
    "/volunteer tz America/Chicago",
    N_("show times in your own time zone"),
)
REMINDERS_USAGE = Usage(
    "/volunteer reminders <24h,1h | off | default>",
    "/volunteer reminders 24h,1h",
    N_("when to remind you before your shifts"),
)
