"""Typed replies as terminal text, with buttons as numbered choices.

Times read as the core wrote them, with their zone named (`6:00 PM EST`): a terminal can't
show each reader their own zone.
"""

from collections.abc import Callable

from bot.kernel import timefmt
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
                    lines.append(footer)
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


SKIP = "-"
# Keeps the answer a form was opened with (an edit form's current value).
KEEP = "="


def question(field: Field) -> list[str]:
    """How one form question is asked."""
    match field:
        case ChoiceField(multiple=multiple, options=options):
            how = "numbers separated by commas" if multiple else "one number"
            if not field.required:
                how += f"; {SKIP} to skip"
            listed = [f"{INDENT}{n}. {option.label}" for n, option in enumerate(options, 1)]
            return [f"{field.label} ({how})", *listed]
        case TextField(placeholder=placeholder):
            hint = f"e.g. {placeholder}" if placeholder else ""
        case DateField():
            hint = "YYYY-MM-DD"
        case TimeField():
            hint = "HH:MM, 24-hour"
        case NumberField(low=low, high=high):
            hint = f"a number from {low} to {high}"
    if not field.required:
        hint = f"{hint}; {SKIP} to skip" if hint else f"{SKIP} to skip"
    # A number's initial is a suggestion (10 seats); text, dates and times have one on edit forms.
    initial = None if isinstance(field, NumberField) else getattr(field, "initial", None)
    if initial is not None:
        # An edit form: the current answer stands unless something else is typed.
        hint = f"now {initial}; {KEEP} to keep it" + (f"; {hint}" if hint else "")
    return [f"{field.label} ({hint})" if hint else field.label]
