"""The dispatcher: claims due notices, sends them, and records what happened.

Memory stays flat however many reminders are pending: it only ever holds one batch.
A notice is marked sent right after its own send, so a crash can repeat at most the
messages in flight at that moment (never more than a platform's pace window, 8); their lease
then runs out and they are claimed again. A notice is only sent while its claim holds: one
whose lease is about to run out goes back to the queue unsent, so that another process
that claims it next cannot send it a second time.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.campaign import Identity, Team
from bot.domain.notice import MAX_ATTEMPTS, NewNotice, Notice, NoticeKind, NoticeState, retry_delay
from bot.notices import DESCRIPTIONS, Drop, Outgoing, render
from bot.pacing import Pace
from bot.ports import (
    Clock,
    DeliveryError,
    Messenger,
    Storage,
    StorageUnavailable,
    UnitOfWork,
)
from bot.replies import Reply

log = logging.getLogger(__name__)

_MIN_RETRY = timedelta(seconds=1)
# A rate-limit hold shorter than this is waited out in memory, with the message still claimed;
# a longer one hands the message back to the queue, due when the hold ends.
_LONGEST_WAIT = timedelta(seconds=10)
# A claim this close to running out is not used to send: another process may claim it next.
_LEASE_MARGIN = timedelta(seconds=5)


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    dropped: int = 0
    retried: int = 0
    failed: int = 0
    # 429s met; each held every send to that platform for as long as it asked.
    rate_limited: int = 0


class PlatformMessengers(Messenger):
    """One Messenger for the core that hands each message to its platform's messenger."""

    platform = "any"

    def __init__(self, messengers: Sequence[Messenger]) -> None:
        self._by_platform = {m.platform: m for m in messengers}

    def _for(self, platform: str) -> Messenger:
        try:
            return self._by_platform[platform]
        except KeyError:
            raise DeliveryError(
                f"Turnout isn't connected to {platform} right now", permanent=True
            ) from None

    async def send_direct(self, to: Identity, reply: Reply) -> None:
        await self._for(to.platform).send_direct(to, reply)

    async def post_to_organizers(self, team: Team, reply: Reply) -> None:
        await self._for(team.platform).post_to_organizers(team, reply)

    async def mention_in_channel(self, to: Identity, reply: Reply) -> None:
        await self._for(to.platform).mention_in_channel(to, reply)


