"""The rules under the numbers: periods, the digest's schedule, the chart's weeks, at risk."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.domain.errors import UserError
from bot.domain.stats import (
    DigestSchedule,
    UpcomingShift,
    period_days,
    read_digest,
    week_starts,
)

NEW_YORK = ZoneInfo("America/New_York")


def test_periods_are_7_30_90_days_or_all_and_30_by_default() -> None:
    assert [period_days(p) for p in ("7d", "30D", "90d", "all", "")] == [7, 30, 90, None, 30]
    with pytest.raises(UserError, match="`7d`, `30d`, `90d` or `all`"):
        period_days("2w")


@pytest.mark.parametrize(
    ("typed", "weekday", "at"),
    [("monday 09:00", 0, time(9)), ("Thu 17:30", 3, time(17, 30)), ("sun 0:05", 6, time(0, 5))],
)
def test_the_digest_reads_a_weekday_and_a_24_hour_time(typed: str, weekday: int, at: time) -> None:
    assert read_digest(typed) == DigestSchedule(weekday, at)


@pytest.mark.parametrize(
    "typed",
    ["", "monday", "tu 9:00", "funday 9:00", "monday 24:00", "monday 9", "monday 9:00 sharp"],
)
def test_a_digest_time_that_cannot_be_read_says_what_to_type(typed: str) -> None:
    with pytest.raises(UserError, match="like `/turnout digest monday 09:00`"):
        read_digest(typed)


def test_off_turns_the_digest_off() -> None:
    assert read_digest(" OFF ").is_off
    assert DigestSchedule(None).next_after(datetime(2026, 11, 2, tzinfo=UTC), NEW_YORK) is None


def test_the_next_digest_is_strictly_later_and_keeps_local_time_across_dst() -> None:
    monday_nine = DigestSchedule()
    # At 09:00 sharp on a Monday the next one is a week on.
    at_nine = datetime(2026, 11, 2, 14, tzinfo=UTC)
    assert monday_nine.next_after(at_nine, NEW_YORK) == datetime(2026, 11, 9, 14, tzinfo=UTC)
    # The Monday before the clocks went back was 09:00 EDT, 13:00 UTC.
    before = datetime(2026, 10, 26, 12, tzinfo=UTC)
    assert monday_nine.next_after(before, NEW_YORK) == datetime(2026, 10, 26, 13, tzinfo=UTC)
    # A time the spring change skips (02:30 on Sun Mar 14 2027) goes out an hour later.
    skipped = DigestSchedule(6, time(2, 30))
    due = skipped.next_after(datetime(2027, 3, 13, tzinfo=UTC), NEW_YORK)
    assert due == datetime(2027, 3, 14, 7, 30, tzinfo=UTC)


def test_the_chart_has_twelve_weeks_bounded_by_local_mondays() -> None:
    bounds = week_starts(datetime(2026, 11, 4, 12, tzinfo=UTC), NEW_YORK)
    assert len(bounds) == 13
    assert bounds[-2] == datetime(2026, 11, 2, 5, tzinfo=UTC)  # Mon Nov 2, 00:00 EST
    assert bounds[-3] == datetime(2026, 10, 26, 4, tzinfo=UTC)  # Mon Oct 26, 00:00 EDT
    assert bounds[0] == datetime(2026, 8, 17, 4, tzinfo=UTC)


def test_a_shift_is_at_risk_when_its_projected_headcount_is_below_60_percent() -> None:
    shift = UpcomingShift(1, "Calls", datetime(2026, 11, 5, tzinfo=UTC), capacity=10, confirmed=8)
    assert not shift.at_risk(show_rate=0.75)  # 6 of 10
    assert shift.at_risk(show_rate=0.74)  # 5.92 of 10
    assert (shift.open_seats, shift.fill) == (2, 0.8)
