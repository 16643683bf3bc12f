"""`/volunteer` (you and your settings) and `/turnout` (the campaign's settings, and help)."""

from bot import commands as c
from bot import readers
from bot import typed_values as typed
from bot.catalogue import aftercare, exports
from bot.catalogue.groups import TOPICS, ZONE, help_entry, reminder_times
from bot.domain.text import MAX_NAME
from bot.entry import Entry, Kind, Param, Usage, Who
from bot.usecases import campaign, history, volunteers, welcome

# In the order help lists them; `help` comes last.
VOLUNTEER: tuple[Entry, ...] = (
    Entry(
        "volunteer",
        "tz",
        Usage(
            "/volunteer tz <Area/City>",
            "/volunteer tz America/Chicago",
            "show times in your own time zone",
        ),
        c.SetMyTimezone,
        volunteers.set_my_timezone,
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
        c.SetMyReminders,
        volunteers.set_my_reminders,
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
        c.StartProfile,
        welcome.start_profile,
        hint="profile",
    ),
    Entry(
        "volunteer",
        "forget-me",
        Usage(
            "/volunteer forget-me [confirm]",
            "/volunteer forget-me confirm",
            "erase what Turnout knows about you",
        ),
        c.ForgetMe,
        volunteers.forget_me,
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
        c.ListNewVolunteers,
        volunteers.list_new_volunteers,
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
        c.MarkContacted,
        volunteers.mark_contacted,
        who=Who.ORGANIZER,
        params=(
            Param(
                "who",
                Kind.TEXT,
                "Their name or number, like #12",
                max_length=MAX_NAME,
                read=readers.contacted_who,
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
        c.ShowHistory,
        history.show_history,
        reads_only=True,
        params=(
            Param(
                "who",
                Kind.TEXT,
                "Organizers: their name or number, like #12 (leave out for your own)",
                required=False,
                max_length=MAX_NAME,
                read=aftercare.history_who,
            ),
        ),
        hint="history",
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
        c.SetCampaignTimezone,
        campaign.set_campaign_timezone,
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
        c.SetCampaignReminders,
        campaign.set_campaign_reminders,
        who=Who.ORGANIZER,
        params=(reminder_times(readers.campaign_offsets),),
        hint="reminders 24h,1h",
    ),
    *exports.ENTRIES,
    Entry(
        "turnout",
        "help",
        Usage(
            "/turnout help [topic]",
            "/turnout help phonebank",
            "an overview of everything Turnout can do",
        ),
        c.ShowHelp,
        campaign.show_help,
        reads_only=True,
        params=(
            Param("topic", Kind.TOPIC, "Help on one command group", required=False, choices=TOPICS),
        ),
        text=readers.help_topic(TOPICS),
        hint="help",
    ),
)
