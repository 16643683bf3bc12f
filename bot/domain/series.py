"""A weekly series of shifts: one stored rule, its dates created as shifts on a rolling window."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.kinds import PHONE_BANK

# How far ahead a series' dates exist as shifts; later ones appear as time passes, so
# `/phonebank list` stays short and a series without an end is fine.
WINDOW = timedelta(days=28)


@dataclass(frozen=True, slots=True)
class Series:
    id: int
    campaign_id: int
    # An RRULE line (python-dateutil) over `first_local`, the first date's naive local start.
    rule: str
    first_local: datetime
    timezone: str
    title: str
    link: str | None
    capacity: int
    length: timedelta
    created_by: int
    # Dates up to this moment exist as shifts.
    created_through: datetime
    # `cancel … following`: no date from this moment on is created.
    ends_before: datetime | None = None
    # Every date's kind (bot.domain.kinds), as its first shift's.
    kind: str = PHONE_BANK.id
