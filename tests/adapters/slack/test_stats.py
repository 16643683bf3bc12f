"""`/turnout stats` and the weekly digest on Slack: the chart is uploaded with files_upload_v2
(files.getUploadURLExternal, then files.completeUploadExternal) against the fake Slack."""

import io
from datetime import timedelta

from matplotlib import image

from tests.adapters.slack.conftest import GENERAL, OLIVIA, ORGANIZER_CHANNEL, Rig


def _size(png: bytes) -> tuple[int, int]:
    pixels = image.imread(io.BytesIO(png), format="png")
    return pixels.shape[1], pixels.shape[0]


async def test_stats_answer_privately_and_the_chart_arrives_in_the_organizers_dm(rig: Rig) -> None:
    await rig.command("/turnout stats 7d", user=OLIVIA, channel=GENERAL)

    said = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "📊 The last 7 days" in said.text
    assert "I've sent you turnout-weekly.png in our direct messages." in said.text
    [chart] = rig.fake.shared_files
    assert chart.channel.startswith("D"), "only the organizer who asked gets it"
    assert chart.filename == "turnout-weekly.png"
    assert _size(chart.content) == (1200, 675)
    assert not rig.fake.files_in(GENERAL)


async def test_a_volunteer_asking_for_stats_gets_a_sentence_and_no_file(rig: Rig) -> None:
    await rig.command("/turnout stats")

    said = await rig.fake.wait_for("chat.postEphemeral")
    assert "organizers" in said.text
    assert not rig.fake.shared_files


async def test_the_weekly_digest_posts_its_chart_in_the_organizer_channel(rig: Rig) -> None:
    await rig.command("/turnout stats", user=OLIVIA, channel=GENERAL)
    await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    await rig.bot.wakeups.sweep()  # queues the campaign's first digest: next Monday 09:00

    rig.clock.advance(timedelta(days=7))
    await rig.bot.wakeups.sweep()

    [chart] = rig.fake.files_in(ORGANIZER_CHANNEL)
    assert _size(chart.content) == (1200, 675)
    # The digest's text goes with the upload, as its comment.
    assert chart.comment.startswith("📬 Weekly digest for ")
