"""What a person asks of Home: see it, and change their settings there."""

from dataclasses import dataclass
from datetime import timedelta

from bot.kernel.commands import Command


# Home
@dataclass(frozen=True, slots=True)
class ShowHome(Command):
    pass


@dataclass(frozen=True, slots=True)
class StartSettings(Command):
    pass


@dataclass(frozen=True, slots=True)
class SaveSettings(Command):
    """The settings form: a zone and reminder times, each read as its command reads it."""

    # Empty: keep the zone as it is.
    zone: str
    # As `/volunteer reminders` reads them (None: the campaign's; (): none), if `reminders_given`.
    offsets: tuple[timedelta, ...] | None = None
    reminders_given: bool = False
