"""Storage of proposed (volunteer-hosted) phone banks, and of shift hosts."""

from abc import ABC, abstractmethod
from collections.abc import Sequence
from datetime import datetime

from bot.domain.phonebank import HeldShift
from bot.domain.proposal import Proposal, ProposalStatus


class ProposalRepository(ABC):
    @abstractmethod
    async def add(self, proposal: Proposal, now: datetime) -> Proposal:
        """Store a new pending proposal (its id is ignored); returns it with its id."""

    @abstractmethod
    async def hold(self, proposal_id: int) -> Proposal | None:
        """The proposal, held so two organizers can't both decide it."""

    @abstractmethod
    async def get(self, proposal_id: int) -> Proposal | None: ...

    @abstractmethod
    async def pending(self, campaign_id: int) -> Sequence[Proposal]:
        """The campaign's proposals still waiting for an answer, oldest first."""

    @abstractmethod
    async def decide(
        self,
        proposal_id: int,
        status: ProposalStatus,
        *,
        reason: str | None = None,
        shift_id: int | None = None,
    ) -> None: ...

    @abstractmethod
    async def set_host(self, held: HeldShift, host_id: int | None) -> None:
        """Make the volunteer the held shift's host (None: no host)."""
