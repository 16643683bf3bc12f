"""Storage of a shift's positions, the qualifications volunteers hold and the trainings that
grant them."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.phonebank import HeldShift, Shift
from bot.domain.positions import Position


class PositionRepository(ABC):
    @abstractmethod
    async def of_shift(self, shift_id: int) -> list[Position]:
        """The shift's positions in the order they were given; empty for a shift without."""

    @abstractmethod
    async def replace(
        self, held: HeldShift, wanted: Sequence[tuple[str, int]]
    ) -> tuple[HeldShift, list[Position]]:
        """The held shift's positions become `wanted` (name, seats), kept by name (a kept one
        keeps its id, requirement and people); its seats become their sum. The caller has
        checked that no active sign-up is in a position that goes. Returns the shift, still
        held, and its positions."""

    @abstractmethod
    async def require(self, held: HeldShift, position_id: int, qualification: str | None) -> None:
        """A seat in the position needs `qualification` from now on (None: nothing)."""

    @abstractmethod
    async def add_grant(self, held: HeldShift, qualification: str) -> bool:
        """Those who attend the held shift earn `qualification`; False if it already did."""

    @abstractmethod
    async def grants_of(self, shift_id: int) -> list[str]:
        """The qualifications attending the shift earns."""

    @abstractmethod
    async def next_training(
        self, campaign_id: int, qualification: str, now: datetime
    ) -> Shift | None:
        """The first scheduled shift, not started, whose attendees earn `qualification`."""

    @abstractmethod
    async def earnable(self, campaign_id: int, qualification: str) -> bool:
        """Some shift of the campaign grants it, or somebody holds it by an organizer's word."""

    @abstractmethod
    async def word_on(self, campaign_id: int, volunteer_id: int, qualification: str) -> bool | None:
        """An organizer's word on whether the volunteer holds it (None: they said nothing)."""

    @abstractmethod
    async def set_word(
        self,
        *,
        campaign_id: int,
        volunteer_id: int,
        qualification: str,
        holds: bool,
        by_id: int,
        at: datetime,
    ) -> None:
        """Record an organizer granting (`holds`) or revoking the qualification."""

    @abstractmethod
    async def trainings_of(
        self, volunteer_id: int, qualification: str | None = None
    ) -> Sequence[tuple[int, datetime, str]]:
        """(sign-up id, shift end, qualification) of each confirmed seat the volunteer had on a
        shift granting `qualification` (any, if None); attending it is decided by the caller."""

    @abstractmethod
    async def words_of(self, campaign_id: int, volunteer_id: int) -> dict[str, bool]:
        """Every organizer's word on the volunteer's qualifications: name → holds."""
