"""Clocks: the real one, and one that people and tests can move."""

from datetime import UTC, datetime, timedelta

from bot.ports.clock import Clock


class SystemClock(Clock):
    def now(self) -> datetime:
        return datetime.now(UTC)


class ManualClock(Clock):
    """Follows the real clock from a chosen starting point, and jumps forward on request.

    The console uses it for `:advance`; tests use it frozen (`running=False`).
    """

    def __init__(self, start: datetime | None = None, *, running: bool = True) -> None:
        real = datetime.now(UTC)
        self._origin = real
        self._start = (start or real).astimezone(UTC)
        self._running = running
        self._jumped = timedelta()

    def now(self) -> datetime:
        elapsed = datetime.now(UTC) - self._origin if self._running else timedelta()
        return self._start + elapsed + self._jumped

    def advance(self, span: timedelta) -> None:
        self._jumped += span

    def move_to(self, moment: datetime) -> None:
        """Read `moment` now (and follow the real clock on from it, if running)."""
        self._jumped += moment - self.now()
