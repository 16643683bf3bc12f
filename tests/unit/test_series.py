"""Weekly series: a rolling window of dates, wall-clock time across DST, Every week."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.notice import NoticeKind
from bot.kernel import timefmt
from bot.ports.replies import Message
from tests.conftest import Harness
from tests.queued import pending_notices

CREATE = '/phonebank create "Tuesday calls" {day} 18:00 2h {seats}'


async def weekly(
    h: Harness, line: str = "weekly", *, day: str = "2026-11-03", seats: int = 5
) -> str:
    assert "Created #1" in await h.say("Olivia", CREATE.format(day=day, seats=seats))
    return await h.say("Olivia", f"/phonebank repeat 1 {line}")


async def test_repeat_creates_the_next_four_weeks_and_later_dates_appear_as_time_passes(
    harness: Harness,
) -> None:
    reply = await weekly(harness)

    assert "now repeats every week, at 18:00 in America/New_York" in reply
    assert "Created #2 Tue Nov 10, #3 Tue Nov 17, #4 Tue Nov 24" in reply
    listing = await harness.say("Maria", "/phonebank list")
    assert listing.count("Tuesday calls") == 4

    await harness.advance(timedelta(days=7))

    listing = await harness.say("Maria", "/phonebank list")
    assert "#5 Tuesday calls" in listing and "Tue Dec 1, 6:00 PM EST" in listing


async def test_local_time_holds_across_the_spring_clock_change(harness: Harness) -> None:
    harness.clock.advance(timedelta(days=120))  # early March 2027
    reply = await weekly(harness, day="2027-03-09")

    assert "#2 Tue Mar 16" in reply
    listing = await harness.say("Maria", "/phonebank list")
    assert "Tue Mar 9, 6:00 PM EST" in listing and "Tue Mar 16, 6:00 PM EDT" in listing


async def test_every_two_weeks_on_two_weekdays_until_a_date(harness: Harness) -> None:
    reply = await weekly(harness, "every 2 weeks on tue,thu until 2026-11-20")

    assert "every 2 weeks on Tue and Thu until 2026-11-20" in reply
    assert "Created #2 Thu Nov 5, #3 Tue Nov 17, #4 Thu Nov 19: that's every date" in reply


async def test_a_series_whose_every_date_is_made_at_once_promises_no_later_dates(
    harness: Harness,
) -> None:
    reply = await weekly(harness, "weekly times 3")

    assert "Created #2 Tue Nov 10, #3 Tue Nov 17: that's every date of the series." in reply
    assert "later dates" not in reply
    await harness.advance(timedelta(days=28))
    assert "#4" not in await harness.say("Maria", "/phonebank list")


async def test_every_week_signs_a_volunteer_up_for_each_new_date_waitlisted_if_full(
    harness: Harness,
) -> None:
    await weekly(harness, seats=1)
    joined = await harness.reply("Maria", "/phonebank join 1")
    assert isinstance(joined, Message)
    assert [b.label for b in joined.buttons] == ["Leave", "Every week", "Add to calendar"]

    standing = await harness.press("Maria", joined.buttons[1].action)
    await harness.advance(timedelta(days=7))

    assert "You're signed up every week for “Tuesday calls”: #1" in standing
    assert "#4 Tue Nov 24 (in)" in standing
    mine = await harness.say("Maria", "/phonebank mine")
    assert "#5 Tuesday calls" in mine
    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow, shift_id=5)
    assert sum(n.kind is NoticeKind.SHIFT_REMINDER for n in pending) == 2


async def test_a_standing_sign_up_on_a_full_new_date_waits_in_line(harness: Harness) -> None:
    await weekly(harness, seats=1)
    await harness.say("Maria", "/phonebank join 1")
    await harness.press("Maria", "turnout:weekly:1")

    assert "(waitlist)" in await harness.press("Sam", "turnout:weekly:2")
    await harness.advance(timedelta(days=7))
    roster = await harness.say("Olivia", "/phonebank roster 5")
    assert "1. Maria" in roster and "1. Sam" in roster and "waitlist #1" in roster


async def test_leave_following_ends_every_week_and_cancel_following_ends_the_series(
    harness: Harness,
) -> None:
    await weekly(harness)
    await harness.press("Maria", "turnout:weekly:1")

    left = await harness.say("Maria", "/phonebank leave 3 following")
    assert "You've left 2 dates of “Tuesday calls” from #3 on" in left
    assert "won't be signed up for new ones" in left
    await harness.advance(timedelta(days=7))
    mine = await harness.say("Maria", "/phonebank mine")
    assert "#2" in mine and "#3" not in mine and "#5" not in mine  # #1 is over by now

    cancelled = await harness.say("Olivia", "/phonebank cancel 3 following")
    assert "Cancelled 3 dates of “Tuesday calls” from #3 on" in cancelled
    await harness.advance(timedelta(days=14))
    listing = await harness.say("Maria", "/phonebank list")
    assert "#3" not in listing and "#6" not in listing and "#7" not in listing


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("every 0 weeks", "can't repeat every 0 weeks"),
        ("weekly until 2026-11-01", "is before the shift itself"),
        ("weekly on funday", "couldn't read “funday” as a weekday"),
        ("daily", "I can repeat a shift `weekly` or `every 2 weeks`"),
        ("weekly until 2026-12-01 times 3", "either `until 2027-01-09` or `times 8`, not both"),
    ],
)
async def test_bad_repeats_get_one_sentence_and_change_nothing(
    harness: Harness, line: str, says: str
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE.format(day="2026-11-03", seats=5))

    assert says in await harness.say("Olivia", f"/phonebank repeat 1 {line}")

    assert (await harness.say("Maria", "/phonebank list")).count("Tuesday calls") == 1


async def test_a_shift_repeats_once_and_following_needs_a_series(harness: Harness) -> None:
    await weekly(harness)
    assert "already repeats" in await harness.say("Olivia", "/phonebank repeat 1 weekly")
    await harness.say("Olivia", '/phonebank create "One-off" 2026-11-05 18:00 2h 5')
    assert "isn't part of a weekly series" in await harness.say(
        "Olivia", "/phonebank cancel 5 following"
    )


async def test_forget_me_ends_the_standing_sign_up(harness: Harness) -> None:
    await weekly(harness)
    await harness.press("Maria", "turnout:weekly:1")

    await harness.press("Maria", "turnout:forget")
    await harness.advance(timedelta(days=7))

    async with harness.storage.unit_of_work() as uow:
        assert await uow.series.standing(1) == []
    assert "Nobody has signed up yet" in await harness.say("Olivia", "/phonebank roster 5")


async def test_edit_following_changes_this_date_every_later_one_and_dates_still_to_come(
    harness: Harness,
) -> None:
    await weekly(harness)
    await harness.say("Maria", "/phonebank join 3")
    harness.messenger.clear()

    asked = await harness.say("Olivia", "/phonebank edit 2 following time 19:00")
    assert "and 1 person will get a DM. Nothing is saved yet" in asked
    assert harness.messenger.sent == []
    reply = await harness.say("Olivia", "/phonebank edit 2 following time 19:00 confirm")

    assert "Later dates of the series will follow the change" in reply
    assert any(
        "moved from Tue Nov 17, 6:00 PM EST to Tue Nov 17, 7:00 PM EST" in t
        for t in harness.messenger.texts("maria")
    )
    await harness.advance(timedelta(days=7))
    listing = await harness.say("Maria", "/phonebank list")
    assert "Tue Nov 10, 7:00 PM EST" in listing and "Tue Dec 1, 7:00 PM EST" in listing
    assert "#1" not in listing  # the first date, left as it was, is over by now
    assert "can't" not in await harness.say("Olivia", "/phonebank edit 2 following title Tues")
    assert "keeps its weekdays" in await harness.say(
        "Olivia", "/phonebank edit 2 following date 2026-11-11"
    )


async def test_cancel_following_tells_someone_on_several_dates_once_listing_them(
    harness: Harness,
) -> None:
    await weekly(harness)
    await harness.press("Maria", "turnout:weekly:1")
    await harness.say("Sam", "/phonebank join 4")
    harness.messenger.clear()

    reply = await harness.say("Olivia", "/phonebank cancel 2 following")

    assert "Cancelled 3 dates" in reply and "(2 messages)" in reply
    [maria] = harness.messenger.texts("maria")
    assert "You were signed up for these 3 dates, all called off" in maria
    assert "#2, Tue Nov 10, 6:00 PM EST" in maria and "#4, Tue Nov 24, 6:00 PM EST" in maria
    [sam] = harness.messenger.texts("sam")
    assert "“Tuesday calls” (#4) on Tue Nov 24, 6:00 PM EST has been cancelled" in sam


async def test_edit_following_counts_the_people_it_will_tell_not_their_messages(
    harness: Harness,
) -> None:
    await weekly(harness)
    await harness.press("Maria", "turnout:weekly:1")
    await harness.say("Sam", "/phonebank join 3")
    harness.messenger.clear()

    asked = await harness.say("Olivia", "/phonebank edit 2 following time 19:00")

    assert "3 dates from #2 on, and 2 people will be told (4 DMs, one for each date" in asked
    await harness.say("Olivia", "/phonebank edit 2 following time 19:00 confirm")
    assert len(harness.messenger.texts("maria")) + len(harness.messenger.texts("sam")) == 4


async def test_times_past_a_year_ahead_is_refused_with_the_most_that_fits(
    harness: Harness,
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE.format(day="2026-11-03", seats=5))

    refused = await harness.say("Olivia", "/phonebank repeat 1 weekly times 60")
    fortnightly = await harness.say("Olivia", "/phonebank repeat 1 every 2 weeks times 30")

    assert refused == (
        "`times 60` would run the series more than a year ahead (to 2027-12-21); the most "
        "that fits is `times 53`, or leave the end out and dates keep appearing 4 weeks ahead."
    )
    assert "the most that fits is `times 27`" in fortnightly
    assert (await harness.say("Maria", "/phonebank list")).count("Tuesday calls") == 1
    assert "53 times" in await harness.say("Olivia", "/phonebank repeat 1 weekly times 53")


async def test_a_date_in_the_spring_forward_gap_moves_to_the_first_valid_time_and_says_so(
    harness: Harness,
) -> None:
    harness.clock.advance(timedelta(days=120))  # early March 2027
    made = await harness.say("Olivia", '/phonebank create "Night calls" 2027-03-07 02:30 1h 5')
    assert "Created #1" in made

    reply = await harness.say("Olivia", "/phonebank repeat 1 weekly times 6")

    # 02:30 doesn't exist in New York on 2027-03-14; like a reminder or the digest, the date
    # keeps its place in real time, which the clock after the change reads as 03:30.
    assert "#2 Sun Mar 14" in reply
    assert (
        "2:30 AM doesn't exist on Sun Mar 14 in America/New_York because the clocks go "
        "forward that night, so that date starts at Sun Mar 14, 3:30 AM EDT." in reply
    )
    listing = await harness.say("Olivia", "/phonebank list")
    assert "Sun Mar 14, 3:30 AM EDT" in listing and "Sun Mar 21, 2:30 AM EDT" in listing
    await harness.advance(timedelta(days=28))
    async with harness.storage.unit_of_work() as uow:
        shifts = [await uow.shifts.by_number(1, n) for n in range(1, 8)]
    starts = [timefmt.when(s.starts_at, ZoneInfo("America/New_York")) for s in shifts if s]
    assert starts == [
        "Sun Mar 7, 2:30 AM EST",
        "Sun Mar 14, 3:30 AM EDT",
        "Sun Mar 21, 2:30 AM EDT",
        "Sun Mar 28, 2:30 AM EDT",
        "Sun Apr 4, 2:30 AM EDT",
        "Sun Apr 11, 2:30 AM EDT",
    ]
