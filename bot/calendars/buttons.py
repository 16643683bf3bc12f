"""The calendar feed's button: a new private address (the old one stops working)."""

from bot.calendars.commands import ShowCalendarFeed
from bot.kernel.intake.buttons import Plain

NEW_FEED = Plain("newfeed", ShowCalendarFeed, {"reset": True})