class Dispatcher:
    def __init__(
        self,
        *,
        storage: Storage,
        messenger: Messenger,
        clock: Clock,
        batch: int = 100,
        concurrency: int = 8,
        lease: timedelta = timedelta(minutes=1),
    ) -> None:
        self._storage = storage
        self._messenger = messenger
        self._clock = clock
        self._batch = batch
        self._concurrency = concurrency
        self._sending = asyncio.Semaphore(concurrency)
        self._lease = lease
        self._margin = min(_LEASE_MARGIN, lease / 4)
        self._paces: dict[str, Pace] = {}

    async def deliver_due(self) -> DeliveryReport:
        """Send everything due now, batch by batch, until nothing is left."""
        report = DeliveryReport()
        try:
            while True:
                lease_end = self._clock.now() + self._lease
                claimed = await self._claim()
                if not claimed:
                    break
                superseded = _superseded(claimed)
                await asyncio.gather(
                    *(
                        self._deliver(n, report, lease_end, superseded=n.id in superseded)
                        for n in claimed
                    )
                )
        except StorageUnavailable:
            log.warning("storage unavailable; delivery resumes at the next wake-up")
        return report

    async def next_due_at(self) -> datetime | None:
        async with self._storage.unit_of_work() as uow:
            return await uow.notices.next_due_at()

    async def _claim(self) -> Sequence[Notice]:
        async with self._storage.unit_of_work() as uow:
            claimed = await uow.notices.claim_due(
                self._clock.now(), limit=self._batch, lease=self._lease
            )
            await uow.commit()
        return claimed

    def pace(self, platform: str) -> Pace:
        """How fast we may send to `platform` now; shared by every delivery of this process."""
        if platform not in self._paces:
            self._paces[platform] = Pace(self._clock, most=self._concurrency)
        return self._paces[platform]

    async def _deliver(
        self, notice: Notice, report: DeliveryReport, lease_end: datetime, *, superseded: bool
    ) -> None:
        async with self._sending:
            try:
                await self._deliver_one(notice, report, lease_end, superseded=superseded)
            except StorageUnavailable:
                raise
            except Exception as error:
                # A bug in one notice must not hold up the others, nor come back every lease.
                log.exception("could not deliver notice %s", notice.id)
                async with self._storage.unit_of_work() as uow:
                    await uow.notices.mark(
                        notice.id, NoticeState.FAILED, self._clock.now(), error=repr(error)
                    )
                    await uow.commit()
                report.failed += 1

    async def _deliver_one(
        self, notice: Notice, report: DeliveryReport, lease_end: datetime, *, superseded: bool
    ) -> None:
        now = self._clock.now()
        async with self._storage.unit_of_work() as uow:
            verdict: Outgoing | Drop
            if superseded:
                verdict = Drop(NoticeState.SKIPPED, "a later reminder for this shift is due")
            else:
                verdict = await render(notice, uow, now)
            identity: Identity | None = None
            teams: Sequence[Team] = ()
            if isinstance(verdict, Outgoing) and verdict.to is not None:
                identities = await uow.volunteers.identities(verdict.to.id)
                if not identities:
                    verdict = Drop(NoticeState.FAILED, "no platform account to reach them on")
                else:
                    identity = identities[0]
            elif isinstance(verdict, Outgoing):
                teams = await uow.campaigns.teams_of(notice.campaign_id)
            if isinstance(verdict, Drop):
                await uow.notices.mark(notice.id, verdict.state, now, error=verdict.reason)
                await uow.commit()
                report.dropped += 1
                return
        reply = verdict.reply
        sends: list[tuple[str, Callable[[], Awaitable[None]]]]
        if identity is not None:
            to = identity
            if verdict.in_channel:
                sends = [(to.platform, lambda: self._messenger.mention_in_channel(to, reply))]
            else:
                sends = [(to.platform, lambda: self._messenger.send_direct(to, reply))]
        else:
            sends = [
                (team.platform, lambda team=team: self._messenger.post_to_organizers(team, reply))
                for team in teams
            ]
        try:
            for platform, send in sends:
                await self._paced(self.pace(platform), send, report, lease_end)
        except DeliveryError as error:
            await self._after_failure(notice, error, report)
            return
        except Exception as error:
            log.exception("unexpected error delivering notice %s", notice.id)
            await self._after_failure(notice, DeliveryError(repr(error)), report)
            return
        async with self._storage.unit_of_work() as uow:
            await uow.notices.mark(notice.id, NoticeState.SENT, self._clock.now())
            await uow.commit()
        report.sent += 1

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
                    await send()
                except DeliveryError as error:
                    if error.retry_after is None:
                        raise
                    pace.limited(number, error.retry_after)
                    report.rate_limited += 1
                    continue
                pace.sent()
                return

    async def _wait_for(self, pace: Pace, lease_end: datetime) -> None:
        left = lease_end - self._clock.now()
        if left < self._margin:
            raise DeliveryError("its claim ran out before it could be sent", retry_after=0)
        held = await pace.ready(min(_LONGEST_WAIT, left - self._margin))
        if held is not None:
            wait = (held - self._clock.now()).total_seconds()
            raise DeliveryError("the platform asked us to slow down", retry_after=wait)

    async def _after_failure(
        self, notice: Notice, error: DeliveryError, report: DeliveryReport
    ) -> None:
        now = self._clock.now()
        async with self._storage.unit_of_work() as uow:
            if error.retry_after is not None:
                # Rate limited: not the message's fault, so it does not use up an attempt's worth
                # of backoff; it simply waits as long as the platform asked.
                wait = max(_MIN_RETRY, timedelta(seconds=error.retry_after))
                await uow.notices.retry_at(
                    notice.id, now + wait, error=error.reason, attempt_used=False
                )
                report.retried += 1
            elif not error.permanent and notice.attempts < MAX_ATTEMPTS:
                wait = max(_MIN_RETRY, retry_delay(notice.attempts))
                await uow.notices.retry_at(notice.id, now + wait, error=error.reason)
                report.retried += 1
            else:
                log.warning("notice %s failed for good: %s", notice.id, error.reason)
                await uow.notices.mark(notice.id, NoticeState.FAILED, now, error=error.reason)
                await _queue_failure_notices(uow, notice, error, now)
                report.failed += 1
            await uow.commit()


async def _queue_failure_notices(
    uow: UnitOfWork, notice: Notice, error: DeliveryError, now: datetime
) -> None:
    """Tell organizers a volunteer missed a message, and mention the volunteer once if we can."""
    volunteer_id = notice.volunteer_id
    # Organizers were told when the DM failed; the channel mention failing adds nothing new.
    if volunteer_id is None or notice.kind is NoticeKind.DMS_CLOSED:
        return
    what = DESCRIPTIONS.get(notice.kind, "a message")
    await uow.notices.add(
        NewNotice(
            campaign_id=notice.campaign_id,
            kind=NoticeKind.DELIVERY_FAILED,
            due_at=now,
            payload={"volunteer_id": volunteer_id, "what": what, "reason": error.reason},
        )
    )
    if error.dms_closed and not await uow.notices.ever_queued(volunteer_id, NoticeKind.DMS_CLOSED):
        await uow.notices.add(
            NewNotice(
                campaign_id=notice.campaign_id,
                kind=NoticeKind.DMS_CLOSED,
                due_at=now,
                volunteer_id=volunteer_id,
            )
        )


def _superseded(claimed: Sequence[Notice]) -> set[int]:
    """Reminders made pointless by a later one for the same sign-up that is also due.

    After downtime both the 24 h and the 1 h reminder may be due; only the nearer one is sent.
    """
    latest: dict[int, Notice] = {}
    superseded: set[int] = set()
    for notice in claimed:
        if notice.kind is not NoticeKind.SHIFT_REMINDER or notice.signup_id is None:
            continue
        kept = latest.get(notice.signup_id)
        if kept is None:
            latest[notice.signup_id] = notice
        elif notice.due_at > kept.due_at:
            superseded.add(kept.id)
            latest[notice.signup_id] = notice
        else:
            superseded.add(notice.id)
    return superseded
