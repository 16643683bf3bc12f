"""Calendars: Add to calendar on a confirmed seat, and each volunteer's private feed."""

from bot.calendars import buttons, calendar_feeds
from bot.calendars.entries import ENTRIES, TOPIC
from bot.kernel.feature import Feature

FEATURE = Feature(
    "calendars",
    topics=(TOPIC,),
    entries=ENTRIES,
    buttons=(buttons.NEW_FEED,),
)

__all__ = ["FEATURE", "calendar_feeds"]
