"""The welcome flow: team_join and the volunteers channel greet newcomers and tell organizers."""

import pytest

from tests.adapters.slack.conftest import NINA, OLIVIA, ORGANIZER_CHANNEL, WALT, Rig, payload
from tests.adapters.slack.fake_slack import Call


def joined_channel(user: str, channel: str) -> dict:
    body = payload("member_joined_channel")
    body["event"].update(user=user, channel=channel)
    return body


async def welcome_nina(rig: Rig) -> Call:
    answer = await rig.event(payload("team_join"))
    assert answer.status == 200
    return await rig.delivered("chat.postMessage", channel="D0NEWBIE")


async def test_team_join_welcomes_the_newcomer_by_dm_and_tells_the_organizers(rig: Rig) -> None:
    welcome = await welcome_nina(rig)

    await rig.fake.wait_for("conversations.open", users=NINA[0])
    assert "Welcome to Turnout Test, Nina!" in welcome.text
    assert welcome.button("Tell us about yourself")["value"] == "turnout:profile"
    told = await rig.delivered("chat.postMessage", channel=ORGANIZER_CHANNEL)
    assert "New volunteer: Nina" in told.text
    assert told.button("Mark contacted")["value"].startswith("turnout:contacted:")


@pytest.mark.parametrize("slack_options", [{"campaign_name": "Smith for Senate"}], indirect=True)
async def test_a_configured_campaign_name_is_used_instead_of_the_workspace_name(rig: Rig) -> None:
    welcome = await welcome_nina(rig)

    assert "Welcome to Smith for Senate, Nina!" in welcome.text


async def test_pressing_mark_contacted_marks_the_newcomer_contacted(rig: Rig) -> None:
    await welcome_nina(rig)
    told = await rig.delivered("chat.postMessage", channel=ORGANIZER_CHANNEL)

    await rig.press(told.button("Mark contacted"), OLIVIA, on=told)

    done = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], channel=ORGANIZER_CHANNEL)
    assert "Nina" in done.text
    await rig.command("/volunteer new", user=OLIVIA)
    waiting = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=2)
    assert "Nina" not in waiting.text


async def test_a_volunteer_cannot_mark_anyone_contacted(rig: Rig) -> None:
    await welcome_nina(rig)
    told = await rig.delivered("chat.postMessage", channel=ORGANIZER_CHANNEL)

    await rig.press(told.button("Mark contacted"), WALT, on=told)

    refused = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0])
    assert "organizer" in refused.text.lower()


async def test_the_onboarding_questions_are_asked_in_the_dm_and_saved_from_it(rig: Rig) -> None:
    welcome = await welcome_nina(rig)

    await rig.press(welcome.button("Tell us about yourself"), NINA, on=welcome)
    form = await rig.fake.wait_for(
        "chat.postMessage",
        lambda c: bool(c.buttons()) and c.buttons()[0]["text"]["text"] == "Save",
    )
    inputs = {b["block_id"]: b["element"] for b in form["blocks"] if b["type"] == "input"}
    assert inputs["interests"]["type"] == "checkboxes"
    assert inputs["availability"]["type"] == "static_select"
    assert inputs["location"]["type"] == "plain_text_input"
    await rig.press(
        form.button("Save"),
        NINA,
        on=form,
        state={
            "interests": {
                "type": "checkboxes",
                "selected_options": [{"value": "texting"}, {"value": "data_entry"}],
            },
            "availability": {
                "type": "static_select",
                "selected_option": {"value": "weekends"},
            },
            "location": {"type": "plain_text_input", "value": "Dane County"},
        },
    )

    saved = await rig.fake.wait_for("chat.update", channel="D0NEWBIE")
    assert saved["ts"] == "1700000099.000100"
    assert "Thanks, Nina!" in saved.text
    told = await rig.delivered(
        "chat.postMessage", lambda c: "answered" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert "Texting" in told.text and "Dane County" in told.text


async def test_an_incomplete_onboarding_answer_is_explained_and_the_form_stays(rig: Rig) -> None:
    welcome = await welcome_nina(rig)
    await rig.press(welcome.button("Tell us about yourself"), NINA, on=welcome)
    form = await rig.fake.wait_for("chat.postMessage", channel="D0NEWBIE", count=2)

    await rig.press(
        form.button("Save"),
        NINA,
        on=form,
        state={
            "interests": {"type": "checkboxes", "selected_options": []},
            "availability": {"type": "static_select", "selected_option": {"value": "flexible"}},
            "location": {"type": "plain_text_input", "value": "53703"},
        },
    )

    explained = await rig.fake.wait_for("chat.postMessage", channel="D0NEWBIE", count=3)
    assert "Pick at least one thing" in explained.text
    assert not rig.fake.calls_to("chat.update")


async def test_joining_the_volunteers_channel_welcomes_and_other_channels_do_not(rig: Rig) -> None:
    await rig.event(joined_channel(NINA[0], "C0RANDOM"))
    await rig.fake.wait_for("conversations.list")
    await rig.event(joined_channel(WALT[0], "C0VOLS"))

    welcome = await rig.delivered("chat.postMessage", channel="D0WALT")

    assert "Welcome to Turnout Test, walt!" in welcome.text
    assert [c["user"] for c in rig.fake.calls_to("users.info")] == [WALT[0]]
    assert not rig.fake.calls_to("conversations.open", users=NINA[0])


async def test_bots_joining_are_not_welcomed(rig: Rig) -> None:
    body = payload("team_join")
    body["event"]["user"].update(id="U0ROBOT", is_bot=True)
    await rig.event(body)
    await rig.event(payload("team_join"))

    await rig.delivered("chat.postMessage", channel="D0NEWBIE")

    assert not rig.fake.calls_to("conversations.open", users="U0ROBOT")


async def test_a_name_with_a_newline_forges_no_log_line_and_no_message_line(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.INFO)
    body = payload("team_join")
    forged = "Nina\n2026-12-01 09:00:00 ERROR turnout: database wiped by admin"
    body["event"]["user"]["profile"]["display_name"] = forged + "\u202e\x1b"

    await rig.event(body)
    welcome = await rig.delivered("chat.postMessage", channel="D0NEWBIE")
    told = await rig.delivered("chat.postMessage", channel=ORGANIZER_CHANNEL)

    shown = "Nina 2026-12-01 09:00:00 ERROR turnout: database wiped by admin"
    assert f"Welcome to Turnout Test, {shown}!" in welcome.text
    assert f"New volunteer: {shown} (#1)" in told.text
    for record in caplog.records:
        assert "\n" not in record.getMessage() and "\x1b" not in record.getMessage()
