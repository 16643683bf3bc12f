"""`/phonebank` for organizers and hosts (issue 14): edit, book, repeat, propose and host.

Kept apart from bot/shifts/entries.py so each file reads top to bottom; that module
lists these entries after its own, before `help`.
"""

from bot.domain.phonebank import MAX_LINK
from bot.editing import edits, typed_edits
from bot.editing.commands import EditShift, StartEditForm
from bot.editing.typed_edits import EDIT_FIELDS
from bot.hosting import proposals
from bot.hosting.commands import (
    ApproveProposal,
    DeclineProposal,
    ProposeShift,
    SetHost,
    StartProposalForm,
)
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Entry, Kind, Param, Usage, Who
from bot.kernel.intake.groups import shift
from bot.series import weekly
from bot.series.commands import RepeatShift
from bot.shifts import bookings
from bot.shifts.commands import AddToShift, MoveBetweenShifts, RemoveFromShift


def entries(create_params: tuple[Param, ...]) -> tuple[Entry, ...]:
    """The entries, in help's order; a proposal asks what `create` asks (`create_params`)."""
    return (
        Entry(
            "phonebank",
            "edit",
            Usage(
                "/phonebank edit <shift> [<field> <value>]",
                "/phonebank edit 3 time 19:00",
                "change a shift's " + ", ".join(EDIT_FIELDS) + " (alone: a form); everyone on "
                "it is told, after you see how many (`confirm` skips asking; `link -` removes "
                "the link; `<shift> following <field> <value>` for a series)",
            ),
            EditShift,
            edits.edit_shift,
            who=Who.ORGANIZER,
            params=(
                shift(),
                Param(
                    "field",
                    Kind.TOPIC,
                    "What to change (leave empty for a form)",
                    required=False,
                    choices=EDIT_FIELDS,
                ),
                Param(
                    "value",
                    Kind.TEXT,
                    "The new value, like 19:00, 2h, 12 or a link (- removes the link)",
                    required=False,
                    max_length=MAX_LINK,
                ),
                Param(
                    "confirm",
                    Kind.FLAG,
                    "Yes: save without asking first, even if people are DMed or wait again",
                    required=False,
                ),
            ),
            text=typed_edits.edit_shift,
            options=typed_edits.edit_options,
            also={StartEditForm: edits.start_edit_form},
        ),
        Entry(
            "phonebank",
            "add",
            Usage(
                "/phonebank add <shift> <who> [over]",
                "/phonebank add 3 Maria Lopez",
                "book a volunteer (a name or #number) on a shift; the waitlist if it's full, "
                "unless `over` adds a seat",
            ),
            AddToShift,
            bookings.add_to_shift,
            who=Who.ORGANIZER,
            params=(
                shift(),
                Param(
                    "who",
                    Kind.TEXT,
                    "The volunteer's name or #number",
                    read=typed_edits.person,
                ),
                Param("over", Kind.FLAG, "Yes: add a seat if the shift is full", required=False),
            ),
            text=typed_edits.add_to_shift,
        ),
        Entry(
            "phonebank",
            "remove",
            Usage(
                "/phonebank remove <shift> <who>",
                "/phonebank remove 3 #12",
                "take a volunteer off a shift (the waitlist moves up; they're told kindly)",
            ),
            RemoveFromShift,
            bookings.remove_from_shift,
            who=Who.ORGANIZER,
            params=(
                shift(),
                Param(
                    "who",
                    Kind.TEXT,
                    "The volunteer's name or #number",
                    read=typed_edits.person,
                ),
            ),
            text=typed_edits.remove_from_shift,
        ),
        Entry(
            "phonebank",
            "move",
            Usage(
                "/phonebank move <who> <from-shift> <to-shift>",
                "/phonebank move Maria 3 5",
                "move a volunteer to another shift in one step, with one message",
            ),
            MoveBetweenShifts,
            bookings.move_between_shifts,
            who=Who.ORGANIZER,
            params=(
                Param(
                    "who",
                    Kind.TEXT,
                    "The volunteer's name or #number",
                    read=typed_edits.person,
                ),
                Param(
                    # `from` can't name an option: Discord's options become Python parameters.
                    "from_shift",
                    Kind.NUMBER,
                    "The shift they're on now",
                    what="shift number",
                    pick=Pick.UPCOMING_SHIFTS,
                ),
                Param(
                    "to_shift",
                    Kind.NUMBER,
                    "The shift to move them to",
                    what="shift number",
                    pick=Pick.UPCOMING_SHIFTS,
                ),
            ),
            text=typed_edits.move_between_shifts,
        ),
        Entry(
            "phonebank",
            "repeat",
            Usage(
                "/phonebank repeat <shift> weekly|every <n> weeks [on <days>] "
                "[until <YYYY-MM-DD> | times <n>]",
                "/phonebank repeat 3 weekly until 2026-12-31",
                "make a shift weekly (`on tue,thu` in the campaign's zone); dates appear 4 weeks "
                "ahead",
            ),
            RepeatShift,
            weekly.repeat_shift,
            who=Who.ORGANIZER,
            params=(
                shift(),
                Param(
                    "how",
                    Kind.TEXT,
                    "weekly or every 2 weeks, then on tue,thu, until 2026-12-31 or times 8",
                    max_length=100,
                ),
            ),
            text=typed_edits.repeat_shift,
            options=typed_edits.repeat_options,
        ),
        Entry(
            "phonebank",
            "propose",
            Usage(
                '/phonebank propose "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<link>]',
                '/phonebank propose "Calls at Maria\'s" 2026-11-28 18:00 2h 6',
                "offer to host a phone bank (at home or online); organizers approve it (alone: a "
                "form)",
            ),
            ProposeShift,
            proposals.propose_shift,
            params=create_params,
            text=typed_edits.propose_shift,
            options=typed_edits.propose_options,
            also={StartProposalForm: proposals.start_proposal_form},
        ),
        Entry(
            "phonebank",
            "host",
            Usage(
                "/phonebank host <shift> <who>",
                "/phonebank host 3 Maria",
                "make a volunteer the host of a shift: they see its roster and can announce to it",
            ),
            SetHost,
            proposals.set_host,
            who=Who.ORGANIZER,
            params=(
                shift(),
                Param(
                    "who",
                    Kind.TEXT,
                    "The volunteer's name or #number",
                    read=typed_edits.person,
                ),
            ),
            text=typed_edits.set_host,
        ),
        Entry(
            "phonebank",
            "approve",
            Usage(
                "/phonebank approve <proposal>",
                "/phonebank approve 2",
                "approve a volunteer's proposed phone bank (the Approve button, typed)",
            ),
            ApproveProposal,
            proposals.approve_proposal,
            who=Who.ORGANIZER,
            params=(
                Param("proposal", Kind.NUMBER, "The proposal's number", what="proposal number"),
            ),
        ),
        Entry(
            "phonebank",
            "decline",
            Usage(
                "/phonebank decline <proposal> [<reason>]",
                "/phonebank decline 2 We already have one that evening.",
                "decline a proposed phone bank; the volunteer sees your reason",
            ),
            DeclineProposal,
            proposals.decline_proposal,
            who=Who.ORGANIZER,
            params=(
                Param("proposal", Kind.NUMBER, "The proposal's number", what="proposal number"),
                Param(
                    "reason",
                    Kind.TEXT,
                    "Why (the volunteer will read it)",
                    required=False,
                    max_length=500,
                    read=typed_edits.reason,
                ),
            ),
            text=typed_edits.decline_proposal,
        ),
    )
