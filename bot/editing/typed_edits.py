"""How typed organizer commands on a shift (`/phonebank edit`) become commands.

Each reader returns a Command or raises a UserError whose one sentence says what to type
instead; nothing is read leniently, so a typo never changes a shift.
"""

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY
from bot.domain.text import MAX_NAME, MAX_TITLE, clean_text
from bot.editing.commands import EditShift, StartEditForm
from bot.hosting.commands import DeclineProposal, ProposeShift, SetHost, StartProposalForm
from bot.kernel.commands import Actor, Command
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import TextReader
from bot.series.commands import RepeatShift
from bot.shifts.commands import (
    AddToShift,
    CancelShift,
    CreateShift,
    MoveBetweenShifts,
    RemoveFromShift,
)
from bot.signups.commands import LeaveShift

# What `/phonebank edit <shift> <field> <value>` can change, in the order the form asks.
EDIT_FIELDS = ("title", "date", "time", "length", "seats", "link")
# Typed to remove a shift's link.
NO_LINK = "-"


def edit_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank edit <shift> [<field> <value> [confirm]]`; without a field: the form."""
    shift = typed.number(words.need("the shift number"), "shift number", words.usage.example)
    field_word = words.take()
    if field_word is None:
        return StartEditForm(actor, shift=shift)
    if field_word.text.lower() == "following":
        # `/phonebank edit 3 following time 19:00`: the series from this date on.
        field_word = words.need(
            f"what to change, like `/phonebank edit {shift} following time 19:00`"
        )
        edit = one_field(actor, shift, field_word.text.lower(), words)
        assert isinstance(edit, EditShift)
        return replace(edit, following=True)
    return one_field(actor, shift, field_word.text.lower(), words)


def one_field(actor: Actor, shift: int, field: str, words: typed.Words) -> Command:
    """The edit of one field, its value read from `words` by the same parsers as create."""
    if field not in EDIT_FIELDS:
        raise UserError(
            f"I can't change {typed.shown(field)}; I can change "
            + ", ".join(EDIT_FIELDS[:-1])
            + f" or {EDIT_FIELDS[-1]}, like `/phonebank edit {shift} time 19:00`."
        )
    what = f"the new {field}"
    changes: dict[str, Any] = {}
    if field == "title":
        title = words.rest()
        if not title:
            raise UserError(f"I'm missing {what}. {words.hint}")
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
        link = words.need(f"{what} (or {NO_LINK} to remove it)")
        changes["link"] = "" if link.text == NO_LINK else typed.link(link)
    if field != "title":
        # `confirm` goes ahead without asking first (fewer seats, or people to be told).
        confirm = words.take()
        if confirm is not None and confirm.text.lower() != "confirm":
            value = "seats " + str(changes["capacity"]) if field == "seats" else field + " …"
            raise UserError(
                f"I didn't expect {typed.shown(confirm.text)} there; to go ahead type "
                f"`/phonebank edit {shift} {value} confirm`."
            )
        changes["confirm"] = confirm is not None
    words.end()
    return EditShift(actor, shift=shift, **changes)


def edit_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/phonebank edit` from a command menu: shift, and optionally field, value and confirm."""
    from bot import catalogue

    shift = int(answers["shift"])
    field = answers.get("field")
    if field is None:
        return StartEditForm(actor, shift=shift)
    value = str(answers.get("value") or "")
    if answers.get("confirm"):
        value += " confirm"
    words = typed.Words(value, catalogue.usage("phonebank", "edit"))
    return one_field(actor, shift, str(field), words)


def person(words: typed.Words) -> str:
    """The rest of the line as a volunteer's name or `#number`."""
    who = words.rest()
    if not who:
        raise UserError(f"I'm missing who: a name or a #number. {words.hint}")
    return clean_text(who, what="name", limit=MAX_NAME)


def add_to_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank add <shift> <who> [over]`: the name may have spaces; `over` comes last."""
    shift = typed.number(words.need("the shift number"), "shift number", words.usage.example)
    who = person(words)
    name, _, last = who.rpartition(" ")
    over = bool(name) and last.lower() == "over"
    return AddToShift(actor, shift=shift, who=name.strip() if over else who, over=over)


def remove_from_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank remove <shift> <who>`."""
    shift = typed.number(words.need("the shift number"), "shift number", words.usage.example)
    return RemoveFromShift(actor, shift=shift, who=person(words))


def move_between_shifts(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank move <who> <from-shift> <to-shift>`: the last two words are the shifts."""
    parts = words.rest().rsplit(None, 2)
    if len(parts) < 3:
        raise UserError(
            f"I need who, the shift they're on and the shift to move them to. {words.hint}"
        )
    who, from_word, to_word = parts
    example = words.usage.example
    return MoveBetweenShifts(
        actor,
        who=clean_text(who, what="name", limit=MAX_NAME),
        from_shift=typed.number(typed.Word(from_word, False), "shift number", example),
        to_shift=typed.number(typed.Word(to_word, False), "shift number", example),
    )


