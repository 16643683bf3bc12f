"""Pacing: a platform's 429 holds every send to it, and the sends in flight shrink and regrow."""

import asyncio
import itertools
from datetime import datetime, timedelta

from bot.app.messengers import PlatformMessengers
from bot.catalogue import catalogue
from bot.domain.campaign import Identity
from bot.kernel.outbox.dispatcher import Dispatcher
from bot.kernel.outbox.pacing import Pace
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Reply
from tests.conftest import Harness
from tests.fakes import RecordingMessenger, VirtualClock, frozen_clock


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
    clock = VirtualClock()
    pace = Pace(clock, most=3, sleep=clock.sleep)
    in_flight = 0
    most_seen = 0

    async def send() -> None:
        nonlocal in_flight, most_seen
        async with pace.turn():
            in_flight += 1
            most_seen = max(most_seen, in_flight)
            await clock.sleep(0.01)  # a round trip
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


async def test_a_hold_the_caller_can_wait_out_is_slept_to_the_moment_it_ends() -> None:
    clock = VirtualClock()
    pace = Pace(clock, most=8, sleep=clock.sleep)
    async with pace.turn() as number:
        until = pace.limited(number, retry_after=2.5)

    assert await pace.ready(timedelta(seconds=10)) is None
    assert clock.now() == until
    assert pace.held_until() is None


class RateLimitedPlatform(RecordingMessenger):
    """Allows `per_window` DMs per fixed window of `clock`'s time; beyond it, 429 with the
    time to the next window. Each send takes a round trip of that time."""

    def __init__(self, clock: VirtualClock, *, per_window: int, window: timedelta) -> None:
        super().__init__()
        self.clock = clock
        self.per_window = per_window
        self.window = window
        self.started = clock.now()
        self.counts: dict[int, int] = {}
        # Numbered in the order they happened: each send as it reached the platform (with
        # when), and each 429 as it was answered (with until when it holds).
        self._order = itertools.count()
        self.sends: list[tuple[int, datetime]] = []
        self.holds: list[tuple[int, datetime]] = []

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        now = self.clock.now()
        self.sends.append((next(self._order), now))
        await self.clock.sleep(0.002)  # a round trip, so that several sends are in flight
        index = (now - self.started) // self.window
        if self.counts.get(index, 0) >= self.per_window:
            until = self.started + (index + 1) * self.window
            self.holds.append((next(self._order), until))
            raise DeliveryError("ratelimited", retry_after=(until - now).total_seconds())
        self.counts[index] = self.counts.get(index, 0) + 1
        await super().send_direct(to, reply)

    def sends_during_holds(self) -> list[datetime]:
        """Sends that reached the platform after it answered a 429 and before that hold ended."""
        return [
            at
            for sent, at in self.sends
            for answered, until in self.holds
            if answered < sent and at < until
        ]


async def test_a_fan_out_at_the_rate_limit_sends_each_once_and_nothing_during_a_hold(
    harness: Harness,
) -> None:
    for n in range(40):
        await harness.bot.turnout.welcome(harness.actor(f"Volunteer{n}"))
    clock = VirtualClock(harness.clock.now())
    platform = RateLimitedPlatform(clock, per_window=10, window=timedelta(seconds=0.2))
    platform.platform = "test"
    dispatcher = Dispatcher(
        storage=harness.storage,
        messenger=PlatformMessengers([platform]),
        clock=clock,
        notices=catalogue().notice_book(),
        sleep=clock.sleep,
    )

    report = await dispatcher.deliver_due()

    welcomed = [s.to for s in platform.sent if s.to.startswith("volunteer")]
    assert sorted(welcomed) == sorted(f"volunteer{n}" for n in range(40)), "each exactly once"
    assert report.rate_limited == len(platform.holds) > 0
    # At most a window's worth of 429s each time the limit is met, not one per waiting message.
    assert len(platform.holds) <= 8 * (40 // 10)
    assert platform.sends_during_holds() == [], "no send may start while the platform's hold lasts"
    # Each hold is waited out to its end and no longer: every window is used to the full.
    assert platform.counts == {0: 10, 1: 10, 2: 10, 3: 10}
