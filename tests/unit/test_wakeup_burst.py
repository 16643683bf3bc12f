"""A burst of commands kicking the wake-ups while one already waits to run schedules nothing
new (the waiting look sees all they queued); one for an earlier moment still replaces it."""

from datetime import datetime, timedelta

from tests.conftest import Harness


def waiting_until(harness: Harness) -> datetime:
    """When the deliver wake-up waiting runs: the last one scheduled (before the scheduler
    starts, each one scheduled waits in a list, and the last one scheduled is the one kept)."""
    wakeups = harness.bot.wakeups
    assert wakeups._scheduler.get_job("deliver") is not None
    assert wakeups._wake_at is not None
    return wakeups._wake_at


def jobs_waiting(harness: Harness) -> int:
    return len(harness.bot.wakeups._scheduler._pending_jobs)


async def test_kicks_while_a_look_waits_leave_it_as_it_is(harness: Harness) -> None:
    wakeups = harness.bot.wakeups
    wakeups.kick()
    first = waiting_until(harness)
    for _ in range(5):
        wakeups.kick()
        wakeups.kick(harness.clock.now() + timedelta(hours=1))
    assert waiting_until(harness) == first
    assert jobs_waiting(harness) == 1


async def test_a_sooner_wake_up_replaces_a_later_one_and_the_look_still_delivers(
    harness: Harness,
) -> None:
    wakeups = harness.bot.wakeups
    await wakeups.deliver()  # a complete look: kicks with a due time now bring it forward
    wakeups.kick(harness.clock.now() + timedelta(hours=2))
    later = waiting_until(harness)
    wakeups.kick(harness.clock.now() + timedelta(minutes=5))
    sooner = waiting_until(harness)
    assert sooner < later
    assert jobs_waiting(harness) == 2
    # What a command queues is delivered by the look that runs.
    await harness.reply("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3')
    reply = await harness.reply("Maria", "/phonebank join 1")
    assert harness.bot.wakeups._scheduler.get_job("deliver") is not None
    await wakeups.deliver()
    assert any(sent.to == "maria" for sent in harness.messenger.sent), reply
