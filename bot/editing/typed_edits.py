"""How typed organizer commands on a shift (`/phonebank edit`) become commands.

Each reader returns a Command or raises a UserError whose one sentence says what to type
instead; nothing is read leniently, so a typo never changes a shift.
"""

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY, NO_LINK
from bot.domain.text import MAX_TITLE, clean_text
from bot.editing.buttons import NEW_DATE, NEW_LENGTH, NEW_TIME
from bot.editing.commands import EditShift, StartEditForm
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.typed_values import Usage

# What `/phonebank edit <shift> <field> <value>` can change, in the order the form asks.
EDIT_FIELDS = ("title", "date", "time", "length", "seats", "link")

EDIT_USAGE = Usage(
    "/phonebank edit <shift> [<field> <value>]",
    "/phonebank edit 3 time 19:00",
    "change a shift's " + ", ".join(EDIT_FIELDS) + " (alone: a form); everyone on "
    "it is told, after you see how many (`confirm` skips asking; `link -` removes "
    "the link; `<shift> following <field> <value>` for a series)",
)


def edit_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank edit <shift> [<field> <value> [confirm]]`; without a field: the form."""
    shift = typed.number(words.need("the shift number"), "shift number", words.usage.example)
    field_word = words.take()
    if field_word is None:
        return StartEditForm(actor, shift=shift)
    if field_word.text.lower() == "following":
        # `/phonebank edit 3 following time 19:00`: the series from this date on.
        field_word = words.need(
            _("what to change, like `/phonebank edit {shift} following time 19:00`", shift=shift)
        )
        return one_field(actor, shift, field_word.text.lower(), words, following=True)
    return one_field(actor, shift, field_word.text.lower(), words)


def one_field(
    actor: Actor, shift: int, field: str, words: typed.Words, *, following: bool = False
) -> Command:
    """The edit of one field, its value read from `words` by the same parsers as create
    (`following`: of this date of a series and every later one)."""
    if field not in EDIT_FIELDS:
        raise UserError(
            _("I can't change {shown}; I can change ", shown=typed.shown(field))
            + ", ".join(EDIT_FIELDS[:-1])
            + _(
                " or {EDIT_FIELDS}, like `/phonebank edit {shift} time 19:00`.",
                EDIT_FIELDS=EDIT_FIELDS[-1],
                shift=shift,
            )
        )
    what = f"the new {field}"
    changes: dict[str, Any] = {}
    if field == "title":
        title = words.rest()
        if not title:
            raise UserError(_("I'm missing {what}. {hint}", what=what, hint=words.hint))
        changes["title"] = clean_text(title.strip('"'), what="title", limit=MAX_TITLE)
    elif field == "date":
        changes["day"] = typed.day(words.need(what))
    elif field == "time":
        changes["start"] = typed.start_time(words)
    elif field == "length":
        changes["duration"] = typed.shift_length(words.need(what))
    elif field == "seats":
        changes["capacity"] = typed.number(
            words.need(what),
            "number of seats",
            f"/phonebank edit {shift} seats 12",
            high=MAX_CAPACITY,
        )
    else:
        link = words.need(_("{what} (or {NO_LINK} to remove it)", what=what, NO_LINK=NO_LINK))
        changes["link"] = "" if link.text == NO_LINK else typed.place(link)
    edit = EditShift(actor, shift=shift, following=following, **changes)
    if field != "title":
        # `confirm` goes ahead without asking first (fewer seats, or people to be told).
        confirm = words.take()
        if confirm is not None and confirm.text.lower() != "confirm":
            raise UserError(
                _(
                    "I didn't expect {shown} there; to go ahead type `/phonebank edit "
                    "{shift} {retyped} confirm`.",
                    shown=typed.shown(confirm.text),
                    shift=shift,
                    retyped=retyped(edit),
                )
            )
        edit = replace(edit, confirm=confirm is not None)
    words.end()
    return edit


def retyped(edit: EditShift) -> str:
    """The change as typed after the shift number: `time 19:00` (one of its changes, if it
    has several; a title only when nothing else changes, as nothing may follow a title)."""
    following = "following " if edit.following else ""
    if edit.day is not None:
        return f"{following}date {edit.day:%Y-%m-%d}"
    if edit.start is not None:
        return f"{following}time {edit.start:%H:%M}"
    if edit.duration is not None:
        return f"{following}length {timefmt.duration(edit.duration)}"
    if edit.capacity is not None:
        return f"{following}seats {edit.capacity}"
    if edit.link is None and edit.title is not None:
        return f"{following}title {edit.title}"
    return f"{following}link {edit.link or NO_LINK}"


def edit_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/phonebank edit` from a command menu: shift, and optionally field, value and confirm."""
    shift = int(answers["shift"])
    field = answers.get("field")
    if field is None:
        return StartEditForm(actor, shift=shift)
    value = str(answers.get("value") or "")
    if answers.get("confirm"):
        value += " confirm"
    words = typed.Words(value, EDIT_USAGE)
    return one_field(actor, shift, str(field), words)


def saving_action(cmd: EditShift) -> str:
    """The Save and tell them button's action: the new date, time or length as a number."""
    if cmd.day is not None:
        return NEW_DATE.action(cmd.shift, int(f"{cmd.day:%Y%m%d}"))
    if cmd.start is not None:
        return NEW_TIME.action(cmd.shift, cmd.start.hour * 100 + cmd.start.minute)
    assert cmd.duration is not None
    return NEW_LENGTH.action(cmd.shift, int(cmd.duration.total_seconds() // 60))
