"""Volunteers and what they told us about themselves during onboarding."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from bot.domain.campaign import Campaign
from bot.domain.text import N_

FORMER_VOLUNTEER = "a former volunteer"
# A ZIP code or county name, as the welcome questions ask.
MAX_LOCATION = 60


class Interest(StrEnum):
    PHONE_BANKING = "phone_banking"
    CANVASSING = "canvassing"
    TEXTING = "texting"
    FUNDRAISING_CALLS = "fundraising_calls"
    HOSTING = "hosting"
    DATA_ENTRY = "data_entry"
    EVENTS = "events"

    @property
    def label(self) -> str:
        return _INTEREST_LABELS[self]


_INTEREST_LABELS = {
    Interest.PHONE_BANKING: N_("Phone banking"),
    Interest.CANVASSING: N_("Canvassing"),
    Interest.TEXTING: N_("Texting"),
    Interest.FUNDRAISING_CALLS: N_("Fundraising calls"),
    Interest.HOSTING: N_("Hosting a phone bank at home"),
    Interest.DATA_ENTRY: N_("Data entry"),
    Interest.EVENTS: N_("Events"),
}

# Interests that phone bank shifts serve; other interests are met with tasks.
SHIFT_INTERESTS = frozenset({Interest.PHONE_BANKING, Interest.HOSTING, Interest.FUNDRAISING_CALLS})


class Availability(StrEnum):
    WEEKDAY_DAYTIME = "weekday_daytime"
    WEEKDAY_EVENINGS = "weekday_evenings"
    WEEKENDS = "weekends"
    FLEXIBLE = "flexible"

    @property
    def label(self) -> str:
        return _AVAILABILITY_LABELS[self]

    def fits(self, local_start: datetime) -> bool:
        """Whether a shift starting at this local time suits someone with this availability."""
        weekend = local_start.weekday() >= 5
        evening = local_start.hour >= 17
        match self:
            case Availability.FLEXIBLE:
                return True
            case Availability.WEEKENDS:
                return weekend
            case Availability.WEEKDAY_EVENINGS:
                return not weekend and evening
            case Availability.WEEKDAY_DAYTIME:
                return not weekend and not evening


_AVAILABILITY_LABELS = {
    Availability.WEEKDAY_DAYTIME: N_("Weekday daytimes"),
    Availability.WEEKDAY_EVENINGS: N_("Weekday evenings"),
    Availability.WEEKENDS: N_("Weekends"),
    Availability.FLEXIBLE: N_("Flexible / any time"),
}


@dataclass(frozen=True, slots=True)
class Profile:
    interests: tuple[Interest, ...]
    availability: Availability | None
    location: str | None


@dataclass(frozen=True, slots=True)
class Volunteer:
    id: int
    campaign_id: int
    # Short per-campaign number organizers can type: `/volunteer contacted 12`.
    number: int
    display_name: str | None
    timezone: str | None
    # None follows the campaign's default; an empty tuple means "no reminders, thanks".
    reminder_offsets: tuple[timedelta, ...] | None
    profile: Profile | None
    joined_at: datetime
    onboarded_at: datetime | None = None
    contacted_at: datetime | None = None
    contacted_by: int | None = None
    # When organizers are next nudged about this volunteer if nobody has contacted them yet.
    follow_up_due_at: datetime | None = None
    forgotten_at: datetime | None = None
    # The zone their platform profile names (Slack's `tz`): used until they set `timezone`.
    platform_timezone: str | None = None
    # The language they chose (`/volunteer language`); None: their platform's, else the
    # campaign's. `platform_language` is the one their platform last said (a Discord or Slack
    # locale, as a language code such as `es`).
    language: str | None = None
    platform_language: str | None = None

    @property
    def own_timezone(self) -> str | None:
        """The zone to show them times in, if they have one: typed beats their profile's."""
        return self.timezone or self.platform_timezone

    @property
    def name(self) -> str:
        """The name to show people; erased volunteers are anonymous."""
        if self.forgotten_at is not None or not self.display_name:
            return FORMER_VOLUNTEER
        return self.display_name

    def contacted(self, by: int, at: datetime) -> "Volunteer":
        return replace(self, contacted_at=at, contacted_by=by, follow_up_due_at=None)

    def onboarded(self, profile: Profile, at: datetime) -> "Volunteer":
        return replace(self, profile=profile, onboarded_at=at)


def offsets_for(volunteer: Volunteer, campaign: Campaign) -> tuple[timedelta, ...]:
    """How long before a shift the volunteer is reminded: their choice, else the campaign's."""
    return (
        campaign.reminder_offsets
        if volunteer.reminder_offsets is None
        else volunteer.reminder_offsets
    )
