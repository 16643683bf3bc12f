"""What a new shift needs, however it is asked for: typed, as a form, or from a menu.

`/phonebank propose` asks the same of a volunteer who offers to host one.
"""

from collections.abc import Mapping
from typing import Any

from bot.domain.errors import UserError
from bot.domain.phonebank import MAX_CAPACITY, MAX_DURATION, MAX_LINK, MIN_DURATION
from bot.domain.text import MAX_TITLE
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.entry import Kind, Param
from bot.kernel.intake.examples import SHIFT_DAY
from bot.kernel.intake.forms import FormReader, Values, answering, answers, parsed, text
from bot.kernel.intake.groups import SHORT
from bot.kernel.intake.typed_values import Usage
from bot.ports.replies import DateField, Form, NumberField, TextField, TimeField
from bot.series import read_repeats, repeat_fields
from bot.shifts.commands import CreateShift, StartShiftForm

SHIFT_EXAMPLE = (
    f'/phonebank create "Saturday calls" {SHIFT_DAY} 18:00 2h 12 https://dialer.example/abc'
)

CREATE_USAGE = Usage(
    '/phonebank create "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<link>]',
    SHIFT_EXAMPLE,
    "schedule a shift in the campaign's time zone "
    f"(length {timefmt.duration(MIN_DURATION)} to {timefmt.duration(MAX_DURATION)}; "
    "link optional)",
)


# What a new shift needs; a proposed phone bank asks the same.
CREATE_PARAMS: tuple[Param, ...] = (
    Param(
        "title",
        Kind.TEXT,
        "What volunteers will see, like Saturday calls (leave everything empty for a form)",
        required=False,
        max_length=MAX_TITLE,
    ),
    Param(
        "date",
        Kind.TEXT,
        "The day, written YYYY-MM-DD",
        required=False,
        max_length=SHORT,
        field="day",
    ),
    Param(
        "start",
        Kind.TEXT,
        "Start time in the campaign's zone: 18:00 or 6pm",
        required=False,
        max_length=SHORT,
    ),
    Param(
        "length",
        Kind.TEXT,
        "How long: 2h, 90m or 1h30m",
        required=False,
        max_length=SHORT,
        field="duration",
    ),
    Param(
        "seats",
        Kind.NUMBER,
        "How many volunteers can join",
        required=False,
        high=MAX_CAPACITY,
        field="capacity",
    ),
    Param(
        "link",
        Kind.TEXT,
        "The dialer or call script link (optional)",
        required=False,
        max_length=MAX_LINK,
    ),
)


def read_new_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank create "<title>" <date> <time> <length> <seats> [<link>]`; bare: the form."""
    if words.peek_bare() is None:
        return StartShiftForm(actor)
    title_word = words.need(_("the title"))
    title = typed.title(title_word)
    day_word = words.need(_("the date"))
    try:
        day = typed.day(day_word)
    except UserError:
        if not title_word.quoted and not any(c.isdigit() for c in day_word.text):
            # `/phonebank create Saturday calls 2026-…`: the title lost its quotes.
            raise UserError(
                _(
                    "When the title has more than one word, put it in double quotes. {hint}",
                    hint=words.hint,
                )
            ) from None
        raise
    start = typed.start_time(words)
    length = typed.shift_length(words.need(_("the length of the shift")))
    seats = typed.number(
        words.need(_("the number of seats")),
        _("number of seats"),
        words.usage.example,
        high=MAX_CAPACITY,
    )
    link_word = words.take()
    link = None if link_word is None else typed.link(link_word)
    words.end()
    return CreateShift(
        actor, title=title, day=day, start=start, duration=length, capacity=seats, link=link
    )


def shift_form() -> Form:
    """What `/phonebank create` asks when called without arguments."""
    return Form(
        form_id=SHIFT.form_id,
        title=_("New phone bank shift"),
        intro=_("Volunteers see the title and time; the link goes out in their reminders."),
        fields=(
            TextField("title", _("Title"), placeholder=_("Saturday calls"), max_length=MAX_TITLE),
            DateField("day", _("Date")),
            TimeField("start", _("Start time, in the campaign's time zone")),
            TextField("duration", _("Length"), placeholder=_("2h, 90m or 1h30m"), max_length=10),
            NumberField("capacity", _("Seats"), low=1, high=MAX_CAPACITY, initial=10),
            TextField(
                "link",
                _("Call script or dialer link"),
                placeholder=_("https://dialer.example/abc"),
                max_length=MAX_LINK,
                required=False,
            ),
            *repeat_fields(),
        ),
        submit_label=_("Create"),
        extras_from=6,
    )


def _read(actor: Actor, _key: str, values: Values) -> Command:
    with answering("start"):
        start = typed.Words(text(values, "start", _("the start time")), CREATE_USAGE)
        when = typed.start_time(start)
        start.end()
    link = text(values, "link", "", required=False)
    with answering("link"):
        checked = typed.link(typed.Word(link, quoted=True)) if link else None
    return CreateShift(
        actor,
        title=parsed(values, "title", _("the title"), typed.title),
        day=parsed(values, "day", _("the date"), typed.day),
        start=when,
        duration=parsed(values, "duration", _("the length of the shift"), typed.shift_length),
        capacity=parsed(values, "capacity", _("the number of seats"), _seats),
        link=checked,
        repeats=read_repeats(values),
        # Left out where the form had no room: asked after creating instead.
        offer_repeat="repeat" not in values,
    )


def _seats(answer: typed.Word) -> int:
    return typed.number(answer, _("number of seats"), "12", high=MAX_CAPACITY)


SHIFT = FormReader("shift", CreateShift, _read)


def shift_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """`/phonebank create` from a menu: no options opens the form, else read as its answers."""
    values = answers(options)
    if values is None:
        return StartShiftForm(actor)
    # A command menu has no repeat options: `/phonebank repeat` is typed on its own.
    values.setdefault("repeat", "")
    return SHIFT.read(actor, "", values)
