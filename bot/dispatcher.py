"""The dispatcher: claims due notices, sends them, and records what happened.

Memory stays flat however many reminders are pending: it only ever holds one batch.
A notice is marked sent right after its own send, so a crash can repeat at most the
messages in flight at that moment; their lease then runs out and they are claimed again.
"""

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.campaign import Identity, Team
from bot.domain.notice import MAX_ATTEMPTS, NewNotice, Notice, NoticeKind, NoticeState, retry_delay
from bot.notices import DESCRIPTIONS, Drop, Outgoing, render
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


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    dropped: int = 0
    retried: int = 0
    failed: int = 0


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
        lease: timedelta = timedelta(minutes=2),
    ) -> None:
        self._storage = storage
        self._messenger = messenger
        self._clock = clock
        self._batch = batch
        self._sending = asyncio.Semaphore(concurrency)
        self._lease = lease

    async def deliver_due(self) -> DeliveryReport:
        """Send everything due now, batch by batch, until nothing is left."""
        report = DeliveryReport()
        try:
            while claimed := await self._claim():
                superseded = _superseded(claimed)
                await asyncio.gather(
                    *(self._deliver(n, report, superseded=n.id in superseded) for n in claimed)
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

    async def _deliver(self, notice: Notice, report: DeliveryReport, *, superseded: bool) -> None:
        async with self._sending:
            try:
                await self._deliver_one(notice, report, superseded=superseded)
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
        self, notice: Notice, report: DeliveryReport, *, superseded: bool
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
        try:
            if identity is not None and verdict.in_channel:
                await self._messenger.mention_in_channel(identity, verdict.reply)
            elif identity is not None:
                await self._messenger.send_direct(identity, verdict.reply)
            else:
                for team in teams:
                    await self._messenger.post_to_organizers(team, verdict.reply)
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

    async def _after_failure(
        self, notice: Notice, error: DeliveryError, report: DeliveryReport
    ) -> None:
        now = self._clock.now()
        async with self._storage.unit_of_work() as uow:
            if error.retry_after is not None:
                # Rate limited: not the message's fault, so it does not use up an attempt's worth
                # of backoff; it simply waits as long as the platform asked.
                wait = max(_MIN_RETRY, timedelta(seconds=error.retry_after))
                await uow.notices.retry_at(notice.id, now + wait, error=error.reason)
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
