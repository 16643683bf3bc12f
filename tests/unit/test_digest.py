"""The weekly digest: Mondays 09:00 in the campaign's zone, once a week, across restarts."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta

from bot.app.bootstrap import bootstrap
from bot.app.clock import ManualClock
from bot.domain.campaign import CampaignDefaults
from bot.domain.notice import NoticeKind
from bot.kernel import timefmt
from bot.ports.replies import Message
from tests.conftest import TEAM, Database, Harness
from tests.fakes import ORGANIZERS, RecordingMessenger, frozen_clock
from tests.queued import pending_notices

WEEK = timedelta(days=7)


@asynccontextmanager
async def _running(
    database: Database, clock: ManualClock, messenger: RecordingMessenger
) -> AsyncIterator[Harness]:
    """One Turnout process on `database`: its own storage and core; stopping it is a restart."""
    storage = await database.open()
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    try:
        yield Harness(bot, messenger, clock, storage)
    finally:
        await bot.wakeups.stop()
        await storage.close()


async def _digests_due(h: Harness) -> list[datetime]:
    async with h.storage.unit_of_work() as uow:
        return [n.due_at for n in await pending_notices(uow) if n.kind is NoticeKind.DIGEST]


def _digests(messenger: RecordingMessenger) -> list[Message]:
    return [
        s.reply
        for s in messenger.sent
        if s.to == ORGANIZERS
        and isinstance(s.reply, Message)
        and s.reply.text.startswith("📬 Weekly digest")
    ]


async def test_a_new_campaign_gets_its_digest_next_monday_at_nine_with_the_chart(
    harness: Harness,
) -> None:
    # The harness starts on Monday Nov 2 at 09:00 New York time, as the campaign is made.
    await harness.say("Olivia", "/phonebank list")
    await harness.advance(timedelta())
    assert await _digests_due(harness) == [datetime(2026, 11, 9, 14, tzinfo=UTC)]
    await harness.advance(WEEK - timedelta(minutes=1))
    assert _digests(harness.messenger) == []
    await harness.advance(timedelta(minutes=1))
    [digest] = _digests(harness.messenger)
    assert "📊 The last 7 days" in digest.text
    assert [f.mime_type for f in digest.files] == ["image/png"]
    # The next one is queued as this one goes out: exactly one, a week on.
    assert await _digests_due(harness) == [datetime(2026, 11, 16, 14, tzinfo=UTC)]


async def test_the_digest_fires_once_a_week_across_restarts(database: Database) -> None:
    clock = frozen_clock()
    messenger = RecordingMessenger()
    async with _running(database, clock, messenger) as first:
        await first.say("Olivia", "/phonebank list")
        await first.advance(timedelta())  # the sweep, which runs every minute
        await first.advance(WEEK)
    assert len(_digests(messenger)) == 1
    # Restarted twice within the next week, and swept often: still one digest a week.
    for _ in range(3):
        async with _running(database, clock, messenger) as again:
            await again.advance(WEEK / 3)
            await again.advance(timedelta())
    assert len(_digests(messenger)) == 2
    async with _running(database, clock, messenger) as last:
        await last.advance(WEEK)
        assert await _digests_due(last) == [datetime(2026, 11, 30, 14, tzinfo=UTC)]
    assert len(_digests(messenger)) == 3


async def test_a_daylight_saving_week_keeps_nine_oclock_local(database: Database) -> None:
    # Monday Mar 8 2027, 09:00 EST; clocks go forward on Sunday Mar 14.
    clock = frozen_clock(datetime(2027, 3, 8, 14, tzinfo=UTC))
    messenger = RecordingMessenger()
    async with _running(database, clock, messenger) as h:
        await h.say("Olivia", "/phonebank list")
        await h.advance(timedelta(hours=1))
        assert await _digests_due(h) == [datetime(2027, 3, 15, 13, tzinfo=UTC)]  # 09:00 EDT
        await h.advance(WEEK - timedelta(hours=2))
        assert len(_digests(messenger)) == 1
        assert await _digests_due(h) == [datetime(2027, 3, 22, 13, tzinfo=UTC)]


async def test_organizers_move_or_stop_the_digest(harness: Harness) -> None:
    await harness.say("Olivia", "/phonebank list")
    await harness.advance(timedelta())
    moved = await harness.say("Olivia", "/turnout digest friday 17:00")
    assert "every Friday at 17:00 (America/New_York)" in moved
    assert "Fri Nov 6, 5:00 PM EST" in moved
    assert await _digests_due(harness) == [datetime(2026, 11, 6, 22, tzinfo=UTC)]
    assert "The weekly digest is off" in await harness.say("Olivia", "/turnout digest off")
    await harness.advance(timedelta())
    assert await _digests_due(harness) == []
    await harness.advance(2 * WEEK)
    assert _digests(harness.messenger) == []
    bad = await harness.reply("Olivia", "/turnout digest someday 25:00")
    assert isinstance(bad, Message) and bad.error
    assert "like `/turnout digest monday 09:00`" in bad.text
    refused = await harness.reply("Maria", "/turnout digest monday 09:00")
    assert isinstance(refused, Message) and refused.error


async def test_a_new_campaign_zone_moves_the_queued_digest_and_it_still_goes_once_a_week(
    harness: Harness,
) -> None:
    await harness.say("Olivia", "/phonebank list")
    await harness.advance(timedelta())  # the sweep queues Monday 09:00 New York time
    assert await _digests_due(harness) == [datetime(2026, 11, 9, 14, tzinfo=UTC)]

    await harness.say("Olivia", "/turnout tz America/Los_Angeles")

    # 09:00 is now Los Angeles' 09:00, and the one queued for New York's is gone.
    assert await _digests_due(harness) == [datetime(2026, 11, 9, 17, tzinfo=UTC)]
    for _ in range(2 * 7 * 4 + 1):  # two weeks and a bit, swept every six hours
        await harness.advance(timedelta(hours=6))
    assert len(_digests(harness.messenger)) == 2
    assert await _digests_due(harness) == [datetime(2026, 11, 23, 17, tzinfo=UTC)]


async def test_a_zone_further_west_after_the_digest_went_sends_no_second_one_that_day(
    harness: Harness,
) -> None:
    await harness.say("Olivia", "/phonebank list")
    await harness.advance(timedelta())
    await harness.advance(WEEK)  # Monday Nov 9, 09:00 New York time: the digest goes
    assert len(_digests(harness.messenger)) == 1

    await harness.advance(timedelta(hours=1))
    await harness.say("Olivia", "/turnout tz America/Los_Angeles")  # 07:00 there
    await harness.advance(timedelta(hours=3))

    assert len(_digests(harness.messenger)) == 1
    assert await _digests_due(harness) == [datetime(2026, 11, 16, 17, tzinfo=UTC)]


async def test_the_week_ahead_lists_open_seats_and_shifts_at_risk(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Thin calls" 2026-11-12 18:00 2h 10')
    await harness.say("Olivia", '/phonebank create "Full calls" 2026-11-13 18:00 2h 1')
    await harness.say("Olivia", '/phonebank create "Later calls" 2026-11-30 18:00 2h 4')
    for name in ("Maria", "Sam"):
        await harness.say(name, "/phonebank join 1")
    await harness.say("Ann", "/phonebank join 2")
    await harness.advance(timedelta())
    await harness.advance(WEEK)
    [digest] = _digests(harness.messenger)
    lines = timefmt.plain(digest.text).splitlines()
    assert "• Shifts with open seats (1 of 2 shifts):" in lines
    assert "   ◦ #1 “Thin calls”, Thu Nov 12, 6:00 PM EST: 2 of 10 seats filled (20%)" in lines
    assert ("• At risk: less than 60% of the seats filled, with no show rate yet (1):") in lines
    # Maria, Sam and Ann arrived and nobody has contacted them (the organizer needs no contact).
    assert "• Newcomers still waiting for a first contact: 3 (`/volunteer new` lists them)" in lines
    assert "Later calls" not in digest.text


async def test_a_first_digest_with_no_shift_over_yet_claims_no_show_rate(harness: Harness) -> None:
    """Shifts under way this week, none over: no show rate anywhere, no 100% made up, and the
    chart's show-rate line has no point for the week."""
    await harness.say("Olivia", '/phonebank create "Thin calls" 2026-11-12 18:00 2h 10')
    await harness.say("Olivia", '/phonebank create "Soon calls" 2026-11-08 18:00 2h 4')
    for name in ("Maria", "Sam"):
        await harness.say(name, "/phonebank join 1")
        await harness.say(name, "/phonebank join 2")
    await harness.advance(timedelta())
    await harness.advance(WEEK - timedelta(days=2))
    await harness.advance(timedelta(days=2))
    [digest] = _digests(harness.messenger)
    text = timefmt.plain(digest.text)
    assert "Show rate (attended of those confirmed at the start): none yet" in text
    assert "100%" not in text
    assert "At risk: less than 60% of the seats filled, with no show rate yet (1):" in text
    async with harness.storage.unit_of_work() as uow:
        team = await uow.campaigns.team("test", TEAM)
        assert team is not None
        weeks = await uow.stats.weeks(
            team.campaign_id,
            [harness.clock.now() - WEEK, harness.clock.now()],
            harness.clock.now(),
        )
    [week] = weeks
    assert (week.filled, week.attended, week.show_rate) == (2, 0, None)
