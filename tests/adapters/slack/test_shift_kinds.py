"""Kinds of shift on Slack: a bare `/shift create` opens the modal with a kind select;
submitting it creates a shift of that kind; an unknown kind is one sentence listing them."""

from typing import Any

from tests.adapters.slack.conftest import GENERAL, OLIVIA, VERA, Rig
from tests.adapters.slack.test_modals import SHIFT_ANSWERS, elements, open_form


async def test_a_bare_shift_create_opens_the_modal_with_a_kind_select_first(rig: Rig) -> None:
    opened = await open_form(rig, "/shift create")

    view = opened["view"]
    assert view["callback_id"] == "form:shift"
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert inputs[0]["block_id"] == "kind"
    kind = elements(view)["kind"]
    assert kind["type"] == "static_select"
    assert [o["value"] for o in kind["options"]] == [
        "phonebank",
        "canvass",
        "textbank",
        "training",
        "meeting",
        "office",
    ]
    assert [o["text"]["text"] for o in kind["options"]][1] == "🚪 Canvass"


async def test_submitting_the_kind_and_an_address_creates_a_canvass(rig: Rig) -> None:
    opened = await open_form(rig, "/shift create")
    answers: dict[str, Any] = SHIFT_ANSWERS | {
        "kind": {"type": "static_select", "selected_option": {"value": "canvass"}},
        "title": {"type": "plain_text_input", "value": "Saturday doors"},
        "link": {"type": "plain_text_input", "value": "Library, 123 Main St"},
    }

    answer = await rig.submit(opened, answers)

    assert answer.status == 200 and answer.body == ""
    said = await rig.fake.wait_for("chat.postEphemeral", channel=GENERAL)
    assert "Created #1 “Saturday doors”" in said.text
    posted = await rig.delivered("chat.postMessage", channel=GENERAL)
    assert "🚪 #1 “Saturday doors”" in posted.text
    await rig.command("/shift list canvass")
    listed = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "Saturday doors" in listed.text and "🚪 Canvass" in listed.text


async def test_an_unknown_kind_is_refused_with_the_kinds_and_creates_nothing(rig: Rig) -> None:
    await rig.command('/shift create rally "Big rally" 2026-11-28 10:00 3h 12', user=OLIVIA)

    refused = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "`rally` isn't a kind of shift; type one of `phonebank`, `canvass`" in refused.text
    await rig.command("/shift list")
    listed = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "Big rally" not in listed.text
