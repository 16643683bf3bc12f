"""Help topics no feature owns.

Each command group is a topic whose page is its section of the generated command reference;
the two roles are topics holding every command their people may run. The features declare
the rest (`Feature.topics`); the catalogue collects them all.
"""

from bot.kernel.i18n import N_
from bot.kernel.intake.docs import COMMANDS_PAGE
from bot.kernel.intake.entry import Group, Topic, Who

# What organizers may do that others may not, said to whoever isn't shown it.
ORGANIZERS_HAVE = N_("plan shifts and tasks, welcome newcomers and set up the campaign")

VOLUNTEERS = Topic(
    "volunteers",
    N_("What every volunteer can do"),
    "volunteers.md",
    who=(Who.EVERYONE,),
)
ORGANIZERS = Topic(
    "organizers",
    N_("What organizers (and a shift's host) can do"),
    "organizers.md",
    ORGANIZERS_HAVE,
    who=(Who.ORGANIZER, Who.HOST),
)
ROLES = (ORGANIZERS, VOLUNTEERS)


def group_topic(group: Group) -> Topic:
    """A command group as a topic: its commands, and its section of the command reference."""
    return Topic(group.name, group.heading, f"{COMMANDS_PAGE}#{group.name}", group.organizers_have)
