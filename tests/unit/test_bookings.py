"""Organizers booking people: add, remove, move; each recorded, each told once."""

import re
from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain.campaign import Identity
from bot.domain.notice import NoticeKind
from bot.ports.replies import Message
from bot.volunteers.forms import ONBOARDING
from tests.conftest import Harness
from tests.queued import pending_notices
from tests.render import text_of

CREATE = '/phonebank create "{title}" 2026-11-{day} 18:00 2h {seats} https://dialer.example/x'


async def shifts(h: Harness, *seats: int) -> None:
    for n, count in enumerate(seats, 1):
        line = CREATE.format(title=f"Calls {n}", day=6 + n, seats=count)
        assert f"Created #{n}" in await h.say("Olivia", line)


async def known(h: Harness, *names: str) -> None:
    """People Turnout has met (they joined the team), so organizers can name them."""
    for name in names:
        await h.arrive(name)
    h.messenger.clear()


async def reminders_of(h: Harness, name: str) -> int:
    async with h.storage.unit_of_work() as uow:
        [person] = await uow.volunteers.find(1, name)
        pending = await pending_notices(uow, volunteer_id=person.id)
    return sum(1 for n in pending if n.kind is NoticeKind.SHIFT_REMINDER)


async def test_an_organizer_books_a_volunteer_who_is_told_reminded_and_shown_on_the_roster(
    harness: Harness,
) -> None:
    await shifts(harness, 2)
    await known(harness, "Maria")

    reply = await harness.say("Olivia", "/phonebank add 1 maria")

    assert "Booked Maria on #1 “Calls 1” (1 seat left)" in reply
    [told] = harness.messenger.texts("maria")
    assert "Olivia booked you on “Calls 1” (#1), Sat Nov 7, 6:00 PM EST" in told
    assert "[1] Can't make it" in told
    assert await reminders_of(harness, "Maria") == 2
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "1. Maria" in roster and "Maria added by Olivia, Mon Nov 2, 9:00 AM EST" in roster


async def test_a_full_shift_waitlists_a_booking_unless_over_adds_a_seat(harness: Harness) -> None:
    await shifts(harness, 1)
    await known(harness, "Maria", "Sam", "Ana")
    await harness.say("Maria", "/phonebank join 1")

    assert "is #1 on its waitlist" in await harness.say("Olivia", "/phonebank add 1 Sam")
    assert "on the waitlist for “Calls 1”" in harness.messenger.texts("sam")[-1]
    assert "Booked Ana" in await harness.say("Olivia", "/phonebank add 1 Ana over")

    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "2 of 2 seats filled, 1 waiting" in roster


async def test_the_over_a_waitlisted_booking_suggests_gives_them_a_seat_when_typed(
    harness: Harness,
) -> None:
    await shifts(harness, 1)
    await known(harness, "Maria", "Sam", "Lee")
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Lee", "/phonebank join 1")
    waitlisted = await harness.say("Olivia", "/phonebank add 1 Sam")
    [suggested] = re.findall(r"type `(/phonebank add [^`]+)`", waitlisted)
    harness.messenger.clear()

    reply = await harness.say("Olivia", suggested)

    assert "Booked Sam on #1 “Calls 1” (0 seats left)" in reply
    [told] = harness.messenger.texts("sam")
    assert "Olivia booked you on “Calls 1” (#1)" in told
    assert await reminders_of(harness, "Sam") == 2
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "2 of 2 seats filled, 1 waiting" in roster and "1. Lee" in roster
    assert harness.messenger.texts("lee") == []


async def test_removing_frees_the_seat_for_the_waitlist_and_tells_the_volunteer_kindly(
    harness: Harness,
) -> None:
    await shifts(harness, 1)
    await known(harness, "Maria", "Sam")
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    harness.messenger.clear()

    reply = await harness.say("Olivia", "/phonebank remove 1 Maria")

    assert "Took Maria off #1" in reply and "moved up" in reply
    [maria] = harness.messenger.texts("maria")
    assert "took you off “Calls 1”" in maria and "Thanks for being ready to help" in maria
    assert any("Good news" in t for t in harness.messenger.texts("sam"))
    assert await reminders_of(harness, "Maria") == 0
    assert "Maria removed by Olivia" in await harness.say("Olivia", "/phonebank roster 1")


