"""`/volunteer` (you and your settings) and `/turnout` (the campaign's settings, and help)."""

from bot.attendance import entries as attendance_entries
from bot.attendance import history
from bot.attendance.commands import ShowHistory
from bot.calendars import calendar_feeds
from bot.calendars.commands import ShowCalendarFeed
from bot.campaign import settings
from bot.campaign.commands import SetCampaignReminders, SetCampaignTimezone, ShowHelp
from bot.domain.stats import PERIODS
from bot.domain.text import MAX_NAME
from bot.exports import entries as export_entries
from bot.home import view
from bot.home.commands import ShowHome
from bot.kernel.intake import parsing
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Kind, Param, Usage, Who
from bot.kernel.intake.groups import TOPICS, ZONE, help_entry, reminder_times
from bot.stats import digest, numbers
from bot.stats.commands import SetDigest, SetListed, ShowStats
from bot.volunteers import people, welcome
from bot.volunteers.commands import (
    ForgetMe,
    ListNewVolunteers,
    MarkContacted,
    SetMyReminders,
    SetMyTimezone,
    StartProfile,
)

# In the order help lists them; `help` comes last.
VOLUNTEER: tuple[Entry, ...] = (
    Entry(
        "volunteer",
        "home",
        Usage(
            "/volunteer home",
            "/volunteer home",
            "your shifts, tasks and settings in one place (Slack: the app's Home tab)",
        ),
        ShowHome,
        view.show_home,
        reads_only=True,
        hint="home",
    ),
    Entry(
        "volunteer",
        "tz",
        Usage(
            "/volunteer tz <Area/City>",
            "/volunteer tz America/Chicago",
            "show times in your own time zone",
        ),
        SetMyTimezone,
        people.set_my_timezone,
        params=(ZONE,),
        hint="tz America/Chicago",
    ),
    Entry(
        "volunteer",
        "reminders",
        Usage(
            "/volunteer reminders <24h,1h | off | default>",
            "/volunteer reminders 24h,1h",
            "when to remind you before your shifts",
        ),
        SetMyReminders,
        people.set_my_reminders,
        params=(reminder_times(typed.reminder_offsets),),
        hint="reminders 24h,1h",
    ),
    Entry(
        "volunteer",
        "profile",
        Usage(
            "/volunteer profile",
            "/volunteer profile",
            "tell us what you like to do and when you're free",
        ),
        StartProfile,
        welcome.start_profile,
        hint="profile",
    ),
    Entry(
        "volunteer",
        "calendar",
        Usage(
            "/volunteer calendar [reset]",
            "/volunteer calendar",
            "your private calendar feed of your shifts (reset: a new link, the old one stops)",
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
    Entry(
        "volunteer",
        "forget-me",
        Usage(
            "/volunteer forget-me [confirm]",
            "/volunteer forget-me confirm",
            "erase what Turnout knows about you",
        ),
        ForgetMe,
        people.forget_me,
        params=(
            Param(
                "confirm",
                Kind.FLAG,
                "True to erase now; leave it out to be asked first",
                required=False,
                field="confirmed",
            ),
        ),
    ),
    Entry(
        "volunteer",
        "new",
        Usage("/volunteer new", "/volunteer new", "new volunteers nobody has contacted yet"),
        ListNewVolunteers,
        people.list_new_volunteers,
        reads_only=True,
        who=Who.ORGANIZER,
        hint="new",
    ),
    Entry(
        "volunteer",
        "contacted",
        Usage(
            "/volunteer contacted <who>",
            "/volunteer contacted #12",
            "note that you've reached out to a new volunteer",
        ),
        MarkContacted,
        people.mark_contacted,
        who=Who.ORGANIZER,
        params=(
            Param(
                "who",
                Kind.TEXT,
                "Their name or number, like #12",
                max_length=MAX_NAME,
                read=parsing.contacted_who,
            ),
        ),
    ),
    Entry(
        "volunteer",
        "history",
        Usage(
            "/volunteer history [who]",
            "/volunteer history",
            "shifts you signed up for, attended and missed, calls and show rate "
            "(organizers: anyone's)",
        ),
        ShowHistory,
        history.show_history,
        reads_only=True,
        params=(
            Param(
                "who",
                Kind.TEXT,
                "Organizers: their name or number, like #12 (leave out for your own)",
                required=False,
                max_length=MAX_NAME,
                read=attendance_entries.history_who,
            ),
        ),
        hint="history",
    ),
    Entry(
        "volunteer",
        "listed",
        Usage(
            "/volunteer listed off|on",
            "/volunteer listed off",
            "whether organizers' stats may name you among the most active volunteers",
        ),
        SetListed,
        numbers.set_listed,
        params=(
            Param(
                "choice",
                Kind.TOPIC,
                "off: leave my name off the most-active list; on: show it",
                choices=("off", "on"),
                read=parsing.one_word("choice"),
            ),
        ),
        hint="listed off",
    ),
    help_entry("volunteer"),
)
TURNOUT: tuple[Entry, ...] = (
    Entry(
        "turnout",
        "tz",
        Usage(
            "/turnout tz <Area/City>",
            "/turnout tz America/Chicago",
            "the campaign's time zone, used to plan shifts",
        ),
        SetCampaignTimezone,
        settings.set_campaign_timezone,
        who=Who.ORGANIZER,
        params=(ZONE,),
        hint="tz America/New_York",
    ),
    Entry(
        "turnout",
        "reminders",
        Usage(
            "/turnout reminders <24h,1h | off | default>",
            "/turnout reminders 24h,1h",
            "when volunteers are reminded before a shift, by default",
        ),
        SetCampaignReminders,
        settings.set_campaign_reminders,
        who=Who.ORGANIZER,
        params=(reminder_times(parsing.campaign_offsets),),
        hint="reminders 24h,1h",
    ),
    attendance_entries.CONFIRM_CHECK_ENTRY,
    Entry(
        "turnout",
        "stats",
        Usage(
            "/turnout stats [7d|30d|90d|all]",
            "/turnout stats 30d",
            "the campaign's numbers (shifts, seats, show rate, calls, newcomers, tasks) "
            "against the period before, with a chart",
        ),
        ShowStats,
        numbers.show_stats,
        who=Who.ORGANIZER,
        reads_only=True,
        params=(
            Param(
                "period",
                Kind.TOPIC,
                "How far back: 7d, 30d (the default), 90d or all",
                required=False,
                choices=tuple(PERIODS),
                read=parsing.one_word("period"),
            ),
        ),
        hint="stats 30d",
    ),
    Entry(
        "turnout",
        "digest",
        Usage(
            "/turnout digest off | <weekday> <HH:MM>",
            "/turnout digest monday 09:00",
            "when the weekly digest (numbers, the week ahead, the chart) goes to the organizers",
        ),
        SetDigest,
        digest.set_digest,
        who=Who.ORGANIZER,
        params=(
            Param(
                "when",
                Kind.TEXT,
                "off, or a weekday and a 24-hour time in the campaign's zone, like monday 09:00",
                max_length=30,
                read=parsing.rest_of_line("when"),
            ),
        ),
        hint="digest monday 09:00",
    ),
    *export_entries.ENTRIES,
    Entry(
        "turnout",
        "help",
        Usage(
            "/turnout help [topic]",
            "/turnout help phonebank",
            "an overview of everything Turnout can do",
        ),
        ShowHelp,
        settings.show_help,
        reads_only=True,
        params=(
            Param("topic", Kind.TOPIC, "Help on one command group", required=False, choices=TOPICS),
        ),
        text=parsing.help_topic(TOPICS),
        hint="help",
    ),
)
