"""Positions, requirements and trainings (`/phonebank`), and qualifications (`/volunteer`)."""

from bot.domain.positions import MAX_QUALIFICATION
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.groups import WHO, shift
from bot.kernel.intake.typed_values import Usage
from bot.positions import qualifying, reading, setting
from bot.positions.commands import (
    GrantOnAttending,
    Qualify,
    RequireQualification,
    SetPositions,
    Unqualify,
)

TOPIC = Topic(
    "positions",
    N_("Positions and qualifications"),
    "organizers.md#positions-and-qualifications",
    N_("give shifts positions, require qualifications and grant them"),
    also=("qualifications",),
)

_QUALIFICATION = Param(
    "qualification",
    Kind.TEXT,
    "The qualification, like canvass lead",
    max_length=MAX_QUALIFICATION,
    read=reading.qualification,
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "positions",
        Usage(
            "/phonebank positions <shift> [<name>:<seats> …]",
            "/phonebank positions 5 lead:1 driver:2 canvasser:8",
            # Short enough for Discord's 100-character description, "(organizers)" included.
            N_("split a shift's seats into positions (alone: shows them, with buttons)"),
        ),
        SetPositions,
        setting.set_positions,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "positions",
                Kind.TEXT,
                "Each position as name:seats, like lead:1 driver:2 (none: show them)",
                max_length=400,
                required=False,
                read=reading.positions,
            ),
        ),
    ),
    # Discord offers 25 subcommands to a command, and /phonebank has them: these two stay off
    # the menus, and Discord reaches them through the buttons of `/phonebank positions <shift>`.
    Entry(
        "phonebank",
        "require",
        Usage(
            '/phonebank require <shift> <position> "<qualification>"',
            '/phonebank require 5 lead "canvass lead"',
            N_("make a position's seats need a qualification"),
        ),
        RequireQualification,
        setting.require_qualification,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param("position", Kind.TEXT, "The position, like lead", read=reading.position),
            _QUALIFICATION,
        ),
        menu=False,
    ),
    Entry(
        "phonebank",
        "grants",
        Usage(
            '/phonebank grants <shift> "<qualification>"',
            '/phonebank grants 4 "canvass lead"',
            N_("make a shift a training: whoever attends it earns the qualification"),
        ),
        GrantOnAttending,
        setting.grant_on_attending,
        who=Who.ORGANIZER,
        params=(shift(), _QUALIFICATION),
        menu=False,
    ),
    Entry(
        "volunteer",
        "qualify",
        Usage(
            '/volunteer qualify <who> "<qualification>"',
            '/volunteer qualify Maria Lopez "canvass lead"',
            N_("give a volunteer a qualification by hand"),
        ),
        Qualify,
        qualifying.qualify,
        who=Who.ORGANIZER,
        params=(WHO, _QUALIFICATION),
        text=reading.who_and_qualification(Qualify),
    ),
    Entry(
        "volunteer",
        "unqualify",
        Usage(
            '/volunteer unqualify <who> "<qualification>"',
            '/volunteer unqualify #12 "canvass lead"',
            N_("take a qualification back from a volunteer"),
        ),
        Unqualify,
        qualifying.unqualify,
        who=Who.ORGANIZER,
        params=(WHO, _QUALIFICATION),
        text=reading.who_and_qualification(Unqualify),
    ),
)
