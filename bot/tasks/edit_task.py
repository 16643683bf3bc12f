"""What `/task edit` changes, however it is asked for: typed, from a menu, or in the task's
own form filled in with what it says now."""

from collections.abc import Mapping
from typing import Any

from bot.domain.errors import UserError
from bot.domain.task import MAX_DESCRIPTION, MAX_SLOTS, TASK_FIELDS, Task
from bot.domain.text import clean_text
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.examples import SHIFT_DAY
from bot.kernel.intake.forms import FormReader, Values, number_key, text, word
from bot.kernel.intake.typed_values import Usage
from bot.ports.replies import DateField, Form, NumberField, TextField
from bot.tasks.commands import EditTask, StartTaskEdit
from bot.tasks.new_task import task_form

# Typed as a value, `-` removes the due date or the details.
REMOVE = "-"

EDIT_USAGE = Usage(
    "/task edit <task> [<field> <value>]",
    f"/task edit 5 due {SHIFT_DAY}",
    "change a task's " + ", ".join(TASK_FIELDS[:-1]) + f" or {TASK_FIELDS[-1]} (`due -` or "
    "`details -` removes them; alone: a form); whoever claimed it is told of a new title, "
    "due date or details",
)


def read_edit(actor: Actor, words: typed.Words) -> Command:
    """`/task edit <task> [<field> <value>]`; without a field: the task's form."""
    number = typed.number(words.need(_("the task number")), _("task number"), words.usage.example)
    field = words.take()
    if field is None:
        return StartTaskEdit(actor, task=number)
    return one_field(actor, number, field.text.lower(), words)


def one_field(actor: Actor, number: int, field: str, words: typed.Words) -> Command:
    """The edit of one field, its value read by the same parsers as `/task post`."""
    if field not in TASK_FIELDS:
        raise UserError(
            _("I can't change {shown}; I can change ", shown=typed.shown(field))
            + ", ".join(TASK_FIELDS[:-1])
            + _(
                " or {TASK_FIELDS}, like `/task edit {number} due {SHIFT_DAY}`.",
                TASK_FIELDS=TASK_FIELDS[-1],
                number=number,
                SHIFT_DAY=SHIFT_DAY,
            )
        )
    what = _("the new {field}", field=field)
    if field == "title":
        title = words.rest()
        if not title:
            raise UserError(_("I'm missing {what}. {hint}", what=what, hint=words.hint))
        return EditTask(actor, task=number, fields=(field,), title=_title(title))
    if field == "details":
        details = words.rest()
        if not details:
            raise UserError(
                _(
                    "I'm missing {what} (or `{REMOVE}` to remove them). {hint}",
                    what=what,
                    REMOVE=REMOVE,
                    hint=words.hint,
                )
            )
        return EditTask(actor, task=number, fields=(field,), description=_details(details))
    value = words.need(
        what
        if field == "slots"
        else _("{what} (or `{REMOVE}` to remove it)", what=what, REMOVE=REMOVE)
    )
    words.end()
    if field == "slots":
        slots = typed.number(
            value,
            _("number of slots"),
            _("/task edit {number} slots 3", number=number),
            high=MAX_SLOTS,
        )
        return EditTask(actor, task=number, fields=(field,), slots=slots)
    due_on = None if value.text == REMOVE else typed.day(value)
    return EditTask(actor, task=number, fields=(field,), due_on=due_on)


def edit_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/task edit` from a command menu: the task, and optionally a field and its value."""
    number = int(answers["task"])
    field = answers.get("field")
    if field is None:
        return StartTaskEdit(actor, task=number)
    return one_field(
        actor, number, str(field), typed.Words(str(answers.get("value") or ""), EDIT_USAGE)
    )


def edit_form(task: Task) -> Form:
    """The new-task form, about `task` and filled in with what it says now."""
    new = task_form()
    title, due, slots, details = new.fields
    assert isinstance(title, TextField) and isinstance(due, DateField)
    assert isinstance(slots, NumberField) and isinstance(details, TextField)
    return Form(
        form_id=EDIT.id_for(task.number),
        title=_("Edit task #{number}", number=task.number)[:24],
        intro=_("Whoever claimed it is told of a new title, due date or details."),
        fields=(
            TextField(title.name, title.label, max_length=title.max_length, initial=task.title),
            DateField(
                due.name,
                due.label,
                required=False,
                initial=task.due_on.isoformat() if task.due_on else None,
            ),
            NumberField(slots.name, slots.label, low=1, high=MAX_SLOTS, initial=task.slots),
            TextField(
                details.name,
                details.label,
                max_length=MAX_DESCRIPTION,
                required=False,
                multiline=True,
                initial=task.description,
            ),
        ),
        submit_label=_("Save"),
    )


def _read_form(actor: Actor, key: str, values: Values) -> Command:
    """Every answer of the edit form; the use case saves only what differs."""
    number = number_key(key, _("type `/task edit` and the task's number again."))
    due = text(values, "due", "", required=False)
    description = text(values, "description", "", required=False)
    return EditTask(
        actor,
        task=number,
        fields=TASK_FIELDS,
        title=typed.title(word(values, "title", _("the title"))),
        due_on=typed.day(typed.Word(due, quoted=True)) if due else None,
        slots=typed.number(
            word(values, "slots", _("how many people")), _("number of people"), "3", high=MAX_SLOTS
        ),
        description=_details(description) if description else None,
    )


def _title(typed_title: str) -> str:
    return typed.title(typed.Word(typed_title.strip('"“”'), quoted=True))


def _details(details: str) -> str | None:
    if details.strip() == REMOVE:
        return None
    return clean_text(details, what="details", limit=MAX_DESCRIPTION, multiline=True)


EDIT = FormReader("edit_task:", EditTask, _read_form)
