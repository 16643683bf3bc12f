"""Positions inside a shift: their own seats and waitlists, the position buttons, and the
organizer's refusals that change nothing."""

from datetime import timedelta

import pytest

from bot.domain.errors import UserError
from bot.domain.positions import find_position, parse_positions
from bot.ports.replies import Message
from tests.conftest import Harness

CREATE = '/phonebank create "Saturday doors" 2026-11-07 10:00 3h {seats}'


async def positioned(h: Harness, line: str = "lead:1 driver:2 canvasser:3") -> str:
    assert "Created #1" in await h.say("Olivia", CREATE.format(seats=4))
    return await h.say("Olivia", f"/phonebank positions 1 {line}")


def test_positions_are_read_as_name_and_seats() -> None:
    assert parse_positions(["lead:1", "Driver:2"]) == [("lead", 1), ("driver", 2)]


@pytest.mark.parametrize(
    ("words", "says"),
    [
        (["lead:0"], "give each position 1 or more, like `lead:1`"),
        (["lead"], "Write each position as name:seats"),
        (["lead=1"], "Write each position as name:seats"),
        (["2nd:1"], "one word starting with a letter"),
        (["lead:1", "lead:2"], "lead is named twice"),
        (["lead:300", "driver:300"], "add up to 600 seats; a shift has at most 500"),
        ([], "Write each position as name:seats"),
    ],
)
def test_bad_positions_are_refused_with_what_to_type(words: list[str], says: str) -> None:
    with pytest.raises(UserError) as refused:
        parse_positions(words)
    assert says in refused.value.message


def test_a_position_is_found_by_name_or_by_its_number_in_the_list() -> None:
    from bot.domain.positions import Position

    listed = [Position(1, 1, "lead", 1), Position(2, 1, "driver", 2)]
    assert find_position(listed, "Driver") == listed[1]
    assert find_position(listed, "1") == listed[0]
    assert find_position(listed, "3") is None and find_position(listed, "cook") is None


async def test_positions_split_the_seats_and_the_shift_has_their_sum(harness: Harness) -> None:
    reply = await positioned(harness)
    assert (
        "#1 “Saturday doors” now has lead (1 seat), driver (2 seats) and canvasser (3 seats): "
        "6 seats in all." in reply
    )
    assert "6 of 6 seats left" in await harness.say("Maria", "/phonebank list")


async def test_a_join_without_a_position_answers_with_one_button_per_position(
    harness: Harness,
) -> None:
    await positioned(harness)
    reply = await harness.reply("Maria", "/phonebank join 1")
    assert isinstance(reply, Message)
    assert [b.label for b in reply.buttons] == [
        "lead (1 seat left)",
        "driver (2 seats left)",
        "canvasser (3 seats left)",
    ]
    assert [b.action for b in reply.buttons] == [
        "turnout:joinas:1:1",
        "turnout:joinas:1:2",
        "turnout:joinas:1:3",
    ]
    # Nothing was taken by asking.
    assert "6 of 6 seats left" in await harness.say("Maria", "/phonebank list")


async def test_drivers_fill_up_while_canvasser_seats_stay_open(harness: Harness) -> None:
    await positioned(harness)
    assert "You're there as driver." in await harness.press("Ana", "turnout:joinas:1:2")
    assert "You're there as driver." in await harness.say("Sam", "/phonebank join 1 driver")
    waiting = await harness.say("Lee", "/phonebank join 1 driver")
    assert "has no driver seat free, so you're #1 in line for one" in waiting
    assert "You're there as canvasser." in await harness.say("Kim", "/phonebank join 1 canvasser")
    buttons = await harness.reply("Jo", "/phonebank join 1")
    assert isinstance(buttons, Message)
    assert [b.label for b in buttons.buttons][1:] == [
        "driver (full: waitlist)",
        "canvasser (2 seats left)",
    ]
    # A driver leaves: the driver in line moves up, not anyone else.
    await harness.say("Ana", "/phonebank leave 1")
    assert any("seat opened up" in t for t in harness.messenger.texts("lee"))
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "driver" in roster and "Lee" in roster


async def test_a_position_the_shift_does_not_have_is_refused(harness: Harness) -> None:
    await positioned(harness)
    reply = await harness.say("Maria", "/phonebank join 1 cook")
    assert "#1 has no position “cook”; pick one of `lead`, `driver` and `canvasser`" in reply


async def test_positions_that_would_drop_confirmed_people_are_refused(harness: Harness) -> None:
    await positioned(harness)
    await harness.say("Ana", "/phonebank join 1 driver")
    await harness.say("Sam", "/phonebank join 1 driver")
    gone = await harness.say("Olivia", "/phonebank positions 1 lead:1 canvasser:3")
    assert "2 people are on #1 as driver; keep driver in the list" in gone
    fewer = await harness.say("Olivia", "/phonebank positions 1 lead:1 driver:1 canvasser:3")
    assert "driver has 2 people confirmed on #1; give it at least 2 seats" in fewer
    # Nothing changed.
    assert "4 of 6 seats left" in await harness.say("Maria", "/phonebank list")


async def test_more_seats_in_a_position_move_its_own_waitlist_up(harness: Harness) -> None:
    await positioned(harness, "lead:1 driver:1")
    await harness.say("Ana", "/phonebank join 1 driver")
    await harness.say("Sam", "/phonebank join 1 driver")
    await harness.say("Olivia", "/phonebank positions 1 lead:1 driver:2")
    assert any("seat opened up" in t for t in harness.messenger.texts("sam"))


