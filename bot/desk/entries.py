"""`/turnout desk`: the organizer's desk, a web page for what is easier seen than chatted."""

from bot.desk import opening
from bot.desk.commands import OpenDesk
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.typed_values import Usage

TOPIC = Topic(
    "desk",
    N_("The organizer's desk"),
    "organizers.md#the-organizers-desk",
    N_("open the organizer's desk, a web page for the campaign"),
)

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
