"""The edit form of a shift: filled in with the shift as it is, read back as an EditShift.

Answers are read by the same parsers as typed commands; an answer left as it was changes
nothing, so saving the form untouched tells nobody anything.
"""

from zoneinfo import ZoneInfo

from bot import timefmt
from bot import typed_values as typed
from bot.commands import Actor, Command, EditShift
from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY, MAX_LINK, Shift
from bot.domain.text import MAX_TITLE
from bot.forms import EDIT_PREFIX, Values
from bot.replies import DateField, Form, NumberField, TextField, TimeField


def edit_form(shift: Shift, zone: ZoneInfo, *, told: str) -> Form:
    """`/phonebank edit <shift>` alone: the shift's details, ready to change.

    `told` says before saving who a change would message ("9 people will get a DM").
    """
    local = shift.starts_at.astimezone(zone)
    return Form(
        form_id=f"{EDIT_PREFIX}{shift.number}",
        title=f"Edit shift #{shift.number}"[:24],
        intro=f"Change what you need and save. {told}",
        fields=(
            TextField("title", "Title", max_length=MAX_TITLE, initial=shift.title),
            DateField("day", "Date", initial=f"{local:%Y-%m-%d}"),
            TimeField("start", "Start time, in the campaign's time zone", initial=f"{local:%H:%M}"),
            TextField(
                "duration",
                "Length",
                placeholder="2h, 90m or 1h30m",
                max_length=10,
                initial=timefmt.duration(shift.ends_at - shift.starts_at),
            ),
            NumberField("capacity", "Seats", low=1, high=MAX_CAPACITY, initial=shift.capacity),
            TextField(
                "link",
                "Call script or dialer link (empty: none)",
                max_length=MAX_LINK,
                required=False,
                initial=shift.link,
            ),
        ),
        submit_label="Save",
    )


def read_edit(actor: Actor, number: str, values: Values) -> Command:
    """The submitted edit form as an EditShift with every answer; the use case keeps what
    did not change."""
    from bot import catalogue

    if not number.isdecimal() or len(number) > 9:
        raise UserError("That form has expired; type `/phonebank edit <shift>` to start again.")
    usage = catalogue.usage("phonebank", "edit")

    def text(name: str, what: str, *, required: bool = True) -> str:
        value = values.get(name, "")
        if not isinstance(value, str):
            raise UserError(f"Type {what} as text.")
        if required and not value.strip():
            raise UserError(f"Please fill in {what}.")
        return value.strip()

    start = typed.Words(text("start", "the start time"), usage)
    when = typed.start_time(start)
    start.end()
    link = text("link", "", required=False)
    return EditShift(
        actor,
        shift=int(number),
        title=typed.title(typed.Word(text("title", "the title"), quoted=True)),
        day=typed.day(typed.Word(text("day", "the date"), quoted=True)),
        start=when,
        duration=typed.shift_length(
            typed.Word(text("duration", "the length of the shift"), quoted=True)
        ),
        capacity=typed.number(
            typed.Word(text("capacity", "the number of seats"), quoted=True),
            "number of seats",
            "12",
            high=MAX_CAPACITY,
        ),
        link=typed.link(typed.Word(link, quoted=True)) if link else "",
    )
