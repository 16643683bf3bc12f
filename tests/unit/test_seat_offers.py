"""A seat that opens within 3 hours of the start is offered, not given: take it, pass, or let
30 minutes run out, and it moves on to the next in line."""

from datetime import timedelta

from bot.signups import offers
from tests.conftest import Harness
from tests.render import text_of
from tests.unit.test_attendance import TO_START

CREATE_ONE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 1 https://dialer.example/s'
# 2 hours before the 18:00 EST start: within the offer window.
TO_TWO_HOURS_BEFORE = TO_START - timedelta(hours=2)


async def one_seat_two_waiting(h: Harness) -> None:
    assert "Created #1" in await h.say("Olivia", CREATE_ONE)
    for name in ("Maria", "Sam", "Ana"):
        await h.say(name, "/phonebank join 1")
    await h.advance(TO_TWO_HOURS_BEFORE)
    h.messenger.clear()


async def test_a_seat_opening_near_the_start_is_offered_to_the_first_in_line(
    harness: Harness,
) -> None:
    await one_seat_two_waiting(harness)
    await harness.press("Maria", "turnout:leave:1")
    [offer] = harness.messenger.texts("sam")
    assert offer == (
        "🎟️ A seat opened on “Saturday calls” (#1) at 6:00 PM (Sat Nov 7, 6:00 PM EST). Take "
        "it within 30 minutes (by 4:30 PM); after that it goes to the next person in line. "
        "(Typed: `/phonebank join 1` takes it, `/phonebank leave 1` passes.)\n"
        "[1] Take the seat   [2] Pass"
    )
    assert harness.messenger.texts("ana") == []
    [alert] = [t for t in harness.messenger.texts("#organizers") if "Late cancellation" in t]
    assert alert.endswith("The seat is offered to Sam (#3), first on the waitlist, for 30 minutes.")
    # Sam is not confirmed until he says so: no reminder, no check-in queued for him yet.
    assert "1. Sam" not in await harness.say("Olivia", "/phonebank roster 1")
    taken = await harness.press("Sam", "turnout:take:1")
    assert taken.startswith("You're in! #1 “Saturday calls”")
    assert "https://dialer.example/s" in taken
    assert "1. Sam" in await harness.say("Olivia", "/phonebank roster 1")
    assert "already have a seat" in await harness.press("Sam", "turnout:take:1")


async def test_the_offered_seat_is_kept_for_the_offeree_not_given_to_a_newcomer(
    harness: Harness,
) -> None:
    await one_seat_two_waiting(harness)
    await harness.say("Maria", "/phonebank leave 1")
    joined = await harness.say("Lee", "/phonebank join 1")
    assert "waitlist" in joined
    assert "You're in!" in await harness.say("Sam", "/phonebank join 1")


async def test_pass_moves_the_offer_to_the_next_in_line(harness: Harness) -> None:
    await one_seat_two_waiting(harness)
    await harness.say("Maria", "/phonebank leave 1")
    passed = await harness.press("Sam", "turnout:pass:1")
    assert "goes to the next in line" in passed
    [offer] = harness.messenger.texts("ana")
    assert "A seat opened on “Saturday calls” (#1)" in offer
    assert "nothing to take" in await harness.press("Sam", "turnout:take:1")
    assert "You're in!" in await harness.say("Ana", "/phonebank join 1")


async def test_no_answer_in_30_minutes_moves_the_offer_on(harness: Harness) -> None:
    await one_seat_two_waiting(harness)
    await harness.say("Maria", "/phonebank leave 1")
    await harness.advance(timedelta(minutes=29))
    assert harness.messenger.texts("ana") == []
    await harness.advance(timedelta(minutes=1))
    lapsed = harness.messenger.texts("sam")[-1]
    assert "The 30 minutes to take the seat" in lapsed and "off its waitlist" in lapsed
    [offer] = harness.messenger.texts("ana")
    assert "by 5:00 PM" in offer
    assert "nothing to take" in await harness.press("Sam", "turnout:take:1")
    # Nobody answers this one either: the seat stays open, nobody is confirmed unasked.
    await harness.advance(timedelta(minutes=30))
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "Ana" not in roster and "Sam" not in roster


async def test_taking_after_the_30_minutes_is_refused_even_before_the_sweep(
    harness: Harness,
) -> None:
    await one_seat_two_waiting(harness)
    await harness.say("Maria", "/phonebank leave 1")
    harness.clock.advance(timedelta(minutes=31))
    assert "the offer for #1 ran out" in await harness.say("Sam", "/phonebank join 1")


async def test_earlier_than_three_hours_the_waitlist_moves_up_at_once(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_START - timedelta(hours=3, minutes=1))
    harness.messenger.clear()
    await harness.say("Maria", "/phonebank leave 1")
    [promoted] = harness.messenger.texts("sam")
    assert "you're now confirmed" in promoted


async def test_an_offer_for_a_shift_cancelled_meanwhile_is_not_sent(harness: Harness) -> None:
    await one_seat_two_waiting(harness)
    await harness.reply("Maria", "/phonebank leave 1")
    await harness.reply("Olivia", "/phonebank cancel 1")
    await harness.deliver()
    assert not any("A seat opened" in t for t in harness.messenger.texts("sam"))


async def test_someone_not_offered_anything_is_told_what_to_do(harness: Harness) -> None:
    await one_seat_two_waiting(harness)
    said = await harness.press("Ana", "turnout:take:1")
    assert "no seat on offer to you on #1" in said
    assert "no seat on offer" in await harness.press("Ana", "turnout:pass:1")


