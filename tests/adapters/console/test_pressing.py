"""A number presses a button of the last message that person was shown, and only that."""

from tests.adapters.console.conftest import SATURDAY_CALLS, Console


async def test_a_number_after_a_reply_without_buttons_presses_nothing(console: Console) -> None:
    await console.type(SATURDAY_CALLS, ":as Maria", "/phonebank join 1")
    reminded = await console.type(":advance 4d9h")
    assert "starts in 1 day" in reminded and "[2] Can't make it" in reminded

    shown = await console.type("/volunteer tz America/Chicago", "2")

    assert "Your latest message has no buttons" in shown, shown
    assert "You've left" not in shown
    assert "you're in" in await console.type("/phonebank mine")


async def test_a_number_presses_the_button_of_the_latest_message(console: Console) -> None:
    # She arrived (welcomed) first; the join's reply is her latest message.
    await console.type(SATURDAY_CALLS, ":arrive Maria", "/phonebank join 1")

    shown = await console.type("1")

    assert "(pressed “Leave”)" in shown
    assert "You've left #1" in shown


async def test_a_number_beyond_the_latest_message_s_buttons_says_which_there_are(
    console: Console,
) -> None:
    await console.type(SATURDAY_CALLS, ":arrive Maria", "/phonebank join 1")

    shown = await console.type("3")

    assert "There's no button [3] on your latest message; type [1]." in shown
