"""Files go out through slack_sdk's files_upload_v2 against the fake Slack: the bytes are
POSTed to the address files.getUploadURLExternal gave and shared by files.completeUploadExternal."""

import pytest

from bot.domain.campaign import Identity, Team
from bot.kernel.commands import Actor
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Attachment, Button, Message, Reply
from tests.adapters.slack.conftest import GENERAL, OLIVIA, ORGANIZER_CHANNEL, TEAM_ID, VERA, Rig

CSV = b"name,zip\nVera,02139\n"
REPORT = Attachment("volunteers.csv", CSV, "text/csv", title="Volunteers")


def to_vera() -> Identity:
    return Identity("slack", TEAM_ID, VERA[0])


async def test_a_dm_with_a_file_arrives_as_one_upload_with_its_text(rig: Rig) -> None:
    await rig.platform.messenger.send_direct(
        to_vera(), Message("Your export is ready <!channel>", files=(REPORT,))
    )

    [shared] = rig.fake.files_in("D0VERA")
    assert (shared.filename, shared.title, shared.content) == ("volunteers.csv", "Volunteers", CSV)
    assert shared.comment == "Your export is ready &lt;!channel&gt;", "people's text never pings"
    [asked] = rig.fake.calls_to("files.getUploadURLExternal")
    assert asked["filename"] == "volunteers.csv" and int(asked["length"]) == len(CSV)
    assert not rig.fake.calls_to("chat.postMessage"), "the upload carries the message"


async def test_an_organizer_post_with_buttons_is_posted_and_its_file_follows(rig: Rig) -> None:
    team = Team(1, "slack", TEAM_ID, 1)
    reply = Message(
        "Weekly chart", buttons=(Button("Roster", "turnout:roster:1"),), files=(REPORT,)
    )

    await rig.platform.messenger.post_to_organizers(team, reply)

    [posted] = rig.fake.calls_to("chat.postMessage", channel=ORGANIZER_CHANNEL)
    assert posted.button("Roster")["value"] == "turnout:roster:1"
    [shared] = rig.fake.files_in(ORGANIZER_CHANNEL)
    assert shared.content == CSV and shared.comment == ""


async def test_a_private_command_answer_sends_its_file_to_the_persons_dm(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def answer_with_a_file(actor: Actor, command: str, text: str, *_: object) -> Reply:
        return Message("Here is the list.", files=(REPORT,))

    monkeypatch.setattr(rig.bot.turnout, "run_slash", answer_with_a_file)

    await rig.command("/turnout export volunteers", channel=GENERAL)

    said = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "Here is the list." in said.text
    assert "I've sent you volunteers.csv in our direct messages." in said.text
    [shared] = rig.fake.files_in("D0VERA")
    assert shared.content == CSV and shared.comment == "Volunteers"
    assert not rig.fake.files_in(GENERAL), "an ephemeral answer's file never lands in the channel"


async def test_a_command_answer_whose_upload_fails_says_so_and_shares_nothing(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def answer_with_a_file(actor: Actor, command: str, text: str, *_: object) -> Reply:
        return Message("Here is the list.", files=(REPORT,))

    monkeypatch.setattr(rig.bot.turnout, "run_slash", answer_with_a_file)
    rig.fake.fail("files.completeUploadExternal", "internal_error", times=5)

    await rig.command("/turnout export volunteers", channel=GENERAL)

    said = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "Slack didn't take the file" in said.text
    assert not rig.fake.shared_files


async def test_a_refused_upload_post_is_a_transient_delivery_error(rig: Rig) -> None:
    rig.fake.fail("upload", "upstream broke", status=503)

    with pytest.raises(DeliveryError) as raised:
        await rig.platform.messenger.send_direct(to_vera(), Message("Export", files=(REPORT,)))

    assert not raised.value.permanent and raised.value.retry_after is None
    assert not rig.fake.shared_files and not rig.fake.calls_to("files.completeUploadExternal")
    # The dispatcher's retry then goes through whole.
    await rig.platform.messenger.send_direct(to_vera(), Message("Export", files=(REPORT,)))
    assert [f.content for f in rig.fake.files_in("D0VERA")] == [CSV]


async def test_a_rate_limited_upload_carries_slacks_retry_after(rig: Rig) -> None:
    rig.fake.fail("files.getUploadURLExternal", "ratelimited", status=429, retry_after=12)

    with pytest.raises(DeliveryError) as raised:
        await rig.platform.messenger.send_direct(to_vera(), Message("Export", files=(REPORT,)))

    assert raised.value.retry_after == 12
    assert not rig.fake.shared_files


async def test_an_export_reaches_the_organizer_by_upload_and_the_channel_hears_of_it(
    rig: Rig,
) -> None:
    await rig.command("/volunteer tz America/Chicago", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    await rig.command("/turnout export volunteers all", user=OLIVIA, channel=GENERAL)

    said = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "Here's the volunteers export for all time: 2 volunteers" in said.text
    assert "in our direct messages" in said.text
    [asked] = rig.fake.calls_to("files.getUploadURLExternal")
    assert asked["filename"].startswith("turnout-volunteers-all-")
    [completed] = rig.fake.calls_to("files.completeUploadExternal")
    assert completed["channel_id"] == "D0ORG"
    [shared] = rig.fake.files_in("D0ORG")
    header, *rows = shared.content.decode("utf-8").splitlines()
    assert header.startswith("volunteer_number,name,first_name,last_name,platform,")
    assert any(",slack,U0VERA," in row for row in rows)
    assert not rig.fake.files_in(GENERAL) and not rig.fake.files_in(ORGANIZER_CHANNEL)
    told = await rig.delivered(
        "chat.postMessage", lambda c: "exported volunteers" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert "(all time, 2 rows)" in told.text


async def test_a_volunteer_asking_for_an_export_gets_no_file(rig: Rig) -> None:
    await rig.command("/turnout export volunteers all", user=VERA)

    said = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "Only organizers can export" in said.text
    assert not rig.fake.calls_to("files.getUploadURLExternal") and not rig.fake.shared_files
