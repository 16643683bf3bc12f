"""Typed replies as terminal text, with buttons as numbered choices."""

from bot.replies import Button, ChoiceField, Form, Listing, Message, Reply, TextField

INDENT = "  "


def render(reply: Reply) -> tuple[list[str], list[Button]]:
    """Lines to print and the buttons they offer, numbered from 1 in order of appearance."""
    buttons: list[Button] = []

    def choice(button: Button) -> str:
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
                for item in items:
                    pressed = f"   {choice(item.button)}" if item.button else ""
                    lines.append(f"{INDENT}{item.title}{pressed}")
                    lines += [f"{INDENT}{INDENT}{d}" for d in item.detail.splitlines()]
                if footer:
                    lines.append(footer)
        case Form(title=title, intro=intro):
            lines += [f"{title}: {intro}"]
    return lines, buttons


def question(field: ChoiceField | TextField) -> list[str]:
    """How one form question is asked."""
    if isinstance(field, TextField):
        hint = f" ({field.placeholder})" if field.placeholder else ""
        return [f"{field.label}{hint}"]
    how = "numbers separated by commas" if field.multiple else "one number"
    options = [f"{INDENT}{n}. {option.label}" for n, option in enumerate(field.options, 1)]
    return [f"{field.label} ({how})", *options]
