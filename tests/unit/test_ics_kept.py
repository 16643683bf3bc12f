"""A sign-up's `.ics` is rendered through icalendar once per shift revision and reused with the
sign-up's own UID, SEQUENCE and DTSTAMP written in: the file must be what icalendar writes."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.calendars import ics
from bot.domain.campaign import Campaign
from bot.domain.phonebank import PhoneBank, Shift, ShiftStatus
from bot.domain.signup import Signup, SignupStatus
from bot.kernel.i18n import reading_in

START = datetime(2026, 11, 7, 23, 0, tzinfo=UTC)
CAMPAIGN = Campaign(
    7, "Riverside for Maya", "America/New_York", (timedelta(hours=24),), timedelta(hours=48)
)
BANK = PhoneBank(3, 7, "Saturday calls", "https://dialer.example/sat")
SHIFT = Shift(11, 7, 4, BANK, START, START + timedelta(hours=2), 5, ShiftStatus.SCHEDULED)


def entry(signup_id: int, **changes: Any) -> ics.CalendarEntry:
    signup = Signup(signup_id, SHIFT.id, 100 + signup_id, SignupStatus.CONFIRMED, START)
    made = ics.CalendarEntry(CAMPAIGN, SHIFT, signup, timedelta(hours=24))
    return replace(made, **changes)


def fresh(made: ics.CalendarEntry, now: datetime) -> bytes:
    return ics.calendar([made], now)


def test_every_sign_up_on_a_shift_gets_icalendars_own_file_with_its_uid_and_sequence() -> None:
    ics._kept.clear()
    now = datetime(2026, 11, 1, 9, 30, 15, 123456, tzinfo=UTC)
    for signup_id, sequence in [(1, 0), (2, 0), (31, 4), (123456789, 12)]:
        made = entry(signup_id, sequence=sequence)
        assert ics.one_event_file(made, now) == fresh(made, now)
        now += timedelta(minutes=7, microseconds=3)
    # One rendering served them all.
    assert len(ics._kept) == 1


def test_what_the_event_shows_is_never_taken_from_another_shift_or_seat() -> None:
    now = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    long_title = PhoneBank(3, 7, "A very long title " * 8, None)
    variants = [
        entry(1),
        entry(2, signup=Signup(2, SHIFT.id, 102, SignupStatus.WAITLISTED, START)),
        entry(3, signup=Signup(3, SHIFT.id, 103, SignupStatus.CANCELLED, START)),
        entry(4, alarm_before=None),
        entry(5, alarm_before=timedelta(hours=2)),
        entry(6, shift=replace(SHIFT, starts_at=START + timedelta(days=1))),
        entry(7, shift=replace(SHIFT, phone_bank=long_title)),
        entry(8, shift=replace(SHIFT, status=ShiftStatus.CANCELLED)),
        entry(9, campaign=replace(CAMPAIGN, name="Another campaign")),
    ]
    for made in variants + variants:
        assert ics.one_event_file(made, now) == fresh(made, now)
    with reading_in("es"):
        for made in variants:
            assert ics.one_event_file(made, now) == fresh(made, now)


def test_the_kept_files_stay_bounded() -> None:
    ics._kept.clear()
    now = datetime(2026, 11, 1, 9, 30, tzinfo=UTC)
    for day in range(ics.KEPT_FILES + 10):
        made = entry(day + 1, shift=replace(SHIFT, starts_at=START + timedelta(days=day)))
        assert ics.one_event_file(made, now) == fresh(made, now)
    assert len(ics._kept) <= ics.KEPT_FILES
