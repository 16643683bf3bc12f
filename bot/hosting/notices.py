"""What the notices of volunteer-hosted phone banks say, written when they are sent; and a
new host's note of what they may now do.

A proposal is read as it stands at send time, so a decided one never shows live buttons.
"""

from zoneinfo import ZoneInfo

from bot.domain.kinds import PHONE_BANK, kind_of
from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.proposal import Proposal, ProposalStatus
from bot.hosting.views import answer_buttons, when_and_seats
from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.kernel.outbox.drop import Drop
from bot.kernel.outbox.notices import NoticeSpec, Scene
from bot.kernel.places import label
from bot.ports.replies import Message, Reply
from bot.signups import booker


async def _proposal(scene: Scene) -> Proposal:
    found = await scene.uow.proposals.get(int(scene.notice.payload["proposal_id"]))
    assert found is not None  # proposals go only with their proposer, whose notices go too
    return found


def _what(proposal: Proposal, zone: ZoneInfo) -> str:
    return f"“{proposal.title}”, {when_and_seats(proposal, zone)}"


async def _proposed(scene: Scene) -> Reply:
    proposal = await _proposal(scene)
    proposer = await scene.uow.volunteers.get(proposal.proposer_id)
    text = _(
        "🏠 {name} (#{number}) offers to host {what}. (Proposal {id}: "
        "`/phonebank approve {id}`, or decline it with a reason, like "
        "`/phonebank decline {id} We already have one that evening.`)",
        name=proposer.name,
        number=proposer.number,
        # Its kind first, so organizers see a canvass is offered, not a phone bank.
        what=f"{label(kind_of(proposal.kind))}: {_what(proposal, scene.zone)}",
        id=proposal.id,
    )
    if proposal.status is not ProposalStatus.PENDING:
        return Message(_("{text} (Already {value}.)", text=text, value=proposal.status.value))
    return Message(text, buttons=answer_buttons(proposal))


async def _approved(scene: Scene) -> Reply:
    proposal = await _proposal(scene)
    number = (await scene.uow.shifts.get(proposal.shift_id)).number if proposal.shift_id else 0
    if kind_of(proposal.kind) is not PHONE_BANK:
        return Message(
            _(
                "🎉 Your shift {what} is approved: it's #{number}, and volunteers "
                "can join with `/shift join {number}`. As its host you can see who "
                "signed up (`/shift roster {number}`) and message them (like "
                "`/shift announce {number} See you there!`). Thank you for hosting!",
                what=_what(proposal, scene.zone),
                number=number,
            )
        )
    return Message(
        _(
            "🎉 Your phone bank {what} is approved: it's #{number}, and volunteers "
            "can join with `/phonebank join {number}`. As its host you can see who "
            "signed up (`/phonebank roster {number}`) and message them (like "
            "`/phonebank announce {number} See you there!`). Thank you for hosting!",
            what=_what(proposal, scene.zone),
            number=number,
        )
    )


async def _declined(scene: Scene) -> Reply:
    proposal = await _proposal(scene)
    reason = _(" Their reason: {reason}", reason=proposal.reason) if proposal.reason else ""
    return Message(
        _(
            "The organizers won't run your phone bank {what} this "
            "time.{reason}\nThank you for offering; `/phonebank list` shows shifts "
            "you can join.",
            what=_what(proposal, scene.zone),
            reason=reason,
        )
    )


async def _host_set(scene: Scene) -> Reply | Drop:
    """To a new host: what they may now do on the shift, while that still holds."""
    assert scene.notice.shift_id is not None
    shift = await scene.uow.shifts.get(scene.notice.shift_id)
    if shift.is_cancelled:
        return Drop(NoticeState.CANCELLED, "the shift was cancelled")
    if shift.host_id != scene.notice.volunteer_id:
        return Drop(NoticeState.CANCELLED, "they no longer host it")
    if scene.now >= shift.ends_at:
        return Drop(NoticeState.SKIPPED, "the shift is over")
    n = shift.number
    return Message(
        _(
            "🏠 {value} made you the host of “{title}” (#{n}), {at}. On this shift "
            "you can see who signed up (`/phonebank roster {n}`) and message them "
            "(like `/phonebank announce {n} See you there!`), and take its "
            "attendance; organizers keep the rest. Thank you for hosting!",
            value=await booker(scene),
            title=shift.title,
            n=n,
            at=timefmt.at(shift.starts_at, scene.zone),
        )
    )


NOTICES: tuple[NoticeSpec, ...] = (
    NoticeSpec(NoticeKind.PROPOSAL, _proposed, "never: a proposal always waits for an answer"),
    NoticeSpec(
        NoticeKind.PROPOSAL_APPROVED,
        _approved,
        "never: the answer is always news",
        description="the news that their phone bank was approved",
    ),
    NoticeSpec(
        NoticeKind.PROPOSAL_DECLINED,
        _declined,
        "never: the answer is always news",
        description="the news that their phone bank was declined",
    ),
    NoticeSpec(
        NoticeKind.HOST_SET,
        _host_set,
        "when the shift was cancelled or is over, or they no longer host it",
        description="the news that they host a shift",
    ),
)
