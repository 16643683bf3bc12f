"""The campaign's settings (its time zone and default reminders), and every group's help."""

from bot.campaign.entries import ENTRIES, SETTINGS, turnout_help
from bot.kernel.feature import Feature

# `/turnout help`, which offers every help topic, is built by the catalogue (turnout_help).
FEATURE = Feature("campaign", entries=ENTRIES)

__all__ = ["FEATURE", "SETTINGS", "turnout_help"]
