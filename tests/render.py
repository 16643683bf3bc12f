"""A plain renderer for the core's tests: what a person reads, with no platform's adapter.

Core tests assert on the words the core chose, so they must not depend on how the console
(or any other adapter) lays a reply out. The buttons follow the text as `[1] Join`, numbered
in the order they appear.
"""

from bot.kernel import timefmt
from bot.ports.replies import Button, Form, Listing, Message, Page, Reply


def text_of(reply: Reply) -> str:
    """The reply as plain lines, then its buttons on one line as `[1] Join   [2] Leave`."""
    buttons: list[Button]
    match reply:
        case Message(text=text, buttons=offered):
            parts, buttons = [text], list(offered)
        case Listing(heading=heading, items=items, empty=empty, footer=footer):
            shown = [f"{item.title}\n{item.detail}" for item in items]
            parts = [heading, *shown, footer] if items else [empty]
            buttons = [b for item in items for b in item.buttons]
        case Page(heading=heading, sections=sections):
            parts, buttons = [heading], []
            for section in sections:
                shown = [f"{item.title}\n{item.detail}" for item in section.items]
                parts += [section.heading, *shown] if section.items else [section.empty]
                buttons += [b for item in section.items for b in item.buttons]
        case Form(title=title, intro=intro):
            parts, buttons = [f"{title}: {intro}"], []
        case _:
            raise TypeError(f"no plain text for {type(reply).__name__}")
    # Times as the plain fallback shows them, zone named: what the core tests always read.
    lines = [line for part in parts for line in timefmt.plain(part).strip().splitlines()]
    if buttons:
        lines.append("   ".join(f"[{n}] {b.label}" for n, b in enumerate(buttons, 1)))
    return "\n".join(lines)
