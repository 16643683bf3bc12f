"""What volunteers ask about themselves, and organizers about newcomers."""

from dataclasses import dataclass
from datetime import timedelta

from bot.domain.volunteer import Availability, Interest
from bot.kernel.commands import Command


# Volunteers
@dataclass(frozen=True, slots=True)
class SetMyTimezone(Command):
    zone: str


@dataclass(frozen=True, slots=True)
class SetMyReminders(Command):
    # None: follow the campaign; (): none at all.
    offsets: tuple[timedelta, ...] | None


@dataclass(frozen=True, slots=True)
class StartProfile(Command):
    pass


@dataclass(frozen=True, slots=True)
class SaveProfile(Command):
    interests: tuple[Interest, ...]
    availability: Availability
    # None: skipped.
    location: str | None


@dataclass(frozen=True, slots=True)
class ListNewVolunteers(Command):
    pass


@dataclass(frozen=True, slots=True)
class MarkContacted(Command):
    who: str


@dataclass(frozen=True, slots=True)
class ForgetMe(Command):
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class KeepMyData(Command):
    """The volunteer thought better of forget-me."""


@dataclass(frozen=True, slots=True)
class WelcomeVolunteer(Command):
    """The actor just joined the team (or the volunteers channel)."""


@dataclass(frozen=True, slots=True)
class SetMyLanguage(Command):
    # A language code, or `auto`: the platform's.
    language: str
