"""Storage of what people asked for, recorded before the platform hears "got it".

A command that changes something is written here before it is acknowledged and marked done in
the same transaction as its changes, so after a crash a row still waiting is exactly a command
whose changes never happened: it runs again, or its sender is told to send it again. A
platform's delivery id is the key, so a redelivered event is seen by every process.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.domain.campaign import Identity


@dataclass(frozen=True, slots=True)
class Arrival:
    """One delivery from a platform: who sent it, and what to run and where to answer (JSON)."""

    key: str
    identity: Identity
    payload: str
    accepted_at: datetime


class InboxRepository(ABC):
    @abstractmethod
    async def accept(self, arrival: Arrival, lease: timedelta) -> bool:
        """Record `arrival` as taken by this process for `lease`; False when its key was
        recorded before (by any process), done or not."""

    @abstractmethod
    async def done(self, key: str, now: datetime) -> bool:
        """Mark `key` done (its payload goes); False when it was already done.

        A key never recorded counts as not done before, so True.
        """

    @abstractmethod
    async def claim_stale(self, now: datetime, lease: timedelta, limit: int) -> list[Arrival]:
        """Take up to `limit` arrivals not done whose lease ran out before `now` (their process
        stopped), each now leased to the caller for `lease`."""

    @abstractmethod
    async def prune(self, now: datetime, keep: timedelta) -> int:
        """Forget arrivals accepted more than `keep` before `now`; how many went."""
