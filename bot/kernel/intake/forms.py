"""Forms the core asks people to fill in, and how their answers become commands.

Platforms show them natively (a Slack modal with date and time pickers, a Discord modal, one
question at a time in the console); the answers come back as strings and are read here with
the same parsers as typed commands, so a form can never accept what a command would refuse.
"""

from collections.abc import Callable, Mapping
from typing import Any

from bot.attendance.commands import Debrief
from bot.domain.attendance import MAX_COUNT, MAX_NOTES, read_count
from bot.domain.campaign import MAX_NUMBER
from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY, MAX_LINK
from bot.domain.task import MAX_DESCRIPTION, MAX_SLOTS
from bot.domain.text import MAX_TITLE, clean_text
from bot.domain.volunteer import MAX_LOCATION, Availability, Interest, Profile
from bot.kernel.commands import Actor, Command
from bot.kernel.intake import typed_values as typed
from bot.kernel.replies import (
    ChoiceField,
    DateField,
    Form,
    FormSubmission,
    NumberField,
    Option,
    TextField,
    TimeField,
)
from bot.series.forms import REPEAT_PREFIX, read_repeat_form, read_repeats, repeat_fields
from bot.shifts.commands import CreateShift, StartShiftForm
from bot.tasks.commands import PostTask, StartTaskForm
from bot.volunteers.commands import SaveProfile

ONBOARDING = "onboarding"
DEBRIEF = "debrief"
SHIFT = "shift"
TASK = "task"
# Followed by the shift's number: `edit_shift:3`.
EDIT_PREFIX = "edit_shift:"
# A typed new link, asked to confirm (a link can't ride on a button): `edit_link:3`.
LINK_PREFIX = "edit_link:"
# A volunteer's proposed phone bank, and an organizer's reason to decline one: `decline:4`.
PROPOSE = "propose"
DECLINE_PREFIX = "decline:"

Values = dict[str, str | tuple[str, ...]]


def onboarding_form(name: str, current: Profile | None = None) -> Form:
    """The three welcome questions: interests, availability, ZIP or county."""
    intro = (
        f"Hi {name}! Three quick questions so organizers can match you with the right work."
        if current is None
        else "Update your answers below; the organizers will see the new ones."
    )
    return Form(
        form_id=ONBOARDING,
        title="About you",
        intro=intro,
        fields=(
            ChoiceField(
                name="interests",
                label="What would you like to help with?",
                options=tuple(Option(i.value, i.label) for i in Interest),
                multiple=True,
            ),
            ChoiceField(
                name="availability",
                label="When are you usually free?",
                options=tuple(Option(a.value, a.label) for a in Availability),
            ),
            TextField(
                name="location",
                label="Your ZIP code or county",
                placeholder="53703 or Dane County",
                max_length=MAX_LOCATION,
            ),
        ),
        submit_label="Save",
    )


def shift_form() -> Form:
    """What `/phonebank create` asks when called without arguments."""
    return Form(
        form_id=SHIFT,
        title="New phone bank shift",
        intro="Volunteers see the title and time; the link goes out in their reminders.",
        fields=(
            TextField("title", "Title", placeholder="Saturday calls", max_length=MAX_TITLE),
            DateField("day", "Date"),
            TimeField("start", "Start time, in the campaign's time zone"),
            TextField("duration", "Length", placeholder="2h, 90m or 1h30m", max_length=10),
            NumberField("capacity", "Seats", low=1, high=MAX_CAPACITY, initial=10),
            TextField(
                "link",
                "Call script or dialer link",
                placeholder="https://dialer.example/abc",
                max_length=MAX_LINK,
                required=False,
            ),
            *repeat_fields(),
        ),
        submit_label="Create",
        extras_from=6,
    )


def task_form() -> Form:
    """What `/task post` asks when called without arguments."""
    return Form(
        form_id=TASK,
        title="New task",
        intro="Volunteers claim a slot each; you see who claimed and who finished.",
        fields=(
            TextField("title", "Title", placeholder="Drop off flyers", max_length=MAX_TITLE),
            DateField("due", "Due date", required=False),
            NumberField("slots", "How many people", low=1, high=MAX_SLOTS, initial=1),
            TextField(
                "description",
                "Details",
                placeholder="Pick them up at the office.",
                max_length=MAX_DESCRIPTION,
                required=False,
                multiline=True,
            ),
        ),
        submit_label="Post",
    )


