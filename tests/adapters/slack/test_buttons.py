"""Buttons: Join, Leave, Can't make it; answered next to the button that was pressed."""

from datetime import timedelta

from tests.adapters.slack.conftest import OLIVIA, VERA, WALT, Rig
from tests.adapters.slack.fake_slack import Call

SMALL = '/phonebank create "Library calls" 2026-11-28 18:00 2h 1'
TOMORROW = '/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 5'


async def shift_list(rig: Rig, user: tuple[str, str]) -> Call:
    before = len(rig.fake.calls_to("chat.postEphemeral", user=user[0]))
    await rig.command("/phonebank list", user=user)
    return await rig.fake.wait_for("chat.postEphemeral", user=user[0], count=before + 1)


async def test_pressing_join_confirms_and_the_roster_shows_the_volunteer(rig: Rig) -> None:
    await rig.as_organizer(SMALL)
    listed = await shift_list(rig, VERA)

    answer = await rig.press(listed.button("Join"), VERA)

    assert answer.status == 200
    confirmed = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    assert "You're in! #1" in confirmed.text
    assert confirmed.button("Leave")["value"] == "turnout:leave:1"
    await rig.command("/phonebank roster 1", user=OLIVIA)
    roster = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "vera" in roster.text


async def test_a_full_shift_waitlists_and_a_leave_promotes_the_next_by_dm(rig: Rig) -> None:
    await rig.as_organizer(SMALL)
    await rig.press((await shift_list(rig, WALT)).button("Join"), WALT)
    await rig.fake.wait_for("chat.postEphemeral", user=WALT[0], count=2)

    await rig.press((await shift_list(rig, VERA)).button("Join waitlist"), VERA)
    waitlisted = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    await rig.press((await shift_list(rig, WALT)).button("Leave"), WALT)
    left = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0], count=4)
    await rig.deliver()

    assert "full, so you're #1 on the waitlist" in waitlisted.text
    assert "You've left #1" in left.text
    await rig.fake.wait_for("conversations.open", users=VERA[0])
    promoted = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "a seat opened up" in c.text, channel="D0VERA"
    )
    assert "you're now confirmed for “Library calls” (#1)" in promoted.text
    assert promoted.button("Can't make it")["value"] == "turnout:leave:1"


async def test_the_reminder_dm_has_a_cant_make_it_button_that_frees_the_seat(rig: Rig) -> None:
    await rig.as_organizer(TOMORROW)
    await rig.press((await shift_list(rig, VERA)).button("Join"), VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)

    rig.clock.advance(timedelta(hours=10))
    await rig.deliver()
    reminder = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "Reminder" in c.text, channel="D0VERA"
    )
    await rig.press(reminder.button("Can't make it"), VERA, on=reminder)

    assert "Reminder: “Tomorrow calls” (#1) starts in" in reminder.text
    left = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "You've left" in c.text, channel="D0VERA"
    )
    assert "You've left #1 “Tomorrow calls”" in left.text
    await rig.command("/phonebank list", user=WALT)
    listed = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0])
    assert "5 of 5 seats left" in listed.text


async def test_an_outdated_button_gets_a_friendly_answer(rig: Rig) -> None:
    button = {
        "action_id": "turnout:teleport:9",
        "value": "turnout:teleport:9",
        "text": {"type": "plain_text", "text": "Teleport"},
    }

    await rig.press(button, VERA)

    said = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "/turnout help" in said.text


async def test_an_again_button_without_a_value_says_what_to_type(rig: Rig) -> None:
    button = {"action_id": "again:0", "text": {"type": "plain_text", "text": "Open the form"}}

    await rig.press(button)

    def said() -> list:
        return [c for c in rig.fake.calls if c.method in ("response_url", "chat.postEphemeral")]

    await rig.fake.wait_until(lambda: bool(said()))
    assert said()[0].text.startswith("That button doesn't say which command to run any more")
    assert "None" not in said()[0].text
