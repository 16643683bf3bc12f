"""How `/phonebank repeat` is typed, and read (typed or from a menu) into a RepeatShift."""

from collections.abc import Mapping
from typing import Any

from bot.domain.errors import UserError
from bot.kernel.commands import Actor, Command
from bot.kernel.i18n import N_, _
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.examples import SERIES_END
from bot.kernel.intake.typed_values import Usage
from bot.series.commands import RepeatShift
from bot.series.recurrence import MAX_EVERY, MAX_TIMES, weekday_numbers

REPEAT_USAGE = Usage(
    "/phonebank repeat <shift> weekly|every <n> weeks [on <days>] [until <YYYY-MM-DD> | times <n>]",
    f"/phonebank repeat 3 weekly until {SERIES_END}",
    N_("make a shift weekly (`on tue,thu` in the campaign's zone); dates appear 4 weeks ahead"),
)


def repeat_shift(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank repeat <shift> weekly|every N weeks [on tue,thu] [until D | times N]`."""
    example = words.usage.example
    shift = typed.number(words.need(_("the shift number")), _("shift number"), example)
    how = words.need(_("how often: `weekly` or `every 2 weeks`")).text.lower()
    every = 1
    if how == "every":
        count = words.need(_("how many weeks apart, like `every 2 weeks`")).text
        if count.strip() == "0":
            raise UserError(
                _("A series can't repeat every 0 weeks; type `weekly` or `every 2 weeks`.")
            )
        every = typed.number(
            typed.Word(count, False), _("number of weeks"), example, high=MAX_EVERY
        )
        unit = words.need(_("`weeks`, as in `every 2 weeks`")).text.lower()
        if unit not in ("week", "weeks"):
            raise UserError(_("Series repeat by weeks; type `every {every} weeks`.", every=every))
    elif how != "weekly":
        raise UserError(
            _("I can repeat a shift `weekly` or `every 2 weeks`. {hint}", hint=words.hint)
        )
    values: dict[str, Any] = {}
    while (keyword := (words.peek_bare() or "").lower()) in {"on", "until", "times"} - set(values):
        words.take()
        if keyword == "on":
            values["on"] = weekday_numbers(words.need(_("the weekdays, like `on tue,thu`")).text)
        elif keyword == "until":
            values["until"] = typed.day(
                words.need(_("the last date, like `until {SERIES_END}`", SERIES_END=SERIES_END))
            )
        else:
            values["times"] = typed.number(
                words.need(_("how many dates, like `times 8`")),
                _("number of dates"),
                example,
                high=MAX_TIMES,
            )
    words.end()
    if "until" in values and "times" in values:
        raise UserError(
            _("Give either `until {SERIES_END}` or `times 8`, not both.", SERIES_END=SERIES_END)
        )
    return RepeatShift(
        actor,
        shift=shift,
        every=every,
        weekdays=values.get("on", ()),
        until=values.get("until"),
        times=values.get("times"),
    )


def repeat_options(actor: Actor, answers: Mapping[str, Any]) -> Command:
    """`/phonebank repeat` from a menu: the shift, and how it repeats as one line of text."""
    line = f"{answers['shift']} {answers.get('how') or ''}"
    return repeat_shift(actor, typed.Words(line, REPEAT_USAGE))
