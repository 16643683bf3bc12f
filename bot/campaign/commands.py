"""What organizers ask of the campaign's settings, and help."""

from dataclasses import dataclass
from datetime import timedelta

from bot.kernel.commands import Command


# Campaign settings
@dataclass(frozen=True, slots=True)
class SetCampaignTimezone(Command):
    zone: str


@dataclass(frozen=True, slots=True)
class SetCampaignReminders(Command):
    offsets: tuple[timedelta, ...]


@dataclass(frozen=True, slots=True)
class ShowHelp(Command):
    topic: str = ""


@dataclass(frozen=True, slots=True)
class SetCampaignLanguage(Command):
    language: str
