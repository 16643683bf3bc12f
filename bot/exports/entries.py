"""`/turnout export`: the campaign's data as a CSV file, for organizers.

Listed among `/turnout`'s entries (bot/volunteers/entries.py), before `help`.
"""

from collections.abc import Mapping
from typing import Any

from bot.domain.errors import UserError
from bot.domain.export import DEFAULT_PERIOD, ExportKind, ExportPeriod
from bot.exports import export
from bot.exports.commands import ExportData
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import N_, _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Entry, Kind, Param, Who
from bot.kernel.intake.typed_values import Usage

KINDS = tuple(kind.value for kind in ExportKind)
PERIODS = tuple(period.value for period in ExportPeriod)
# The header row's language: English unless an organizer adds `es` (the data is the same).
LANGUAGES = ("en", "es")
_EXAMPLE = "/turnout export signups all"


def read_export(actor: Actor, words: typed.Words) -> Command:
    """`/turnout export <kind> [30d|all] [es]`: the period and the language in either order."""
    kind = words.need(_("what to export (") + " | ".join(KINDS) + ")")
    period: str | None = None
    language = "en"
    for _turn in range(2):
        peeked = words.peek_bare()
        if peeked is None:
            break
        if peeked.lower() in LANGUAGES and language == "en":
            language = peeked.lower()
        elif period is None:
            period = peeked
        else:
            break  # a third word: words.end() says what to type instead
        words.take()
    words.end()
    return export_command(actor, kind.text, period, language)


def export_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """The same command from menu options (Discord)."""
    period = options.get("period")
    language = str(options.get("language") or "en")
    return export_command(actor, str(options["kind"]), str(period) if period else None, language)


def export_command(actor: Actor, kind: str, period: str | None, language: str = "en") -> ExportData:
    """The command, or one sentence saying what to type instead."""
    try:
        chosen = ExportKind(kind.lower())
    except ValueError:
        raise UserError(
            _(
                "I can't export {shown}. Choose volunteers, signups, shifts or tasks, "
                "like `{EXAMPLE}`.",
                shown=typed.shown(kind),
                EXAMPLE=_EXAMPLE,
            )
        ) from None
    if language not in LANGUAGES:
        raise UserError(
            _(
                "I can write the headers in English or Spanish: add `es` for Spanish, like "
                "`/turnout export {value} all es`.",
                value=chosen.value,
            )
        )
    if period is None:
        return ExportData(actor, chosen, DEFAULT_PERIOD, language)
    try:
        return ExportData(actor, chosen, ExportPeriod(period.lower()), language)
    except ValueError:
        raise UserError(
            _(
                "{capital} isn't a period I know: type `30d` for the last 30 days or "
                "`all`, like `/turnout export {value} all`.",
                capital=typed.capital(typed.shown(period)),
                value=chosen.value,
            )
        ) from None


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "turnout",
        "export",
        Usage(
            "/turnout export volunteers|signups|shifts|tasks [30d|all] [es]",
            _EXAMPLE,
            N_(
                "a CSV file for VAN, Mobilize or a spreadsheet, sent only to you (the last 30 days "
                "unless `all`; `es` for Spanish headers); the organizers' channel is told"
            ),
        ),
        ExportData,
        export.export_data,
        who=Who.ORGANIZER,
        params=(
            Param("data", Kind.TOPIC, "What to export, one row each", choices=KINDS, field="kind"),
            Param(
                "period",
                Kind.TOPIC,
                "30d: the last 30 days (the default); all: everything",
                required=False,
                choices=PERIODS,
            ),
            Param(
                "language",
                Kind.TOPIC,
                "en: English headers, for VAN and spreadsheets (the default); es: Spanish",
                required=False,
                choices=LANGUAGES,
            ),
        ),
        text=read_export,
        options=export_options,
        prepare=export.build_export,
        hint="export volunteers",
    ),
)
