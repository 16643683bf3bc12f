"""Attendance's buttons: I'll be there, I'm here, how it went, the nudge, and the organizers'
Here / No-show (which name the sign-up: one number names both the shift and the person)."""

from bot.attendance.commands import (
    CheckIn,
    ConfirmShift,
    DebriefMissed,
    MarkSignup,
    NudgeShift,
    StartDebrief,
)
from bot.kernel.intake.buttons import Numbered

CONFIRM = Numbered("confirm", ConfirmShift, "shift")
CHECKIN = Numbered("checkin", CheckIn, "shift")
HERE = Numbered("here", MarkSignup, "signup", {"mark": "here"})
NOSHOW = Numbered("noshow", MarkSignup, "signup", {"mark": "no-show"})
MADEIT = Numbered("madeit", StartDebrief, "shift")
MISSED = Numbered("missed", DebriefMissed, "shift")
NUDGE = Numbered("nudge", NudgeShift, "shift")