async def test_a_shift_with_people_on_it_cannot_be_split_into_positions(harness: Harness) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE.format(seats=4))
    await harness.say("Ana", "/phonebank join 1")
    reply = await harness.say("Olivia", "/phonebank positions 1 lead:1 driver:2")
    assert "#1 already has 1 person signed up without a position" in reply


async def test_the_seats_of_a_shift_with_positions_are_edited_through_its_positions(
    harness: Harness,
) -> None:
    await positioned(harness)
    reply = await harness.say("Olivia", "/phonebank edit 1 seats 10")
    assert "#1's seats are its positions'; change them with `/phonebank positions <shift>" in reply


async def test_an_organizer_books_someone_in_a_position(harness: Harness) -> None:
    await positioned(harness)
    await harness.arrive("Maria")
    asked = await harness.say("Olivia", "/phonebank add 1 Maria")
    assert "#1 has positions; say which, like `/phonebank add 1 #" in asked
    booked = await harness.say("Olivia", "/phonebank add 1 Maria as driver")
    assert "Booked Maria on #1 “Saturday doors” as driver" in booked


# Qualifications and trainings

TRAINING = '/phonebank create "Lead training" 2026-11-05 18:00 1h 10'


async def lead_needs_training(h: Harness) -> None:
    """Shift #1 a training that grants "canvass lead"; #2 a canvass whose lead needs it."""
    assert "Created #1" in await h.say("Olivia", TRAINING)
    granted = await h.say("Olivia", '/phonebank grants 1 "Canvass lead"')
    assert "Everyone who attends #1 “Lead training” will be qualified as “canvass lead”." in granted
    assert "Created #2" in await h.say("Olivia", CREATE.format(seats=4))
    await h.say("Olivia", "/phonebank positions 2 lead:1 canvasser:3")
    required = await h.say("Olivia", '/phonebank require 2 lead "canvass lead"')
    assert "Seats as lead on #2 now need “canvass lead”" in required


async def test_a_qualification_nobody_can_earn_is_refused_and_nothing_changes(
    harness: Harness,
) -> None:
    assert "Created #1" in await harness.say("Olivia", CREATE.format(seats=4))
    await harness.say("Olivia", "/phonebank positions 1 lead:1 canvasser:3")
    reply = await harness.say("Olivia", '/phonebank require 1 lead "canvass lead"')
    assert "Nobody can earn “canvass lead” yet; make a shift its training first" in reply
    assert "You're there as lead." in await harness.say("Maria", "/phonebank join 1 lead")


async def test_the_untrained_are_pointed_to_the_next_training_with_a_join_button(
    harness: Harness,
) -> None:
    await lead_needs_training(harness)
    reply = await harness.reply("Maria", "/phonebank join 2 lead")
    assert isinstance(reply, Message)
    assert "Seats as lead on #2 need the “canvass lead” qualification." in reply.text
    assert "The next training for it is #1 “Lead training”" in reply.text
    assert [b.action for b in reply.buttons] == ["turnout:join:1"]
    # Nothing was taken; a canvasser seat needs nothing.
    assert "You're there as canvasser." in await harness.say("Maria", "/phonebank join 2 2")


async def test_attending_the_training_grants_the_qualification(harness: Harness) -> None:
    await lead_needs_training(harness)
    await harness.say("Maria", "/phonebank join 1")
    await harness.advance(timedelta(days=3, hours=9, minutes=10))
    await harness.say("Olivia", "/phonebank mark 1 Maria here")
    assert "Qualifications: canvass lead." in await harness.say("Maria", "/volunteer history")
    assert "You're there as lead." in await harness.say("Maria", "/phonebank join 2 lead")


async def test_organizers_qualify_and_unqualify_by_hand(harness: Harness) -> None:
    await lead_needs_training(harness)
    await harness.arrive("Maria")
    qualified = await harness.say("Olivia", '/volunteer qualify Maria "canvass lead"')
    assert "Maria (#" in qualified and "is now qualified as “canvass lead”." in qualified
    history = await harness.say("Olivia", "/volunteer history Maria")
    assert "Qualifications: canvass lead." in history
    await harness.say("Olivia", '/volunteer unqualify Maria "canvass lead"')
    assert "Qualifications" not in await harness.say("Maria", "/volunteer history")
    refused = await harness.say("Maria", '/volunteer qualify Maria "canvass lead"')
    assert "Only organizers can qualify volunteers." in refused


async def test_an_organizer_booking_someone_unqualified_is_asked_to_confirm(
    harness: Harness,
) -> None:
    await lead_needs_training(harness)
    await harness.arrive("Maria")
    asked = await harness.reply("Olivia", "/phonebank add 2 Maria as lead")
    assert isinstance(asked, Message)
    assert "doesn't have “canvass lead”, which seats as lead on #2 need" in asked.text
    assert "Nothing is booked yet" in asked.text
    assert "4 of 4 seats left" in await harness.say("Olivia", "/phonebank list")
    booked = await harness.press("Olivia", asked.buttons[0].action)
    assert "Booked Maria on #2 “Saturday doors” as lead" in booked
    roster = await harness.say("Olivia", "/phonebank roster 2")
    assert "confirmed, as lead" in roster


async def test_forget_me_erases_qualifications(harness: Harness) -> None:
    await lead_needs_training(harness)
    await harness.arrive("Maria")
    await harness.say("Olivia", '/volunteer qualify Maria "canvass lead"')
    await harness.say("Maria", "/phonebank join 2 lead")
    await harness.say("Maria", "/volunteer forget-me confirm")
    async with harness.storage.unit_of_work() as uow:
        from storage.tables import qualifications

        left = (await uow.connection.execute(qualifications.select())).all()
    assert left == []
    # Her lead seat went back: someone else may take it now.
