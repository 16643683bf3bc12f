"""Reminders: on time, in the right zone, late but meaningful, never confusing."""

from datetime import UTC, datetime, timedelta

from bot.domain.notice import NoticeKind
from bot.signups.buttons import LEAVE
from tests.conftest import Harness
from tests.queued import pending_notices

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 1 https://dialer.example/sat'
# Sat Nov 7, 6:00 PM EST is 23:00 UTC; the clock starts Mon Nov 2, 14:00 UTC.
STARTS = datetime(2026, 11, 7, 23, 0, tzinfo=UTC)


async def until(h: Harness, moment: datetime) -> None:
    await h.advance(moment - h.clock.now())


async def test_the_24h_and_1h_reminders_arrive_with_the_link_and_a_way_out(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CREATE)
    await harness.say("Maria", "/phonebank join 1")
    harness.messenger.clear()

    await until(harness, STARTS - timedelta(hours=24, minutes=1))
    assert harness.messenger.texts("maria") == []
    await until(harness, STARTS - timedelta(hours=24))
    [day_before] = harness.messenger.texts("maria")
    assert "starts in 1 day" in day_before
    assert "Sat Nov 7, 6:00 PM EST" in day_before
    assert "https://dialer.example/sat" in day_before
    assert "[1] I'll be there   [2] Can't make it" in day_before

    await until(harness, STARTS - timedelta(hours=1))
    assert "starts in 1 hour" in harness.messenger.texts("maria")[1]
    await until(harness, STARTS)
    assert "It's starting now" in harness.messenger.texts("maria")[2]
    await until(harness, STARTS + timedelta(hours=3))
    # No reminder after the shift began: only "How did it go?" after the end.
    assert len(harness.messenger.texts("maria")) == 4
    assert "How did it go?" in harness.messenger.texts("maria")[3]


async def test_cant_make_it_leaves_the_shift_and_promotes_the_waitlist(harness: Harness) -> None:
    await harness.say("Olivia", CREATE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await until(harness, STARTS - timedelta(hours=24))
    harness.messenger.clear()

    reply = await harness.press("Maria", LEAVE.action(1))
    assert "You've left #1" in reply
    [promotion] = harness.messenger.texts("sam")
    assert "you're now confirmed" in promotion
    await until(harness, STARTS - timedelta(hours=1))
    assert "starts in 1 hour" in harness.messenger.texts("sam")[-1]
    assert harness.messenger.texts("maria") == []


async def test_after_downtime_only_the_nearest_missed_reminder_is_sent(harness: Harness) -> None:
    await harness.say("Olivia", CREATE)
    await harness.say("Maria", "/phonebank join 1")
    harness.messenger.clear()
    # Nobody ran the dispatcher from two days out until 40 minutes before the shift.
    harness.clock.advance(STARTS - timedelta(minutes=40) - harness.clock.now())
    report = await harness.deliver()
    [late] = harness.messenger.texts("maria")
    assert "starts in 40 minutes" in late
    # The organizers' confirmation check is late too, but still useful before the start.
    assert report.sent == 2 and report.dropped == 1


async def test_reminders_whose_shift_has_started_are_skipped_not_sent(harness: Harness) -> None:
    await harness.say("Olivia", CREATE)
    await harness.say("Maria", "/phonebank join 1")
    harness.messenger.clear()
    harness.clock.advance(STARTS + timedelta(minutes=5) - harness.clock.now())
    report = await harness.deliver()
    # The check-in is still meaningful five minutes in; the reminders are not.
    [check_in] = harness.messenger.texts("maria")
    assert "It's starting now" in check_in
    # Both reminders and the organizers' confirmation check.
    assert report.dropped == 3 and report.sent == 1


async def test_a_volunteer_can_turn_reminders_off_and_back_on(harness: Harness) -> None:
    await harness.say("Olivia", CREATE)
    await harness.say("Maria", "/phonebank join 1")
    assert "no reminders for you" in await harness.say("Maria", "/volunteer reminders off")
    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow, volunteer_id=2)
    assert [n for n in pending if n.kind is NoticeKind.SHIFT_REMINDER] == []
    reply = await harness.say("Maria", "/volunteer reminders 2h")
    assert "remind you 2h before each shift" in reply
    harness.messenger.clear()
    await until(harness, STARTS - timedelta(hours=2))
    assert "starts in 2 hours" in harness.messenger.texts("maria")[0]
    assert "campaign's default" in await harness.say("Maria", "/volunteer reminders default")


async def test_changing_the_campaign_reminders_reschedules_those_who_follow_it(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CREATE.replace(" 1 https", " 5 https"))
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.say("Sam", "/volunteer reminders 3h")
    reply = await harness.say("Olivia", "/turnout reminders 30m")
    assert "30m before each shift" in reply and "Updated 1 upcoming sign-up" in reply
    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow, shift_id=1)
    due = sorted(n.due_at for n in pending if n.kind is NoticeKind.SHIFT_REMINDER)
    assert due == [STARTS - timedelta(hours=3), STARTS - timedelta(minutes=30)]
    assert "Only organizers" in await harness.say("Maria", "/turnout reminders 1h")


async def test_the_day_before_reminder_keeps_local_time_across_the_clock_change(
    harness: Harness,
) -> None:
    harness.clock.advance(datetime(2026, 10, 25, 12, tzinfo=UTC) - harness.clock.now())
    # Nov 1, 2026: clocks fall back at 2:00 in New York.
    await harness.say("Olivia", '/phonebank create "Fall back calls" 2026-11-02 18:00 2h 5')
    await harness.say("Olivia", '/phonebank create "Change day calls" 2026-11-01 18:00 2h 5')
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Maria", "/phonebank join 2")
    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow, volunteer_id=2)
    day_before = sorted(n.due_at for n in pending if n.payload.get("offset_minutes") == 24 * 60)
    # 18:00 EDT on Oct 31 and 18:00 EST on Nov 1.
    assert day_before == [
        datetime(2026, 10, 31, 22, 0, tzinfo=UTC),
        datetime(2026, 11, 1, 23, 0, tzinfo=UTC),
    ]


async def test_a_fourteen_day_reminder_reads_as_days(harness: Harness) -> None:
    reply = await harness.say("Olivia", "/turnout reminders 14d,1h")

    assert reply.startswith("Reminders now go out 14 days, 1h before each shift.")
