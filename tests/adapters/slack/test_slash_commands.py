"""Slash commands: typed in Slack, answered in the conversation they were typed in."""

from tests.adapters.slack.conftest import GENERAL, OLIVIA, VERA, WALT, Rig

SATURDAY = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12'


async def test_a_bare_phonebank_shows_the_list_privately_with_join_buttons(rig: Rig) -> None:
    await rig.as_organizer(SATURDAY)

    answer = await rig.command("/phonebank")

    assert answer.status == 200 and answer.body == ""
    shown = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], channel=GENERAL)
    assert "#1 Saturday calls" in shown.text and "12 of 12 seats left" in shown.text
    join = shown.button("Join")
    assert join["action_id"] == join["value"] == "turnout:join:1"
    assert join["style"] == "primary"
    assert not rig.fake.calls_to("chat.postMessage")


async def test_joining_by_command_confirms_privately_and_mine_lists_the_shift(rig: Rig) -> None:
    await rig.as_organizer(SATURDAY)

    await rig.command("/phonebank join 1")
    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    await rig.command("/phonebank mine")
    mine = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)

    assert "Saturday calls" in joined.text and "you're in" in joined.text.lower()
    assert "Saturday calls" in mine.text and mine.button("Leave")["value"] == "turnout:leave:1"


async def test_each_command_the_grammar_knows_answers(rig: Rig) -> None:
    for line in ("/task", "/volunteer", "/turnout help", "/phonebank help"):
        await rig.command(line)

    answers = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=4)

    texts = [c.text for c in rig.fake.calls_to("chat.postEphemeral")]
    assert answers is not None and len(texts) == 4
    # Each line got its own answer: the task list, and three different pages of help.
    assert sum("No open tasks right now." in t for t in texts) == 1
    assert sum("show times in your own time zone" in t for t in texts) == 1
    assert sum("/phonebank help — sign up for phone bank shifts" in t for t in texts) == 1
    assert sum("give your seat back" in t for t in texts) == 1


async def test_a_mistyped_command_gets_a_friendly_sentence_saying_what_to_type(rig: Rig) -> None:
    await rig.command("/phonebank 3")

    said = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    assert "/phonebank join 3" in said.text


async def test_an_organizer_command_from_a_volunteer_is_refused_and_creates_nothing(
    rig: Rig,
) -> None:
    await rig.command(SATURDAY, user=WALT)

    refused = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0])
    await rig.command("/phonebank list", user=WALT)
    listed = await rig.fake.wait_for("chat.postEphemeral", user=WALT[0], count=2)

    assert "organizer" in refused.text.lower()
    assert "Saturday calls" not in listed.text


async def test_a_new_shift_is_posted_to_the_channel_by_the_bot(rig: Rig) -> None:
    await rig.command(SATURDAY, user=OLIVIA)

    note = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], channel=GENERAL)
    posted = await rig.delivered("chat.postMessage", channel=GENERAL)

    assert "Created #1" in note.text
    assert "📞 #1 “Saturday calls”" in posted.text
    assert posted.button("Join")["value"] == "turnout:join:1"


async def test_where_the_bot_cannot_post_the_answer_goes_through_the_response_url(rig: Rig) -> None:
    rig.fake.outside.add("D0TWOPEOPLE")
    await rig.as_organizer(SATURDAY)

    await rig.command("/phonebank list", channel="D0TWOPEOPLE")

    answered = await rig.fake.wait_for("response_url")
    assert answered["response_type"] == "ephemeral" and answered["replace_original"] is False
    assert "Saturday calls" in answered.text


async def test_help_on_a_topic_answers_with_its_commands_and_the_guide_s_page(rig: Rig) -> None:
    await rig.command("/turnout help tasks")

    said = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    assert said.text.startswith("Tasks:") and "/task claim" in said.text
    assert said.text.endswith("More: docs/volunteers.md#tasks")
