"""`/turnout stats` and `/volunteer listed`, through the whole core (SQLite and PostgreSQL)."""

import io
from datetime import timedelta

from matplotlib import image

from bot.ports.replies import Message
from tests.conftest import Harness
from tests.unit.test_attendance import TO_START, joined


def _png_size(content: bytes) -> tuple[int, int]:
    pixels = image.imread(io.BytesIO(content), format="png")
    return pixels.shape[1], pixels.shape[0]


async def _a_finished_shift(h: Harness) -> None:
    """Maria and Sam on Saturday's shift (3 seats): Maria made 40 calls, Sam didn't show."""
    await joined(h, "Maria", "Sam")
    await h.advance(TO_START + timedelta(hours=2, minutes=15))
    await h.say("Maria", "/phonebank debrief 1 40 12")
    await h.say("Olivia", "/phonebank mark 1 Sam no-show")


async def test_stats_show_the_weeks_figures_with_their_change_and_a_chart(harness: Harness) -> None:
    await _a_finished_shift(harness)
    reply = await harness.reply("Olivia", "/turnout stats 7d")
    assert isinstance(reply, Message)
    lines = reply.text.splitlines()
    assert lines[0].startswith("📊 The last 7 days (Sat Oct 31 to Sat Nov 7)")
    assert "• Shifts held: 1 (+1); cancelled: 0 (no change)" in lines
    assert "• Seats offered: 3 (+3); filled: 2 (+2); fill rate 67% (was none yet)" in lines
    assert (
        "• Show rate (attended of those confirmed at the start): 50% (was none yet); "
        "attended: 1 (+1); no-shows: 1 (+1); couldn't make it: 0 (no change); "
        "no word yet: 0 (no change)"
    ) in lines
    assert "• Calls reported: 40 (+40); conversations: 12 (+12)" in lines
    assert "• Most active: Maria (#2) 1 shift, 40 calls" in lines
    [chart] = reply.files
    assert (chart.filename, chart.mime_type) == ("turnout-weekly.png", "image/png")
    assert _png_size(chart.content) == (1200, 675)


async def test_all_time_has_no_changes_and_thirty_days_is_the_default(harness: Harness) -> None:
    await _a_finished_shift(harness)
    everything = await harness.say("Olivia", "/turnout stats all")
    assert everything.startswith("📊 All time:")
    assert "• Shifts held: 1; cancelled: 0" in everything
    assert "(+" not in everything
    assert "The last 30 days" in await harness.say("Olivia", "/turnout stats")


async def test_volunteers_cannot_see_stats_and_a_bad_period_says_what_to_type(
    harness: Harness,
) -> None:
    await _a_finished_shift(harness)
    refused = await harness.reply("Maria", "/turnout stats")
    assert isinstance(refused, Message) and refused.error
    assert "organizers" in refused.text
    bad = await harness.reply("Olivia", "/turnout stats 2w")
    assert isinstance(bad, Message) and bad.error
    assert bad.text == "Pick the period as `7d`, `30d`, `90d` or `all`, like `/turnout stats 30d`."


async def test_a_volunteer_can_leave_the_most_active_list_and_come_back(harness: Harness) -> None:
    await _a_finished_shift(harness)
    assert "left off the most-active list" in await harness.say("Maria", "/volunteer listed off")
    stats = await harness.say("Olivia", "/turnout stats 7d")
    assert "• Most active: nobody attended a shift in this period." in stats
    # Her shift still counts, anonymously.
    assert "attended: 1 (+1)" in stats
    await harness.say("Maria", "/volunteer listed on")
    assert "Maria (#2)" in await harness.say("Olivia", "/turnout stats 7d")
    bad = await harness.reply("Maria", "/volunteer listed maybe")
    assert isinstance(bad, Message) and bad.error and "`/volunteer listed off`" in bad.text


async def test_forget_me_erases_the_listing_choice_and_keeps_the_counts(harness: Harness) -> None:
    await _a_finished_shift(harness)
    await harness.say("Maria", "/volunteer listed off")
    await harness.say("Maria", "/volunteer forget-me confirm")
    async with harness.storage.unit_of_work() as uow:
        from sqlalchemy import func, select

        from storage.tables import stats_opt_outs

        assert await uow.connection.scalar(select(func.count()).select_from(stats_opt_outs)) == 0
    stats = await harness.say("Olivia", "/turnout stats 7d")
    assert "Maria" not in stats
    assert "Calls reported: 40 (+40)" in stats


async def test_organizers_are_not_counted_as_newcomers_contacted_at_once(harness: Harness) -> None:
    # The organizer writes first (and so is stored), then two newcomers arrive; one is reached
    # two hours later, the other not yet.
    await harness.say("Olivia", '/task post "Fold flyers"')
    await harness.arrive("Maria")
    await harness.arrive("Sam")
    harness.clock.advance(timedelta(hours=2))
    await harness.say("Olivia", "/volunteer contacted Maria")

    stats = await harness.say("Olivia", "/turnout stats 7d")

    assert (
        "• New volunteers: 2 (+2); contacted: 1 (+1); median time to a first contact: "
        "2 hours (was nobody yet)"
    ) in stats.splitlines()
