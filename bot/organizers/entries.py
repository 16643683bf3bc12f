"""`/turnout organizers`: the list of the team's organizers, and the changes to it."""

from bot.domain.organizers import MAX_HANDLE
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Who
from bot.kernel.intake.parsing import one_word, rest_of_line
from bot.kernel.intake.typed_values import Usage
from bot.organizers import naming
from bot.organizers.commands import ManageOrganizers

CHANGES = ("add", "remove", "group")

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "turnout",
        "organizers",
        Usage(
            "/turnout organizers [add @someone | remove @someone | group @group | group off]",
            "/turnout organizers add @Maria",
            N_(
                "who is an organizer of this team and why; name more people, or a user group "
                "or role, whose members are organizers too"
            ),
        ),
        ManageOrganizers,
        naming.organizers,
        who=Who.ORGANIZER,
        # Naming someone makes nobody a volunteer.
        enrols=False,
        params=(
            Param(
                "change",
                Kind.TOPIC,
                "add or remove a person, or name the group; leave it out for the list",
                required=False,
                choices=CHANGES,
                read=one_word("change"),
            ),
            Param(
                "who",
                Kind.TEXT,
                "@someone, or the @group or role (off: none)",
                required=False,
                max_length=MAX_HANDLE + 20,
                read=rest_of_line("who"),
                mentions=True,
            ),
        ),
        hint=None,
    ),
)
