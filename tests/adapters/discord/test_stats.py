"""`/turnout stats` and the weekly digest on Discord: the chart is a multipart attachment."""

import io
from datetime import timedelta

from matplotlib import image

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import ORGANIZERS


def _size(png: bytes) -> tuple[int, int]:
    pixels = image.imread(io.BytesIO(png), format="png")
    return pixels.shape[1], pixels.shape[0]


async def test_stats_answer_the_organizer_privately_with_the_chart_attached(world: World) -> None:
    answered = await world.slash("Olivia", "turnout", "stats", period="7d")

    assert "📊 The last 7 days" in answered.data["content"]
    assert answered.data["flags"] & 64, "only the organizer who asked sees it"
    [chart] = answered.files
    assert chart.filename == "turnout-weekly.png"
    assert _size(chart.content) == (1200, 675)


async def test_the_weekly_digest_arrives_in_the_organizer_channel_with_its_chart(
    world: World,
) -> None:
    await world.slash("Olivia", "turnout", "stats")
    await world.bot.wakeups.sweep()  # queues the campaign's first digest: next Monday 09:00

    world.clock.advance(timedelta(days=7))
    await world.bot.wakeups.sweep()

    [post] = [m for m in world.fake.messages_in(ORGANIZERS) if m.files]
    assert "Weekly digest" in post.json["content"]
    assert _size(post.files[0].content) == (1200, 675)
