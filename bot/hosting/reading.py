"""How typed hosting commands become commands: propose (read like create), host, decline."""

from collections.abc import Mapping
from typing import Any

from bot.domain.proposal import MAX_REASON
from bot.domain.text import clean_text
from bot.hosting.commands import DeclineProposal, ProposeShift, SetHost, StartProposalForm
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.parsing import person
from bot.shifts import (
    CreateShift,
    StartShiftForm,
    kind_shift_options,
    read_kind_shift,
    read_new_shift,
    shift_options,
)


def propose_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank propose` reads like `/phonebank create`; bare: the form."""
    return propose_shift_from(read_new_shift(actor, words))


def propose_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/phonebank propose` from a menu, read as the create form's answers."""
    return propose_shift_from(shift_options(actor, answers))


def propose_kind_shift(actor: Actor, words: typed.Words) -> Command:
    """`/shift propose <kind> …` reads like `/shift create <kind> …`; bare: the form."""
    return propose_shift_from(read_kind_shift(actor, words))


def propose_kind_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/shift propose` from a menu, read as `/shift create`'s options."""
    return propose_shift_from(kind_shift_options(actor, answers))


def propose_shift_from(created: Command) -> Command:
    """A create-shift command (or its bare form) as the same proposal, of the same kind."""
    if isinstance(created, CreateShift):
        return ProposeShift(
            created.actor,
            title=created.title,
            day=created.day,
            start=created.start,
            duration=created.duration,
            capacity=created.capacity,
            link=created.link,
            kind=created.kind,
        )
    kind = created.kind if isinstance(created, StartShiftForm) else None
    return StartProposalForm(created.actor, kind=kind)


def set_host(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank host <shift> <who>`."""
    shift = typed.number(words.need(_("the shift number")), _("shift number"), words.usage.example)
    return SetHost(actor, shift=shift, who=person(words))


def decline_proposal(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank decline <proposal> [<reason>]`: the text form of the Decline button."""
    number = typed.number(
        words.need(_("the proposal number")), _("proposal number"), words.usage.example
    )
    reason = words.rest()
    text = clean_text(reason, what="reason", limit=MAX_REASON, multiline=True) if reason else ""
    return DeclineProposal(actor, proposal=number, reason=text)


def reason(words: typed.Words) -> str:
    """A decline reason typed as a menu option."""
    text = words.rest()
    return clean_text(text, what="reason", limit=MAX_REASON, multiline=True) if text else ""
