"""Exports: the campaign's data as CSV files for VAN and spreadsheets, logged and announced."""

from bot.exports import export
from bot.exports.entries import ENTRIES
from bot.exports.notices import NOTICES
from bot.kernel.feature import Feature

FEATURE = Feature("exports", entries=ENTRIES, notices=NOTICES, erase=(export.erase_export_log,))

__all__ = ["FEATURE"]
