"""Storage of the organizer's desk: sign-in links, sessions, and the shift board it reads."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.domain.phonebank import Shift


@dataclass(frozen=True, slots=True)
class DeskSession:
    """A signed-in person: whose session it is and the token their forms must carry."""

    volunteer_id: int
    csrf: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class BoardShift:
    """One shift on the desk's board, with its counts."""

    shift: Shift
    confirmed: int
    waitlisted: int
    # Confirmed people who said "I'll be there", who checked in, and who are marked at all.
    reconfirmed: int
    checked_in: int
    reported: int


class DeskRepository(ABC):
    @abstractmethod
    async def secret(self, made: str) -> str:
        """The key sign-in links are signed with: the stored one, else `made`, stored (""
        when there is none and `made` is "": reading alone stores nothing)."""

    @abstractmethod
    async def add_link(
        self, token_hash: str, volunteer_id: int, now: datetime, expires_at: datetime
    ) -> None: ...

    @abstractmethod
    async def link_owner(self, token_hash: str, now: datetime) -> int | None:
        """The volunteer of an unused, unexpired link; None for any other."""

    @abstractmethod
    async def use_link(self, token_hash: str, now: datetime) -> int | None:
        """Mark the link used; its volunteer, or None when it was used, expired or unknown
        (then nothing changes). Two openings at once: only one gets the volunteer."""

    @abstractmethod
    async def add_session(
        self, session_hash: str, volunteer_id: int, csrf: str, now: datetime, expires_at: datetime
    ) -> None: ...

    @abstractmethod
    async def session(self, session_hash: str, now: datetime) -> DeskSession | None:
        """The session the hash names, if it has not expired."""

    @abstractmethod
    async def sign_out(self, volunteer_id: int) -> int:
        """End every session of the volunteer and drop their links; how many sessions ended."""

    @abstractmethod
    async def board(
        self, campaign_id: int, since: datetime, host_id: int | None
    ) -> Sequence[BoardShift]:
        """Shifts ending after `since` (only those `host_id` hosts, when given), in time order."""
