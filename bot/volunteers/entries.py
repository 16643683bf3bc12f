"""`/volunteer`: you and your settings; and organizers keeping track of newcomers."""

from bot.campaign import SETTINGS
from bot.domain.text import MAX_NAME
from bot.kernel.i18n import N_
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Kind, Param, Who, asked_first
from bot.kernel.intake.groups import ZONE, language, reminder_times
from bot.kernel.intake.typed_values import Usage
from bot.volunteers import people, reading, welcome
from bot.volunteers.commands import (
    ForgetMe,
    ListNewVolunteers,
    MarkContacted,
    SetMyLanguage,
    SetMyReminders,
    SetMyTimezone,
    StartProfile,
)
from bot.volunteers.language import set_my_language
from bot.volunteers.usages import REMINDERS_USAGE, TZ_USAGE

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "volunteer",
        "tz",
        TZ_USAGE,
        SetMyTimezone,
        people.set_my_timezone,
        params=(ZONE,),
        hint="tz America/Chicago",
        topics=(SETTINGS,),
    ),
    Entry(
        "volunteer",
        "reminders",
        REMINDERS_USAGE,
        SetMyReminders,
        people.set_my_reminders,
        params=(reminder_times(typed.reminder_offsets),),
        hint="reminders 24h,1h",
        topics=(SETTINGS,),
    ),
    Entry(
        "volunteer",
        "language",
        Usage(
            "/volunteer language <es | en | auto>",
            "/volunteer language es",
            N_("read Turnout in Spanish or English (auto: your platform's language)"),
        ),
        SetMyLanguage,
        set_my_language,
        params=(language(auto=True),),
        hint="language es",
        topics=(SETTINGS,),
    ),
    Entry(
        "volunteer",
        "profile",
        Usage(
            "/volunteer profile",
            "/volunteer profile",
            N_("tell us what you like to do and when you're free"),
        ),
        StartProfile,
        welcome.start_profile,
        # Opening the questions stores nothing; answering them does.
        enrols=False,
        hint="profile",
    ),
    Entry(
        "volunteer",
        "forget-me",
        Usage(
            "/volunteer forget-me [confirm]",
            "/volunteer forget-me confirm",
            N_("erase what Turnout knows about you"),
        ),
        ForgetMe,
        people.forget_me,
        # Someone Turnout doesn't know is told there is nothing to erase, and stays unknown.
        enrols=False,
        params=(asked_first("erase"),),
    ),
    Entry(
        "volunteer",
        "new",
        Usage("/volunteer new", "/volunteer new", N_("new volunteers nobody has contacted yet")),
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
            N_("note that you've reached out to a new volunteer"),
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
                read=reading.contacted_who,
            ),
        ),
    ),
)
