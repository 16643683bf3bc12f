"""The debrief form "I made it" opens: the counts, and anything organizers should know.

The shift it is about travels in the form's id (`debrief:3`), never as a question: the
button already named it.
"""

from bot.attendance.commands import Debrief
from bot.domain.attendance import MAX_COUNT, MAX_NOTES, read_count, read_notes
from bot.domain.kinds import PHONE_BANK, ShiftKind
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake.forms import FormReader, Values, answering, number_key, text
from bot.ports.replies import Form, NumberField, TextField


def debrief_form(shift: int, title: str, kind: ShiftKind = PHONE_BANK) -> Form:
    """What "I made it" asks: the counts its kind asks (none for a training, a meeting or an
    office shift), and anything organizers should know."""
    counts: tuple[NumberField, ...] = ()
    if kind.counts is not None:
        counts = (
            NumberField("calls", _(kind.counts.first), low=0, high=MAX_COUNT, initial=0),
            NumberField("conversations", _(kind.counts.second), low=0, high=MAX_COUNT, initial=0),
        )
    return Form(
        form_id=DEBRIEF.id_for(shift),
        title=_("How did it go?"),
        intro=_(kind.thanks, title=title),
        fields=(
            *counts,
            TextField(
                "notes",
                _("Anything organizers should know?"),
                max_length=MAX_NOTES,
                required=False,
                multiline=True,
            ),
        ),
        submit_label=_("Send"),
    )


def _read(actor: Actor, key: str, values: Values) -> Command:
    shift = number_key(key, _("press “I made it” again, or type `/phonebank debrief <shift>`."))
    calls = conversations = 0
    # A kind that counts nothing (a training) asks no numbers: its form has no such questions.
    if "calls" in values or "conversations" in values:
        with answering("calls"):
            calls = read_count(text(values, "calls", _("the calls"), required=False), "calls")
        with answering("conversations"):
            conversations = read_count(
                text(values, "conversations", _("the conversations"), required=False),
                "conversations",
            )
    with answering("notes"):
        notes = text(values, "notes", _("the note"), required=False)
        said = read_notes(notes)
    return Debrief(actor, shift=shift, calls=calls, conversations=conversations, notes=said)


# Followed by the shift's number: `debrief:3`.
DEBRIEF = FormReader("debrief:", Debrief, _read)
