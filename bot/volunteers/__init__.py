"""Volunteers: the welcome flow, a volunteer's own settings and forget-me, and organizers
keeping track of newcomers until someone reaches out."""

from bot.kernel.feature import Feature, Sweep
from bot.kernel.intake.entry import Route
from bot.volunteers import buttons, people, welcome
from bot.volunteers.buttons import PROFILE
from bot.volunteers.commands import (
    KeepMyData,
    SaveProfile,
    SetMyReminders,
    SetMyTimezone,
    WelcomeVolunteer,
)
from bot.volunteers.entries import ENTRIES
from bot.volunteers.forms import ONBOARDING
from bot.volunteers.notices import NOTICES
from bot.volunteers.people import forget_volunteers
from bot.volunteers.usages import REMINDERS_USAGE, TZ_USAGE

FEATURE = Feature(
    "volunteers",
    entries=ENTRIES,
    routes=(
        Route(
            KeepMyData, people.keep_my_data, "the Keep my data button (turnout:keep)", enrols=False
        ),
        Route(SaveProfile, welcome.save_profile, "the welcome questions' form (onboarding)"),
        Route(WelcomeVolunteer, welcome.welcome_volunteer, "a newcomer joining the team"),
    ),
    buttons=(buttons.CONTACTED, buttons.PROFILE, buttons.FORGET, buttons.KEEP),
    forms=(ONBOARDING,),
    notices=NOTICES,
    sweeps=(
        Sweep(
            welcome.raise_follow_ups,
            "raised %s to organizers",
            "follow-up",
            "follow-ups",
            next_at=welcome.next_follow_up_at,
        ),
    ),
)

__all__ = [
    "FEATURE",
    "PROFILE",
    "REMINDERS_USAGE",
    "TZ_USAGE",
    "SetMyReminders",
    "SetMyTimezone",
    "forget_volunteers",
    "people",
]
