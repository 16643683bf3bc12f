"""The repeat questions of a shift's form: how often, on which weekdays, and until when.

Asked in the create form, and in a small form of their own after creating a shift where a
platform's form had no room for them (Discord's five questions). Either way the answers are
read here into the same `Repeats` that `/phonebank repeat` types, and the same use case
(series.repeat_shift) makes the series.
"""

from datetime import date

from bot.domain.errors import UserError
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.examples import SERIES_END
from bot.kernel.intake.forms import FormReader, Values, answering, number_key
from bot.ports.replies import ChoiceField, Field, Form, Option, TextField
from bot.series.commands import Repeats, RepeatShift
from bot.series.recurrence import MAX_TIMES, WEEKDAYS

ONCE = "once"
WEEKLY = "weekly"
FORTNIGHTLY = "every-2-weeks"
ON_DAYS = "weekdays"
_EVERY = {WEEKLY: 1, FORTNIGHTLY: 2, ON_DAYS: 1}


def repeat_fields(*, once: bool = True) -> tuple[Field, ...]:
    """How often, which weekdays, and the end; `once` offers "Does not repeat" first."""
    how = [
        Option(WEEKLY, _("Weekly")),
        Option(FORTNIGHTLY, _("Every 2 weeks")),
        Option(ON_DAYS, _("On chosen weekdays")),
    ]
    return (
        ChoiceField(
            "repeat",
            _("Repeats"),
            options=(Option(ONCE, _("Does not repeat")), *how) if once else tuple(how),
            required=not once,
        ),
        ChoiceField(
            "weekdays",
            _("Weekdays, in the campaign's time zone"),
            options=tuple(Option(day, timefmt.weekday(i)) for i, day in enumerate(WEEKDAYS)),
            multiple=True,
            required=False,
        ),
        TextField(
            "ends",
            _("Ends: a last date or a number of times"),
            placeholder=_("YYYY-MM-DD or 8 times (empty: no end)"),
            max_length=20,
            required=False,
        ),
    )


def repeat_form(number: int, title: str) -> Form:
    """The Repeat button after creating a shift: the repeat questions alone."""
    return Form(
        form_id=REPEAT_FORM.id_for(number),
        title=_("Repeat the shift"),
        intro=_(
            "“{title}” (#{number}): its dates appear 4 weeks ahead as time passes.",
            title=title,
            number=number,
        ),
        fields=repeat_fields(once=False),
        submit_label=_("Repeat"),
    )


def read_repeats(values: Values) -> Repeats | None:
    """The repeat answers as a Repeats; None for "Does not repeat" (or left blank)."""
    how = values.get("repeat", "")
    days = values.get("weekdays", ())
    days = (days,) if isinstance(days, str) and days else () if isinstance(days, str) else days
    ends = values.get("ends", "")
    ends = ends.strip() if isinstance(ends, str) else ""
    if how in ("", ONCE):
        if days or ends:
            raise UserError(
                _(
                    "You chose that the shift does not repeat but filled in when it "
                    "repeats; pick Weekly, Every 2 weeks or On chosen weekdays, or clear "
                    "the weekdays and end."
                )
            )
        return None
    if not isinstance(how, str) or how not in _EVERY:
        raise UserError(
            _("Pick how the shift repeats from the list: weekly or every 2 weeks."), about="repeat"
        )
    if how == ON_DAYS and not days:
        raise UserError(
            _("Tick the weekdays it repeats on, or pick Weekly instead."), about="weekdays"
        )
    try:
        weekdays = tuple(sorted({WEEKDAYS.index(day) for day in days}))
    except ValueError:
        raise UserError(
            _("Pick the weekdays from the list, like Tue and Thu."), about="weekdays"
        ) from None
    with answering("ends"):
        until, times = _end(ends)
    return Repeats(every=_EVERY[how], weekdays=weekdays, until=until, times=times)


def _end(text: str) -> tuple[date | None, int | None]:
    """`2026-12-31` is the last date; `8`, `8 times` or `times 8` the number of dates."""
    if not text:
        return None, None
    words = text.lower().split()
    if len(words) == 1 and "-" in words[0]:
        return typed.day(typed.Word(words[0], quoted=True)), None
    count = [w for w in words if w not in ("times", "time", "x")]
    if len(count) == 1 and len(words) <= 2 and count[0].lstrip("-").isdecimal():
        word = typed.Word(count[0], quoted=True)
        return None, typed.number(word, _("number of dates"), "8 times", high=MAX_TIMES)
    raise UserError(
        _(
            "I couldn't read {shown} as an end; type a last date like "
            "{SERIES_END}, or a number of times like 8 times, or leave it empty.",
            shown=typed.shown(text),
            SERIES_END=SERIES_END,
        )
    )


def _read(actor: Actor, key: str, values: Values) -> Command:
    """The submitted Repeat form as the command `/phonebank repeat` types."""
    number = number_key(
        key,
        _("type `/phonebank repeat` and the shift's number, like `/phonebank repeat 3 weekly`."),
    )
    repeats = read_repeats(values)
    if repeats is None:
        raise UserError(
            _("Pick how the shift repeats: Weekly, Every 2 weeks or On chosen weekdays.")
        )
    return repeating(actor, number, repeats)


def repeating(actor: Actor, shift: int, repeats: Repeats) -> RepeatShift:
    """`repeats` for shift number `shift`, as `/phonebank repeat` would have it."""
    return RepeatShift(
        actor,
        shift=shift,
        every=repeats.every,
        weekdays=repeats.weekdays,
        until=repeats.until,
        times=repeats.times,
    )


# Followed by the shift's number: `repeat:3`.
REPEAT_FORM = FormReader("repeat:", RepeatShift, _read)
