"""Buttons about a volunteer: tell us about yourself, forget me or keep my data, and the
organizers' Mark contacted (which names the newcomer by their number)."""

from bot.kernel.intake.buttons import Numbered, Plain
from bot.volunteers.commands import ForgetMe, KeepMyData, MarkContacted, StartProfile

CONTACTED = Numbered("contacted", MarkContacted, "who", value=lambda number: f"#{number}")
PROFILE = Plain("profile", StartProfile)
FORGET = Plain("forget", ForgetMe, {"confirmed": True})
KEEP = Plain("keep", KeepMyData)
