"""`/turnout erase-team`: a team's data erased, asked first."""

from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Who, asked_first
from bot.kernel.intake.typed_values import Usage
from bot.team_erasure import erasing
from bot.team_erasure.commands import EraseTeam

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "turnout",
        "erase-team",
        Usage(
            "/turnout erase-team [confirm]",
            "/turnout erase-team confirm",
            N_("erase this team's campaign and its people from Turnout for good (asks first)"),
        ),
        EraseTeam,
        erasing.erase_team,
        who=Who.ORGANIZER,
        # Organizers erase; nobody becomes a volunteer by it.
        enrols=False,
        params=(asked_first("erase"),),
        # Rare, and for organizers: left out of the usage hint; help lists it.
        hint=None,
    ),
)
