"""Typed replies as terminal text, with buttons as numbered choices.

Times read as the core wrote them, with their zone named (`6:00 PM EST`): a terminal can't
show each reader their own zone.
"""

from collections.abc import Callable

from bot.kernel import timefmt
from bot.kernel.i18n import _
from bot.ports.replies import (
    Button,
    ChoiceField,
    DateField,
    Field,
    Form,
    Item,
    Listing,
    Message,
    NumberField,
    Page,
    Reply,
    TextField,
    TimeField,
)

INDENT = "  "


def render(reply: Reply, *, numbered: bool = True) -> tuple[list[str], list[Button]]:
    """Lines to print and the buttons they offer, numbered from 1 in order of appearance.

    Without `numbered` buttons show as `[Join]`, for nobody to press (a channel post: its
    commands are typed).
    """
    buttons: list[Button] = []

    def choice(button: Button) -> str:
        if button.url:
            # A link opens in the browser, not here: show it rather than number it.
            return f"{button.label}: {button.url}"
        if not numbered:
            return f"[{button.label}]"
        buttons.append(button)
        return f"[{len(buttons)}] {button.label}"

    lines: list[str] = []
    match reply:
        case Message(text=text, buttons=message_buttons):
            lines += text.splitlines() or [""]
            if message_buttons:
                lines.append("   ".join(choice(b) for b in message_buttons))
        case Listing(heading=heading, items=items, empty=empty, footer=footer):
            if not items:
                lines += empty.splitlines()
            else:
                lines.append(heading)
                lines += _items(items, choice)
                if footer:
                    lines += footer.splitlines()
        case Page(heading=heading, sections=sections):
            lines.append(heading)
            for section in sections:
                lines.append(f"— {section.heading}")
                lines += _items(section.items, choice) or [f"{INDENT}{section.empty}"]
        case Form(title=title, intro=intro):
            lines += [f"{title}: {intro}"]
    return [timefmt.plain(line) for line in lines], buttons


def _items(items: tuple[Item, ...], choice: Callable[[Button], str]) -> list[str]:
    lines: list[str] = []
    for item in items:
        pressed = "".join(f"   {choice(b)}" for b in item.buttons)
        lines.append(f"{INDENT}{item.title}{pressed}")
        lines += [f"{INDENT}{INDENT}{d}" for d in item.detail.splitlines()]
    return lines


# Leaves an optional answer empty (an empty line does too).
SKIP = "-"
# Keeps the answer a form was opened with (an edit form's current value, a suggested number).
KEEP = "="


def _aside(words: str) -> tuple[str, list[str]]:
    """`Link (empty: none)` as `Link` and its aside, so the question keeps one pair of
    brackets once the console's own hints join it."""
    if words.endswith(")") and " (" in words:
        main, _, aside = words[:-1].rpartition(" (")
        return main, [aside]
    return words, []


def question(field: Field) -> list[str]:
    """How one form question is asked, with the words that answer it besides its own, in the
    language of the person answering."""
    label, asides = _aside(field.label)
    skip = _("{skip} to skip", skip=SKIP)
    match field:
        case ChoiceField(multiple=multiple, options=options):
            if field.required:
                how = _("numbers separated by commas") if multiple else _("one number")
            elif multiple:
                how = _("numbers separated by commas; {skip} to skip", skip=SKIP)
            else:
                how = _("one number; {skip} to skip", skip=SKIP)
            listed = [f"{INDENT}{n}. {option.label}" for n, option in enumerate(options, 1)]
            return [f"{label} ({'; '.join([*asides, how])})", *listed]
        case TextField(placeholder=placeholder):
            example, more = _aside(placeholder) if placeholder else ("", [])
            hint = _("e.g. {example}", example=example) if example else ""
            asides += more
        case DateField():
            hint = _("YYYY-MM-DD")
        case TimeField():
            hint = _("HH:MM, 24-hour")
        case NumberField(low=low, high=high):
            hint = _("a number from {low} to {high}", low=low, high=high)
    # An empty initial (an edit form's link when there is none) has nothing to keep.
    initial = None if field.initial == "" else field.initial
    hints = [hint, *asides] if hint else asides
    if isinstance(field, NumberField) and initial is not None:
        # A number's initial may be a suggestion (10 seats) as much as a current value.
        hints.append(_("{keep} for {initial}", keep=KEEP, initial=initial))
    elif initial is not None:
        # An edit form: the current answer stands when kept.
        hints.insert(0, _("now {initial}; {keep} to keep it", initial=initial, keep=KEEP))
    if not field.required:
        hints.append(skip if initial is None else _("{skip} to leave it empty", skip=SKIP))
    return [f"{label} ({'; '.join(hints)})" if hints else label]
