"""Pacing: how fast Turnout sends to one platform, learned from the platform's 429s.

A rate limit belongs to the platform, not to one message: when a send meets a 429, every send
to that platform waits out Retry-After, not only the one that met it. How many sends may be in
flight grows by one per window of successes and halves at a 429 (additive increase,
multiplicative decrease, as TCP does). At the edge of the limit that costs about one 429 per
window instead of one per sender, and a crash can repeat at most the sends in flight.
"""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta

from bot.ports.clock import Clock

# How a hold is waited out: asyncio.sleep, or a test's virtual time that moves `clock` along.
Sleep = Callable[[float], Awaitable[None]]


class Pace:
    def __init__(self, clock: Clock, *, most: int = 8, sleep: Sleep = asyncio.sleep) -> None:
        self._clock = clock
        self._sleep = sleep
        self._most = most
        self._window = float(most)
        self._in_flight = 0
        self._hold_until: datetime | None = None
        # Sends are numbered; 429s for sends begun before the last cut don't cut again, since
        # they were already in flight when the platform said stop.
        self._started = 0
        self._cut_after = 0
        self._changed = asyncio.Condition()

    @property
    def window(self) -> int:
        """How many sends may be in flight now."""
        return int(self._window)

    def held_until(self) -> datetime | None:
        """When the platform lets us send again, if it asked us to wait."""
        if self._hold_until is not None and self._hold_until > self._clock.now():
            return self._hold_until
        return None

    async def ready(self, longest: timedelta) -> datetime | None:
        """Wait out a hold of up to `longest`; a longer one is returned for the caller to
        hand back to the queue rather than keep a claimed message waiting in memory."""
        held = self.held_until()
        if held is None:
            return None
        remaining = held - self._clock.now()
        if remaining > longest:
            return held
        # One sleep, not a loop on the clock: a test's frozen clock never moves by itself.
        await self._sleep(remaining.total_seconds())
        return None

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[int]:
        """A place among the sends in flight; yields the send's number for `limited`."""
        async with self._changed:
            await self._changed.wait_for(lambda: self._in_flight < self.window)
            self._in_flight += 1
            self._started += 1
            number = self._started
        try:
            yield number
        finally:
            async with self._changed:
                self._in_flight -= 1
                self._changed.notify_all()

    def sent(self) -> None:
        self._window = min(float(self._most), self._window + 1 / self._window)

    def limited(self, number: int, retry_after: float) -> datetime:
        """Send `number` met a 429: hold every send until Retry-After has passed."""
        until = self._clock.now() + timedelta(seconds=retry_after)
        if self._hold_until is None or until > self._hold_until:
            self._hold_until = until
        if number > self._cut_after:
            self._window = max(1.0, self._window / 2)
            self._cut_after = self._started
        return self._hold_until
