"""Leaving within 24 hours of the start tells the organizers at once, with what the seat became."""

from datetime import timedelta

from tests.conftest import Harness
from tests.unit.test_attendance import TO_DAY_BEFORE, joined

CREATE_ONE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 1'


def alerts(h: Harness) -> list[str]:
    return [t for t in h.messenger.texts("#organizers") if "Late cancellation" in t]


async def test_leaving_the_day_before_tells_organizers_who_got_the_seat(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_DAY_BEFORE + timedelta(hours=19))
    await harness.press("Maria", "turnout:leave:1")
    [alert] = alerts(harness)
    assert alert == (
        "⚠️ Late cancellation: Maria (#2) left #1 “Saturday calls”, which starts "
        "Sat Nov 7, 6:00 PM EST (in 5 hours). The seat went to Sam (#3) from the waitlist."
    )


async def test_a_late_leave_with_nobody_waiting_says_the_seat_is_open(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DAY_BEFORE + timedelta(hours=1))
    await harness.say("Maria", "/phonebank leave 1")
    [alert] = alerts(harness)
    assert alert.endswith("(in 23 hours). The seat is now open.")


async def test_leaving_early_or_from_the_waitlist_tells_nobody(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.say("Maria", "/phonebank leave 1")
    await harness.advance(TO_DAY_BEFORE + timedelta(hours=12))
    await harness.say("Ana", "/phonebank join 1")
    await harness.say("Ana", "/phonebank leave 1")
    assert alerts(harness) == []


async def test_forget_me_the_day_before_tells_organizers_what_the_seat_became(
    harness: Harness,
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_DAY_BEFORE + timedelta(hours=10))
    await harness.press("Maria", "turnout:forget")
    [alert] = alerts(harness)
    # Erased, so never named; what the seat became is what organizers need.
    assert alert == (
        "⚠️ Late cancellation: A former volunteer left #1 “Saturday calls”, which starts "
        "Sat Nov 7, 6:00 PM EST (in 14 hours). The seat went to Sam (#3) from the waitlist."
    )
    assert "Maria" not in alert


async def test_forget_me_well_ahead_is_not_a_late_cancellation(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.press("Maria", "turnout:forget")
    assert alerts(harness) == []
