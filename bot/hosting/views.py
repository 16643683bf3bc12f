"""How a proposed shift reads, in the organizers' alert and in `/phonebank proposals`."""

from zoneinfo import ZoneInfo

from bot.domain.kinds import kind_of
from bot.domain.proposal import Proposal
from bot.hosting.buttons import APPROVE, DECLINE
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.places import label
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Item, Listing


def when_and_seats(proposal: Proposal, zone: ZoneInfo) -> str:
    """`Sat Nov 7, 6:00 PM EST for 2h, 6 seats, https://…`."""
    return _(
        "{at} for {duration}, {plural}",
        at=timefmt.at(proposal.starts_at, zone),
        duration=timefmt.duration(proposal.ends_at - proposal.starts_at),
        plural=plural(proposal.capacity, "seat"),
    ) + (f", {proposal.link}" if proposal.link else "")


def answer_buttons(proposal: Proposal) -> tuple[Button, Button]:
    """Approve and Decline (which asks why)."""
    return (
        Button(_("Approve"), APPROVE.action(proposal.id), ButtonStyle.PRIMARY),
        Button(_("Decline"), DECLINE.action(proposal.id), ButtonStyle.DANGER),
    )


async def pending_proposals(ctx: Context) -> Listing:
    """The campaign's proposals waiting for an answer, each with Approve and Decline."""
    items = []
    for proposal in await ctx.uow.proposals.pending(ctx.campaign.id):
        proposer = await ctx.uow.volunteers.get(proposal.proposer_id)
        detail = _(
            "from {name} (#{number}), {when_and_seats}",
            name=proposer.name,
            number=proposer.number,
            when_and_seats=when_and_seats(proposal, ctx.zone),
        )
        approve, decline = answer_buttons(proposal)
        title = _(
            "Proposal {id}: {kind}, {title}",
            id=proposal.id,
            kind=label(kind_of(proposal.kind)),
            title=proposal.title,
        )
        if proposal.starts_at <= ctx.now:
            # Approving it would be refused: only declining is left.
            items.append(Item(title, _("{detail} (its time has passed)", detail=detail), decline))
        else:
            items.append(Item(title, detail, approve, more=(decline,)))
    return Listing(
        heading=_("Proposed shifts waiting for an answer"),
        items=tuple(items),
        empty=_("No proposals are waiting. Volunteers offer to host with `/phonebank propose`."),
        footer=_(
            "Approve or decline with the buttons, or type `/phonebank approve "
            "<proposal>` or `/phonebank decline <proposal> <reason>`."
        ),
    )