async def test_moving_is_one_step_and_one_message(harness: Harness) -> None:
    await shifts(harness, 1, 2)
    await known(harness, "Maria", "Sam")
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    harness.messenger.clear()

    reply = await harness.say("Olivia", "/phonebank move Maria 1 2")

    assert "Moved Maria from #1 to #2 “Calls 2”" in reply
    [maria] = harness.messenger.texts("maria")
    assert "moved you from “Calls 1” (#1, Sat Nov 7, 6:00 PM EST) to “Calls 2” (#2)" in maria
    assert await reminders_of(harness, "Maria") == 2
    assert "1. Sam" in await harness.say("Olivia", "/phonebank roster 1")
    second = await harness.say("Olivia", "/phonebank roster 2")
    assert "1. Maria" in second and "Maria moved here by Olivia" in second


async def test_a_move_says_when_the_seat_it_frees_went_to_the_waitlist_as_remove_does(
    harness: Harness,
) -> None:
    await shifts(harness, 1, 2, 2)
    await known(harness, "Maria", "Sam")
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")

    moved_up = await harness.say("Olivia", "/phonebank move Maria 1 2")
    nobody_waiting = await harness.say("Olivia", "/phonebank move Maria 2 3")

    assert moved_up.endswith(
        "they'll get one message; the next on the waitlist of #1 moved up and was told."
    )
    assert nobody_waiting.endswith("they'll get one message.")


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/phonebank add 1 Nobody", "I don't know a volunteer called “Nobody”"),
        ("/phonebank add 1 #99", "There's no volunteer #99; check the number, or use"),
        ("/phonebank add 1 Sam", "Which one? Several volunteers are called “Sam” (#3, #4)"),
        ("/phonebank add 1 Maria", "Maria is already on #1"),
        ("/phonebank add 9 Maria", "There's no shift #9"),
        ("/phonebank remove 2 Maria", "Maria isn't on #2"),
        ("/phonebank move Maria 1 3", "#3 is full; add them to its waitlist"),
        ("/phonebank move Maria 2 3", "Maria isn't on #2"),
        ("/phonebank move Maria 1 1", "Those are the same shift"),
        ("/phonebank move Maria 1", "I need who, the shift they're on and the shift"),
    ],
)
async def test_bad_bookings_get_one_sentence_and_change_nothing(
    harness: Harness, line: str, says: str
) -> None:
    await shifts(harness, 2, 2, 1)
    await known(harness, "Maria", "Sam")
    # A second Sam, on another account: names alone can't tell them apart.
    other_sam = replace(harness.actor("Sam"), identity=Identity("test", "T-test", "sam2"))
    await harness.bot.turnout.welcome(other_sam)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Ana", "/phonebank join 3")
    harness.messenger.clear()
    before = [await harness.say("Olivia", f"/phonebank roster {n}") for n in (1, 2, 3)]

    assert says in await harness.say("Olivia", line)

    assert [await harness.say("Olivia", f"/phonebank roster {n}") for n in (1, 2, 3)] == before
    assert harness.messenger.sent == []


async def test_only_organizers_book_and_a_started_shift_cannot_be_moved_into(
    harness: Harness,
) -> None:
    await shifts(harness, 2, 2)
    await known(harness, "Maria")
    assert "Only organizers can book" in await harness.say("Maria", "/phonebank add 1 Maria")
    await harness.say("Maria", "/phonebank join 2")
    harness.clock.advance(timedelta(days=5, hours=10))  # #1 started, #2 hasn't
    await harness.deliver()  # reminders now due
    harness.messenger.clear()
    before = [await harness.say("Olivia", f"/phonebank roster {n}") for n in (1, 2)]

    assert "already started" in await harness.say("Olivia", "/phonebank move Maria 2 1")

    assert [await harness.say("Olivia", f"/phonebank roster {n}") for n in (1, 2)] == before
    assert "1. Maria" in before[1]
    assert harness.messenger.sent == []


