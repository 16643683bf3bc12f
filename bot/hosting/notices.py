"""What the notices of volunteer-hosted phone banks say, written when they are sent.

Kept apart from bot/kernel/outbox/notices.py (which registers these) so each file reads top
to bottom;
a proposal is read as it stands at send time, so a decided one never shows live buttons.
"""

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.domain.campaign import Campaign
from bot.domain.notice import Notice, NoticeKind
from bot.domain.proposal import Proposal, ProposalStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.intake.buttons import action
from bot.kernel.replies import Button, ButtonStyle, Message, Reply
from bot.kernel.wording import plural
from bot.ports.storage import UnitOfWork


class Scene(Protocol):
    """What the notice registry gives a renderer: the notice, its unit of work, the zone."""

    @property
    def notice(self) -> Notice: ...
    @property
    def uow(self) -> UnitOfWork: ...
    @property
    def now(self) -> datetime: ...
    @property
    def campaign(self) -> Campaign: ...
    @property
    def volunteer(self) -> Volunteer | None: ...
    @property
    def zone(self) -> ZoneInfo: ...


async def _proposal(scene: Scene) -> Proposal:
    found = await scene.uow.proposals.get(int(scene.notice.payload["proposal_id"]))
    assert found is not None  # proposals go only with their proposer, whose notices go too
    return found


def _what(proposal: Proposal, zone: ZoneInfo) -> str:
    return (
        f"“{proposal.title}”, {timefmt.at(proposal.starts_at, zone)} for "
        f"{timefmt.duration(proposal.ends_at - proposal.starts_at)}, "
        f"{plural(proposal.capacity, 'seat')}" + (f", {proposal.link}" if proposal.link else "")
    )


async def _proposed(scene: Scene) -> Reply:
    proposal = await _proposal(scene)
    proposer = await scene.uow.volunteers.get(proposal.proposer_id)
    text = (
        f"🏠 {proposer.name} (#{proposer.number}) offers to host {_what(proposal, scene.zone)}. "
        f"(Proposal {proposal.id}: `/phonebank approve {proposal.id}` or `/phonebank decline "
        f"{proposal.id} <reason>`.)"
    )
    if proposal.status is not ProposalStatus.PENDING:
        return Message(f"{text} (Already {proposal.status.value}.)")
    return Message(
        text,
        buttons=(
            Button("Approve", action("approve", proposal.id), ButtonStyle.PRIMARY),
            Button("Decline", action("decline", proposal.id), ButtonStyle.DANGER),
        ),
    )


async def _approved(scene: Scene) -> Reply:
    proposal = await _proposal(scene)
    number = (await scene.uow.shifts.get(proposal.shift_id)).number if proposal.shift_id else 0
    return Message(
        f"🎉 Your phone bank {_what(proposal, scene.zone)} is approved: it's #{number}, and "
        f"volunteers can join with `/phonebank join {number}`. As its host you can see who "
        f"signed up (`/phonebank roster {number}`) and message them (`/phonebank announce "
        f"{number} …`). Thank you for hosting!"
    )


async def _declined(scene: Scene) -> Reply:
    proposal = await _proposal(scene)
    reason = f" Their reason: {proposal.reason}" if proposal.reason else ""
    return Message(
        f"The organizers won't run your phone bank {_what(proposal, scene.zone)} this time."
        f"{reason}\nThank you for offering; `/phonebank list` shows shifts you can join."
    )


RENDERERS: dict[NoticeKind, Callable[[Scene], Awaitable[Reply]]] = {
    NoticeKind.PROPOSAL: _proposed,
    NoticeKind.PROPOSAL_APPROVED: _approved,
    NoticeKind.PROPOSAL_DECLINED: _declined,
}
DESCRIPTIONS: dict[NoticeKind, str] = {
    NoticeKind.PROPOSAL_APPROVED: "the news that their phone bank was approved",
    NoticeKind.PROPOSAL_DECLINED: "the news that their phone bank was declined",
}
