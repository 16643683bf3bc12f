"""TODO docstring."""

from dataclasses import dataclass

from bot.domain.export import DEFAULT_PERIOD, ExportKind, ExportPeriod
from bot.kernel.commands import Command


# Exports (issue 16)
@dataclass(frozen=True, slots=True)
class ExportData(Command):
    kind: ExportKind
    period: ExportPeriod = DEFAULT_PERIOD
