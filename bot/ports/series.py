"""Storage of weekly series and the standing ("Every week") sign-ups that follow them."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.phonebank import Shift
from bot.domain.series import Series


class SeriesRepository(ABC):
    @abstractmethod
    async def add(self, series: Series) -> Series:
        """Store a new series (its id is ignored); returns it with its id."""

    @abstractmethod
    async def get(self, series_id: int) -> Series: ...

    @abstractmethod
    async def lock(self, series_id: int) -> Series:
        """The series, held until the unit of work ends, so no sweep extends it meanwhile."""

    @abstractmethod
    async def retemplate(self, series: Series) -> None:
        """Save the series' title, link, seats, length and first local start: dates created
        from now on follow them."""

    @abstractmethod
    async def attach(self, shift_id: int, series_id: int) -> None:
        """Mark the shift as a date of the series."""

    @abstractmethod
    async def lagging(self, through: datetime, *, limit: int) -> Sequence[Series]:
        """Series, in any campaign, whose dates exist only up to before `through`."""

    @abstractmethod
    async def created_through(self, series_id: int, through: datetime) -> None: ...

    @abstractmethod
    async def end(self, series_id: int, before: datetime) -> None:
        """Create no date of the series from `before` on."""

    @abstractmethod
    async def dates_from(self, series_id: int, starts_at: datetime) -> Sequence[Shift]:
        """The series' scheduled shifts starting at or after `starts_at`, soonest first."""

    @abstractmethod
    async def add_standing(self, series_id: int, volunteer_id: int, now: datetime) -> bool:
        """Start a standing sign-up; False if the volunteer already has one."""

    @abstractmethod
    async def standing(self, series_id: int) -> Sequence[int]:
        """Volunteers with a standing sign-up, in the order they made it."""

    @abstractmethod
    async def end_standing(self, series_id: int, volunteer_id: int) -> bool:
        """End a standing sign-up; False if there was none."""
