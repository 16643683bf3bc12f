"""`/turnout link` and `/turnout unlink`: several teams, one campaign."""

from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who, asked_first
from bot.kernel.intake.typed_values import Usage
from bot.linking import linking, reading
from bot.linking.commands import LinkTeam, UnlinkTeam

TOPIC = Topic(
    "linking",
    N_("Linking teams"),
    "organizers.md#linking-teams",
    N_("link this team's campaign with another team's"),
    also=("teams",),
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "turnout",
        "link",
        Usage(
            "/turnout link [code] [confirm]",
            "/turnout link K7QM-4XPA-ZR2T",
            N_(
                "without a code: a one-time code for another team's organizer; with one: "
                "join that team's campaign (asks first, unless `confirm`)"
            ),
        ),
        LinkTeam,
        linking.link_team,
        who=Who.ORGANIZER,
        # Organizers link teams; nobody becomes a volunteer by it.
        enrols=False,
        params=(
            Param(
                "code",
                Kind.TEXT,
                "The code another team's organizer gave you",
                required=False,
                max_length=40,
            ),
            asked_first("join"),
        ),
        text=reading.link,
        # Rare, and for organizers: left out of the usage hint; help lists it.
        hint=None,
    ),
    Entry(
        "turnout",
        "unlink",
        Usage(
            "/turnout unlink [confirm]",
            "/turnout unlink confirm",
            N_("take this team out of a linked campaign; it gets a campaign of its own again"),
        ),
        UnlinkTeam,
        linking.unlink_team,
        who=Who.ORGANIZER,
        enrols=False,
        params=(asked_first("unlink"),),
        hint=None,
    ),
)
