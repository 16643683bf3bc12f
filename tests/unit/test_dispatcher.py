"""Delivery: retries, rate limits and undeliverable DMs, with nothing lost or doubled."""

import asyncio
import logging
from datetime import timedelta

import pytest

from bot.catalogue import catalogue
from bot.domain.campaign import Identity
from bot.domain.notice import NewNotice, NoticeKind
from bot.kernel.outbox.dispatcher import Dispatcher
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Reply
from tests.conftest import Harness
from tests.fakes import ORGANIZERS, VOLUNTEERS
from tests.queued import pending_notices


async def arrive(h: Harness, name: str) -> None:
    await h.bot.turnout.welcome(h.actor(name))


async def test_a_transient_failure_is_retried_with_backoff_and_delivered_once(
    harness: Harness,
) -> None:
    harness.messenger.failures["maria"] = DeliveryError("HTTP 503")
    await arrive(harness, "Maria")
    report = await harness.deliver()
    assert report.retried == 1 and harness.messenger.texts("maria") == []
    del harness.messenger.failures["maria"]
    assert (await harness.deliver()).sent == 0  # not due again yet: backing off
    await harness.advance(timedelta(seconds=5))
    assert len(harness.messenger.texts("maria")) == 1
    await harness.advance(timedelta(minutes=30))
    assert len(harness.messenger.texts("maria")) == 1


async def test_a_rate_limited_message_waits_as_long_as_asked_then_arrives_once(
    harness: Harness,
) -> None:
    harness.messenger.failures["maria"] = DeliveryError("ratelimited", retry_after=30)
    await arrive(harness, "Maria")
    await harness.deliver()
    del harness.messenger.failures["maria"]
    await harness.advance(timedelta(seconds=29))
    assert harness.messenger.texts("maria") == []
    await harness.advance(timedelta(seconds=1))
    assert len(harness.messenger.texts("maria")) == 1


async def test_an_undeliverable_dm_is_recorded_and_organizers_are_told(harness: Harness) -> None:
    harness.messenger.failures["maria"] = DeliveryError("cannot_dm_user", permanent=True)
    await arrive(harness, "Maria")
    report = await harness.deliver()
    assert report.failed == 1
    alerts = harness.messenger.texts(ORGANIZERS)
    assert any(
        "couldn't deliver the welcome message to Maria (#1): cannot_dm_user" in a for a in alerts
    )
    async with harness.storage.unit_of_work() as uow:
        assert await pending_notices(uow, volunteer_id=1) == []


async def test_closed_dms_get_one_mention_in_the_volunteers_channel_however_many_fail(
    harness: Harness,
) -> None:
    harness.messenger.failures["maria"] = DeliveryError("DMs closed", dms_closed=True)
    await arrive(harness, "Maria")
    await harness.deliver()
    await harness.say("Olivia", '/phonebank create "Calls" 2026-11-07 18:00 2h 5')
    await harness.say("Maria", "/phonebank join 1")
    await harness.advance(timedelta(days=5))  # both reminders fall due and fail too
    [mention] = harness.messenger.texts(VOLUNTEERS)
    assert mention.startswith("@maria ") and "your DMs are closed to me" in mention
    alerts = [a for a in harness.messenger.texts(ORGANIZERS) if "couldn't deliver" in a]
    assert len(alerts) == 2  # the welcome and the (nearest) reminder
    assert "DMs closed" in alerts[0]


async def test_a_user_who_is_gone_is_not_mentioned_in_the_channel(harness: Harness) -> None:
    harness.messenger.failures["maria"] = DeliveryError("user_not_found", permanent=True)
    await arrive(harness, "Maria")
    await harness.deliver()
    assert harness.messenger.texts(VOLUNTEERS) == []


async def test_without_a_volunteers_channel_organizers_are_told_once_not_twice(
    harness: Harness,
) -> None:
    harness.messenger.failures["maria"] = DeliveryError("DMs closed", dms_closed=True)
    harness.messenger.failures["#volunteers"] = DeliveryError("no channel", permanent=True)
    await arrive(harness, "Maria")
    report = await harness.deliver()
    assert report.failed == 2  # the welcome DM, then the channel mention
    alerts = [a for a in harness.messenger.texts(ORGANIZERS) if "couldn't deliver" in a]
    assert len(alerts) == 1


