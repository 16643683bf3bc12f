"""Seat rules, reminder timing across daylight saving, and text people write."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.campaign import Counter
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind, NoticeState, retry_delay
from bot.domain.phonebank import check_capacity, check_duration, check_link, shift_start
from bot.domain.signup import SignupStatus, placement
from bot.domain.text import clean_text
from bot.domain.timing import (
    parse_duration,
    parse_reminder_offsets,
    parse_zone,
    reminder_due,
)
from bot.domain.volunteer import Availability

NEW_YORK = ZoneInfo("America/New_York")


def test_a_sign_up_is_confirmed_while_seats_remain_then_waitlisted() -> None:
    assert placement(confirmed=0, capacity=1) is SignupStatus.CONFIRMED
    assert placement(confirmed=9, capacity=10) is SignupStatus.CONFIRMED
    assert placement(confirmed=10, capacity=10) is SignupStatus.WAITLISTED


@pytest.mark.parametrize(
    ("shift_day", "reminder_local"),
    [
        # Spring forward (Mar 8, 2026): the day before the change and the change itself.
        (date(2026, 3, 8), datetime(2026, 3, 7, 18, 0, tzinfo=NEW_YORK)),
        (date(2026, 3, 9), datetime(2026, 3, 8, 18, 0, tzinfo=NEW_YORK)),
        # Fall back (Nov 1, 2026).
        (date(2026, 11, 1), datetime(2026, 10, 31, 18, 0, tzinfo=NEW_YORK)),
        (date(2026, 11, 2), datetime(2026, 11, 1, 18, 0, tzinfo=NEW_YORK)),
    ],
)
def test_the_24h_reminder_arrives_at_the_same_wall_clock_time_the_day_before(
    shift_day: date, reminder_local: datetime
) -> None:
    starts_at = shift_start(shift_day, time(18, 0), NEW_YORK)
    due = reminder_due(starts_at, timedelta(hours=24), NEW_YORK)
    assert due.tzinfo is not None
    assert due == reminder_local


def test_a_spring_forward_shift_gets_its_24h_reminder_23_real_hours_early() -> None:
    starts_at = shift_start(date(2026, 3, 8), time(18, 0), NEW_YORK)
    due = reminder_due(starts_at, timedelta(hours=24), NEW_YORK)
    assert starts_at - due == timedelta(hours=23)


def test_hour_reminders_count_real_time() -> None:
    starts_at = shift_start(date(2026, 3, 8), time(3, 30), NEW_YORK)
    due = reminder_due(starts_at, timedelta(hours=1), NEW_YORK)
    assert starts_at - due == timedelta(hours=1)
    # 03:30 EDT minus one real hour is 01:30 EST: the wall clock jumped.
    assert due.astimezone(NEW_YORK).hour == 1


def test_a_wall_time_skipped_by_daylight_saving_is_refused() -> None:
    with pytest.raises(UserError, match="doesn't exist"):
        shift_start(date(2026, 3, 8), time(2, 30), NEW_YORK)


def test_shift_start_is_stored_in_utc() -> None:
    assert shift_start(date(2026, 7, 4), time(10, 0), NEW_YORK) == datetime(
        2026, 7, 4, 14, 0, tzinfo=UTC
    )


@pytest.mark.parametrize(
    ("text", "minutes"), [("2h", 120), ("90m", 90), ("1h30m", 90), ("2d", 2880), ("24H", 1440)]
)
def test_durations_read_as_people_write_them(text: str, minutes: int) -> None:
    span = parse_duration(text)
    assert span == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["", "h", "2 hours", "-2h", "2x", "1.5h"])
def test_non_durations_are_not_read(text: str) -> None:
    assert parse_duration(text) is None


def test_reminder_offsets_are_sorted_longest_first_without_duplicates() -> None:
    assert parse_reminder_offsets("1h, 24h,1h") == (timedelta(hours=24), timedelta(hours=1))


@pytest.mark.parametrize(
    ("text", "explained"),
    [
        ("", "like `24h,1h` or `2h,30m`"),
        ("soon", "I couldn't read `soon` as a time before the shift"),
        ("1m", "between 5 minutes and 14 days before a shift"),
        ("30d", "`30d` is out of range"),
        ("1h,2h,3h,4h,5h", "choose at most 4"),
    ],
)
def test_unusable_reminder_offsets_are_explained(text: str, explained: str) -> None:
    with pytest.raises(UserError) as error:
        parse_reminder_offsets(text)
    assert explained in error.value.message


@pytest.mark.parametrize("zone", ["Mars/Olympus", "../../etc/passwd", "", "/etc/localtime"])
def test_unknown_zones_are_refused_with_an_example(zone: str) -> None:
    with pytest.raises(UserError, match="America/Chicago"):
        parse_zone(zone)


@pytest.mark.parametrize(
    "text",
    ["Calls @everyone", "hi @here", "<!channel> calls", "<!here|here>", "<@&123456> go"],
)
def test_text_that_would_ping_everyone_or_a_role_is_refused(text: str) -> None:
    with pytest.raises(UserError, match="can't mention"):
        clean_text(text, what="title", limit=100)


def test_control_characters_and_overlong_text_are_refused() -> None:
    with pytest.raises(UserError, match="control characters"):
        clean_text("Calls\x07", what="title", limit=100)
    with pytest.raises(UserError, match="10,000 characters"):
        clean_text("x" * 10_000, what="title", limit=100)
    with pytest.raises(UserError, match="empty"):
        clean_text("   ", what="title", limit=100)


@pytest.mark.parametrize(
    "title",
    [
        "Coders 👩\u200d💻 phone bank",  # ZWJ sequence
        "Pride 🏳\ufe0f\u200d🌈 canvass",  # variation selector and ZWJ
        "Family 👨\u200d👩\u200d👧\u200d👦 day",  # several joins
        "🇺🇸🇲🇽 calls",  # flags from regional indicators
        "Scotland 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",  # tag flag
        "Round 1\ufe0f\u20e3 and #\ufe0f\u20e3",  # keycaps
        "Wave 👋🏽 and 👩🏿\u200d🚀",  # skin tones, with and without a join
        "Heart ❤\ufe0f and ☎\ufe0e",  # emoji and text presentation
    ],
)
def test_emoji_sequences_are_titles_not_control_characters(title: str) -> None:
    assert clean_text(title, what="title", limit=100) == title


@pytest.mark.parametrize(
    ("title", "says"),
    [
        ("\u200d\u200b\u2060", "The title is empty: please write a few words."),
        ("\ufe0f\u200d", "The title is empty: please write a few words."),
        ("Calls \u202eevil", "control characters"),  # right-to-left override
        ("\u2066Calls\u2069", "control characters"),  # bidi isolates
        ("\u200dCalls", "control characters"),  # a join with nothing before it
        ("Calls\u200d", "control characters"),  # a join with nothing after it
        ("Calls 👩\u200d", "control characters"),  # a join that joins nothing
        ("Ca\u200dlls", "control characters"),  # a join between letters hides nothing useful
        ("Calls \U000e0067\U000e007f", "control characters"),  # tags without a flag
        ("Calls\u200e", "control characters"),  # direction mark
    ],
)
def test_invisible_and_bidi_characters_outside_emoji_are_refused(title: str, says: str) -> None:
    with pytest.raises(UserError, match=says) as refused:
        clean_text(title, what="title", limit=100)
    assert str(refused.value).count(". ") == 0 and str(refused.value).endswith(".")


def test_announcements_may_span_lines() -> None:
    assert clean_text(" line one\nline two ", what="announcement", limit=50, multiline=True) == (
        "line one\nline two"
    )


def test_capacity_duration_and_link_limits() -> None:
    assert check_capacity(12) == 12
    assert check_duration(timedelta(hours=2)) == timedelta(hours=2)
    assert check_link(" https://dialer.example.org/x ") == "https://dialer.example.org/x"
    assert check_link(None) is None
    for bad in (0, -3, 501):
        with pytest.raises(UserError):
            check_capacity(bad)
    for bad_span in (timedelta(minutes=5), timedelta(hours=13)):
        with pytest.raises(UserError):
            check_duration(bad_span)
    for bad_link in ("javascript:alert(1)", "ftp://x", "dialer.example.org"):
        with pytest.raises(UserError):
            check_link(bad_link)


def test_availability_matches_shift_times() -> None:
    saturday_evening = datetime(2026, 11, 28, 18, 0, tzinfo=NEW_YORK)
    tuesday_morning = datetime(2026, 11, 24, 10, 0, tzinfo=NEW_YORK)
    assert Availability.WEEKENDS.fits(saturday_evening)
    assert not Availability.WEEKENDS.fits(tuesday_morning)
    assert Availability.WEEKDAY_DAYTIME.fits(tuesday_morning)
    assert not Availability.WEEKDAY_EVENINGS.fits(tuesday_morning)
    assert Availability.FLEXIBLE.fits(tuesday_morning)


def test_retries_back_off_and_are_capped() -> None:
    assert retry_delay(1) == timedelta(seconds=5)
    assert retry_delay(2) == timedelta(seconds=10)
    assert retry_delay(30) == timedelta(minutes=10)


def test_counters_notice_states_and_kinds_keep_their_stored_names() -> None:
    # The database holds these strings; renaming one would need a migration.
    assert {c.value for c in Counter} == {"shift", "task", "volunteer"}
    assert {s.value for s in NoticeState} == {
        "pending",
        "sending",
        "sent",
        "skipped",
        "cancelled",
        "failed",
    }
    assert {k.value for k in NoticeKind} == {
        "welcome",
        "shift_reminder",
        "promoted",
        "shift_cancelled",
        "announcement",
        "dms_closed",
        "shift_moved",
        "link_changed",
        "back_on_waitlist",
        "booked",
        "unbooked",
        "moved_by_organizer",
        "proposal",
        "proposal_approved",
        "proposal_declined",
        "new_volunteer",
        "volunteer_onboarded",
        "still_uncontacted",
        "delivery_failed",
        "check_in",
        "debrief",
        "wrap_up",
        "late_cancellation",
        "live_post",
        "post_edit",
        "post_failed",
        "host_set",
        "dates_cancelled",
        "confirm_check",
        "nudge",
        "seat_offered",
        "offer_lapsed",
        "missed_you",
        "two_misses",
        "digest",
        "export_made",
        "task_done",
        "task_cancelled",
        "task_changed",
    }


@pytest.mark.parametrize(
    ("text", "refusal"),
    [
        ("Calls\u2028Second line", "one line"),
        ("Calls\u2029x", "one line"),
        ("\u3164", "empty"),
        ("\u2800\u2800", "empty"),
        ("\u200b\u200b\u200b", "empty"),
        ("\u3164 \u115f\u2800", "empty"),
        ("Fake \u2039!subteam^S0ORGS>", "looks like a mention"),
        ("Ask <@&130000000000000300>", "can't mention"),
        ("Fake \u2039@U0OLIVIA>", "looks like a mention"),
        ("Fake \u3008#C0ORGS>", "looks like a mention"),
        ("Fake \uff1c!here>", "can't mention"),
        ("Fake \uff20everyone", "can't mention"),
    ],
)
def test_text_that_looks_like_something_else_is_refused(text: str, refusal: str) -> None:
    with pytest.raises(UserError, match=refusal):
        clean_text(text, what="title", limit=100)


def test_a_separator_in_multiline_text_becomes_a_plain_line_break() -> None:
    assert clean_text("one\u2028two", what="announcement", limit=100, multiline=True) == "one\ntwo"
    assert clean_text("a < b, 3 > 2 & #1", what="title", limit=100) == "a < b, 3 > 2 & #1"
