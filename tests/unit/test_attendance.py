"""After the sign-up: "I'll be there", the check-in at the start, and organizers' marks."""

from datetime import timedelta

from bot.domain.notice import NoticeKind
from tests.conftest import Harness
from tests.queued import pending_notices

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3 https://dialer.example/sat'
# The harness starts at Mon Nov 2, 14:00 UTC; the shift starts Sat Nov 7, 23:00 UTC.
TO_DAY_BEFORE = timedelta(days=4, hours=9)
TO_START = TO_DAY_BEFORE + timedelta(days=1)


async def joined(h: Harness, *names: str) -> None:
    assert "Created #1" in await h.say("Olivia", CREATE)
    for name in names:
        assert "You're in!" in await h.say(name, "/phonebank join 1")
    h.messenger.clear()


async def test_the_day_before_reminder_offers_ill_be_there_and_the_hour_before_does_not(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DAY_BEFORE)
    [day_before] = harness.messenger.texts("maria")
    assert "[1] I'll be there   [2] Can't make it" in day_before
    harness.messenger.clear()
    await harness.advance(timedelta(hours=23))
    [hour_before] = harness.messenger.texts("maria")
    assert "I'll be there" not in hour_before
    assert "[1] Can't make it" in hour_before


async def test_ill_be_there_shows_on_the_roster_and_in_mine(harness: Harness) -> None:
    await joined(harness, "Maria", "Sam")
    await harness.advance(TO_DAY_BEFORE)
    assert "You're confirmed for #1" in await harness.press("Maria", "turnout:confirm:1")
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "1. Maria\nconfirmed ✅" in roster
    assert "2. Sam\nconfirmed\n" in roster + "\n"
    assert "✅ you said you'll be there" in await harness.say("Maria", "/phonebank mine")
    assert "✅" not in await harness.say("Sam", "/phonebank mine")


async def test_confirming_needs_a_seat_and_changes_nothing_otherwise(harness: Harness) -> None:
    await joined(harness, "Maria")
    refusal = await harness.say("Sam", "/phonebank confirm 1")
    assert "You don't have a seat on #1" in refusal
    assert "✅" not in await harness.say("Olivia", "/phonebank roster 1")


async def test_a_confirmed_volunteer_gets_the_check_in_dm_at_the_start(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_START)
    started = harness.messenger.texts("maria")[-1]
    assert "It's starting now: “Saturday calls” (#1)" in started
    assert "https://dialer.example/sat" in started
    assert "[1] I'm here" in started
    assert "You're checked in for #1" in await harness.press("Maria", "turnout:checkin:1")
    attendance = await harness.say("Olivia", "/phonebank attendance 1")
    assert "1. Maria (#2): checked in" in attendance


async def test_no_check_in_dm_for_a_seat_given_back_or_after_the_end(harness: Harness) -> None:
    await joined(harness, "Maria", "Sam")
    await harness.say("Sam", "/phonebank leave 1")
    # The bot was down from before the start until after the end.
    harness.clock.advance(TO_START + timedelta(hours=3))
    await harness.deliver()
    assert not any("starting now" in t for t in harness.messenger.texts("maria"))
    assert not any("starting now" in t for t in harness.messenger.texts("sam"))
    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow)
    assert not [n for n in pending if n.kind is NoticeKind.CHECK_IN]


async def test_check_in_opens_30_minutes_before_the_start_and_closes_at_the_end(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_START - timedelta(minutes=31))
    early = await harness.say("Maria", "/phonebank checkin 1")
    assert "Check-in for #1 opens 30 minutes before it starts (Sat Nov 7, 5:30 PM EST)" in early
    await harness.advance(timedelta(minutes=2))
    assert "You're checked in" in await harness.say("Maria", "/phonebank checkin 1")
    await harness.advance(timedelta(hours=3))
    assert "has ended" in await harness.say("Maria", "/phonebank checkin 1")


async def test_an_organizers_mark_wins_over_the_volunteers_check_in(harness: Harness) -> None:
    await joined(harness, "Maria", "Sam")
    await harness.advance(TO_START)
    await harness.say("Maria", "/phonebank checkin 1")
    view = await harness.say("Olivia", "/phonebank attendance 1")
    assert "2. Sam (#3): unknown" in view
    assert "[1] Here: Maria   [2] No-show: Maria   [3] Here: Sam   [4] No-show: Sam" in view
    assert "Marked Maria as a no-show" in await harness.say(
        "Olivia", "/phonebank mark 1 Maria no-show"
    )
    assert "Marked Sam as here" in await harness.say("Olivia", "/phonebank mark 1 #3 here")
    view = await harness.say("Olivia", "/phonebank attendance 1")
    assert "1. Maria (#2): no-show" in view
    assert "2. Sam (#3): here (marked)" in view


async def test_bad_marks_get_one_sentence_and_change_nothing(harness: Harness) -> None:
    await joined(harness, "Maria")
    early = await harness.say("Olivia", "/phonebank mark 1 Maria here")
    assert early == "#1 hasn't started yet; marks open at Sat Nov 7, 6:00 PM EST."
    await harness.advance(TO_START)
    assert "Nobody called “Zed” is confirmed for #1" in await harness.say(
        "Olivia", "/phonebank mark 1 Zed here"
    )
    assert "Mark someone `here` or `no-show`" in await harness.say(
        "Olivia", "/phonebank mark 1 Maria maybe"
    )
    assert "Only organizers and the host of #1 can mark its attendance" in await harness.say(
        "Maria", "/phonebank mark 1 Maria here"
    )
    await harness.advance(timedelta(days=8))
    assert "closed 7 days after it ended" in await harness.say(
        "Olivia", "/phonebank mark 1 Maria here"
    )
    assert "1. Maria (#2): unknown" in await harness.say("Olivia", "/phonebank attendance 1")


async def test_the_attendance_buttons_mark_the_person_they_name(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_START)
    signup_id = await signup_of(harness, "Maria")
    assert "Marked Maria as here" in await harness.press("Olivia", f"turnout:here:{signup_id}")
    assert "Only organizers" in await harness.press("Maria", f"turnout:noshow:{signup_id}")
    assert "1. Maria (#2): here (marked)" in await harness.say("Olivia", "/phonebank attendance 1")


async def signup_of(h: Harness, name: str, shift: int = 1) -> int:
    """The id of `name`'s active sign-up, which the attendance buttons carry."""
    async with h.storage.unit_of_work() as uow:
        [volunteer] = await uow.volunteers.find(1, name)
        found = await uow.shifts.by_number(1, shift)
        assert found is not None
        signup = await uow.signups.active(found.id, volunteer.id)
        assert signup is not None
        return signup.id
