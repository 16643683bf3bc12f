"""The campaign's settings (its time zone and default reminders), and every group's help."""

from bot.campaign.entries import ENTRIES
from bot.kernel.feature import Feature

FEATURE = Feature("campaign", entries=ENTRIES)

__all__ = ["FEATURE"]
