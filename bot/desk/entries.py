"""`/turnout desk`: the organizer's desk, a web page for what is easier seen than chatted."""

from bot.desk import opening
from bot.desk.commands import OpenDesk
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Who
from bot.kernel.intake.typed_values import Usage

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "turnout",
        "desk",
        Usage(
            "/turnout desk [signout]",
            "/turnout desk",
            N_(
                "a private sign-in link to the organizer's desk, a web page of shifts, "
                "rosters, people and numbers (signout: sign out everywhere)"
            ),
        ),
        OpenDesk,
        opening.open_desk,
        who=Who.HOST,
        params=(
            Param(
                "signout",
                Kind.FLAG,
                "True to end every desk session of yours",
                required=False,
            ),
        ),
        hint="desk",
    ),
)
