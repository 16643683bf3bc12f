"""Storage of shifts and their sign-ups; seats change only on a held shift."""

from abc import ABC, abstractmethod
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime

from bot.domain.kinds import PHONE_BANK
from bot.domain.phonebank import HeldShift, Shift, ShiftSeats, ShiftStatus
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer


class ShiftRepository(ABC):
    @abstractmethod
    async def add(
        self,
        *,
        campaign_id: int,
        number: int,
        title: str,
        link: str | None,
        starts_at: datetime,
        ends_at: datetime,
        capacity: int,
        created_by: int,
        kind: str = PHONE_BANK.id,
    ) -> Shift:
        """Create a phone bank (or another kind's event) with its shift."""

    @abstractmethod
    async def by_number(self, campaign_id: int, number: int) -> Shift | None:
        """The shift as it stands, to read; changing its seats needs `hold`."""

    @abstractmethod
    async def hold(self, campaign_id: int, number: int) -> HeldShift | None:
        """Hold the shift for a change of seats until the unit of work ends.

        Another unit of work holding the same shift waits until this one commits or rolls
        back, and then reads the seats as this one left them.
        """

    @abstractmethod
    async def get(self, shift_id: int) -> Shift: ...

    @abstractmethod
    async def load_many(self, shift_ids: Collection[int]) -> None:
        """A hint: `get` is about to be asked for each of these. Storage may read them all now,
        in one query, and answer from what it read in this unit of work. Changes nothing
        anyone can observe."""

    @abstractmethod
    async def upcoming(
        self,
        campaign_id: int,
        now: datetime,
        *,
        limit: int,
        offset: int = 0,
        kind: str | None = None,
    ) -> Sequence[ShiftSeats]:
        """Scheduled shifts that have not started, soonest first (of one kind, if given)."""

    @abstractmethod
    async def hosts_any(self, volunteer_id: int, *, ended_after: datetime) -> bool:
        """Whether the volunteer hosts a scheduled shift that ends after `ended_after`."""

    @abstractmethod
    async def count_upcoming(
        self, campaign_id: int, now: datetime, *, kind: str | None = None
    ) -> int: ...

    @abstractmethod
    async def hosted_by(self, volunteer_id: int, now: datetime) -> Sequence[ShiftSeats]:
        """Scheduled shifts the volunteer hosts that have not started, soonest first."""

    @abstractmethod
    async def set_status(self, held: HeldShift, status: ShiftStatus) -> None:
        """Schedule or cancel the held shift."""

    @abstractmethod
    async def change(
        self,
        held: HeldShift,
        *,
        title: str,
        link: str | None,
        starts_at: datetime,
        ends_at: datetime,
        capacity: int,
    ) -> HeldShift:
        """Save the held shift's new details; returns it, still held, as it now stands."""


class SignupRepository(ABC):
    @abstractmethod
    async def add(
        self,
        held: HeldShift,
        volunteer_id: int,
        status: SignupStatus,
        now: datetime,
        position_id: int | None = None,
    ) -> Signup:
        """A new sign-up for the held shift (for one of its positions, if it has them); its id
        records its place in the arrival order."""

    @abstractmethod
    async def active(self, shift_id: int, volunteer_id: int) -> Signup | None:
        """The volunteer's confirmed or waitlisted sign-up for the shift, if any."""

    @abstractmethod
    async def load_many(self, pairs: Collection[tuple[int, int]]) -> None:
        """A hint: `active` is about to be asked for each (shift id, volunteer id) of `pairs`.
        Storage may read them all now, in one query, and answer from what it read in this unit
        of work. Changes nothing anyone can observe."""

    @abstractmethod
    async def counts(self, shift_id: int) -> tuple[int, int]:
        """(seats taken, waitlisted): a seat kept for an open offer counts as taken."""

    @abstractmethod
    async def first_waitlisted(
        self, shift_id: int, position_id: int | None = None
    ) -> Signup | None:
        """The earliest on the waitlist (for `position_id`'s seats, if given)."""

    @abstractmethod
    async def position_counts(self, shift_id: int) -> Mapping[int, tuple[int, int]]:
        """(seats taken, waitlisted) per position id of a shift with positions."""

    @abstractmethod
    async def waitlist_position(self, signup: Signup) -> int:
        """1 for the next in line (in its position's line, on a shift with positions)."""

    @abstractmethod
    async def set_status(
        self, held: HeldShift, signup_id: int, status: SignupStatus, now: datetime
    ) -> None:
        """Confirm, waitlist or cancel one of the held shift's sign-ups."""

    @abstractmethod
    async def roster(self, shift_id: int) -> Sequence[tuple[Signup, Volunteer]]:
        """Active sign-ups with their volunteers, confirmed first, each in arrival order."""

    @abstractmethod
    async def upcoming_for(
        self, volunteer_id: int, now: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        """The volunteer's active sign-ups for scheduled shifts that have not started."""

    @abstractmethod
    async def confirmed_upcoming(
        self, campaign_id: int, now: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        """Every confirmed sign-up in the campaign for shifts that have not started."""
