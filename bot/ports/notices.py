"""Storage of notices: the durable outbox the dispatcher claims from."""

from abc import ABC, abstractmethod
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta

from bot.domain.notice import NewNotice, Notice, NoticeKind, NoticeState


class NoticeRepository(ABC):
    # When the earliest notice queued through this repository falls due (None: none queued):
    # after its unit of work commits, the soonest the dispatcher has any of them to send.
    earliest_queued: datetime | None = None

    @abstractmethod
    async def add(self, notice: NewNotice) -> int: ...

    async def add_all(self, notices: Sequence[NewNotice]) -> None:
        """Queue several notices as pending. A storage may do it in one go."""
        for notice in notices:
            await self.add(notice)

    @abstractmethod
    async def cancel_pending(
        self,
        *,
        signup_id: int | None = None,
        shift_id: int | None = None,
        volunteer_id: int | None = None,
        kinds: Sequence[NoticeKind] | None = None,
    ) -> int:
        """Cancel pending notices matching every given filter; returns how many."""

    @abstractmethod
    async def claim_due(
        self,
        now: datetime,
        *,
        limit: int,
        lease: timedelta,
        skip_campaigns: Collection[int] = (),
    ) -> Sequence[Notice]:
        """Take up to `limit` due notices (pending, or sending with an expired lease), soonest
        first, mark them sending until now + lease, and count an attempt. Safe against other
        processes claiming at the same time. Notices of `skip_campaigns` are left for later
        (the dispatcher already holds enough of theirs)."""

    @abstractmethod
    async def mark(
        self, notice_id: int, state: NoticeState, now: datetime, *, error: str | None = None
    ) -> None:
        """Record the outcome: sent, skipped, cancelled or failed."""

    async def mark_sent(self, notice_ids: Sequence[int], now: datetime) -> None:
        """Record that these notices were sent at `now`; a storage may do it in one go."""
        for notice_id in notice_ids:
            await self.mark(notice_id, NoticeState.SENT, now)

    @abstractmethod
    async def retry_at(
        self, notice_id: int, due_at: datetime, *, error: str, attempt_used: bool = True
    ) -> None:
        """Put a claimed notice back to pending, due again at `due_at`. With `attempt_used`
        False the claim's attempt is given back (a rate limit is not the message's fault)."""

    @abstractmethod
    async def count_due(self, now: datetime, *, at_most: int) -> int:
        """How many notices `claim_due` would take at `now` if it had no limit, counted up to
        `at_most` (the queue's depth, for operators)."""

    @abstractmethod
    async def next_due_at(self) -> datetime | None:
        """The earliest due time among pending notices (and sending ones, by lease expiry)."""

    @abstractmethod
    async def ever_queued(self, volunteer_id: int, kind: NoticeKind) -> bool:
        """Whether a notice of `kind` was ever queued for the volunteer, whatever became of it."""

    @abstractmethod
    async def latest_about(self, volunteer_id: int, kind: NoticeKind) -> Notice | None:
        """The most recently queued organizer notice of `kind` about the volunteer."""
