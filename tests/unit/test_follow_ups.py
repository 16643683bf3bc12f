"""The day after a shift: "We missed you" to a no-show at 10:00 their time, "hope to see you
soon" to someone who told us, shifts that fit with Join, and organizers told of a second miss
in a row without a word."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.attendance import day_after, next_local_hour
from bot.volunteers.forms import ONBOARDING
from tests.conftest import Harness

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3'
LATER = (
    '/phonebank create "Tuesday morning" 2026-11-10 10:00 2h 3',
    '/phonebank create "Next Saturday" 2026-11-14 18:00 2h 3',
    '/phonebank create "Next Sunday" 2026-11-15 18:00 2h 3',
    '/phonebank create "Third Saturday" 2026-11-21 18:00 2h 3',
    '/phonebank create "Third Sunday" 2026-11-22 18:00 2h 3',
)
STARTS = datetime(2026, 11, 7, 23, 0, tzinfo=UTC)
# 10:00 in New York on the Sunday after, and on the Monday (the first 10:00 a day after the end).
SUNDAY_TEN = datetime(2026, 11, 8, 15, 0, tzinfo=UTC)
MONDAY_TEN = datetime(2026, 11, 9, 15, 0, tzinfo=UTC)


async def advance_to(h: Harness, moment: datetime) -> None:
    await h.advance(moment - h.clock.now())


async def on_the_shift(h: Harness, *names: str, later: tuple[str, ...] = LATER) -> None:
    assert "Created #1" in await h.say("Olivia", CREATE)
    for line in later:
        await h.say("Olivia", line)
    for name in names:
        assert "You're in!" in await h.say(name, "/phonebank join 1")


def follow_ups(h: Harness, who: str) -> list[str]:
    return [t for t in h.messenger.texts(who) if "Saturday calls” (Sat Nov 7" in t]


async def test_a_marked_no_show_hears_we_missed_you_at_ten_the_next_morning(
    harness: Harness,
) -> None:
    await harness.submit(
        "Maria", ONBOARDING, interests=("phone_banking",), availability="weekends", location="1"
    )
    await on_the_shift(harness, "Maria")
    await harness.say("Olivia", "/phonebank join 3")  # not Maria's: still offered to her
    await harness.say("Maria", "/phonebank join 4")
    await advance_to(harness, STARTS + timedelta(minutes=30))
    await harness.say("Olivia", "/phonebank mark 1 Maria no-show")
    await advance_to(harness, SUNDAY_TEN - timedelta(minutes=1))
    assert follow_ups(harness, "maria") == []
    await advance_to(harness, SUNDAY_TEN)
    [missed] = follow_ups(harness, "maria")
    assert missed == (
        "We missed you at “Saturday calls” (Sat Nov 7, 6:00 PM EST). Everything OK? No "
        "pressure at all; whenever you're ready, we'd love to have you back.\n"
        "Next shifts you could join:\n"
        "#3 Next Saturday, Sat Nov 14, 6:00 PM EST\n"
        "#5 Third Saturday, Sat Nov 21, 6:00 PM EST\n"
        "#6 Third Sunday, Sun Nov 22, 6:00 PM EST\n"
        "[1] Join #3   [2] Join #5   [3] Join #6"
    )
    # Marked again (and changed back and forth): still only one such message for the shift.
    await harness.say("Olivia", "/phonebank mark 1 Maria here")
    await harness.say("Olivia", "/phonebank mark 1 Maria no-show")
    await advance_to(harness, MONDAY_TEN + timedelta(days=1))
    assert len(follow_ups(harness, "maria")) == 1


async def test_a_join_button_from_the_follow_up_books_the_shift(harness: Harness) -> None:
    await on_the_shift(harness, "Maria")
    await advance_to(harness, MONDAY_TEN)
    [missed] = follow_ups(harness, "maria")
    assert "[1] Join #2" in missed
    assert "You're in!" in await harness.press("Maria", "turnout:join:2")


async def test_no_word_at_all_counts_as_a_no_show_a_day_after_the_end(harness: Harness) -> None:
    await on_the_shift(harness, "Maria", "Sam")
    await advance_to(harness, STARTS)
    await harness.say("Sam", "/phonebank checkin 1")
    await advance_to(harness, SUNDAY_TEN)
    assert follow_ups(harness, "maria") == []
    await advance_to(harness, MONDAY_TEN)
    [missed] = follow_ups(harness, "maria")
    assert missed.startswith("We missed you at “Saturday calls”")
    assert follow_ups(harness, "sam") == []


async def test_someone_who_said_they_couldnt_make_it_hears_hope_to_see_you_soon(
    harness: Harness,
) -> None:
    await on_the_shift(harness, "Maria")
    await advance_to(harness, STARTS + timedelta(hours=2, minutes=15))
    said = await harness.say("Maria", "/phonebank debrief 1 missed")
    assert "Hope to see you soon" in said
    await advance_to(harness, SUNDAY_TEN)
    [soon] = follow_ups(harness, "maria")
    assert soon.startswith(
        "Thanks again for letting us know about “Saturday calls” (Sat Nov 7, 6:00 PM EST). "
        "Hope to see you soon!"
    )
    assert "We missed you" not in soon and "[1] Join #2" in soon


async def test_a_late_cant_make_it_hears_hope_to_see_you_soon_the_next_day(
    harness: Harness,
) -> None:
    await on_the_shift(harness, "Maria")
    await advance_to(harness, STARTS - timedelta(hours=5))
    await harness.press("Maria", "turnout:leave:1")
    await advance_to(harness, MONDAY_TEN)
    [soon] = follow_ups(harness, "maria")
    assert soon.startswith("Sorry you couldn't make it to “Saturday calls”")
    assert "Hope to see you soon!" in soon


async def test_shifts_offered_fit_interests_and_are_not_full_or_joined(harness: Harness) -> None:
    await harness.submit(
        "Sam", ONBOARDING, interests=("canvassing",), availability="flexible", location="1"
    )
    await on_the_shift(harness, "Maria", "Sam", later=LATER[:2])
    await harness.say("Olivia", "/phonebank edit 3 seats 1")
    await harness.say("Ana", "/phonebank join 3")  # now full
    await harness.say("Maria", "/phonebank join 2")
    await advance_to(harness, MONDAY_TEN)
    [maria] = follow_ups(harness, "maria")
    assert "Next shifts" not in maria and "[1]" not in maria
    [sam] = follow_ups(harness, "sam")
    assert "Next shifts" not in sam


async def test_two_misses_in_a_row_without_a_word_tell_organizers_once(harness: Harness) -> None:
    for day in ("2026-11-07", "2026-11-14", "2026-11-21"):
        await harness.say("Olivia", f'/phonebank create "Calls" {day} 18:00 2h 3')
    for number in (1, 2, 3):
        await harness.say("Maria", f"/phonebank join {number}")
    await advance_to(harness, datetime(2026, 11, 26, 15, 0, tzinfo=UTC))
    told = [t for t in harness.messenger.texts("#organizers") if "two shifts in a row" in t]
    assert told == [
        "⚠️ Maria (#2) missed two shifts in a row without a word: “Calls” (Sat Nov 7, 6:00 PM "
        "EST) and “Calls” (Sat Nov 14, 6:00 PM EST). A personal call might help."
    ]


async def test_a_miss_after_a_word_is_not_two_in_a_row(harness: Harness) -> None:
    for day in ("2026-11-07", "2026-11-14"):
        await harness.say("Olivia", f'/phonebank create "Calls" {day} 18:00 2h 3')
    for number in (1, 2):
        await harness.say("Maria", f"/phonebank join {number}")
    await advance_to(harness, STARTS + timedelta(hours=2, minutes=15))
    await harness.say("Maria", "/phonebank debrief 1 missed")
    await advance_to(harness, datetime(2026, 11, 19, 15, 0, tzinfo=UTC))
    assert not any("in a row" in t for t in harness.messenger.texts("#organizers"))


async def test_ten_oclock_holds_across_a_daylight_saving_change(harness: Harness) -> None:
    # US clocks go forward at 2:00 on Sun Mar 14, 2027: the morning after is on summer time.
    await harness.say("Olivia", '/phonebank create "Calls" 2027-03-13 18:00 2h 3')
    await harness.say("Maria", "/phonebank join 1")
    ends = datetime(2027, 3, 14, 1, 0, tzinfo=UTC)
    await advance_to(harness, ends + timedelta(minutes=30))
    await harness.say("Olivia", "/phonebank mark 1 Maria no-show")
    # 10:00 EDT is 14:00 UTC (it would be 15:00 UTC on standard time).
    await advance_to(harness, datetime(2027, 3, 14, 13, 59, tzinfo=UTC))
    assert not any("We missed you" in t for t in harness.messenger.texts("maria"))
    await advance_to(harness, datetime(2027, 3, 14, 14, 0, tzinfo=UTC))
    assert any("We missed you" in t for t in harness.messenger.texts("maria"))


def test_the_follow_up_hour_is_read_on_the_wall_clock_on_both_sides_of_a_change() -> None:
    zone = ZoneInfo("America/New_York")
    # Clocks went back at 2:00 on Sun Nov 1, 2026: 10:00 EST that day is 15:00 UTC.
    assert next_local_hour(datetime(2026, 10, 31, 23, 0, tzinfo=UTC), zone) == datetime(
        2026, 11, 1, 15, 0, tzinfo=UTC
    )
    assert day_after(datetime(2026, 10, 31, 20, 0, tzinfo=UTC), zone) == datetime(
        2026, 11, 1, 15, 0, tzinfo=UTC
    )
    # Exactly 10:00 is not "after" 10:00: the next one is a day later.
    assert next_local_hour(datetime(2026, 11, 2, 15, 0, tzinfo=UTC), zone) == datetime(
        2026, 11, 3, 15, 0, tzinfo=UTC
    )
