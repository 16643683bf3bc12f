"""What a new task needs, however it is asked for: typed, as a form, or from a menu."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.domain.errors import UserError
from bot.domain.task import MAX_DESCRIPTION, MAX_SLOTS
from bot.domain.text import MAX_TITLE, clean_text
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.examples import SHIFT_DAY
from bot.kernel.intake.forms import FormReader, Values, answering, answers, parsed, text
from bot.ports.replies import DateField, Form, NumberField, TextField
from bot.tasks.commands import PostTask, StartTaskForm

TASK_EXAMPLE = f'/task post "Drop off flyers" due {SHIFT_DAY} slots 3 Pick them up at the office.'


def read_new_task(actor: Actor, words: typed.Words) -> Command:
    """`/task post "<title>" [due <date>] [slots <n>] [<description>]`; bare: the form."""
    if words.peek_bare() is None:
        return StartTaskForm(actor)
    title_word = words.need(_("the title"))
    title = typed.title(title_word)
    next_word = (words.peek_bare() or "").lower()
    if not title_word.quoted and next_word and next_word not in ("due", "slots"):
        # `/task post Call voters`: a bare title would silently take only the first word.
        raise UserError(
            _(
                "When the title has more than one word, put it in double quotes. {hint}",
                hint=words.hint,
            )
        )
    due_on: date | None = None
    slots = 1
    seen: set[str] = set()
    # `due` and `slots` come in either order, each at most once, before the description.
    while (keyword := (words.peek_bare() or "").lower()) in {"due", "slots"} - seen:
        words.take()
        seen.add(keyword)
        if keyword == "due":
            due_on = typed.day(words.need(_("the due date")))
        else:
            slots = typed.number(
                words.need(_("the number of slots")),
                _("number of slots"),
                words.usage.example,
                high=MAX_SLOTS,
            )
    rest = words.rest()
    description = (
        clean_text(rest, what="description", limit=MAX_DESCRIPTION, multiline=True)
        if rest
        else None
    )
    return PostTask(actor, title=title, due_on=due_on, slots=slots, description=description)


def task_form() -> Form:
    """What `/task post` asks when called without arguments."""
    return Form(
        form_id=TASK.form_id,
        title=_("New task"),
        intro=_("Volunteers claim a slot each; you see who claimed and who finished."),
        fields=(
            TextField("title", _("Title"), placeholder=_("Drop off flyers"), max_length=MAX_TITLE),
            DateField("due", _("Due date"), required=False),
            NumberField("slots", _("How many people"), low=1, high=MAX_SLOTS, initial=1),
            TextField(
                "description",
                _("Details"),
                placeholder=_("Pick them up at the office."),
                max_length=MAX_DESCRIPTION,
                required=False,
                multiline=True,
            ),
        ),
        submit_label=_("Post"),
    )


def _read(actor: Actor, _key: str, values: Values) -> Command:
    due = text(values, "due", "", required=False)
    with answering("due"):
        due_on = typed.day(typed.Word(due, quoted=True)) if due else None
    description = text(values, "description", "", required=False)
    with answering("description"):
        details = (
            clean_text(description, what="description", limit=MAX_DESCRIPTION, multiline=True)
            if description
            else None
        )
    return PostTask(
        actor,
        title=parsed(values, "title", _("the title"), typed.title),
        due_on=due_on,
        slots=parsed(values, "slots", _("how many people"), _people),
        description=details,
    )


def _people(answer: typed.Word) -> int:
    return typed.number(answer, _("number of people"), "3", high=MAX_SLOTS)


TASK = FormReader("task", PostTask, _read)


def task_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """`/task post` from a menu: no options opens the form, else read as its answers.

    A task given a title but no number of people needs one person.
    """
    values = answers(options)
    if values is None:
        return StartTaskForm(actor)
    if options.get("title") is not None and options.get("slots") is None:
        values["slots"] = "1"
    return TASK.read(actor, "", values)
