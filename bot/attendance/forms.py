"""The debrief form "I made it" opens: the counts, and anything organizers should know."""

from bot.attendance.commands import Debrief
from bot.domain.attendance import MAX_COUNT, MAX_NOTES, read_count
from bot.domain.campaign import MAX_NUMBER
from bot.domain.errors import UserError
from bot.domain.text import clean_text
from bot.kernel.commands import Actor, Command
from bot.kernel.intake.forms import FormReader, Values
from bot.ports.replies import Form, NumberField, TextField


def debrief_form(shift: int, title: str) -> Form:
    """What "I made it" asks: the counts, and anything organizers should know."""
    return Form(
        form_id=DEBRIEF.form_id,
        title="How did it go?",
        intro=f"Thanks for calling on “{title}”! Two numbers and an optional note.",
        fields=(
            NumberField("shift", "Shift number", low=1, high=MAX_NUMBER, initial=shift),
            NumberField("calls", "Calls made", low=0, high=MAX_COUNT, initial=0),
            NumberField("conversations", "Conversations had", low=0, high=MAX_COUNT, initial=0),
            TextField(
                "notes",
                "Anything organizers should know?",
                max_length=MAX_NOTES,
                required=False,
                multiline=True,
            ),
        ),
        submit_label="Send",
    )


def _read(actor: Actor, _key: str, values: Values) -> Command:
    def text(name: str) -> str:
        value = values.get(name, "")
        return value if isinstance(value, str) else ""

    shift = text("shift").strip().lstrip("#")
    if not shift.isdecimal() or len(shift) > 9:
        raise UserError("Type the shift's number, like 3, in the first box.")
    return Debrief(
        actor,
        shift=int(shift),
        calls=read_count(text("calls"), "calls"),
        conversations=read_count(text("conversations"), "conversations"),
        notes=clean_text(text("notes"), what="note", limit=MAX_NOTES, multiline=True)
        if text("notes").strip()
        else "",
    )


DEBRIEF = FormReader("debrief", Debrief, _read)
