"""`/phonebank propose`, `host`, `proposals`, `approve` and `decline`: volunteer-hosted phone
banks; `/shift propose <kind>` offers to host a shift of any kind."""

from bot.hosting import proposals, reading
from bot.hosting.commands import (
    ApproveProposal,
    DeclineProposal,
    ListProposals,
    ProposeShift,
    SetHost,
    StartProposalForm,
)
from bot.kernel.i18n import N_
from bot.kernel.intake.entry import Entry, Kind, Param, Topic, Who
from bot.kernel.intake.examples import SHIFT_DAY
from bot.kernel.intake.groups import WHO, shift
from bot.kernel.intake.typed_values import Usage
from bot.shifts import CREATE_PARAMS, KIND, where_param

TOPIC = Topic(
    "hosts",
    N_("Hosts"),
    "organizers.md#hosts",
    N_("choose hosts and approve or decline volunteers' offers to host"),
    everyone_doc="volunteers.md#hosting-a-shift-yourself",
    also=("hosting",),
)

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "propose",
        Usage(
            '/phonebank propose "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<link>]',
            f'/phonebank propose "Calls at Maria\'s" {SHIFT_DAY} 18:00 2h 6',
            N_(
                "offer to host a phone bank (at home or online); organizers approve it "
                "(alone: a form)"
            ),
        ),
        ProposeShift,
        proposals.propose_shift,
        params=CREATE_PARAMS,
        text=reading.propose_shift,
        options=reading.propose_options,
        also={StartProposalForm: proposals.start_proposal_form},
    ),
    # `/shift propose` names its kind first, like `/shift create`; it takes the place of the
    # copy `/shift` would derive from `/phonebank propose`.
    Entry(
        "shift",
        "propose",
        Usage(
            '/shift propose <kind> "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<where>]',
            f'/shift propose canvass "Doors on Elm St" {SHIFT_DAY} 10:00 3h 8 "Cafe, 12 Elm St"',
            N_(
                "offer to host a shift of any kind; organizers approve it; where: a link or "
                "an address in quotes (alone: a form)"
            ),
        ),
        ProposeShift,
        proposals.propose_shift,
        params=(KIND, *(where_param(p) for p in CREATE_PARAMS)),
        text=reading.propose_kind_shift,
        options=reading.propose_kind_options,
        also={StartProposalForm: proposals.start_proposal_form},
    ),
    Entry(
        "phonebank",
        "host",
        Usage(
            "/phonebank host <shift> <who>",
            "/phonebank host 3 Maria",
            N_("make a volunteer the host of a shift: they see its roster and can announce to it"),
        ),
        SetHost,
        proposals.set_host,
        who=Who.ORGANIZER,
        params=(
            shift(),
            WHO,
        ),
        text=reading.set_host,
    ),
    Entry(
        "phonebank",
        "proposals",
        Usage(
            "/phonebank proposals",
            "/phonebank proposals",
            N_("proposed phone banks waiting for an answer, with Approve / Decline"),
        ),
        ListProposals,
        proposals.list_proposals,
        who=Who.ORGANIZER,
        reads_only=True,
    ),
    Entry(
        "phonebank",
        "approve",
        Usage(
            "/phonebank approve <proposal>",
            "/phonebank approve 2",
            N_("approve a volunteer's proposed phone bank (the Approve button, typed)"),
        ),
        ApproveProposal,
        proposals.approve_proposal,
        who=Who.ORGANIZER,
        # Discord holds 25 subcommands a command: there, `proposals` lists them with the buttons.
        menu=False,
        params=(Param("proposal", Kind.NUMBER, "The proposal's number", what="proposal number"),),
    ),
    Entry(
        "phonebank",
        "decline",
        Usage(
            "/phonebank decline <proposal> [<reason>]",
            "/phonebank decline 2 We already have one that evening.",
            N_("decline a proposed phone bank; the volunteer sees your reason"),
        ),
        DeclineProposal,
        proposals.decline_proposal,
        who=Who.ORGANIZER,
        menu=False,
        params=(
            Param("proposal", Kind.NUMBER, "The proposal's number", what="proposal number"),
            Param(
                "reason",
                Kind.TEXT,
                "Why (the volunteer will read it)",
                required=False,
                max_length=500,
                read=reading.reason,
            ),
        ),
        text=reading.decline_proposal,
    ),
)
