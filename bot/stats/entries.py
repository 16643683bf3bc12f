"""`/volunteer listed`, `/turnout stats` and `/turnout digest`: the campaign's numbers."""

from bot.domain.stats import PERIODS
from bot.kernel.i18n import N_
from bot.kernel.intake import parsing
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.typed_values import Usage
from bot.stats import digest, numbers
from bot.stats.commands import SetDigest, SetListed, ShowStats

# Exports belong to it too (bot/exports).
NUMBERS = Topic(
    "numbers",
    N_("The campaign's numbers"),
    "organizers.md#numbers",
    N_("see the campaign's numbers, export its data and set the weekly digest"),
    also=("stats", "exports"),
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "volunteer",
        "listed",
        Usage(
            "/volunteer listed off|on",
            "/volunteer listed off",
            N_("whether organizers' stats may name you among the most active volunteers"),
        ),
        SetListed,
        numbers.set_listed,
        params=(
            Param(
                "choice",
                Kind.TOPIC,
                "off: leave my name off the most-active list; on: show it",
                choices=("off", "on"),
                read=parsing.one_word("choice"),
            ),
        ),
        hint="listed off",
    ),
    Entry(
        "turnout",
        "stats",
        Usage(
            "/turnout stats [7d|30d|90d|all]",
            "/turnout stats 30d",
            N_(
                "the campaign's numbers (shifts, seats, show rate, calls, newcomers, tasks) "
                "against the period before, with a chart"
            ),
        ),
        ShowStats,
        numbers.show_stats,
        who=Who.ORGANIZER,
        reads_only=True,
        params=(
            Param(
                "period",
                Kind.TOPIC,
                "How far back: 7d, 30d (the default), 90d or all",
                required=False,
                choices=tuple(PERIODS),
                read=parsing.one_word("period"),
            ),
        ),
        hint="stats 30d",
    ),
    Entry(
        "turnout",
        "digest",
        Usage(
            "/turnout digest off | <weekday> <HH:MM>",
            "/turnout digest monday 09:00",
            N_(
                "when the weekly digest (numbers, the week ahead, the chart) goes to the organizers"
            ),
        ),
        SetDigest,
        digest.set_digest,
        who=Who.ORGANIZER,
        params=(
            Param(
                "when",
                Kind.TEXT,
                "off, or a weekday and a 24-hour time in the campaign's zone, like monday 09:00",
                max_length=30,
                read=parsing.rest_of_line("when"),
            ),
        ),
        hint="digest monday 09:00",
    ),
)