def debrief_form(shift: int, title: str) -> Form:
    """What "I made it" asks: the counts, and anything organizers should know."""
    return Form(
        form_id=DEBRIEF,
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


def _debrief(actor: Actor, values: Values) -> Command:
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


def command_for_submission(actor: Actor, submission: FormSubmission) -> Command:
    """Turn a filled-in form into its command; unknown or malformed answers are UserErrors."""
    read = _READERS.get(submission.form_id)
    if read is None and (
        submission.form_id == PROPOSE or submission.form_id.startswith(DECLINE_PREFIX)
    ):
        # Volunteer-hosted phone banks: a proposal, or the reason to decline one.
        from bot.editing.forms import read_hosting

        return read_hosting(actor, submission)
    if read is None and submission.form_id.startswith(REPEAT_PREFIX):
        return read_repeat_form(
            actor, submission.form_id.removeprefix(REPEAT_PREFIX), submission.values
        )
    if read is None and submission.form_id.startswith(LINK_PREFIX):
        from bot.editing.forms import read_link

        return read_link(actor, submission.form_id.removeprefix(LINK_PREFIX), submission.values)
    if read is None and submission.form_id == "settings":
        # A volunteer's zone and reminders (Home's Change buttons).
        from bot.home.forms import read_settings

        return read_settings(actor, submission)
    if read is None and submission.form_id.startswith(EDIT_PREFIX):
        # The edit form names its shift: `edit_shift:3`.
        from bot.editing.forms import read_edit

        return read_edit(actor, submission.form_id.removeprefix(EDIT_PREFIX), submission.values)
    if read is None:
        raise UserError("That form has expired; type `/turnout help` to start again.")
    return read(actor, submission.values)


def _onboarding(actor: Actor, values: Values) -> Command:
    chosen = values.get("interests", ())
    chosen = (chosen,) if isinstance(chosen, str) else chosen
    try:
        interests = tuple(dict.fromkeys(Interest(v) for v in chosen))
        availability = Availability(str(values.get("availability", "")))
    except ValueError:
        raise UserError(
            "One of those answers isn't an option I know; type `/volunteer profile` to try again."
        ) from None
    if not interests:
        raise UserError("Pick at least one thing you'd like to help with.")
    location = values.get("location", "")
    if not isinstance(location, str):
        raise UserError("Type your ZIP code or county as text.")
    return SaveProfile(actor, interests=interests, availability=availability, location=location)


def _shift(actor: Actor, values: Values) -> Command:
    # The catalogue names the use cases that show this form, so it is looked up when needed.
    from bot import catalogue

    usage = catalogue.usage("phonebank", "create")
    start = typed.Words(_text(values, "start", "the start time"), usage)
    when = typed.start_time(start)
    start.end()
    link = _text(values, "link", "", required=False)
    return CreateShift(
        actor,
        title=typed.title(_word(values, "title", "the title")),
        day=typed.day(_word(values, "day", "the date")),
        start=when,
        duration=typed.shift_length(_word(values, "duration", "the length of the shift")),
        capacity=typed.number(
            _word(values, "capacity", "the number of seats"),
            "number of seats",
            "12",
            high=MAX_CAPACITY,
        ),
        link=typed.link(typed.Word(link, quoted=True)) if link else None,
        repeats=read_repeats(values),
        # Left out where the form had no room: asked after creating instead.
        offer_repeat="repeat" not in values,
    )


def _task(actor: Actor, values: Values) -> Command:
    due = _text(values, "due", "", required=False)
    description = _text(values, "description", "", required=False)
    return PostTask(
        actor,
        title=typed.title(_word(values, "title", "the title")),
        due_on=typed.day(typed.Word(due, quoted=True)) if due else None,
        slots=typed.number(
            _word(values, "slots", "how many people"), "number of people", "3", high=MAX_SLOTS
        ),
        description=(
            clean_text(description, what="description", limit=MAX_DESCRIPTION, multiline=True)
            if description
            else None
        ),
    )


def from_options(form_id: str, actor: Actor, answers: Mapping[str, Any]) -> Command:
    """A form's command from answers given all at once (a command menu's options, by field).

    With no answer at all it asks for the form instead; otherwise the answers are read exactly
    as the form's would be. A task given a title but no number of people needs one person.
    """
    if all(value is None for value in answers.values()):
        return StartShiftForm(actor) if form_id == SHIFT else StartTaskForm(actor)
    values: Values = {name: "" if value is None else str(value) for name, value in answers.items()}
    if form_id == TASK and answers.get("title") is not None and answers.get("slots") is None:
        values["slots"] = "1"
    if form_id == SHIFT:
        # A command menu has no repeat options: `/phonebank repeat` is typed on its own.
        values.setdefault("repeat", "")
    return command_for_submission(actor, FormSubmission(form_id, values))


def _text(values: Values, name: str, what: str, *, required: bool = True) -> str:
    value = values.get(name, "")
    if not isinstance(value, str):
        raise UserError(f"Type {what} as text.")
    value = value.strip()
    if required and not value:
        raise UserError(f"Please fill in {what}.")
    return value


def _word(values: Values, name: str, what: str) -> typed.Word:
    return typed.Word(_text(values, name, what), quoted=True)


_READERS: dict[str, Callable[[Actor, Values], Command]] = {
    ONBOARDING: _onboarding,
    DEBRIEF: _debrief,
    SHIFT: _shift,
    TASK: _task,
}
