"""Exports: the campaign's data as CSV files for VAN and spreadsheets, logged and announced."""

from bot.exports.entries import ENTRIES
from bot.exports.notices import NOTICES
from bot.kernel.feature import Feature
from bot.stats import NUMBERS

FEATURE = Feature("exports", topics=(NUMBERS,), entries=ENTRIES, notices=NOTICES)

__all__ = ["FEATURE"]
