"""Proposed phone banks and shift hosts."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import RowMapping, bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain.phonebank import HeldShift
from bot.domain.proposal import Proposal, ProposalStatus
from bot.ports.proposals import ProposalRepository
from storage.options import HOLDS
from storage.tables import proposals, shifts

# Built once, with bind parameters.
_GET = select(proposals).where(proposals.c.id == bindparam("proposal_id"))
_HOLD = _GET.with_for_update(of=proposals).execution_options(**{HOLDS: True})
_PENDING = (
    select(proposals)
    .where(
        proposals.c.campaign_id == bindparam("campaign_id"),
        proposals.c.status == ProposalStatus.PENDING.value,
    )
    .order_by(proposals.c.id)
)
_DECIDE = (
    update(proposals)
    .where(proposals.c.id == bindparam("proposal_id"))
    .values(
        status=bindparam("new_status"),
        reason=bindparam("new_reason"),
        shift_id=bindparam("new_shift_id"),
    )
)
_SET_HOST = (
    update(shifts).where(shifts.c.id == bindparam("shift_id")).values(host_id=bindparam("host"))
)


class SqlProposalRepository(ProposalRepository):
    def __init__(self, connection: AsyncConnection) -> None:
        self._db = connection

    async def add(self, proposal: Proposal, now: datetime) -> Proposal:
        result = await self._db.execute(
            insert(proposals)
            .values(
                campaign_id=proposal.campaign_id,
                proposer_id=proposal.proposer_id,
                title=proposal.title,
                link=proposal.link,
                starts_at=proposal.starts_at,
                ends_at=proposal.ends_at,
                capacity=proposal.capacity,
                kind=proposal.kind,
                status=ProposalStatus.PENDING.value,
                created_at=now,
            )
            .returning(proposals.c.id)
        )
        found = await self.get(result.scalar_one())
        assert found is not None
        return found

    async def hold(self, proposal_id: int) -> Proposal | None:
        row = (await self._db.execute(_HOLD, {"proposal_id": proposal_id})).mappings().first()
        return _proposal(row) if row else None

    async def get(self, proposal_id: int) -> Proposal | None:
        row = (await self._db.execute(_GET, {"proposal_id": proposal_id})).mappings().first()
        return _proposal(row) if row else None

    async def pending(self, campaign_id: int) -> Sequence[Proposal]:
        result = await self._db.execute(_PENDING, {"campaign_id": campaign_id})
        return [_proposal(row) for row in result.mappings()]

    async def decide(
        self,
        proposal_id: int,
        status: ProposalStatus,
        *,
        reason: str | None = None,
        shift_id: int | None = None,
    ) -> None:
        await self._db.execute(
            _DECIDE,
            {
                "proposal_id": proposal_id,
                "new_status": status.value,
                "new_reason": reason,
                "new_shift_id": shift_id,
            },
        )

    async def set_host(self, held: HeldShift, host_id: int | None) -> None:
        await self._db.execute(_SET_HOST, {"shift_id": held.shift.id, "host": host_id})


def _proposal(row: RowMapping) -> Proposal:
    return Proposal(
        id=row["id"],
        campaign_id=row["campaign_id"],
        proposer_id=row["proposer_id"],
        title=row["title"],
        link=row["link"],
        starts_at=row["starts_at"],
        ends_at=row["ends_at"],
        capacity=row["capacity"],
        status=ProposalStatus(row["status"]),
        reason=row["reason"],
        shift_id=row["shift_id"],
        kind=row["kind"],
    )
