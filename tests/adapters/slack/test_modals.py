"""Modals: a bare /phonebank create or /task post opens a form; submitting it creates."""

import json
from typing import Any

from tests.adapters.slack.conftest import GENERAL, OLIVIA, VERA, Rig
from tests.adapters.slack.fake_slack import Call

SHIFT_ANSWERS = {
    "title": {"type": "plain_text_input", "value": "Saturday calls"},
    "day": {"type": "datepicker", "selected_date": "2026-11-28"},
    "start": {"type": "timepicker", "selected_time": "18:00"},
    "duration": {"type": "plain_text_input", "value": "2h"},
    "capacity": {"type": "number_input", "value": "12"},
    "link": {"type": "plain_text_input", "value": None},
}


def elements(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}


async def open_form(rig: Rig, line: str, user: tuple[str, str] = OLIVIA) -> Call:
    await rig.command(line, user=user)
    return await rig.fake.wait_for("views.open")


async def test_a_bare_phonebank_create_opens_a_modal_with_pickers(rig: Rig) -> None:
    opened = await open_form(rig, "/phonebank create")

    view = opened["view"]
    assert opened["trigger_id"] and view["type"] == "modal"
    assert view["callback_id"] == "form:shift"
    assert json.loads(view["private_metadata"]) == {"channel": GENERAL}
    kinds = {name: e["type"] for name, e in elements(view).items()}
    assert kinds == {
        "title": "plain_text_input",
        "day": "datepicker",
        "start": "timepicker",
        "duration": "plain_text_input",
        "capacity": "number_input",
        "link": "plain_text_input",
        "repeat": "static_select",
        "weekdays": "checkboxes",
        "ends": "plain_text_input",
    }
    repeat = next(b for b in view["blocks"] if b.get("block_id") == "repeat")
    assert repeat["optional"] is True
    assert [o["text"]["text"] for o in elements(view)["repeat"]["options"]] == [
        "Does not repeat", "Weekly", "Every 2 weeks", "On chosen weekdays",
    ]
    assert elements(view)["capacity"]["is_decimal_allowed"] is False
    assert view["submit"]["text"] == "Create"


async def test_submitting_the_shift_modal_creates_the_shift_and_announces_it(rig: Rig) -> None:
    opened = await open_form(rig, "/phonebank create")

    answer = await rig.submit(opened, SHIFT_ANSWERS)

    assert answer.status == 200 and answer.body == ""
    said = await rig.fake.wait_for("chat.postEphemeral", channel=GENERAL)
    assert "Created #1 “Saturday calls”" in said.text
    # The channel the form was opened in gets the shift's live post, from the bot itself.
    posted = await rig.delivered("chat.postMessage", channel=GENERAL)
    assert "📞 #1 “Saturday calls”" in posted.text and posted.button("Join")
    await rig.command("/phonebank list")
    listed = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "Saturday calls" in listed.text


async def test_the_modal_s_repeat_choice_creates_the_series_in_the_same_step(rig: Rig) -> None:
    opened = await open_form(rig, "/phonebank create")

    answer = await rig.submit(
        opened,
        SHIFT_ANSWERS
        | {
            "repeat": {"type": "static_select", "selected_option": {"value": "weekdays"}},
            "weekdays": {
                "type": "checkboxes",
                "selected_options": [{"value": "sat"}, {"value": "sun"}],
            },
            "ends": {"type": "plain_text_input", "value": "2026-12-06"},
        },
    )

    assert answer.status == 200 and answer.body == ""
    # The organizer reads what was made; the channel gets the shift's live post.
    told = await rig.fake.wait_for("chat.postEphemeral", channel=GENERAL)
    assert "Created #1 “Saturday calls”" in told.text
    assert "now repeats every week on Sat and Sun until 2026-12-06" in told.text
    assert "Created #2 Sun Nov 29" in told.text


async def test_a_bad_repeat_answer_is_shown_under_it_and_creates_nothing(rig: Rig) -> None:
    opened = await open_form(rig, "/phonebank create")

    answer = await rig.submit(
        opened,
        SHIFT_ANSWERS
        | {
            "repeat": {"type": "static_select", "selected_option": {"value": "weekdays"}},
            "weekdays": {"type": "checkboxes", "selected_options": []},
            "ends": {"type": "plain_text_input", "value": None},
        },
    )

    reply = json.loads(answer.body)
    assert reply["response_action"] == "errors"
    assert "Tick the weekdays" in " ".join(reply["errors"].values())
    assert not rig.fake.calls_to("chat.postMessage")


async def test_a_bad_modal_answer_keeps_the_modal_open_with_the_reason_and_creates_nothing(
    rig: Rig,
) -> None:
    opened = await open_form(rig, "/phonebank create")

    answer = await rig.submit(
        opened, SHIFT_ANSWERS | {"duration": {"type": "plain_text_input", "value": "forever"}}
    )

    reply = json.loads(answer.body)
    assert reply["response_action"] == "errors"
    assert list(reply["errors"]) == ["duration"]
    await rig.command("/phonebank list")
    listed = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "Saturday calls" not in listed.text
    assert not rig.fake.calls_to("chat.postMessage")


async def test_a_shift_in_the_past_is_refused_under_the_date(rig: Rig) -> None:
    opened = await open_form(rig, "/phonebank create")

    answer = await rig.submit(
        opened, SHIFT_ANSWERS | {"day": {"type": "datepicker", "selected_date": "2026-10-01"}}
    )

    reply = json.loads(answer.body)
    assert reply["response_action"] == "errors"
    assert "past" in " ".join(reply["errors"].values()).lower()


async def test_a_bare_task_post_opens_a_modal_and_submitting_posts_the_task(rig: Rig) -> None:
    opened = await open_form(rig, "/task post")
    view = opened["view"]
    assert view["callback_id"] == "form:task"
    assert elements(view)["description"]["multiline"] is True
    assert elements(view)["due"]["type"] == "datepicker"

    await rig.submit(
        opened,
        {
            "title": {"type": "plain_text_input", "value": "Drop off flyers"},
            "due": {"type": "datepicker", "selected_date": None},
            "slots": {"type": "number_input", "value": "3"},
            "description": {"type": "plain_text_input", "value": "Pick them up at the office."},
        },
    )

    posted = await rig.fake.wait_for("chat.postMessage", channel=GENERAL)
    assert "New task #1: Drop off flyers" in posted.text
    assert posted.button("Claim")["value"] == "turnout:claim:1"


async def test_a_volunteer_gets_no_form_for_an_organizer_command(rig: Rig) -> None:
    await rig.command("/phonebank create", user=VERA)

    refused = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "organizer" in refused.text.lower()
    assert not rig.fake.calls_to("views.open")


async def test_when_the_trigger_expired_a_button_opens_the_form_instead(rig: Rig) -> None:
    rig.fake.fail("views.open", "expired_trigger_id")
    await rig.command("/phonebank create", user=OLIVIA)
    offered = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])

    await rig.press(offered.button("Open the form"), OLIVIA)

    opened = await rig.fake.wait_for("views.open", count=2)
    assert opened["view"]["callback_id"] == "form:shift"
