"""Storage of exports: the rows to export, read in batches, and the log of exports made."""

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Sequence
from datetime import datetime

from bot.domain.export import (
    ClaimLine,
    ExportKind,
    ExportPeriod,
    ExportRecord,
    ShiftLine,
    SignupLine,
    VolunteerLine,
)


class ExportRepository(ABC):
    """Each reader yields batches of at most `bot.domain.export.BATCH` lines, in id order,
    of rows dated at or after `since` (None: all)."""

    @abstractmethod
    def volunteers(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[VolunteerLine]]:
        """One line per volunteer, by joining date; erased ones included, anonymous."""

    @abstractmethod
    def signups(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[SignupLine]]:
        """One line per sign-up (cancelled ones too), by the start of its shift."""

    @abstractmethod
    def shifts(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[ShiftLine]]:
        """One line per shift, by its start."""

    @abstractmethod
    def claims(
        self, campaign_id: int, since: datetime | None
    ) -> AsyncIterator[Sequence[ClaimLine]]:
        """One line per task claim, by when it was claimed."""

    @abstractmethod
    async def record(
        self,
        *,
        campaign_id: int,
        exporter_id: int,
        kind: ExportKind,
        period: ExportPeriod,
        count: int,
        at: datetime,
    ) -> ExportRecord:
        """Log an export of `count` rows."""

    @abstractmethod
    async def get(self, export_id: int) -> ExportRecord | None: ...

    @abstractmethod
    async def made(self, campaign_id: int) -> Sequence[ExportRecord]:
        """The campaign's export log, oldest first."""