async def test_leave_typed_passes_on_the_offer(harness: Harness) -> None:
    await one_seat_two_waiting(harness)
    await harness.say("Maria", "/phonebank leave 1")
    assert "goes to the next in line" in await harness.say("Sam", "/phonebank leave 1")
    assert any("A seat opened" in t for t in harness.messenger.texts("ana"))


async def test_cutting_seats_withdraws_an_offer_before_bumping_anyone(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE.replace("2h 1", "2h 2"))
    for name in ("Maria", "Lee", "Sam", "Ana"):
        await harness.say(name, "/phonebank join 1")
    await harness.advance(TO_TWO_HOURS_BEFORE)
    await harness.say("Maria", "/phonebank leave 1")
    assert any("A seat opened" in t for t in harness.messenger.texts("sam"))
    saved = await harness.say("Olivia", "/phonebank edit 1 seats 1")
    assert saved.startswith("Saved #1")
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "1 of 1 seats filled, 2 waiting" in roster and "1. Sam\nwaitlist #1" in roster
    assert "back on the waitlist, #1 in line" in harness.messenger.texts("sam")[-1]
    assert "no seat on offer" in await harness.press("Sam", "turnout:take:1")
    # More seats again: the seat is offered afresh, to Sam first.
    await harness.say("Olivia", "/phonebank edit 1 seats 2")
    assert "You're in!" in await harness.press("Sam", "turnout:take:1")


async def test_an_offer_that_runs_out_with_nobody_next_says_the_seat_is_still_open(
    harness: Harness,
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_TWO_HOURS_BEFORE)
    await harness.say("Maria", "/phonebank leave 1")
    harness.messenger.clear()

    await harness.advance(timedelta(minutes=30))

    [lapsed] = harness.messenger.texts("sam")
    assert "next person in line" not in lapsed
    assert "the seat is still open" in lapsed and "`/phonebank join 1`" in lapsed
    assert "[1] Join" in lapsed
    assert "You're in!" in await harness.press("Sam", "turnout:join:1")


async def test_an_offer_that_runs_out_says_the_seat_was_offered_to_the_next_in_line(
    harness: Harness,
) -> None:
    await one_seat_two_waiting(harness)
    await harness.say("Maria", "/phonebank leave 1")
    await harness.advance(timedelta(minutes=30))
    lapsed = harness.messenger.texts("sam")[-1]
    assert (
        "ran out, so the seat was offered to the next person in line and you're off its "
        "waitlist." in lapsed
    )
    assert "still open" not in lapsed and "Join" not in lapsed


async def test_an_offer_that_runs_out_says_what_became_of_the_seat_when_it_is_sent(
    harness: Harness,
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_TWO_HOURS_BEFORE)
    await harness.say("Maria", "/phonebank leave 1")
    harness.messenger.clear()
    harness.clock.advance(timedelta(minutes=30))
    assert await offers.let_offers_lapse(harness.storage, harness.clock.now()) == 1
    # Before the news reaches Sam, Lee takes the seat that opened.
    assert "You're in!" in text_of(await harness.reply("Lee", "/phonebank join 1"))

    await harness.deliver()

    [lapsed] = harness.messenger.texts("sam")
    assert "ran out and someone else took the seat, so you're off its waitlist." in lapsed
    assert "still open" not in lapsed and "next person in line" not in lapsed


async def test_an_offer_that_runs_out_after_the_start_says_so_in_one_sentence(
    harness: Harness,
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_START - timedelta(minutes=15))
    await harness.say("Maria", "/phonebank leave 1")
    harness.messenger.clear()

    await harness.advance(timedelta(minutes=30))

    [lapsed] = [t for t in harness.messenger.texts("sam") if "ran out" in t]
    assert lapsed.startswith(
        "The 30 minutes to take the seat on “Saturday calls” (#1) ran out and the shift has "
        "started, so you're off its waitlist. No worries"
    )


async def test_with_nobody_else_waiting_an_offer_promises_no_next_in_line_and_can_be_taken_late(
    harness: Harness,
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_TWO_HOURS_BEFORE)
    await harness.say("Maria", "/phonebank leave 1")
    offer = harness.messenger.texts("sam")[-1]
    assert "next person in line" not in offer
    assert "after that the seat is open to anyone" in offer
    harness.clock.advance(timedelta(minutes=31))
    # Run out, but nobody else wants it: taking it before the sweep lets it go still works.
    assert "You're in!" in await harness.say("Sam", "/phonebank join 1")
    await harness.advance(timedelta(minutes=1))
    assert "1. Sam" in await harness.say("Olivia", "/phonebank roster 1")
    assert not any("ran out" in t for t in harness.messenger.texts("sam"))


async def test_passing_with_nobody_else_waiting_says_the_seat_is_open(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE_ONE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.advance(TO_TWO_HOURS_BEFORE)
    await harness.say("Maria", "/phonebank leave 1")
    passed = await harness.press("Sam", "turnout:pass:1")
    assert "next in line" not in passed
    assert "the seat on #1 is open again" in passed


async def test_more_seats_near_the_start_say_they_were_offered_not_that_people_moved_up(
    harness: Harness,
) -> None:
    await one_seat_two_waiting(harness)

    reply = await harness.say("Olivia", "/phonebank edit 1 seats 2")

    assert reply == (
        "Saved #1 “Saturday calls”: 2 seats; 1 person on the waitlist offered a seat and told."
    )
    assert "A seat opened on “Saturday calls”" in harness.messenger.texts("sam")[-1]


async def test_taking_someone_off_near_the_start_says_the_seat_was_offered(
    harness: Harness,
) -> None:
    await one_seat_two_waiting(harness)

    reply = await harness.say("Olivia", "/phonebank remove 1 Maria")

    assert reply == (
        "Took Maria off #1; they'll be told; the seat is offered to the next on the waitlist, "
        "who was told."
    )
