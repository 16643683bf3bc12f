"""A plain renderer for the core's tests: what a person reads, with no platform's adapter.

Core tests assert on the words the core chose, so they must not depend on how the console
(or any other adapter) lays a reply out. Buttons read `[1] Join`, numbered in order.
"""

from bot.replies import Button, Form, Listing, Message, Reply


def text_of(reply: Reply) -> str:
    """The reply as plain lines, buttons included as `[1] Join`."""
    buttons: list[Button] = []

    def press(button: Button) -> str:
        buttons.append(button)
        return f"[{len(buttons)}] {button.label}"

    match reply:
        case Message(text=text, buttons=offered):
            lines = text.splitlines() or [""]
            if offered:
                lines.append("   ".join(press(b) for b in offered))
        case Listing(heading=heading, items=items, empty=empty, footer=footer):
            if not items:
                lines = empty.splitlines()
            else:
                lines = [heading]
                for item in items:
                    button = f"   {press(item.button)}" if item.button else ""
                    lines.append(f"  {item.title}{button}")
                    lines += [f"    {detail}" for detail in item.detail.splitlines()]
                if footer:
                    lines.append(footer)
        case Form(title=title, intro=intro):
            lines = [f"{title}: {intro}"]
        case _:
            raise TypeError(f"no plain text for {type(reply).__name__}")
    return "\n".join(lines)