async def test_a_message_that_keeps_failing_gives_up_and_reports_it(harness: Harness) -> None:
    harness.messenger.failures["maria"] = DeliveryError("HTTP 500")
    await arrive(harness, "Maria")
    for _ in range(12):
        await harness.advance(timedelta(minutes=15))
    alerts = harness.messenger.texts(ORGANIZERS)
    assert any("couldn't deliver the welcome message to Maria" in a for a in alerts)


async def test_a_notice_that_cannot_be_written_fails_alone_and_never_returns(
    harness: Harness,
) -> None:
    await arrive(harness, "Maria")
    async with harness.storage.unit_of_work() as uow:
        # An organizer alert that lost the volunteer it is about: rendering it raises.
        await uow.notices.add(
            NewNotice(campaign_id=1, kind=NoticeKind.NEW_VOLUNTEER, due_at=harness.clock.now())
        )
        await uow.commit()
    report = await harness.deliver()
    assert report.failed == 1
    assert len(harness.messenger.texts("maria")) == 1  # the welcome still went out
    # Nothing is left pending or leased, so it will not be claimed again.
    assert await harness.bot.dispatcher.next_due_at() is None


async def test_stopping_lets_a_delivery_in_progress_finish_and_record_it(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.app.scheduler")
    sending = asyncio.Event()
    release = asyncio.Event()
    send = harness.messenger.send_direct

    async def slow_send(to: Identity, reply: Reply) -> None:
        sending.set()
        await release.wait()
        await send(to, reply)

    harness.messenger.send_direct = slow_send  # type: ignore[method-assign]  # a slow fake
    await harness.bot.turnout.welcome(harness.actor("Maria"))
    wakeups = harness.bot.wakeups
    wakeups.start()
    await asyncio.wait_for(sending.wait(), 10)
    stopping = asyncio.create_task(wakeups.stop())
    # What had happened at the moment stop returned: the send made, and the wake-up that
    # made it over (it logs what it delivered once the send is recorded).
    seen_at_stop: list[tuple[int, bool]] = []
    stopping.add_done_callback(
        lambda _: seen_at_stop.append(
            (
                len(harness.messenger.texts("maria")),
                any(r.getMessage().startswith("delivered") for r in caplog.records),
            )
        )
    )
    release.set()
    await asyncio.wait_for(stopping, 10)
    assert seen_at_stop == [(1, True)], "stop waited for the send instead of cancelling it"
    assert len(harness.messenger.texts("maria")) == 1
    async with harness.storage.unit_of_work() as uow:
        assert await pending_notices(uow, volunteer_id=1) == []


async def test_stopping_mid_fan_out_hands_back_what_was_not_sent_for_a_restart_to_send(
    harness: Harness,
) -> None:
    for n in range(30):
        await harness.bot.turnout.welcome(harness.actor(f"Volunteer{n}"))
    release = asyncio.Event()
    all_busy = asyncio.Event()
    started = 0
    send = harness.messenger.send_direct

    async def slow_send(to: Identity, reply: Reply) -> None:
        nonlocal started
        started += 1
        if started == 8:  # every sender busy with one message
            all_busy.set()
        await release.wait()
        await send(to, reply)

    harness.messenger.send_direct = slow_send  # type: ignore[method-assign]  # a slow fake
    dispatcher = harness.bot.dispatcher
    delivering = asyncio.create_task(dispatcher.deliver_due())
    await asyncio.wait_for(all_busy.wait(), 10)
    dispatcher.stop()
    release.set()
    await asyncio.wait_for(delivering, 10)

    welcomed = [s.to for s in harness.messenger.sent if s.to.startswith("volunteer")]
    assert len(welcomed) == 8, "the sends in flight finish; nothing else starts"
    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow)
    assert len([n for n in pending if n.kind is NoticeKind.WELCOME]) == 22
    assert all(n.due_at <= harness.clock.now() for n in pending), "due at once, not after a lease"

    restarted = Dispatcher(
        storage=harness.storage,
        messenger=harness.messenger,
        clock=harness.clock,
        notices=catalogue().notice_book(),
    )
    await restarted.deliver_due()
    welcomed = [s.to for s in harness.messenger.sent if s.to.startswith("volunteer")]
    assert sorted(welcomed) == sorted(f"volunteer{n}" for n in range(30)), "each exactly once"
