"""What a new shift needs, however it is asked for: typed, as a form, or from a menu.

`/phonebank propose` asks the same of a volunteer who offers to host one.
"""

from collections.abc import Mapping
from typing import Any

from bot.domain.errors import UserError
from bot.domain.kinds import BY_ID, KINDS, PHONE_BANK, ShiftKind, Where, is_link, read_kind
from bot.domain.phonebank import (
    MAX_CAPACITY,
    MAX_DURATION,
    MAX_LINK,
    MIN_DURATION,
    check_where,
)
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
from bot.ports.replies import (
    ChoiceField,
    DateField,
    Form,
    NumberField,
    Option,
    TextField,
    TimeField,
)
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


def read_new_shift(actor: Actor, words: typed.Words, kind: ShiftKind = PHONE_BANK) -> Command:
    """`/phonebank create "<title>" <date> <time> <length> <seats> [<link>]`; bare: the form.

    `/shift create <kind> …` reads the rest the same way, with where its kind happens last.
    """
    if words.peek_bare() is None:
        return StartShiftForm(actor, kind=kind.id)
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
    link = None if link_word is None else read_where(kind, link_word)
    words.end()
    return CreateShift(
        actor,
        title=title,
        day=day,
        start=start,
        duration=length,
        capacity=seats,
        link=link,
        kind=kind.id,
    )


def read_where(kind: ShiftKind, word: typed.Word) -> str | None:
    """Where a shift of `kind` happens, as typed or answered: a link or an address."""
    if kind.where is Where.ADDRESS or (
        kind.where is Where.LINK_OR_ADDRESS and not is_link(word.text)
    ):
        return check_where(kind, word.text)
    return typed.link(word)


def shift_form(kind: ShiftKind | None = PHONE_BANK) -> Form:
    """What `/phonebank create` asks when called without arguments: a phone bank's questions;
    `/shift create` alone first asks the kind (None), or names it in the form's id."""
    if kind is PHONE_BANK:
        form_id, title = SHIFT.form_id, _("New phone bank shift")
        intro = _("Volunteers see the title and time; the link goes out in their reminders.")
        where = TextField(
            "link",
            _("Call script or dialer link"),
            placeholder=_("https://dialer.example/abc"),
            max_length=MAX_LINK,
            required=False,
        )
    else:
        form_id = SHIFT.form_id if kind is None else KIND_SHIFT.id_for(kind.id)
        title = _("New shift") if kind is None else _(kind.name)
        intro = _("Volunteers see the title and time; where it happens goes out in reminders.")
        where = TextField(
            "link",
            _("Where: an address or a link") if kind is None else _(kind.where_label),
            placeholder=KINDS[1].where_example if kind is None else kind.where_example,
            max_length=MAX_LINK,
            required=False,
        )
    picker = () if kind is not None else (kind_field(),)
    return Form(
        form_id=form_id,
        title=title,
        intro=intro,
        fields=(
            *picker,
            TextField("title", _("Title"), placeholder=_("Saturday calls"), max_length=MAX_TITLE),
            DateField("day", _("Date")),
            TimeField("start", _("Start time, in the campaign's time zone")),
            TextField("duration", _("Length"), placeholder=_("2h, 90m or 1h30m"), max_length=10),
            NumberField("capacity", _("Seats"), low=1, high=MAX_CAPACITY, initial=10),
            where,
            *repeat_fields(),
        ),
        submit_label=_("Create"),
        extras_from=6 + len(picker),
    )


def kind_field() -> ChoiceField:
    """The kind picker: a select on Slack and Discord, a numbered question in the console."""
    return ChoiceField(
        "kind",
        _("Kind of shift"),
        options=tuple(Option(kind.id, f"{kind.emoji} {_(kind.name)}") for kind in KINDS),
    )


def _read(actor: Actor, key: str, values: Values) -> Command:
    if key:
        kind = BY_ID.get(key)
        if kind is None:
            raise UserError(_("That form has expired; type `/shift create` to start again."))
    elif "kind" in values:
        with answering("kind"):
            kind = read_kind(text(values, "kind", _("the kind of shift")))
    else:
        kind = PHONE_BANK
    with answering("start"):
        start = typed.Words(text(values, "start", _("the start time")), CREATE_USAGE)
        when = typed.start_time(start)
        start.end()
    link = text(values, "link", "", required=False)
    with answering("link"):
        checked = read_where(kind, typed.Word(link, quoted=True)) if link else None
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
        kind=kind.id,
    )


def _seats(answer: typed.Word) -> int:
    return typed.number(answer, _("number of seats"), "12", high=MAX_CAPACITY)


SHIFT = FormReader("shift", CreateShift, _read)
# A new shift of a kind already chosen (Discord's kind option): `new_shift:canvass`.
KIND_SHIFT = FormReader("new_shift:", CreateShift, _read)


def shift_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """`/phonebank create` from a menu: no options opens the form, else read as its answers."""
    values = answers(options)
    if values is None:
        return StartShiftForm(actor)
    # A command menu has no repeat options: `/phonebank repeat` is typed on its own.
    values.setdefault("repeat", "")
    return SHIFT.read(actor, "", values)


def kind_shift_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """`/shift create` from a menu: the kind alone opens that kind's form, else as above."""
    rest = {name: value for name, value in options.items() if name != "kind"}
    if answers(rest) is None:
        kind = options.get("kind")
        return StartShiftForm(actor, kind=None if kind is None else read_kind(str(kind)).id)
    return shift_options(actor, options)


def read_kind_shift(actor: Actor, words: typed.Words) -> Command:
    """`/shift create <kind> "<title>" <date> <time> <length> <seats> [<where>]`; bare: the
    form, which asks the kind first."""
    if words.peek_bare() is None:
        return StartShiftForm(actor, kind=None)
    kind = read_kind(words.need(_("the kind of shift")).text)
    if words.peek_bare() is None:
        return StartShiftForm(actor, kind=kind.id)
    return read_new_shift(actor, words, kind)
