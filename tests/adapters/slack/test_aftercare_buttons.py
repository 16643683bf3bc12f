"""After the sign-up on Slack: I'll be there, I'm here, and the attendance view's Here button."""

import json
from datetime import timedelta

from tests.adapters.slack.conftest import OLIVIA, VERA, Rig

TOMORROW = '/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 5'


async def joined(rig: Rig) -> None:
    await rig.as_organizer(TOMORROW)
    await rig.command("/phonebank join 1", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])


async def test_ill_be_there_in_the_day_before_reminder_confirms_and_the_roster_shows_it(
    rig: Rig,
) -> None:
    await joined(rig)
    rig.clock.advance(timedelta(hours=10))
    await rig.deliver()
    reminder = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "Reminder" in c.text, channel="D0VERA"
    )
    assert reminder.button("I'll be there")["value"] == "turnout:confirm:1"

    await rig.press(reminder.button("I'll be there"), VERA, on=reminder)

    confirmed = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "You're confirmed" in c.text, channel="D0VERA"
    )
    assert "✅ Thanks! You're confirmed for #1 “Tomorrow calls”" in confirmed.text
    await rig.command("/phonebank roster 1", user=OLIVIA)
    roster = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "confirmed ✅" in roster.text


async def test_the_check_in_dm_and_the_attendance_here_button(rig: Rig) -> None:
    await joined(rig)
    rig.clock.advance(timedelta(hours=33))
    await rig.deliver()
    started = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "starting now" in c.text, channel="D0VERA"
    )
    await rig.press(started.button("I'm here"), VERA, on=started)
    await rig.fake.wait_for(
        "chat.postMessage", lambda c: "You're checked in" in c.text, channel="D0VERA"
    )

    await rig.command("/phonebank attendance 1", user=OLIVIA)
    view = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert ": checked in" in view.text
    before = len(rig.fake.calls_to("chat.postEphemeral", user=OLIVIA[0]))
    await rig.press(view.button("No-show: vera"), OLIVIA)
    marked = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=before + 1)
    assert "Marked vera as a no-show for #1." in marked.text


async def test_i_made_it_opens_the_debrief_modal_and_its_answers_reach_the_report(rig: Rig) -> None:
    await joined(rig)
    # Past the end (Tue 01:00 UTC) and the 15 minutes after it.
    rig.clock.advance(timedelta(hours=35, minutes=15))
    await rig.deliver()
    asked = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "How did it go?" in c.text, channel="D0VERA"
    )
    assert asked.button("I couldn't make it")["value"] == "turnout:missed:1"

    await rig.press(asked.button("I made it"), VERA, on=asked)
    # In a DM the form is posted inline, with a Send button.
    form = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "Two numbers" in c.text, channel="D0VERA"
    )
    # The shift rides in the Send button's id, not in a box to fill in.
    questions = [b["block_id"] for b in form["blocks"] if b["type"] == "input"]
    assert questions == ["calls", "conversations", "notes"]
    assert form.button("Send")["action_id"] == "form:debrief:1"
    answers = {
        "calls": {"type": "number_input", "value": "40"},
        "conversations": {"type": "number_input", "value": "12"},
        "notes": {"type": "plain_text_input", "value": "*great* list & more"},
    }
    await rig.press(form.button("Send"), VERA, on=form, state=answers)
    # The answered form is replaced by the thank-you.
    await rig.fake.wait_for(
        "chat.update", lambda c: "I've noted 40 calls" in c.text, channel="D0VERA"
    )

    await rig.command("/phonebank report 1", user=OLIVIA)
    report = await rig.fake.wait_for(
        "chat.postEphemeral", lambda c: "Wrap-up" in c.text, user=OLIVIA[0]
    )
    assert "attended 1 of 1" in report.text
    assert "Calls: 40 · conversations: 12" in report.text
    # The note is shown as plain text: escaped, never as markup.
    assert "*great* list & more" not in report.text
    assert "&amp;" in report.text


async def test_debrief_typed_opens_a_modal_that_carries_its_shift_unasked(rig: Rig) -> None:
    await joined(rig)
    rig.clock.advance(timedelta(hours=35, minutes=15))
    await rig.deliver()

    await rig.command("/phonebank debrief 1", user=VERA)
    opened = await rig.fake.wait_for("views.open")

    view = opened["view"]
    assert view["callback_id"] == "form:debrief:1"
    assert [b["block_id"] for b in view["blocks"] if b["type"] == "input"] == [
        "calls",
        "conversations",
        "notes",
    ]
    answer = await rig.submit(
        opened,
        {
            "calls": {"type": "number_input", "value": "12"},
            "conversations": {"type": "number_input", "value": "3"},
            "notes": {"type": "plain_text_input", "value": None},
        },
        user=VERA,
    )
    assert answer.status == 200 and answer.body == ""
    thanks = await rig.fake.wait_for(
        "chat.postEphemeral", lambda c: "I've noted" in c.text, user=VERA[0]
    )
    assert "I've noted 12 calls and 3 conversations for #1" in thanks.text


async def test_a_refused_debrief_answer_is_shown_under_its_own_question(rig: Rig) -> None:
    await joined(rig)
    rig.clock.advance(timedelta(hours=35, minutes=15))
    await rig.deliver()
    await rig.command("/phonebank debrief 1", user=VERA)
    opened = await rig.fake.wait_for("views.open")

    answer = await rig.submit(
        opened,
        {
            "calls": {"type": "number_input", "value": "12"},
            "conversations": {"type": "number_input", "value": "3"},
            "notes": {"type": "plain_text_input", "value": "@here great list"},
        },
        user=VERA,
    )

    reply = json.loads(answer.body)
    assert reply["response_action"] == "errors"
    assert list(reply["errors"]) == ["notes"]
    assert "can't mention @everyone, @here" in reply["errors"]["notes"]
