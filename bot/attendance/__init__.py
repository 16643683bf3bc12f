"""After the sign-up: reminders' "I'll be there", check-in, "How did it go?", organizers'
marks and reports, the confirmation check, follow-ups, and a volunteer's history."""

from bot.attendance import buttons, presence
from bot.attendance.buttons import CONFIRM
from bot.attendance.commands import MarkSignup
from bot.attendance.entries import ENTRIES, TOPIC
from bot.attendance.forms import DEBRIEF
from bot.attendance.notices import NOTICES
from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route

FEATURE = Feature(
    "attendance",
    topics=(TOPIC,),
    entries=ENTRIES,
    routes=(
        Route(MarkSignup, presence.mark_signup, "the attendance view's Here / No-show buttons"),
    ),
    buttons=(
        buttons.CONFIRM,
        buttons.CHECKIN,
        buttons.HERE,
        buttons.NOSHOW,
        buttons.MADEIT,
        buttons.MISSED,
        buttons.NUDGE,
    ),
    forms=(DEBRIEF,),
    notices=NOTICES,
)

__all__ = ["CONFIRM", "FEATURE"]
