"""Wake-ups: APScheduler runs the dispatcher at the next due time and the periodic sweeps.

Only one wake-up job exists at a time, whatever the number of pending reminders: the
database says what is due, the scheduler only says when to look.
"""

import asyncio
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app.clock import ManualClock
from bot.kernel.feature import Sweep
from bot.kernel.outbox.dispatcher import Dispatcher
from bot.kernel.wording import plural
from bot.ports.clock import Clock
from bot.ports.storage import Storage, StorageUnavailable

log = logging.getLogger(__name__)

# Told of each moment `pass_time` stops at.
Stopped = Callable[[datetime], None]


# The one wake-up job that delivers what is due (APScheduler drops it as it runs).
_DELIVER = "deliver"


class Wakeups:
    def __init__(
        self,
        *,
        dispatcher: Dispatcher,
        storage: Storage,
        clock: Clock,
        sweeps: Sequence[Sweep],
        sweep_every: timedelta = timedelta(minutes=1),
    ) -> None:
        self._dispatcher = dispatcher
        self._storage = storage
        self._clock = clock
        self._sweep_every = sweep_every
        self._sweeps = tuple(sweeps)
        # When each sweep whose work falls due at known moments has work next.
        self._timed = tuple(sweep.next_at for sweep in self._sweeps if sweep.next_at is not None)
        self._scheduler = AsyncIOScheduler(timezone=UTC)
        # Wake-ups in progress. Stopping waits for them: cancelling one mid-query can leave the
        # database driver's connection half-closed and hang the process at exit.
        self._busy = 0
        self._idle = asyncio.Event()
        self._idle.set()
        # Wake-ups in a row that the database cut short: each waits twice as long as the last.
        self._failures = 0
        # What the last complete look at the queue found: when the next notice falls due
        # (None: nothing pending), as of the `_kicks`-th kick. A kick since means it may be stale.
        self._next_due: datetime | None = None
        self._kicks = 0
        self._looked_at_kick: int | None = None
        # When the deliver job scheduled last runs (real clock), while it waits to (see _wake_in).
        self._wake_at: datetime | None = None

    def start(self) -> None:
        """Start waking up; must be called inside the running event loop."""
        # The sweep is also the safety net: a missed wake-up costs at most one sweep interval.
        self._scheduler.add_job(
            self.sweep,
            "interval",
            seconds=self._sweep_every.total_seconds(),
            id="sweep",
            next_run_time=datetime.now(UTC),
            max_instances=1,
            coalesce=True,
        )
        self._scheduler.start()

    def kick(self, due_at: datetime | None = None) -> None:
        """Something was just queued, the earliest of it due at `due_at` (None: unknown): wake
        up for it when it falls due rather than at the next wake-up. While the last look at
        the queue is complete, the next due time it found is brought forward to `due_at`
        instead of looking again; otherwise (or with `due_at` unknown) the look is now."""
        up_to_date = self._looked_at_kick == self._kicks
        self._kicks += 1
        if due_at is None or not up_to_date:
            self._wake_in(timedelta())
            return
        self._looked_at_kick = self._kicks
        if self._next_due is not None and due_at >= self._next_due:
            # The wake-up for the next due time still stands, and comes first.
            return
        self._next_due = due_at
        self._wake_in(due_at - self._clock.now())

    async def deliver_if_due(self) -> None:
        """As `deliver`, but only when something can have fallen due since the last look: a
        notice was queued (a kick), or the clock has reached the next due time. Otherwise the
        queue is as it was, and looking costs a dispatcher pass for nothing."""
        if self._looked_at_kick == self._kicks and (
            self._next_due is None or self._clock.now() < self._next_due
        ):
            return
        await self.deliver()

    async def sweep(self) -> None:
        """Raise follow-ups that came due, then deliver whatever is due."""
        with self._working():
            await self._sweep()

    async def deliver(self) -> None:
        """Deliver what is due now and sleep until the next notice falls due."""
        with self._working():
            await self._deliver()

    async def pass_time(
        self, clock: ManualClock, span: timedelta, *, stopped: Stopped = lambda _: None
    ) -> None:
        """Let `span` pass on `clock` as it would in real time, in one go (the console's
        `:advance`): the clock stops at each moment something falls due on the way (a notice,
        a follow-up, an offer running out), earliest first, and what falls due then is done
        then, so each message is written as of its own moment. `stopped` hears of each stop
        just before its work; the clock ends at `span` from where it was."""
        end = clock.now() + span
        # Whether what falls due at the clock's current moment has been done.
        swept = False
        with self._working():
            while (moment := await self._next_moment()) is not None and moment <= end:
                if moment <= clock.now() and swept:
                    # Still due after this moment's work (a send waiting for its retry, a
                    # claim held elsewhere): the next look is the next sweep's.
                    moment = clock.now() + self._sweep_every
                    if moment > end:
                        break
                if moment > clock.now():
                    clock.advance(moment - clock.now())
                    stopped(clock.now())
                await self._sweep()
                swept = True
            if clock.now() < end:
                clock.advance(end - clock.now())
                stopped(clock.now())
                await self._sweep()

    async def _next_moment(self) -> datetime | None:
        """The earliest moment something falls due: a notice, or a sweep's next work."""
        try:
            moments = [await self._dispatcher.next_due_at()]
            moments += [await next_at(self._storage) for next_at in self._timed]
        except StorageUnavailable:
            return None
        return min((moment for moment in moments if moment is not None), default=None)

    async def stop(self, grace: timedelta = timedelta(seconds=10)) -> None:
        """Stop waking up, letting the sends in flight finish (for up to `grace`); what was
        claimed but not yet sent goes back to the queue."""
        if not self._scheduler.running:
            return
        self._scheduler.pause()
        self._dispatcher.stop()
        try:
            await asyncio.wait_for(self._idle.wait(), grace.total_seconds())
        except TimeoutError:
            log.warning("stopping with a delivery still in progress; its lease will expire")
        self._scheduler.shutdown(wait=False)

    @contextmanager
    def _working(self) -> Iterator[None]:
        self._busy += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._busy -= 1
            if not self._busy:
                self._idle.set()

    async def _sweep(self) -> None:
        for sweep in self._sweeps:
            await self._step(sweep)
        await self._deliver()

    async def _step(self, sweep: Sweep) -> None:
        """One periodic step of the sweep; a database that is unavailable only delays it."""
        try:
            count = await sweep.run(self._storage, self._clock.now())
        except StorageUnavailable:
            log.warning("storage unavailable; %s wait for the next sweep", sweep.waiting)
            return
        except Exception:
            # A bug in one sweep must not stop the others, nor delivery after them.
            log.exception("a sweep failed; %s wait for the next sweep", sweep.waiting)
            return
        if count:
            log.info(sweep.done, plural(count, sweep.unit))

    async def _deliver(self) -> None:
        kicks = self._kicks
        try:
            report = await self._dispatcher.deliver_due()
            if report.sent or report.failed or report.retried:
                log.info("delivered %s", report)
            next_due = await self._dispatcher.next_due_at()
        except StorageUnavailable:
            self._try_again_later()
            return
        except Exception:
            # Whatever went wrong, delivery goes on: the wake-up after this one tries again.
            log.exception("delivery failed; trying again shortly")
            self._try_again_later()
            return
        if report.interrupted:
            self._try_again_later()
            return
        self._failures = 0
        self._next_due, self._looked_at_kick = next_due, kicks
        if self._kicks != kicks:
            # Queued while this look was under way: it may or may not have seen it.
            self._wake_in(timedelta())
        elif next_due is not None:
            self._wake_in(next_due - self._clock.now())

    def _try_again_later(self) -> None:
        """The database cut delivery short: look again after 1 s, 2 s, 4 s... up to a sweep
        interval, rather than at once (what is due is still due, and would fail again)."""
        self._failures += 1
        delay = min(2.0 ** (self._failures - 1), self._sweep_every.total_seconds())
        self._wake_in(timedelta(seconds=delay))

    def _wake_in(self, delay: timedelta) -> None:
        # APScheduler runs on the real clock; the injected clock may be ahead of it (the
        # console's `:advance`), so the wake-up is placed by delay, not by timestamp.
        run_date = datetime.now(UTC) + max(delay, timedelta())
        if (
            self._wake_at is not None
            and self._wake_at <= run_date
            and self._scheduler.get_job(_DELIVER) is not None
        ):
            # The wake-up already waiting comes first, and its look schedules the next one.
            # Replacing it would cost more than many a command (a job built, its callable
            # inspected), for each command of a burst that kicks before it has run.
            return
        self._wake_at = run_date
        self._scheduler.add_job(
            self.deliver,
            "date",
            run_date=run_date,
            id=_DELIVER,
            replace_existing=True,
            max_instances=3,
            misfire_grace_time=None,
        )
