"""The edit form of a shift: filled in with the shift as it is, read back as an EditShift.

Answers are read by the same parsers as typed commands; an answer left as it was changes
nothing, so saving the form untouched tells nobody anything.
"""

from zoneinfo import ZoneInfo

from bot.domain.phonebank import MAX_CAPACITY, MAX_LINK, Shift
from bot.domain.text import MAX_TITLE
from bot.editing.commands import EditShift
from bot.editing.typed_edits import EDIT_USAGE
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.forms import FormReader, Values, answering, number_key, parsed, text
from bot.ports.replies import DateField, Form, NumberField, TextField, TimeField


def edit_form(shift: Shift, zone: ZoneInfo, *, told: str) -> Form:
    """`/phonebank edit <shift>` alone: the shift's details, ready to change.

    `told` says before saving who a change would message ("9 people will get a DM").
    """
    local = shift.starts_at.astimezone(zone)
    return Form(
        form_id=EDIT.id_for(shift.number),
        title=_("Edit shift #{number}", number=shift.number)[:24],
        intro=_("Change what you need and save. {told}", told=told),
        fields=(
            TextField("title", _("Title"), max_length=MAX_TITLE, initial=shift.title),
            DateField("day", _("Date"), initial=f"{local:%Y-%m-%d}"),
            TimeField(
                "start", _("Start time, in the campaign's time zone"), initial=f"{local:%H:%M}"
            ),
            TextField(
                "duration",
                _("Length"),
                placeholder=_("2h, 90m or 1h30m"),
                max_length=10,
                initial=timefmt.duration(shift.ends_at - shift.starts_at),
            ),
            NumberField("capacity", "Seats", low=1, high=MAX_CAPACITY, initial=shift.capacity),
            TextField(
                "link",
                _("Call script or dialer link (empty: none)"),
                max_length=MAX_LINK,
                required=False,
                initial=shift.link,
            ),
        ),
        submit_label=_("Save"),
    )


def _read_edit(actor: Actor, key: str, values: Values) -> Command:
    """The submitted edit form as an EditShift with every answer; the use case keeps what
    did not change."""
    number = number_key(
        key, _("type `/phonebank edit` and the shift's number, like `/phonebank edit 3`.")
    )
    with answering("start"):
        start = typed.Words(text(values, "start", _("the start time")), EDIT_USAGE)
        when = typed.start_time(start)
        start.end()
    return EditShift(
        actor,
        shift=number,
        title=parsed(values, "title", _("the title"), typed.title),
        day=parsed(values, "day", _("the date"), typed.day),
        start=when,
        duration=parsed(values, "duration", _("the length of the shift"), typed.shift_length),
        capacity=parsed(values, "capacity", _("the number of seats"), _seats),
        link=_link(values),
        shown_who=True,
    )


def _seats(answer: typed.Word) -> int:
    return typed.number(answer, _("number of seats"), "12", high=MAX_CAPACITY)


def _link(values: Values) -> str:
    """The link answer; empty means no link."""
    link = text(values, "link", _("the link"), required=False)
    with answering("link"):
        return typed.place(typed.Word(link, quoted=True)) if link else ""


def link_form(number: int, link: str, *, told: str) -> Form:
    """Before a typed new link DMs the confirmed: the link filled in, saved on Save and tell them.

    A form rather than a button, as a button's action can't carry a link.
    """
    return Form(
        form_id=LINK.id_for(number),
        title=_("New link for #{number}", number=number)[:24],
        intro=told,
        fields=(
            TextField(
                "link",
                _("Call script or dialer link (empty: none)"),
                max_length=MAX_LINK,
                required=False,
                initial=link,
            ),
        ),
        submit_label=_("Save and tell them"),
    )


def _read_link(actor: Actor, key: str, values: Values) -> Command:
    """The submitted new-link form: the edit, already confirmed."""
    number = number_key(
        key, _("type `/phonebank edit` and the shift's number, like `/phonebank edit 3`.")
    )
    return EditShift(actor, shift=number, link=_link(values), shown_who=True)


EDIT = FormReader("edit_shift:", EditShift, _read_edit)
# A typed new link, asked to confirm (a link can't ride on a button).
LINK = FormReader("edit_link:", EditShift, _read_link)
