"""One typed line as the answer to one form question, as a platform's form box would take it.

The words a question offers (render.question) mean what they say: `-` (or an empty line, or
`skip`, `omitir`, `saltar`) leaves an optional answer empty, which the core stores as nothing;
`=` keeps the answer the form opened with. A choice is its number, or its words in English or
Spanish (`weekends`, `mar,jue`, `sí`). What a Slack or Discord box would not let through (a
number out of its range, an option that isn't listed, a text too long) is refused here at once,
with one sentence, and the question is asked again; everything else is for the core to judge
when the form is sent.
"""

from dataclasses import dataclass

from adapters.console.render import KEEP, SKIP
from bot.domain import answer_words
from bot.kernel.i18n import _
from bot.ports.replies import ChoiceField, Field, NumberField

Answer = str | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Refused:
    """Why the line can't be this question's answer: one sentence saying what to type."""

    sentence: str


def read(field: Field, line: str) -> Answer | Refused:
    """The answer `line` gives `field`, or why it can't."""
    skipped = line == SKIP or answer_words.skips(line)
    if skipped or not line:
        if not field.required:
            return () if isinstance(field, ChoiceField) and field.multiple else ""
        return Refused(_needed(field, skipped=skipped))
    if isinstance(field, ChoiceField):
        return _choice(field, line)
    initial = field.initial
    if line == KEEP and initial is not None:
        return str(initial)
    if isinstance(field, NumberField):
        return _number(field, line)
    limit = getattr(field, "max_length", None)
    if limit is not None and len(line) > limit:
        return Refused(
            _("That's {length:,} characters; keep it to {limit}.", length=len(line), limit=limit)
        )
    return line


def _needed(field: Field, *, skipped: bool) -> str:
    if isinstance(field, NumberField) and field.initial is not None:
        if skipped:
            return _(
                "This question can't be skipped; type one, or {keep} for {initial}.",
                keep=KEEP,
                initial=field.initial,
            )
        return _(
            "This question needs an answer; type one, or {keep} for {initial}.",
            keep=KEEP,
            initial=field.initial,
        )
    if not isinstance(field, ChoiceField) and field.initial:
        if skipped:
            return _(
                "This question can't be skipped; type one, or {keep} to keep {initial}.",
                keep=KEEP,
                initial=field.initial,
            )
        return _(
            "This question needs an answer; type one, or {keep} to keep {initial}.",
            keep=KEEP,
            initial=field.initial,
        )
    if skipped:
        return _(
            "This question can't be skipped; type one, or :cancel to stop filling in the form."
        )
    return _("This question needs an answer; type one, or :cancel to stop filling in the form.")


def _choice(field: ChoiceField, line: str) -> Answer | Refused:
    words = [p.strip() for p in line.replace(" ", ",").split(",") if p.strip()]
    count = len(field.options)
    parts = [_numbered(field, p) for p in words]
    fits = all(p.isdecimal() and 1 <= int(p) <= count for p in parts)
    if not parts or not fits or (len(parts) > 1 and not field.multiple):
        if field.multiple:
            return Refused(
                _(
                    "Answer with numbers from 1 to {count}, separated by commas, like 1,3.",
                    count=count,
                )
            )
        return Refused(_("Answer with one number from 1 to {count}.", count=count))
    picked = tuple(dict.fromkeys(field.options[int(p) - 1].value for p in parts))
    return picked if field.multiple else picked[0]


def _numbered(field: ChoiceField, word: str) -> str:
    """The option's number a word names, `word` itself when it names none: an option's value
    or label (`weekends`), a weekday in English or Spanish (`tue`, `mar`), yes or no (`sí`)."""
    if word.isdecimal():
        return word
    typed = answer_words.plain(word)
    day = answer_words.weekday(word)
    said = answer_words.yes_or_no(word)
    for number, option in enumerate(field.options, 1):
        value = answer_words.plain(option.value)
        if typed in (value, answer_words.plain(option.label)):
            return str(number)
        if day is not None and answer_words.weekday(value) == day:
            return str(number)
        if said is not None and answer_words.yes_or_no(value) is said:
            return str(number)
    return word


def _number(field: NumberField, line: str) -> Answer | Refused:
    digits = line.replace(",", "")
    # Length first: a number thousands of digits long never reaches int().
    if not digits.isdecimal() or len(digits) > len(str(field.high)):
        return Refused(_("Type a number from {low} to {high}.", low=field.low, high=field.high))
    if not field.low <= int(digits) <= field.high:
        return Refused(_("Type a number from {low} to {high}.", low=field.low, high=field.high))
    return digits
