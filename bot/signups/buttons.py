"""The seat's buttons: join, leave, see the shifts, and take or pass an offered seat."""

from bot.kernel.intake.buttons import Numbered, Plain
from bot.signups.commands import JoinShift, LeaveShift, ListShifts, PassSeat, TakeSeat

JOIN = Numbered("join", JoinShift, "shift")
LEAVE = Numbered("leave", LeaveShift, "shift")
SHIFTS = Plain("shifts", ListShifts)
TAKE = Numbered("take", TakeSeat, "shift")
PASS = Numbered("pass", PassSeat, "shift")
