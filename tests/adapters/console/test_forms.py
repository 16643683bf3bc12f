"""Forms in the console: one question at a time, never what the button knew, a bad answer
asked again on its own, and the words a question offers meaning what they say."""

from tests.adapters.console.conftest import SATURDAY_CALLS, Console

# From Monday 9:00 AM to a quarter past the end of Saturday's 6 PM to 8 PM shift.
AFTER_THE_SHIFT = ":advance 5d11h15m"


async def made_it(console: Console) -> str:
    """Maria was on Saturday's shift and pressed "I made it" in the DM that asked."""
    await console.type(SATURDAY_CALLS, ":as Maria", "/phonebank join 1", AFTER_THE_SHIFT)
    assert "[1] I made it" in console.out.getvalue()
    return await console.type("1")


async def test_i_made_it_asks_the_counts_not_the_shift_number(console: Console) -> None:
    opened = await made_it(console)

    assert "Shift number" not in opened
    assert opened.rstrip().endswith("Calls made (a number from 0 to 1000; = for 0)"), opened
    thanks = await console.type("40", "12", "Good list")
    assert "I've noted 40 calls and 12 conversations for #1" in thanks


async def test_a_bad_number_is_asked_again_alone(console: Console) -> None:
    await made_it(console)

    again = await console.type("lots")

    assert "Type a number from 0 to 1000" in again
    assert again.rstrip().endswith("Calls made (a number from 0 to 1000; = for 0)")
    thanks = await console.type("40", "12", "-")
    assert "I've noted 40 calls and 12 conversations" in thanks


async def test_an_answer_the_core_refuses_is_asked_again_alone(console: Console) -> None:
    await made_it(console)

    refused = await console.type("40", "12", "@everyone great list")

    assert "can't mention @everyone" in refused
    assert refused.rstrip().endswith("Anything organizers should know? (- to skip)"), refused
    thanks = await console.type("great list")
    assert "I've noted 40 calls and 12 conversations" in thanks
    await console.type(":as Olivia")
    assert "Maria: great list" in await console.type("/phonebank report 1")


async def test_a_skipped_note_is_no_note(console: Console) -> None:
    await made_it(console)

    await console.type("40", "12", "-", ":as Olivia")

    report = await console.type("/phonebank report 1")
    assert "Calls: 40 · conversations: 12" in report
    assert "Notes:" not in report and "Maria: -" not in report


async def test_a_skipped_zip_is_not_stored_or_shown(console: Console) -> None:
    await console.type(":arrive Jamal", ":as Jamal", "1")

    answered = await console.type("1,3", "3", "-")

    assert "Thanks, Jamal!" in answered
    assert "ZIP or county: not given" in answered, answered
    assert "ZIP or county: -" not in answered
    await console.type(":as Olivia")
    waiting = await console.type("/volunteer new")
    assert "Jamal" in waiting and " -" not in waiting.split("Jamal", 1)[1]


async def test_an_empty_answer_clears_a_link_whose_question_says_empty_is_none(
    console: Console,
) -> None:
    await console.type(f"{SATURDAY_CALLS} https://dialer.example/sat", "/phonebank edit 1")

    asked = await console.type("=", "=", "=", "=", "=")
    saved = await console.type("")

    assert (
        "Call script or dialer link (now https://dialer.example/sat; = to keep it; empty: none; "
        "- to leave it empty)"
    ) in asked
    assert "Saved #1 “Saturday calls”: link removed." in saved, saved


async def test_a_bad_date_in_an_edit_form_is_asked_again_alone(console: Console) -> None:
    await console.type(SATURDAY_CALLS, "/phonebank edit 1")

    again = await console.type("=", "2026-11-31", "=", "=", "=", "")

    assert "2026-11-31" in again and "isn't a date" in again, again
    assert again.rstrip().endswith("Date (now 2026-11-28; = to keep it; YYYY-MM-DD)"), again
    saved = await console.type("2026-11-29")
    assert "Sun Nov 29" in saved, saved


async def test_an_empty_answer_to_a_question_that_needs_one_says_what_to_type(
    console: Console,
) -> None:
    await made_it(console)

    again = await console.type("", "-")

    assert again.count("This question needs an answer; type one, or = for 0.") == 1
    assert "This question can't be skipped; type one, or = for 0." in again
    assert again.rstrip().endswith("Calls made (a number from 0 to 1000; = for 0)")
    thanks = await console.type("=", "=", "-")
    assert "I've noted 0 calls and 0 conversations" in thanks


async def test_a_choice_typed_as_words_is_asked_again_with_the_numbers_to_type(
    console: Console,
) -> None:
    await console.type(":arrive Jamal", ":as Jamal", "1")

    words = await console.type("phones, canvassing")
    await console.type("1,3")
    emoji = await console.type("👍")

    assert "Answer with numbers from 1 to 7, separated by commas, like 1,3." in words, words
    assert "Answer with one number from 1 to 4." in emoji, emoji
