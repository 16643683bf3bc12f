"""The one command catalogue: every slash command Turnout knows, declared once.

The text grammar, the help, the handler lookup, Discord's command tree (names, typed options,
limits, descriptions, autocomplete) and Slack's manifest are all read from `ENTRIES` and
`GROUPS`; tests prove they agree. Adding a command is one entry here, one use case, its storage
and its tests. Limits come from `bot.domain`, so every surface refuses the same things.
"""

from bot.attendance import presence
from bot.attendance.commands import MarkSignup
from bot.editing import edits
from bot.editing.commands import KeepShiftAfterMove
from bot.home import view
from bot.home.commands import SaveSettings, StartSettings
from bot.hosting import proposals
from bot.hosting.commands import StartDeclineForm
from bot.kernel.commands import Command
from bot.kernel.intake.entry import Entry, Group, Handler, Route, Usage
from bot.kernel.intake.groups import GROUPS, TOPICS
from bot.series import weekly
from bot.series.commands import JoinEveryWeek, StartRepeatForm
from bot.shifts import entries as phonebank_entries
from bot.shifts import phonebanks
from bot.shifts.entries import SHIFT_EXAMPLE
from bot.tasks import entries as task_entries
from bot.tasks.entries import TASK_EXAMPLE
from bot.volunteers import entries as volunteer_entries
from bot.volunteers import people, welcome
from bot.volunteers.commands import KeepMyData, SaveProfile, WelcomeVolunteer

__all__ = ["ENTRIES", "GROUPS", "ROUTES", "SHIFT_EXAMPLE", "TASK_EXAMPLE", "TOPICS"]

# Every subcommand, group by group in GROUPS order, each in the order its help lists them.
ENTRIES: tuple[Entry, ...] = (
    *phonebank_entries.ENTRIES,
    *task_entries.ENTRIES,
    *volunteer_entries.VOLUNTEER,
    *volunteer_entries.TURNOUT,
)

# Commands that come from a button, a form or an arrival rather than a slash command.
ROUTES: tuple[Route, ...] = (
    Route(MarkSignup, presence.mark_signup, "the attendance view's Here / No-show buttons"),
    Route(KeepMyData, people.keep_my_data, "the Keep my data button (turnout:keep)"),
    Route(SaveProfile, welcome.save_profile, "the welcome questions' form (onboarding)"),
    Route(WelcomeVolunteer, welcome.welcome_volunteer, "a newcomer joining the team"),
    Route(
        KeepShiftAfterMove, edits.keep_after_move, "the Still works button (turnout:still)"
    ),
    Route(JoinEveryWeek, weekly.join_every_week, "the Every week button (turnout:weekly)"),
    Route(StartDeclineForm, proposals.start_decline_form, "the Decline button (turnout:decline)"),
    Route(StartRepeatForm, phonebanks.start_repeat_form, "the Repeat… button (turnout:repeat)"),
    Route(StartSettings, view.start_settings, "Home's Change buttons (turnout:settings)"),
    Route(SaveSettings, view.save_settings, "the settings form (settings)"),
)


def group(name: str) -> Group:
    """The group called `name` (`phonebank`); KeyError if there is none."""
    for found in GROUPS:
        if found.name == name:
            return found
    raise KeyError(name)


def entries(group_name: str) -> tuple[Entry, ...]:
    """A group's entries in the order its help lists them (empty for an unknown group)."""
    return tuple(entry for entry in ENTRIES if entry.group == group_name)


def find(group_name: str, verb: str) -> Entry | None:
    """The entry for `/<group_name> <verb>`, or None when there is no such subcommand."""
    for entry in ENTRIES:
        if entry.group == group_name and entry.verb == verb:
            return entry
    return None


def usage(group_name: str, verb: str) -> Usage:
    """How `/<group_name> <verb>` is typed; KeyError for a subcommand the catalogue lacks."""
    entry = find(group_name, verb)
    if entry is None:
        raise KeyError(f"/{group_name} {verb}")
    return entry.usage


def handlers() -> dict[type[Command], Handler]:
    """Every command any entry or route may build, with its use case; each command has one.

    Raises ValueError if two entries name different use cases for the same command, so a
    conflict shows at start-up rather than as a wrong answer.
    """
    found: dict[type[Command], Handler] = {}
    pairs = [pair for entry in ENTRIES for pair in entry.handlers.items()]
    pairs += [(route.builds, route.handler) for route in ROUTES]
    for command, handler in pairs:
        if found.setdefault(command, handler) is not handler:
            raise ValueError(f"{command.__name__} has two handlers in the catalogue")
    return found


def preparers() -> dict[type[Command], Handler]:
    """The commands whose entries read first, outside the write turn, with that reading."""
    return {entry.builds: entry.prepare for entry in ENTRIES if entry.prepare is not None}


def readers() -> frozenset[type[Command]]:
    """The commands whose entries only read (they may start outside SQLite's write turn)."""
    return frozenset(entry.builds for entry in ENTRIES if entry.reads_only)
