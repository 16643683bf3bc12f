"""How times, dates and spans read: one module writes them all."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.kernel import timefmt

NEW_YORK = ZoneInfo("America/New_York")


def test_moments_read_in_the_reader_s_zone() -> None:
    moment = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)
    assert timefmt.when(moment, NEW_YORK) == "Sat Nov 28, 6:00 PM EST"
    assert timefmt.day(datetime(2026, 11, 29, 3, 0, tzinfo=UTC), NEW_YORK) == "Sat Nov 28"


def test_a_date_reads_without_a_leading_zero() -> None:
    assert timefmt.calendar_day(date(2026, 11, 8)) == "Sun Nov 8"


def test_durations_format_back_compactly() -> None:
    assert timefmt.duration(timedelta(minutes=90)) == "1h30m"
    assert timefmt.duration(timedelta(hours=24)) == "24h"
    assert timefmt.duration(timedelta(minutes=15)) == "15m"


def test_spans_read_in_words_to_the_nearest_minute() -> None:
    assert timefmt.span(timedelta(days=1, seconds=-1)) == "1 day"
    assert timefmt.span(timedelta(hours=2, minutes=3)) == "2 hours 3 minutes"
    assert timefmt.span(timedelta(seconds=10)) == "less than a minute"
