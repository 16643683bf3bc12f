"""`/phonebank edit`: change a shift's title, time, length, seats or link."""

from bot.domain.phonebank import MAX_LINK
from bot.editing import edits, typed_edits
from bot.editing.commands import EditShift, StartEditForm
from bot.editing.typed_edits import EDIT_FIELDS
from bot.kernel.intake.entry import Entry, Kind, Param, Who
from bot.kernel.intake.groups import shift

ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "edit",
        typed_edits.EDIT_USAGE,
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
)
