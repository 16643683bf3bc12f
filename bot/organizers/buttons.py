"""The Remove button beside each named organizer in `/turnout organizers`."""

from bot.kernel.intake.buttons import Numbered
from bot.organizers.commands import UnnameOrganizer

UNNAME = Numbered("unname", UnnameOrganizer, "row_id")
