"""The help topic of shifts: finding and joining them, and running them. The features that
offer, edit, repeat and post shifts name it for their commands."""

from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Topic

SHIFTS_TOPIC = Topic(
    "shifts",
    N_("Shifts"),
    "organizers.md#a-shift-from-creation-to-wrap-up",
    N_("create, edit, repeat, post and cancel shifts, and book, move and remove volunteers"),
    everyone_doc="volunteers.md#joining-a-shift",
)
