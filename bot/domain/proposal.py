"""A phone bank a volunteer offers to host: organizers approve it (it becomes a shift) or not."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

MAX_REASON = 500


class ProposalStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class Proposal:
    id: int
    campaign_id: int
    proposer_id: int
    title: str
    link: str | None
    starts_at: datetime
    ends_at: datetime
    capacity: int
    status: ProposalStatus = ProposalStatus.PENDING
    reason: str | None = None
    shift_id: int | None = None
    # Its kind's id (bot.domain.kinds): the shift an approval makes is of this kind.
    kind: str = "phonebank"
