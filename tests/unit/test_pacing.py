"""Pacing: a platform's 429 holds every send to it, and the sends in flight shrink and regrow."""

import asyncio
import time
from datetime import UTC, datetime, timedelta

from bot.app.clock import ManualClock
from bot.app.messengers import PlatformMessengers
from bot.catalogue import catalogue
from bot.domain.campaign import Identity
from bot.kernel.outbox.dispatcher import Dispatcher
from bot.kernel.outbox.pacing import Pace
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Reply
from tests.conftest import Harness
from tests.fakes import RecordingMessenger, frozen_clock


async def test_a_burst_of_429s_for_sends_already_in_flight_halves_the_window_once() -> None:
    pace = Pace(frozen_clock(), most=8)
    refused = asyncio.Event()

    async def send() -> None:
        async with pace.turn() as number:
            await refused.wait()  # all eight are in flight when the platform says stop
            pace.limited(number, retry_after=0)

    sends = [asyncio.create_task(send()) for _ in range(8)]
    await asyncio.sleep(0)
    refused.set()
    await asyncio.gather(*sends)
    assert pace.window == 4


async def test_the_window_regrows_by_about_one_per_window_of_successes() -> None:
    pace = Pace(frozen_clock(), most=8)
    async with pace.turn() as number:
        pace.limited(number, retry_after=0)
    assert pace.window == 4
    for _ in range(5):
        pace.sent()
    assert pace.window == 5
    for _ in range(100):
        pace.sent()
    assert pace.window == 8, "never more than the most it was given"


async def test_only_window_sends_are_in_flight_at_once() -> None:
    pace = Pace(frozen_clock(), most=3)
    in_flight = 0
    most_seen = 0

    async def send() -> None:
        nonlocal in_flight, most_seen
        async with pace.turn():
            in_flight += 1
            most_seen = max(most_seen, in_flight)
            await asyncio.sleep(0.01)
            in_flight -= 1

    await asyncio.gather(*(send() for _ in range(12)))
    assert most_seen == 3


async def test_a_hold_longer_than_the_caller_can_wait_is_handed_back_not_slept() -> None:
    clock = frozen_clock()
    pace = Pace(clock, most=8)
    async with pace.turn() as number:
        until = pace.limited(number, retry_after=30)
    assert until == clock.now() + timedelta(seconds=30)
    assert await pace.ready(timedelta(seconds=10)) == until
    clock.advance(timedelta(seconds=30))
    assert await pace.ready(timedelta(seconds=10)) is None


class RateLimitedPlatform(RecordingMessenger):
    """Allows `per_window` DMs per fixed window; beyond it, 429 with the time to the next one."""

    def __init__(self, *, per_window: int, window: float) -> None:
        super().__init__()
        self.per_window = per_window
        self.window = window
        self.started = time.monotonic()
        self.counts: dict[int, int] = {}
        self.attempts: list[float] = []
        self.holds: list[tuple[float, float]] = []

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        now = time.monotonic()
        self.attempts.append(now)
        await asyncio.sleep(0.002)  # a round trip, so that several sends are in flight
        index = int((now - self.started) / self.window)
        if self.counts.get(index, 0) >= self.per_window:
            until = self.started + (index + 1) * self.window
            self.holds.append((time.monotonic(), until))
            raise DeliveryError("ratelimited", retry_after=until - now)
        self.counts[index] = self.counts.get(index, 0) + 1
        await super().send_direct(to, reply)


async def test_a_fan_out_at_the_rate_limit_sends_each_once_and_nothing_during_a_hold(
    harness: Harness,
) -> None:
    for n in range(40):
        await harness.bot.turnout.welcome(harness.actor(f"Volunteer{n}"))
    platform = RateLimitedPlatform(per_window=10, window=0.2)
    platform.platform = "test"
    clock = ManualClock(datetime.now(UTC), running=True)
    clock.advance(harness.clock.now() - clock.now())  # same moment as the harness, but running
    dispatcher = Dispatcher(
        storage=harness.storage,
        messenger=PlatformMessengers([platform]),
        clock=clock,
        notices=catalogue().notice_book(),
    )

    report = await dispatcher.deliver_due()

    welcomed = [s.to for s in platform.sent if s.to.startswith("volunteer")]
    assert sorted(welcomed) == sorted(f"volunteer{n}" for n in range(40)), "each exactly once"
    assert report.rate_limited == len(platform.holds) > 0
    # At most a window's worth of 429s each time the limit is met, not one per waiting message.
    assert len(platform.holds) <= 8 * (40 // 10)
    for answered, until in platform.holds:
        during = [t for t in platform.attempts if answered + 0.005 < t < until - 0.005]
        assert during == [], "no send may start while the platform's hold lasts"
