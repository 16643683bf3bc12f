"""The hosting forms: a volunteer's proposed shift, and an organizer's reason to decline."""

from dataclasses import replace

from bot.domain.kinds import PHONE_BANK, ShiftKind
from bot.domain.proposal import MAX_REASON
from bot.domain.text import clean_text
from bot.hosting.commands import DeclineProposal, ProposeShift
from bot.hosting.reading import propose_shift_from
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake.forms import FormReader, Values, answering, number_key, text
from bot.ports.replies import Form, TextField
from bot.shifts import KIND_SHIFT, SHIFT, shift_form


def propose_form(kind: ShiftKind | None = PHONE_BANK) -> Form:
    """`/phonebank propose` alone: the new-shift questions, for a phone bank you will host;
    `/shift propose` alone asks the kind first (None), or names it in the form's id."""
    form = shift_form(kind)
    chosen = kind is not None and kind is not PHONE_BANK
    form_id = PROPOSE_KIND.id_for(kind.id) if chosen and kind else PROPOSE.form_id
    return replace(
        form,
        # A proposed shift is one date: no repeat questions.
        fields=form.fields[: form.extras_from],
        extras_from=None,
        form_id=form_id,
        title=_("Host a phone bank") if kind is PHONE_BANK else _("Host a shift"),
        intro=_("Organizers see your proposal and approve it; then volunteers can join."),
        submit_label=_("Propose"),
    )


def decline_form(proposal_id: int, title: str) -> Form:
    """The Decline button: why, for the volunteer who proposed it."""
    return Form(
        form_id=DECLINE.id_for(proposal_id),
        title=_("Decline the proposal"),
        intro=_("“{title}”: the volunteer who proposed it will see your reason.", title=title),
        fields=(
            TextField(
                "reason",
                _("Why (they will read this)"),
                placeholder=_("We already have a phone bank that evening."),
                max_length=MAX_REASON,
                multiline=True,
            ),
        ),
        submit_label=_("Decline"),
    )


def _read_proposal(actor: Actor, _key: str, values: Values) -> Command:
    return propose_shift_from(SHIFT.read(actor, "", values))


def _read_kind_proposal(actor: Actor, key: str, values: Values) -> Command:
    return propose_shift_from(KIND_SHIFT.read(actor, key, values))


def _read_decline(actor: Actor, key: str, values: Values) -> Command:
    number = number_key(key, _("press Decline again."))
    reason = text(values, "reason", _("the reason"), required=False)
    with answering("reason"):
        said = clean_text(reason, what="reason", limit=MAX_REASON, multiline=True) if reason else ""
    return DeclineProposal(actor, proposal=number, reason=said)


PROPOSE = FormReader("propose", ProposeShift, _read_proposal)
# A proposal of a kind already chosen (Discord's kind option): `propose:canvass`.
PROPOSE_KIND = FormReader("propose:", ProposeShift, _read_kind_proposal)
DECLINE = FormReader("decline:", DeclineProposal, _read_decline)
