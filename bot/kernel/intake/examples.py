"""Dates in examples, always ahead of today.

An example written with a fixed date (`2026-11-28`) turns into one that fails once that day has
passed. So an example names its date by what it is, with a mark made of Unicode noncharacters
that nobody can type (people's text loses them as it enters the core, see bot/domain/text.py),
and the front door fills each mark in from its clock as a sentence leaves Turnout (`fill`).
"""

import re
from datetime import date, timedelta

# timefmt's moments use U+FDD0 to U+FDD2.
_OPEN, _CLOSE = "\ufdd3", "\ufdd4"
_MARK = re.compile(f"{_OPEN}([a-z-]+){_CLOSE}")
_SATURDAY = 5

# A shift's date: a Saturday one to two weeks ahead, far enough to be ahead in every time
# zone, near enough to plan (a shift may be at most a year ahead).
SHIFT_DAY = f"{_OPEN}shift{_CLOSE}"
# The last date of a weekly series starting on that Saturday: eight weeks on.
SERIES_END = f"{_OPEN}series-end{_CLOSE}"


def _shift_day(today: date) -> date:
    week_on = today + timedelta(days=8)
    return week_on + timedelta(days=(_SATURDAY - week_on.weekday()) % 7)


_DAYS = {
    "shift": _shift_day,
    "series-end": lambda today: _shift_day(today) + timedelta(weeks=8),
}


def fill(text: str, today: date) -> str:
    """`text` with every example date written out, YYYY-MM-DD, as of `today`."""
    return _MARK.sub(lambda found: _DAYS[found.group(1)](today).isoformat(), text)
