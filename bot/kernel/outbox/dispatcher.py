"""The dispatcher: claims due notices, sends them, and records what happened.

Memory stays flat however many reminders are pending: it holds one batch per team being sent.
Each team sends in its own lane at its own pace (lanes.py). A notice is marked sent right after
its own send, so a crash can repeat at most the messages in flight at that moment (never more
than a team's pace window, 8); their lease then runs out and they are claimed again. A notice
is only sent while its claim holds: one whose lease is about to run out goes back to the queue
unsent, so that another process that claims it next cannot send it a second time.

This module is the mechanics (claiming, workers, pacing, marks); what to do with each notice
(where it goes, retry or give up, who is told) is decided in bot/kernel/outbox/delivery_policy.py.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from bot.domain.notice import Notice, NoticeState
from bot.domain.post import PostRef
from bot.kernel.outbox import delivery_policy as policy
from bot.kernel.outbox.delivery_policy import GiveUp, Send
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.lanes import Lane, Lanes, lane_of, lane_of_post, lane_of_send
from bot.kernel.outbox.marks import SentMarks
from bot.kernel.outbox.notices import NoticeBook, PostWork
from bot.kernel.outbox.pacing import Pace, Sleep
from bot.kernel.outbox.ready import Ready, queue_failure_notices, read_ahead, ready_for
from bot.kernel.outbox.report import DeliveryReport
from bot.ports.clock import Clock
from bot.ports.messenger import SENDING, DeliveryError, Messenger
from bot.ports.metrics import Metrics, NoMetrics, NoticeOutcome
from bot.ports.storage import Storage, StorageUnavailable

log = logging.getLogger(__name__)

# While teams' floods fill the lanes, how often (seconds) to look for notices of other teams
# that fell due meanwhile: a team's lone reminder waits at most this long behind a flood.
LOOK_AGAIN = 0.25


class Dispatcher:
    def __init__(
        self,
        *,
        storage: Storage,
        messenger: Messenger,
        clock: Clock,
        notices: NoticeBook,
        batch: int = 100,
        concurrency: int = 8,
        lease: timedelta = timedelta(minutes=1),
        sleep: Sleep = asyncio.sleep,
        metrics: Metrics | None = None,
    ) -> None:
        self._storage = storage
        self._messenger = messenger
        self._clock = clock
        self._book = notices
        self._batch = batch
        self._concurrency = concurrency
        self._lease = lease
        self._margin = policy.lease_margin(lease)
        self._paces: dict[Lane, Pace] = {}
        # How the paces wait out a platform's holds (tests pass virtual time).
        self._sleep = sleep
        self._marks = SentMarks(storage, clock)
        self._stopping = asyncio.Event()
        self._metrics = metrics or NoMetrics()

    async def deliver_due(self) -> DeliveryReport:
        """Send everything due now until nothing is left.

        A pipeline: while each team's lane sends, more is claimed and written, so the teams'
        pace, not the database, sets the speed of a fan-out. A campaign that already holds a
        batch is skipped when claiming, so others' notices are claimed beside its flood.
        """
        report = DeliveryReport()
        broken = asyncio.Event()
        lanes: Lanes[tuple[Ready, datetime]] = Lanes(
            lambda item: self._work(item, report, broken),
            workers=self._concurrency,
            backlog=self._batch,
        )
        try:
            drained = False
            while not broken.is_set() and not self._stopping.is_set():
                lease_end = self._clock.now() + self._lease
                # Campaigns with nothing in the lanes first, so that a team's one reminder
                # never waits behind another's flood that is due sooner; then more of the
                # campaigns being sent that have room.
                claimed = list(await self._claim(lanes.campaigns())) if lanes.held else []
                crowded = lanes.crowded()
                claimed += await self._claim(crowded)
                if not claimed and lanes.held:
                    # Claim again once a crowded campaign has room or all is sent, or soon
                    # anyway: another team's notice may fall due meanwhile.
                    await self._until_or_stopping(lanes, lanes.room_for(crowded, unless=broken))
                    drained = False
                    continue
                if not claimed:
                    if drained:
                        break
                    # What was sent may still have queued more (e.g. an alert that one failed).
                    drained = True
                    continue
                drained = False
                for ready in await self._prepare(claimed, report):
                    lanes.add(lane_of(ready), ready.notice.campaign_id, (ready, lease_end))
        except StorageUnavailable:
            broken.set()
        finally:
            await lanes.close()
        if broken.is_set():
            report.interrupted = True
            log.warning("storage unavailable; delivery resumes at the next wake-up")
        return report

    async def _work(
        self, item: tuple[Ready, datetime], report: DeliveryReport, broken: asyncio.Event
    ) -> None:
        if broken.is_set():
            # Without the database a send could not be recorded and would be repeated; the
            # claim runs out instead and the message is sent after the outage.
            return
        ready, lease_end = item
        try:
            if self._stopping.is_set():
                await self._hand_back(ready.notice)
            else:
                await self._deliver(ready, report, lease_end)
        except StorageUnavailable:
            broken.set()

    def stop(self) -> None:
        """Finish the sends in flight, hand back what is claimed but unsent, claim no more.

        A restart (a deploy, a SIGTERM) then sends the rest at once instead of waiting for
        the claims to run out.
        """
        self._stopping.set()

    async def _until_or_stopping(self, lanes: Lanes[Any], check: Callable[[], bool]) -> None:
        done = asyncio.create_task(lanes.until(check))
        stopping = asyncio.create_task(self._stopping.wait())
        await asyncio.wait(
            (done, stopping), timeout=LOOK_AGAIN, return_when=asyncio.FIRST_COMPLETED
        )
        done.cancel()
        stopping.cancel()

    async def _hand_back(self, notice: Notice) -> None:
        async with self._storage.unit_of_work() as uow:
            await uow.notices.retry_at(
                notice.id, self._clock.now(), error="handed back at shutdown", attempt_used=False
            )
            await uow.commit()

    async def next_due_at(self) -> datetime | None:
        async with self._storage.unit_of_work() as uow:
            return await uow.notices.next_due_at()

    async def _claim(self, skip_campaigns: set[int]) -> Sequence[Notice]:
        async with self._storage.unit_of_work() as uow:
            claimed = await uow.notices.claim_due(
                self._clock.now(),
                limit=self._batch,
                lease=self._lease,
                skip_campaigns=skip_campaigns,
            )
            await uow.commit()
        return claimed

    def pace(self, platform: str, team: str = "") -> Pace:
        """How fast we may send to `team` on `platform` now (a platform limits each team on
        its own); shared by every delivery of this process."""
        lane = (platform, team)
        if lane not in self._paces:
            self._paces[lane] = Pace(self._clock, most=self._concurrency, sleep=self._sleep)
        return self._paces[lane]

    async def _prepare(self, claimed: Sequence[Notice], report: DeliveryReport) -> list[Ready]:
        """Write each claimed notice as of now, in one transaction for the whole batch.

        If that transaction itself breaks, each notice is prepared on its own, so that one
        broken notice fails alone instead of taking its batch with it every lease.
        """
        superseded = policy.superseded(claimed) | self._book.posts.superseded(claimed)
        try:
            return await self._prepare_together(claimed, superseded, report)
        except StorageUnavailable:
            raise
        except Exception:
            log.exception("preparing %d notices together failed; one at a time", len(claimed))
        ready: list[Ready] = []
        for notice in claimed:
            try:
                ready += await self._prepare_together([notice], superseded, report)
            except StorageUnavailable:
                raise
            except Exception as error:
                await self._failed_for_good(notice, error, report)
        return ready

    async def _prepare_together(
        self, claimed: Sequence[Notice], superseded: set[int], report: DeliveryReport
    ) -> list[Ready]:
        now = self._clock.now()
        ready: list[Ready] = []
        dropped = 0
        failed: list[Notice] = []
        async with self._storage.unit_of_work() as uow:
            await read_ahead(uow, claimed)
            for notice in claimed:
                try:
                    prepared = await ready_for(
                        self._book, uow, notice, now, superseded=notice.id in superseded
                    )
                except StorageUnavailable:
                    raise
                except Exception as error:
                    # A bug in one notice must not hold up the others, nor come back every lease.
                    log.exception("could not write notice %s", notice.id)
                    prepared = Drop(NoticeState.FAILED, repr(error))
                if isinstance(prepared, Drop):
                    await uow.notices.mark(notice.id, prepared.state, now, error=prepared.reason)
                    if prepared.state is NoticeState.FAILED:
                        failed.append(notice)
                    else:
                        dropped += 1
                else:
                    ready.append(prepared)
            await uow.commit()
        report.dropped += dropped
        for notice in failed:
            self._count(report, notice, NoticeOutcome.FAILED)
        return ready

    async def _deliver(self, ready: Ready, report: DeliveryReport, lease_end: datetime) -> None:
        try:
            await self._send(ready, report, lease_end)
        except StorageUnavailable:
            raise
        except Exception as error:
            log.exception("could not deliver notice %s", ready.notice.id)
            await self._failed_for_good(ready.notice, error, report)

    async def _failed_for_good(
        self, notice: Notice, error: Exception, report: DeliveryReport
    ) -> None:
        async with self._storage.unit_of_work() as uow:
            await uow.notices.mark(
                notice.id, NoticeState.FAILED, self._clock.now(), error=repr(error)
            )
            await uow.commit()
        self._count(report, notice, NoticeOutcome.FAILED)

    async def _send(self, ready: Ready, report: DeliveryReport, lease_end: datetime) -> None:
        if ready.post is not None:
            await self._send_post(ready.post, report, lease_end)
            return
        notice = ready.notice
        sending = SENDING.set(f"notice-{notice.id}")
        try:
            tried = [await self._send_one(send, ready, report, lease_end) for send in ready.sends]
            missed = [error for error in tried if error is not None]
            if missed and len(missed) == len(tried):
                raise missed[0]
        except DeliveryError as error:
            await self._after_failure(notice, error, report)
            return
        except Exception as error:
            log.exception("unexpected error delivering notice %s", notice.id)
            await self._after_failure(notice, DeliveryError(repr(error)), report)
            return
        finally:
            SENDING.reset(sending)
        await self._marks.sent(notice.id)
        self._count(report, notice, NoticeOutcome.SENT)

    async def _send_one(
        self, send: Send, ready: Ready, report: DeliveryReport, lease_end: datetime
    ) -> DeliveryError | None:
        """Make one of a notice's sends; its error when policy passes over it for the others."""
        call = policy.call_for(self._messenger, send, ready.reply)
        try:
            await self._paced(self.pace(*lane_of_send(send)), call, report, lease_end)
        except DeliveryError as error:
            if not policy.passed_over(error, ready.sends):
                raise
            log.warning("notice %s missed %s: %s", ready.notice.id, send.platform, error.reason)
            return error
        return None

    async def _send_post(self, work: PostWork, report: DeliveryReport, lease_end: datetime) -> None:
        """Put a live post up or edit it, at its platform's pace, and record what it shows.

        A message or channel that is gone (a permanent failure) forgets the post; anything
        else is retried like any send.
        """
        messenger = self._messenger
        sent: list[PostRef] = []

        async def call() -> None:
            if work.ref is None:
                assert work.team is not None
                sent.append(await messenger.post_in_channel(work.team, work.channel, work.reply))
            else:
                await messenger.edit_post(work.ref, work.reply)
                sent.append(work.ref)

        notice = work.notice
        try:
            await self._paced(self.pace(*lane_of_post(work)), call, report, lease_end)
        except Exception as error:
            failure = error if isinstance(error, DeliveryError) else DeliveryError(repr(error))
            if not isinstance(error, DeliveryError):
                log.exception("unexpected error with live post notice %s", notice.id)
            if not failure.permanent:
                await self._after_failure(notice, failure, report)
                return
            now = self._clock.now()
            async with self._storage.unit_of_work() as uow:
                await self._book.posts.forget(uow, work, failure.reason, now)
                await uow.notices.mark(notice.id, NoticeState.FAILED, now, error=failure.reason)
                await uow.commit()
            self._count(report, notice, NoticeOutcome.FAILED)
            return
        now = self._clock.now()
        async with self._storage.unit_of_work() as uow:
            await self._book.posts.settle(uow, work, sent[0], now)
            await uow.notices.mark(notice.id, NoticeState.SENT, now)
            await uow.commit()
        self._count(report, notice, NoticeOutcome.SENT)

    async def _paced(
        self,
        pace: Pace,
        send: Callable[[], Awaitable[None]],
        report: DeliveryReport,
        lease_end: datetime,
    ) -> None:
        """Send at the platform's pace, waiting out its short rate-limit holds in memory."""
        while True:
            await self._wait_for(pace, lease_end)
            async with pace.turn() as number:
                # A hold may have begun while this send queued for its turn.
                await self._wait_for(pace, lease_end)
                try:
                    # A send still going when its claim ends could be repeated by another
                    # process; no platform timeout may outlast the claim.
                    left = lease_end - self._clock.now()
                    async with asyncio.timeout(left.total_seconds()):
                        await send()
                except TimeoutError:
                    raise DeliveryError("the platform didn't answer in time") from None
                except DeliveryError as error:
                    if error.retry_after is None:
                        raise
                    pace.limited(number, error.retry_after)
                    report.rate_limited += 1
                    continue
                pace.sent()
                return

    async def _wait_for(self, pace: Pace, lease_end: datetime) -> None:
        allowed = policy.wait_allowed(lease_end - self._clock.now(), self._margin)
        if allowed is None:
            raise DeliveryError("its claim ran out before it could be sent", retry_after=0)
        held = await pace.ready(allowed)
        if held is not None:
            wait = (held - self._clock.now()).total_seconds()
            raise DeliveryError("the platform asked us to slow down", retry_after=wait)

    async def _after_failure(
        self, notice: Notice, error: DeliveryError, report: DeliveryReport
    ) -> None:
        now = self._clock.now()
        decision = policy.after_failure(notice, error, now)
        async with self._storage.unit_of_work() as uow:
            if isinstance(decision, GiveUp):
                log.warning("notice %s failed for good: %s", notice.id, decision.reason)
                await uow.notices.mark(notice.id, NoticeState.FAILED, now, error=decision.reason)
                await queue_failure_notices(self._book, uow, notice, error, now)
                outcome = NoticeOutcome.FAILED
            else:
                await uow.notices.retry_at(
                    notice.id, decision.at, error=error.reason, attempt_used=decision.attempt_used
                )
                outcome = NoticeOutcome.RETRIED
            await uow.commit()
        self._count(report, notice, outcome)

    def _count(self, report: DeliveryReport, notice: Notice, outcome: NoticeOutcome) -> None:
        """Count one notice's outcome in this delivery's report, and for operators."""
        report.add(outcome)
        sent = outcome is NoticeOutcome.SENT
        late_by = (self._clock.now() - notice.due_at).total_seconds() if sent else None
        self._metrics.notice(notice.kind.value, outcome, late_by=late_by)
