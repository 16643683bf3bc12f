"""`/volunteer calendar`: a private calendar feed of one's shifts."""

from bot.calendars import calendar_feeds
from bot.calendars.commands import ShowCalendarFeed
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Topic
from bot.kernel.intake.typed_values import Usage

TOPIC = Topic(
    "calendars", N_("Calendars"), "volunteers.md#your-page-and-your-settings", also=("calendar",)
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "volunteer",
        "calendar",
        Usage(
            "/volunteer calendar [reset]",
            "/volunteer calendar",
            N_("your private calendar feed of your shifts (reset: a new link, the old one stops)"),
        ),
        ShowCalendarFeed,
        calendar_feeds.show_calendar_feed,
        params=(
            Param(
                "reset",
                Kind.FLAG,
                "True to replace your feed link; the old one stops working",
                required=False,
            ),
        ),
        hint="calendar",
    ),
)
