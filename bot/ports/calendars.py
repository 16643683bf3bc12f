"""Storage of calendars: private feed keys, each sign-up's calendar revision, the signing secret."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.phonebank import Shift
from bot.domain.signup import Signup


class CalendarRepository(ABC):
    @abstractmethod
    async def secret(self, made: str) -> str:
        """The stored key feed URLs are signed with; `made` is stored first if there is none."""

    @abstractmethod
    async def feed_key(self, volunteer_id: int) -> str | None:
        """The key the volunteer's current feed URL names; None when they have no feed."""

    @abstractmethod
    async def set_feed_key(self, volunteer_id: int, key: str, now: datetime) -> None:
        """Give the volunteer a feed with `key`, replacing (revoking) any earlier one."""

    @abstractmethod
    async def entries_for(
        self, volunteer_id: int, ending_after: datetime
    ) -> Sequence[tuple[Signup, Shift]]:
        """Every sign-up of the volunteer (left ones too) for shifts ending after
        `ending_after`, in the order the shifts start."""

    @abstractmethod
    async def signup(self, signup_id: int) -> Signup:
        """The sign-up, whatever its state; LookupError if there is none."""

    @abstractmethod
    async def revisions(self, changes: dict[int, str]) -> dict[int, int]:
        """Each sign-up's SEQUENCE for its entry as `changes` describes it (sign-up id →
        fingerprint): the stored one when the fingerprint is unchanged, else one more (0 for
        a sign-up never described before), stored with the new fingerprint."""
