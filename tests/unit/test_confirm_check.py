"""The organizers' confirmation check before each shift, its Nudge them, and its setting."""

from datetime import timedelta

from tests.conftest import Harness
from tests.unit.test_attendance import TO_DAY_BEFORE

CREATE_TWO = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 2'
# The check is due 12 hours before the 18:00 EST start: 6:00 AM that day.
TO_CHECK = TO_DAY_BEFORE + timedelta(hours=12)


def checks(h: Harness) -> list[str]:
    return [t for t in h.messenger.texts("#organizers") if "Confirmation check" in t]


async def two_confirmed_one_waiting(h: Harness) -> None:
    assert "Created #1" in await h.say("Olivia", CREATE_TWO)
    for name in ("Maria", "Sam", "Ana"):
        await h.say(name, "/phonebank join 1")
    await h.advance(TO_DAY_BEFORE)
    await h.press("Maria", "turnout:confirm:1")
    h.messenger.clear()


async def test_the_check_names_who_has_not_said_ill_be_there_and_the_waitlist(
    harness: Harness,
) -> None:
    await two_confirmed_one_waiting(harness)
    await harness.advance(TO_CHECK - TO_DAY_BEFORE - timedelta(minutes=1))
    assert checks(harness) == []
    await harness.advance(timedelta(minutes=1))
    [check] = checks(harness)
    assert check == (
        "🔔 Confirmation check for #1 “Saturday calls”, Sat Nov 7, 6:00 PM EST (in 12 hours):\n"
        "Seats filled: 2 of 2; 1 said “I'll be there”.\n"
        "Not answered yet: Sam\n"
        "Waitlist: Ana\n"
        "No history yet to project a headcount from.\n"
        "[1] Nudge them"
    )


async def test_nudge_them_dms_only_those_who_have_not_answered_and_only_once(
    harness: Harness,
) -> None:
    await two_confirmed_one_waiting(harness)
    await harness.advance(TO_CHECK - TO_DAY_BEFORE)
    harness.messenger.clear()
    assert await harness.press("Olivia", "turnout:nudge:1") == ("Nudged 1 volunteer on #1: Sam.")
    [nudge] = harness.messenger.texts("sam")
    assert "Are you still coming to “Saturday calls” (#1)" in nudge
    assert "[1] I'll be there   [2] Can't make it" in nudge
    assert harness.messenger.texts("maria") == [] and harness.messenger.texts("ana") == []
    again = await harness.say("Olivia", "/phonebank nudge 1")
    assert "already nudged for #1" in again and "once per shift" in again
    assert len(harness.messenger.texts("sam")) == 1


async def test_a_volunteer_cannot_nudge_and_a_nudge_is_dropped_once_they_answer(
    harness: Harness,
) -> None:
    await two_confirmed_one_waiting(harness)
    assert "Only organizers and the host" in await harness.say("Sam", "/phonebank nudge 1")
    # Queued, then Sam says yes before it goes out: nothing is sent to him.
    await harness.reply("Olivia", "/phonebank nudge 1")
    await harness.reply("Sam", "/phonebank confirm 1")
    await harness.deliver()
    assert harness.messenger.texts("sam") == []


async def test_the_projection_uses_the_campaigns_show_rate_once_there_is_history(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Tuesday calls" 2026-11-03 18:00 2h 2')
    await harness.say("Olivia", CREATE_TWO.replace("2h 2", "2h 3"))
    for name in ("Maria", "Sam"):
        await harness.say(name, "/phonebank join 1")
        await harness.say(name, "/phonebank join 2")
    # Tuesday: Maria checks in, Sam never shows up.
    await harness.advance(timedelta(days=1, hours=9))
    await harness.say("Maria", "/phonebank checkin 1")
    await harness.advance(TO_CHECK - timedelta(days=1, hours=9))
    [check] = [c for c in checks(harness) if "#2" in c]
    assert "Seats filled: 2 of 3; 0 said “I'll be there”." in check
    assert "Not answered yet: Maria, Sam" in check
    assert "Projected headcount 1 (the campaign's show rate is 50%)." in check


async def test_the_setting_moves_turns_off_and_refuses_nonsense(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_TWO)
    await harness.say("Maria", "/phonebank join 1")
    for bad in ("lots", "0h", "30m", "100h", ""):
        said = await harness.say("Olivia", f"/turnout confirm-check {bad}".strip())
        assert "confirm-check" in said, bad
    assert "Only organizers" in await harness.say("Maria", "/turnout confirm-check 2h")
    moved = await harness.say("Olivia", "/turnout confirm-check 2h")
    assert moved == (
        "Organizers get each shift's confirmation check 2h before it starts "
        "(updated 1 upcoming shift)."
    )
    await harness.advance(TO_CHECK)
    assert checks(harness) == []
    await harness.advance(timedelta(hours=10))
    [check] = checks(harness)
    assert "(in 2 hours)" in check
    off = await harness.say("Olivia", "/turnout confirm-check off")
    assert off.startswith("The confirmation check is off")
    await harness.say("Olivia", '/phonebank create "Sunday calls" 2026-11-08 18:00 2h 2')
    await harness.advance(timedelta(days=1))
    assert len(checks(harness)) == 1


async def test_no_check_for_a_cancelled_shift(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_TWO)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Olivia", "/phonebank cancel 1")
    await harness.advance(TO_CHECK + timedelta(hours=1))
    assert checks(harness) == []