def repeat_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank repeat <shift> weekly|every N weeks [on tue,thu] [until D | times N]`."""
    from bot.series.recurrence import MAX_EVERY, MAX_TIMES, weekday_numbers

    example = words.usage.example
    shift = typed.number(words.need("the shift number"), "shift number", example)
    how = words.need("how often: `weekly` or `every 2 weeks`").text.lower()
    every = 1
    if how == "every":
        count = words.need("how many weeks apart, like `every 2 weeks`").text
        if count.strip() == "0":
            raise UserError(
                "A series can't repeat every 0 weeks; type `weekly` or `every 2 weeks`."
            )
        every = typed.number(typed.Word(count, False), "number of weeks", example, high=MAX_EVERY)
        unit = words.need("`weeks`, as in `every 2 weeks`").text.lower()
        if unit not in ("week", "weeks"):
            raise UserError(f"Series repeat by weeks; type `every {every} weeks`.")
    elif how != "weekly":
        raise UserError(f"I can repeat a shift `weekly` or `every 2 weeks`. {words.hint}")
    values: dict[str, Any] = {}
    while (keyword := (words.peek_bare() or "").lower()) in {"on", "until", "times"} - set(values):
        words.take()
        if keyword == "on":
            values["on"] = weekday_numbers(words.need("the weekdays, like `on tue,thu`").text)
        elif keyword == "until":
            values["until"] = typed.day(words.need("the last date, like `until 2026-12-31`"))
        else:
            values["times"] = typed.number(
                words.need("how many dates, like `times 8`"),
                "number of dates",
                example,
                high=MAX_TIMES,
            )
    words.end()
    if "until" in values and "times" in values:
        raise UserError("Give either `until <date>` or `times <n>`, not both.")
    return RepeatShift(
        actor,
        shift=shift,
        every=every,
        weekdays=values.get("on", ()),
        until=values.get("until"),
        times=values.get("times"),
    )


def with_following(build: type[CancelShift] | type[LeaveShift]) -> TextReader:
    """`/phonebank cancel|leave <shift> [following]`."""

    def read(actor: Actor, words: typed.Words) -> Command:
        shift = typed.number(words.need("the shift number"), "shift number", words.usage.example)
        word = words.take()
        if word is not None and word.text.lower() != "following":
            raise UserError(f"I didn't expect {typed.shown(word.text)} there. {words.hint}")
        words.end()
        return build(actor, shift=shift, following=word is not None)

    return read


def repeat_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/phonebank repeat` from a menu: the shift, and how it repeats as one line of text."""
    from bot import catalogue

    line = f"{answers['shift']} {answers.get('how') or ''}"
    return repeat_shift(actor, typed.Words(line, catalogue.usage("phonebank", "repeat")))


def propose_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank propose` reads like `/phonebank create`; bare: the form."""
    from bot.kernel.intake import parsing

    return propose_shift_from(parsing.create_shift(actor, words))


def propose_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/phonebank propose` from a menu, read as the create form's answers."""
    from bot.kernel.intake import forms

    return propose_shift_from(forms.from_options(forms.SHIFT, actor, answers))


def propose_shift_from(created: Command) -> Command:
    """A create-shift command (or its bare form) as the same proposal."""
    if isinstance(created, CreateShift):
        return ProposeShift(
            created.actor,
            title=created.title,
            day=created.day,
            start=created.start,
            duration=created.duration,
            capacity=created.capacity,
            link=created.link,
        )
    return StartProposalForm(created.actor)


def set_host(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank host <shift> <who>`."""
    shift = typed.number(words.need("the shift number"), "shift number", words.usage.example)
    return SetHost(actor, shift=shift, who=person(words))


def decline_proposal(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank decline <proposal> [<reason>]`: the text form of the Decline button."""
    from bot.domain.proposal import MAX_REASON

    number = typed.number(words.need("the proposal number"), "proposal number", words.usage.example)
    reason = words.rest()
    text = clean_text(reason, what="reason", limit=MAX_REASON, multiline=True) if reason else ""
    return DeclineProposal(actor, proposal=number, reason=text)


def reason(words: typed.Words) -> str:
    """A decline reason typed as a menu option."""
    from bot.domain.proposal import MAX_REASON

    text = words.rest()
    return clean_text(text, what="reason", limit=MAX_REASON, multiline=True) if text else ""
