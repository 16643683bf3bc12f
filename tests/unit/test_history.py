"""`/volunteer history`: your own record; organizers can ask for anyone's."""

from datetime import timedelta

from tests.conftest import Harness
from tests.unit.test_attendance import TO_START, joined


async def test_history_counts_attended_missed_calls_and_the_show_rate(harness: Harness) -> None:
    await joined(harness, "Maria", "Sam")
    await harness.say("Olivia", '/phonebank create "Later calls" 2026-12-05 18:00 2h 3')
    await harness.say("Maria", "/phonebank join 2")
    await harness.advance(TO_START + timedelta(hours=2, minutes=15))
    await harness.say("Maria", "/phonebank debrief 1 40 12")
    await harness.say("Olivia", "/phonebank mark 1 Sam no-show")
    assert await harness.say("Maria", "/volunteer history") == (
        "Your record: 2 shifts signed up, 1 attended, 0 no-shows, 0 couldn't make it; "
        "40 calls, 12 conversations; show rate 100%."
    )
    assert await harness.say("Olivia", "/volunteer history Sam") == (
        "Sam's record: 1 shift signed up, 0 attended, 1 no-show, 0 couldn't make it; "
        "0 calls, 0 conversations; show rate 0%."
    )


async def test_only_organizers_see_someone_elses_history(harness: Harness) -> None:
    await joined(harness, "Maria")
    refusal = await harness.say("Sam", "/volunteer history Maria")
    assert "Only organizers can see other volunteers' history" in refusal
    assert "show rate no finished shifts yet" in await harness.say("Sam", "/volunteer history")


FORGOTTEN = "{} asked to be forgotten, so Turnout keeps nothing about them any more."


async def test_the_number_of_someone_who_was_forgotten_gets_a_true_answer(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    await harness.say("Sam", "/volunteer tz America/Chicago")
    # Maria's sign-up still counts, anonymously; Sam leaves nothing to count.
    await harness.say("Maria", "/volunteer forget-me confirm")
    await harness.say("Sam", "/volunteer forget-me confirm")

    for number in ("#2", "#3"):
        answer = await harness.say("Olivia", f"/volunteer history {number}")
        assert answer == FORGOTTEN.format(number)
    # A number nobody has had yet is simply unknown; so is a name, even a forgotten one.
    assert "There's no volunteer #4; check the number" in await harness.say(
        "Olivia", "/volunteer history #4"
    )
    assert "I don't know a volunteer called “Maria”" in await harness.say(
        "Olivia", "/volunteer history Maria"
    )


async def test_a_forgotten_number_is_no_one_to_book_or_contact_either(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.say("Maria", "/volunteer forget-me confirm")
    for line in ("/phonebank add 1 #2", "/volunteer contacted #2", "/phonebank host 1 #2"):
        assert await harness.say("Olivia", line) == FORGOTTEN.format("#2"), line
