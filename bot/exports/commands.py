"""What organizers ask to take the campaign's data out as a file."""

from dataclasses import dataclass

from bot.domain.export import DEFAULT_PERIOD, ExportKind, ExportPeriod
from bot.kernel.commands import Command


# Exports
@dataclass(frozen=True, slots=True)
class ExportData(Command):
    kind: ExportKind
    period: ExportPeriod = DEFAULT_PERIOD
    # The header row's language: English (for VAN and spreadsheets) unless asked; the cells
    # stay language-neutral.
    language: str = "en"