async def test_forget_me_erases_the_booking_records_naming_the_volunteer(harness: Harness) -> None:
    await shifts(harness, 2)
    await known(harness, "Maria")
    await harness.say("Olivia", "/phonebank add 1 Maria")

    await harness.press("Maria", "turnout:forget")

    async with harness.storage.unit_of_work() as uow:
        assert await uow.bookings.for_shift(1) == []


async def free_on_weekends(h: Harness, *names: str) -> None:
    for name in names:
        await h.submit(
            name, ONBOARDING, interests=("phone_banking",), availability="weekends", location="1"
        )
    h.messenger.clear()


async def test_booking_outside_their_stated_availability_asks_the_organizer_first(
    harness: Harness,
) -> None:
    await shifts(harness, 2, 2, 2)  # Sat, Sun and Mon Nov 9, 6 PM
    await free_on_weekends(harness, "Maria")
    before = await harness.say("Olivia", "/phonebank roster 3")

    asked = await harness.say("Olivia", "/phonebank add 3 Maria")

    assert asked == (
        "Maria (#2) told us when they're free (weekends), and #3 “Calls 3” is on Mon Nov 9, "
        "6:00 PM EST. Nothing is booked yet: press Book anyway, or type "
        "`/phonebank add 3 #2 confirm`.\n[1] Book anyway   [2] Cancel"
    )
    assert await harness.say("Olivia", "/phonebank roster 3") == before
    assert harness.messenger.sent == []
    assert "nothing was booked" in await harness.press("Olivia", "turnout:dontbook")
    assert await harness.say("Olivia", "/phonebank roster 3") == before

    booked = await harness.press("Olivia", "turnout:book:3:2")

    assert booked.startswith("Booked Maria on #3 “Calls 3”")
    assert "1. Maria" in await harness.say("Olivia", "/phonebank roster 3")
    [told] = harness.messenger.texts("maria")
    assert "Olivia booked you on “Calls 3” (#3)" in told
    # Within their weekends, no question is asked.
    assert "Booked Maria on #1" in await harness.say("Olivia", "/phonebank add 1 Maria")


async def test_confirm_typed_books_outside_availability_at_once_and_over_keeps_its_seat(
    harness: Harness,
) -> None:
    await shifts(harness, 2, 2, 2)
    await free_on_weekends(harness, "Maria", "Sam")
    await known(harness, "Ana")
    await harness.say("Ana", "/phonebank join 3")

    assert "Booked Maria on #3" in await harness.say("Olivia", "/phonebank add 3 Maria confirm")
    asked = await harness.reply("Olivia", "/phonebank add 3 Sam over")
    assert "type `/phonebank add 3 #3 over confirm`" in text_of(asked)
    assert isinstance(asked, Message) and asked.buttons[0].action == "turnout:bookover:3:3"
    assert "Booked Sam" in await harness.press("Olivia", asked.buttons[0].action)
    assert "3 of 3 seats filled" in await harness.say("Olivia", "/phonebank roster 3")
    # Both words, in either order.
    assert "Booked Ana on #2" in await harness.say("Olivia", "/phonebank add 2 Ana confirm over")


async def test_the_roster_lists_what_organizers_changed_indented_under_one_heading(
    harness: Harness,
) -> None:
    await shifts(harness, 2)
    await known(harness, "Maria", "Sam")
    await harness.say("Olivia", "/phonebank add 1 Maria")
    await harness.say("Olivia", "/phonebank add 1 Sam")
    await harness.say("Olivia", "/phonebank remove 1 Maria")

    roster = await harness.say("Olivia", "/phonebank roster 1")

    # A removal is no booking: the heading names what all of them are.
    assert "Booked by organizers" not in roster
    history = roster[roster.index("Changed by organizers:") :].splitlines()
    assert history[1].startswith("  Maria added by Olivia, ")
    assert history[2].startswith("  Sam added by Olivia, ")
    assert history[3].startswith("  Maria removed by Olivia, ")
