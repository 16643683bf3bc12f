"""Storage of numbers for organizers: figures counted in the database, the
volunteers' choice to be left off the most-active list, and the weekly digest's schedule."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.stats import (
    DigestSchedule,
    PeriodFigures,
    UpcomingShift,
    WeekFigures,
)


class StatsRepository(ABC):
    @abstractmethod
    async def period(
        self,
        campaign_id: int,
        start: datetime | None,
        end: datetime,
        *,
        now: datetime,
        most_active: int = 0,
    ) -> PeriodFigures:
        """The figures of shifts that started, volunteers who joined and tasks finished in
        [start, end) (start None: since the beginning), counted by aggregate queries, each
        seat's outcome as of `now` (bot.domain.attendance.outcome); with the
        `most_active` volunteers who attended most shifts (then made most calls), leaving out
        erased volunteers and those who asked not to be listed."""

    @abstractmethod
    async def weeks(
        self, campaign_id: int, bounds: Sequence[datetime], now: datetime
    ) -> Sequence[WeekFigures]:
        """Seats filled, settled and attended (as of `now`) per week; week i runs from
        bounds[i] to bounds[i + 1]."""

    @abstractmethod
    async def upcoming(
        self, campaign_id: int, start: datetime, end: datetime
    ) -> Sequence[UpcomingShift]:
        """Scheduled shifts starting in [start, end) with their confirmed seats, soonest first."""

    @abstractmethod
    async def set_listed(self, volunteer_id: int, listed: bool) -> None:
        """Whether the volunteer may appear among the most active (they are by default)."""

    @abstractmethod
    async def is_listed(self, volunteer_id: int) -> bool: ...

    @abstractmethod
    async def digest(self, campaign_id: int) -> tuple[DigestSchedule, datetime | None]:
        """The campaign's digest schedule (the default until changed) and the due time of the
        digest queued for it, if any."""

    @abstractmethod
    async def set_digest(
        self, campaign_id: int, schedule: DigestSchedule, queued_for: datetime | None
    ) -> None:
        """Store the schedule and the due time of the digest now queued (None: none queued)."""

    @abstractmethod
    async def claim_digest(
        self, campaign_id: int, was: datetime | None, queued_for: datetime
    ) -> bool:
        """Record that the digest due at `queued_for` is queued, only if the one recorded is
        still `was` (None: never queued): a compare-and-set, so that two processes (or a
        digest rendered twice after a crash) never queue the same week twice. True if it won."""

    @abstractmethod
    async def unqueued_digests(self, limit: int) -> Sequence[tuple[int, DigestSchedule]]:
        """Campaigns whose digest is on but has never been queued (new campaigns), with their
        schedule."""

    @abstractmethod
    async def cancel_digests(self, campaign_id: int) -> None:
        """Cancel the campaign's pending digest notices (its schedule changed)."""
