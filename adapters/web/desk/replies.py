"""A typed reply as the desk's pages show it: text, lists, buttons that post back, forms.

Buttons and forms become HTML forms that post their action (or answers) back to the same
page; the page runs them as the person signed in, as a chat platform would.
"""

import base64
from dataclasses import dataclass, field

from bot.ports.replies import (
    Attachment,
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


@dataclass(frozen=True, slots=True)
class Shown:
    """One reply, ready for the `reply` macro."""

    text: str = ""
    error: bool = False
    buttons: tuple[Button, ...] = ()
    sections: tuple[Listing, ...] = ()
    form: Form | None = None
    images: tuple[tuple[str, str], ...] = ()
    files: tuple[Attachment, ...] = field(default_factory=tuple)


def shown(reply: Reply | None) -> Shown | None:
    """`reply` as a page shows it (None: nothing to show)."""
    match reply:
        case None:
            return None
        case Message():
            images = tuple(
                (a.title or a.filename, _data_url(a))
                for a in reply.files
                if a.mime_type.startswith("image/")
            )
            others = tuple(a for a in reply.files if not a.mime_type.startswith("image/"))
            return Shown(reply.text, reply.error, reply.buttons, images=images, files=others)
        case Listing():
            return Shown(sections=(reply,))
        case Page():
            return Shown(text=reply.heading, sections=reply.sections)
        case Form():
            return Shown(form=reply)
    raise TypeError(f"the desk can't show {type(reply).__name__}")


def kind_of(field_: Field) -> str:
    """Which input a form field becomes."""
    match field_:
        case ChoiceField():
            return "choice"
        case TextField():
            return "textarea" if field_.multiline else "text"
        case DateField():
            return "date"
        case TimeField():
            return "time"
        case NumberField():
            return "number"
    raise TypeError(f"the desk can't show {type(field_).__name__}")


def item_buttons(item: Item) -> tuple[Button, ...]:
    return ((item.button,) if item.button else ()) + item.more


def _data_url(attachment: Attachment) -> str:
    encoded = base64.b64encode(attachment.content).decode()
    return f"data:{attachment.mime_type};base64,{encoded}"
