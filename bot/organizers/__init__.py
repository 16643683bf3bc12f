"""Organizers named per team: `/turnout organizers` lists who is an organizer and why, and
organizers name more people, or a user group or role, beside the platform's own rule. The
adapters' organizer checks ask `NamedOrganizerCache` (lent to them at start)."""

from bot.kernel.feature import Feature
from bot.kernel.intake.entry import Route
from bot.organizers import buttons, naming
from bot.organizers.commands import UnnameOrganizer
from bot.organizers.entries import ENTRIES
from bot.organizers.lookup import NamedOrganizerCache

FEATURE = Feature(
    "organizers",
    entries=ENTRIES,
    routes=(
        Route(
            UnnameOrganizer,
            naming.unname_organizer,
            "the Remove button of /turnout organizers (turnout:unname)",
            enrols=False,
        ),
    ),
    buttons=(buttons.UNNAME,),
)

__all__ = ["FEATURE", "NamedOrganizerCache"]
