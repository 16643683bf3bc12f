"""Tasks and proposals on Slack: the task edit modal filled in, cancel and the finished tasks
(names escaped), `/phonebank proposals` with its buttons, the approved shift's live post, and a
host's Roster button."""

import json

from tests.adapters.slack.conftest import GENERAL, OLIVIA, VERA, WALT, Rig
from tests.adapters.slack.fake_slack import Call

LOUD = ("U0LOUD", "<!channel> *Lou*")


async def ephemeral(rig: Rig, line: str, user: tuple[str, str]) -> Call:
    before = len(rig.fake.calls_to("chat.postEphemeral", user=user[0]))
    await rig.command(line, user=user)
    return await rig.fake.wait_for("chat.postEphemeral", user=user[0], count=before + 1)


async def test_task_edit_opens_a_filled_in_modal_and_whoever_holds_it_gets_a_dm(rig: Rig) -> None:
    await rig.as_organizer('/task post "Flyers" due 2026-11-06 slots 2')
    await ephemeral(rig, "/task claim 1", VERA)

    await rig.command("/task edit 1", user=OLIVIA)
    opened = await rig.fake.wait_for("views.open")
    view = opened["view"]
    inputs = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    answer = await rig.submit(
        opened,
        {
            "title": {"type": "plain_text_input", "value": "Flyers"},
            "due": {"type": "datepicker", "selected_date": "2026-11-10"},
            "slots": {"type": "number_input", "value": "2"},
            "description": {"type": "plain_text_input", "value": None},
        },
    )
    saved = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    told = await rig.delivered(
        "chat.postMessage", lambda c: "changed #1" in c.text, channel="D0VERA"
    )

    assert view["callback_id"] == "form:edit_task:1"
    assert inputs["title"]["initial_value"] == "Flyers"
    assert inputs["due"]["initial_date"] == "2026-11-06"
    assert answer.status == 200
    assert "Saved #1 “Flyers”: due Tue Nov 10, 2 slots, no details." in saved.text
    assert "it's now due Tue Nov 10" in told.text
    assert told.button("Release")["value"] == "turnout:release:1"


async def test_task_cancel_and_the_done_list_show_names_escaped(rig: Rig) -> None:
    await rig.as_organizer('/task post "Flyers" slots 3')
    await ephemeral(rig, "/task claim 1", LOUD)
    await ephemeral(rig, "/task done 1", LOUD)
    await ephemeral(rig, "/task claim 1", WALT)

    cancelled = await ephemeral(rig, "/task cancel 1", OLIVIA)
    told = await rig.delivered("chat.postMessage", lambda c: "cancelled #1" in c.text)
    done = await ephemeral(rig, "/task list done", OLIVIA)

    assert "Cancelled #1 “Flyers”. I'm letting the volunteer who had claimed it know." in (
        cancelled.text
    )
    assert told["channel"] == "D0WALT"
    assert "cancelled with 1 of 3 slots done · by &lt;!channel&gt; *Lou*" in done.text
    assert "<!channel>" not in json.dumps(done.args)
    refused = await ephemeral(rig, "/task cancel 1", VERA)
    assert "Only organizers can cancel tasks" in refused.text


async def test_proposals_list_with_buttons_approve_posts_the_shift_and_its_host_finds_it(
    rig: Rig,
) -> None:
    await ephemeral(rig, '/phonebank propose "Home calls" 2026-11-28 18:00 2h 4', VERA)

    listed = await ephemeral(rig, "/phonebank proposals", OLIVIA)
    await rig.press(listed.button("Approve"), OLIVIA)
    approved = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=2)
    posted = await rig.delivered("chat.postMessage", lambda c: "📞" in c.text, channel=GENERAL)
    mine = await ephemeral(rig, "/phonebank mine", VERA)
    await rig.press(mine.button("Roster"), VERA)
    roster = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=3)

    assert "Proposal 1: 📞 Phone bank, Home calls" in listed.text and "from vera (#" in listed.text
    assert listed.button("Decline")["value"] == "turnout:decline:1"
    assert "I'm posting it here" in approved.text
    assert "#1 “Home calls”" in posted.text
    assert "you host it" in mine.text and [b["text"]["text"] for b in mine.buttons()] == ["Roster"]
    assert "Nobody has signed up yet" in roster.text
