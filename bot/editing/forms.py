"""The edit form of a shift: filled in with the shift as it is, read back as an EditShift.

Answers are read by the same parsers as typed commands; an answer left as it was changes
nothing, so saving the form untouched tells nobody anything.
"""

from dataclasses import replace
from zoneinfo import ZoneInfo

from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY, MAX_LINK, Shift
from bot.domain.proposal import MAX_REASON
from bot.domain.text import MAX_TITLE, clean_text
from bot.editing.commands import EditShift
from bot.hosting.commands import DeclineProposal
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.forms import (
    DECLINE_PREFIX,
    EDIT_PREFIX,
    LINK_PREFIX,
    PROPOSE,
    SHIFT,
    Values,
    command_for_submission,
    shift_form,
)
from bot.kernel.replies import DateField, Form, FormSubmission, NumberField, TextField, TimeField


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
        shown_who=True,
    )


def link_form(number: int, link: str, *, told: str) -> Form:
    """Before a typed new link DMs the confirmed: the link filled in, saved on Save and tell them.

    A form rather than a button, as a button's action can't carry a link.
    """
    return Form(
        form_id=f"{LINK_PREFIX}{number}",
        title=f"New link for #{number}"[:24],
        intro=told,
        fields=(
            TextField(
                "link",
                "Call script or dialer link (empty: none)",
                max_length=MAX_LINK,
                required=False,
                initial=link,
            ),
        ),
        submit_label="Save and tell them",
    )


def read_link(actor: Actor, number: str, values: Values) -> Command:
    """The submitted new-link form: the edit, already confirmed."""
    if not number.isdecimal() or len(number) > 9:
        raise UserError("That form has expired; type `/phonebank edit <shift> link …` again.")
    link = values.get("link", "")
    if not isinstance(link, str):
        raise UserError("Type the link as text.")
    link = link.strip()
    return EditShift(
        actor,
        shift=int(number),
        link=typed.link(typed.Word(link, quoted=True)) if link else "",
        shown_who=True,
    )


def propose_form() -> Form:
    """`/phonebank propose` alone: the new-shift questions, for a phone bank you will host."""
    form = shift_form()
    return replace(
        form,
        # A proposed phone bank is one date: no repeat questions.
        fields=form.fields[: form.extras_from],
        extras_from=None,
        form_id=PROPOSE,
        title="Host a phone bank",
        intro="Organizers see your proposal and approve it; then volunteers can join.",
        submit_label="Propose",
    )


def decline_form(proposal_id: int, title: str) -> Form:
    """The Decline button: why, for the volunteer who proposed it."""
    return Form(
        form_id=f"{DECLINE_PREFIX}{proposal_id}",
        title="Decline the proposal",
        intro=f"“{title}”: the volunteer who proposed it will see your reason.",
        fields=(
            TextField(
                "reason",
                "Why (they will read this)",
                placeholder="We already have a phone bank that evening.",
                max_length=MAX_REASON,
                multiline=True,
            ),
        ),
        submit_label="Decline",
    )


def read_hosting(actor: Actor, submission: FormSubmission) -> Command:
    """A submitted proposal form or decline form as its command."""
    from bot.editing.typed_edits import propose_shift_from

    if submission.form_id == PROPOSE:
        shift = command_for_submission(actor, FormSubmission(SHIFT, submission.values))
        return propose_shift_from(shift)
    number = submission.form_id.removeprefix(DECLINE_PREFIX)
    if not number.isdecimal() or len(number) > 9:
        raise UserError("That form has expired; press Decline again.")
    reason = submission.values.get("reason", "")
    if not isinstance(reason, str):
        raise UserError("Type the reason as text.")
    text = (
        clean_text(reason, what="reason", limit=MAX_REASON, multiline=True)
        if reason.strip()
        else ""
    )
    return DeclineProposal(actor, proposal=int(number), reason=text)
