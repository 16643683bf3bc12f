"""Volunteer-hosted phone banks: propose, approve or decline, and hosts' rights on their shifts.

A host may see the roster of and announce to their own shifts and nothing else; organizers
keep every right.
"""

from bot.domain.campaign import Counter
from bot.domain.errors import UserError
from bot.domain.kinds import kind_of
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import (
    check_capacity,
    check_duration,
    check_start,
    check_where,
    shift_start,
)
from bot.domain.proposal import Proposal, ProposalStatus
from bot.domain.text import MAX_TITLE, clean_text
from bot.hosting.commands import (
    ApproveProposal,
    DeclineProposal,
    ListProposals,
    ProposeShift,
    SetHost,
    StartDeclineForm,
    StartProposalForm,
)
from bot.hosting.forms import decline_form, propose_form
from bot.hosting.views import pending_proposals
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.people import one_volunteer
from bot.live_posts import posting
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups import JOIN, seats, timed


async def start_proposal_form(cmd: StartProposalForm, ctx: Context) -> Reply:
    """`/phonebank propose` alone: the form (`/shift propose` alone: asking the kind first)."""
    return propose_form(None if cmd.kind is None else kind_of(cmd.kind))


async def propose_shift(cmd: ProposeShift, ctx: Context) -> Reply:
    """`/phonebank propose`: anyone offers to host; organizers decide in their channel."""
    title = clean_text(cmd.title, what="title", limit=MAX_TITLE)
    duration = check_duration(cmd.duration)
    kind = kind_of(cmd.kind)
    starts_at = shift_start(cmd.day, cmd.start, ctx.campaign_zone)
    check_start(starts_at, ctx.now, shown=timefmt.at(starts_at, ctx.campaign_zone))
    proposal = await ctx.uow.proposals.add(
        Proposal(
            id=0,
            campaign_id=ctx.campaign.id,
            proposer_id=ctx.volunteer.id,
            title=title,
            link=check_where(kind, cmd.link),
            starts_at=starts_at,
            ends_at=starts_at + duration,
            capacity=check_capacity(cmd.capacity),
            kind=kind.id,
        ),
        ctx.now,
    )
    await ctx.notify(NoticeKind.PROPOSAL, payload={"proposal_id": proposal.id})
    return Message(
        _(
            "Thank you! I've sent “{title}” ({at}) to the organizers; I'll tell "
            "you when they decide.",
            title=title,
            at=timefmt.at(starts_at, ctx.zone),
        )
    )


async def list_proposals(cmd: ListProposals, ctx: Context) -> Reply:
    """`/phonebank proposals`: those waiting for an answer, with Approve / Decline
    (organizers)."""
    ctx.require_organizer(_("see proposed phone banks"))
    return await pending_proposals(ctx)


async def approve_proposal(cmd: ApproveProposal, ctx: Context) -> Reply:
    """The Approve button: the proposal becomes a shift hosted by the proposer (organizers)."""
    ctx.require_organizer(_("approve phone banks"))
    proposal = await _pending(ctx, cmd.proposal)
    if proposal.starts_at <= ctx.now:
        raise UserError(
            _(
                "“{title}” would have started already; decline it and ask for a new time.",
                title=proposal.title,
            )
        )
    number = await ctx.uow.campaigns.next_number(ctx.campaign.id, Counter.SHIFT)
    shift = await ctx.uow.shifts.add(
        campaign_id=ctx.campaign.id,
        number=number,
        title=proposal.title,
        link=proposal.link,
        starts_at=proposal.starts_at,
        ends_at=proposal.ends_at,
        capacity=proposal.capacity,
        created_by=proposal.proposer_id,
        kind=proposal.kind,
    )
    await timed.schedule_shift(ctx.uow, shift)
    await ctx.uow.proposals.set_host(await seats.hold(ctx, number), proposal.proposer_id)
    await ctx.uow.proposals.decide(proposal.id, ProposalStatus.APPROVED, shift_id=shift.id)
    await ctx.notify(
        NoticeKind.PROPOSAL_APPROVED,
        volunteer_id=proposal.proposer_id,
        payload={"proposal_id": proposal.id},
    )
    host = await ctx.uow.volunteers.get(proposal.proposer_id)
    approved = _(
        "Approved: #{number} “{title}”, {at}, hosted by {name}, who will be told. ",
        number=number,
        title=proposal.title,
        at=timefmt.at(proposal.starts_at, ctx.zone),
        name=host.name,
    )
    # Posted as `/phonebank create` posts a new shift: here, kept current; boards show it too.
    if await posting.queue_post(ctx, shift):
        return Message(
            approved
            + _(
                "I'm posting it here; the post keeps itself up to date (`/phonebank "
                "post {number}` in another channel posts it there too).",
                number=number,
            )
        )
    return Message(
        approved + _("Volunteers can join with `/phonebank join {number}`.", number=number),
        buttons=(Button(_("Join"), JOIN.action(number), ButtonStyle.PRIMARY),),
        public=True,
    )


async def start_decline_form(cmd: StartDeclineForm, ctx: Context) -> Reply:
    """The Decline button: ask why first (organizers)."""
    ctx.require_organizer(_("decline phone banks"))
    proposal = await _pending(ctx, cmd.proposal)
    return decline_form(proposal.id, proposal.title)


async def decline_proposal(cmd: DeclineProposal, ctx: Context) -> Reply:
    """The decline form: the proposer is told, with the reason (organizers)."""
    ctx.require_organizer(_("decline phone banks"))
    proposal = await _pending(ctx, cmd.proposal)
    await ctx.uow.proposals.decide(proposal.id, ProposalStatus.DECLINED, reason=cmd.reason or None)
    await ctx.notify(
        NoticeKind.PROPOSAL_DECLINED,
        volunteer_id=proposal.proposer_id,
        payload={"proposal_id": proposal.id},
    )
    return Message(
        _("Declined “{title}”; the volunteer who proposed it will be told.", title=proposal.title)
    )


async def set_host(cmd: SetHost, ctx: Context) -> Reply:
    """`/phonebank host <shift> <who>` (organizers)."""
    ctx.require_organizer(_("set a shift's host"))
    person = await one_volunteer(
        ctx, cmd.who, lambda who: _("/phonebank host {shift} {who}", shift=cmd.shift, who=who)
    )
    held = await seats.hold(ctx, cmd.shift)
    if held.shift.is_cancelled:
        raise UserError(_("#{shift} is cancelled, so it needs no host.", shift=cmd.shift))
    await ctx.uow.proposals.set_host(held, person.id)
    await ctx.notify(
        NoticeKind.HOST_SET,
        volunteer_id=person.id,
        shift_id=held.shift.id,
        payload={"by_id": ctx.volunteer.id},
    )
    return Message(
        _(
            "{name} now hosts #{shift} “{title}”: they can see its roster and send "
            "its volunteers announcements; I'm letting them know.",
            name=person.name,
            shift=cmd.shift,
            title=held.shift.title,
        )
    )


async def _pending(ctx: Context, proposal_id: int) -> Proposal:
    proposal = await ctx.uow.proposals.hold(proposal_id)
    if proposal is None or proposal.campaign_id != ctx.campaign.id:
        raise UserError(_("I can't find that proposal any more; it may have been withdrawn."))
    if proposal.status is not ProposalStatus.PENDING:
        raise UserError(
            _("“{title}” was already {value}.", title=proposal.title, value=proposal.status.value)
        )
    return proposal
