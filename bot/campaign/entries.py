"""`/turnout tz`, `/turnout reminders` and every group's `help`: the campaign and help."""

from bot.campaign import reading, settings
from bot.campaign.commands import (
    SetCampaignLanguage,
    SetCampaignReminders,
    SetCampaignTimezone,
    ShowHelp,
)
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.groups import ZONE, language, reminder_times
from bot.kernel.intake.typed_values import Usage

# Each volunteer's own settings belong to it too (bot/volunteers).
SETTINGS = Topic(
    "settings",
    N_("Settings"),
    "organizers.md#campaign-settings",
    N_("choose the same for the whole campaign"),
    everyone_doc="volunteers.md#your-page-and-your-settings",
)


def help_entry(group: str) -> Entry:
    """`/<group> help`: the group's own page of help, typed only."""
    return Entry(
        group,
        "help",
        Usage(f"/{group} help", f"/{group} help", N_("this list")),
        ShowHelp,
        settings.show_help,
        reads_only=True,
        fixed={"topic": group},
        hint="help",
        # Menus have `/turnout help <topic>` for every group.
        menu=False,
    )


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "turnout",
        "tz",
        Usage(
            "/turnout tz <Area/City>",
            "/turnout tz America/Chicago",
            N_("the campaign's time zone, used to plan shifts"),
        ),
        SetCampaignTimezone,
        settings.set_campaign_timezone,
        who=Who.ORGANIZER,
        params=(ZONE,),
        hint="tz America/New_York",
        topics=(SETTINGS,),
    ),
    Entry(
        "turnout",
        "reminders",
        Usage(
            "/turnout reminders <24h,1h | off | default>",
            "/turnout reminders 24h,1h",
            N_("when volunteers are reminded before a shift, by default"),
        ),
        SetCampaignReminders,
        settings.set_campaign_reminders,
        who=Who.ORGANIZER,
        params=(reminder_times(reading.campaign_offsets),),
        hint="reminders 24h,1h",
        topics=(SETTINGS,),
    ),
    Entry(
        "turnout",
        "language",
        Usage(
            "/turnout language <es | en>",
            "/turnout language es",
            N_("the language of channel posts and of people whose language isn't known"),
        ),
        SetCampaignLanguage,
        settings.set_campaign_language,
        who=Who.ORGANIZER,
        params=(language(auto=False),),
        hint="language es",
        topics=(SETTINGS,),
    ),
    help_entry("phonebank"),
    help_entry("task"),
    help_entry("volunteer"),
)


def turnout_help(topics: tuple[str, ...], also: tuple[str, ...]) -> Entry:
    """`/turnout help [topic]`: the overview, or one of `topics` (offered in menus) or of their
    other names `also` (typed). The catalogue builds it with the topics it collected."""
    return Entry(
        "turnout",
        "help",
        Usage(
            "/turnout help [topic]",
            "/turnout help shifts",
            N_("an overview of everything Turnout can do, or one topic"),
        ),
        ShowHelp,
        settings.show_help,
        reads_only=True,
        params=(Param("topic", Kind.TOPIC, "Help on one topic", required=False, choices=topics),),
        text=reading.help_topic(topics, also),
        hint="help",
    )
