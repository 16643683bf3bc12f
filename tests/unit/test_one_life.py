"""One life per person and shift: leaving and joining again never doubles a timed message, and
every follow-up says what is true when it is sent."""

from datetime import timedelta

from tests.conftest import Harness
from tests.unit.test_attendance import TO_DAY_BEFORE, TO_START, joined


def saying(h: Harness, who: str, words: str) -> list[str]:
    return [t for t in h.messenger.texts(who) if words in t]


async def live_through(h: Harness, span: timedelta) -> None:
    """Let `span` pass a quarter of an hour at a time, so each message goes out at its moment."""
    end = h.clock.now() + span
    while h.clock.now() < end:
        await h.advance(min(timedelta(minutes=15), end - h.clock.now()))


async def test_joining_three_times_brings_one_of_each_timed_message(harness: Harness) -> None:
    await joined(harness, "Maria")
    for _ in range(2):
        assert "You've left #1" in await harness.say("Maria", "/phonebank leave 1")
        assert "You're in!" in await harness.say("Maria", "/phonebank join 1")
    await live_through(harness, TO_START + timedelta(days=3))
    assert len(saying(harness, "maria", "Reminder:")) == 2  # the day before and the hour before
    assert len(saying(harness, "maria", "It's starting now")) == 1
    assert len(saying(harness, "maria", "How did it go?")) == 1
    assert len(saying(harness, "maria", "We missed you")) == 1


async def test_cant_make_it_then_back_and_calling_brings_no_sorry(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DAY_BEFORE + timedelta(hours=23))
    # The hour-before reminder's "Can't make it": a late cancellation...
    left = await harness.press("Maria", "turnout:leave:1")
    assert "You've left #1" in left
    # ...and then she could come after all.
    assert "You're in!" in await harness.say("Maria", "/phonebank join 1")
    await harness.advance(timedelta(hours=1, minutes=5))
    assert "checked in" in await harness.press("Maria", "turnout:checkin:1")
    await harness.advance(timedelta(hours=2))
    assert "31 calls" in await harness.say("Maria", "/phonebank debrief 1 31 9")
    await live_through(harness, timedelta(days=2))
    assert saying(harness, "maria", "Sorry you couldn't make it") == []
    assert saying(harness, "maria", "missed you") == []
    history = await harness.say("Maria", "/volunteer history")
    assert "1 attended" in history and "31 calls" in history


async def test_leaving_half_an_hour_before_is_not_called_in_time(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_START - timedelta(minutes=28))
    left = await harness.say("Maria", "/phonebank leave 1")
    assert "in time" not in left
    assert "organizers" in left
    assert [t for t in harness.messenger.texts("#organizers") if "Late cancellation" in t]


async def test_leaving_days_ahead_is_thanked_for_the_notice(harness: Harness) -> None:
    await joined(harness, "Maria")
    left = await harness.say("Maria", "/phonebank leave 1")
    assert left == "You've left #1 “Saturday calls”. Thanks for letting us know in time."


async def test_every_view_agrees_on_a_silent_miss(harness: Harness) -> None:
    """Nobody heard from Sam, twice: the follow-up, the organizers' alert, the report, his
    history and the stats all call it a no-show."""
    await joined(harness, "Maria", "Sam")
    await harness.say("Olivia", '/phonebank create "Sunday calls" 2026-11-08 18:00 2h 3')
    await harness.say("Sam", "/phonebank join 2")
    await harness.advance(TO_START + timedelta(hours=1))
    await harness.press("Maria", "turnout:checkin:1")
    await live_through(harness, timedelta(days=4))
    assert len(saying(harness, "sam", "We missed you")) == 2
    [alert] = saying(harness, "#organizers", "missed two shifts in a row")
    assert "Sam" in alert
    report = await harness.say("Olivia", "/phonebank report 1")
    assert "attended 1 of 2" in report
    assert "No-shows: Sam" in report
    history = await harness.say("Olivia", "/volunteer history Sam")
    assert "0 attended, 2 no-shows" in history
    stats = await harness.say("Olivia", "/turnout stats 7d")
    assert "attended: 1 (+1); no-shows: 2 (+2)" in stats
