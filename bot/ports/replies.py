"""Typed replies: what the core says, for each adapter to render natively.

Block Kit on Slack, embeds and components on Discord, numbered text in the console. Every
button carries in its action what it acts on (`turnout:join:12`), so it keeps working after a
restart.
"""

from dataclasses import dataclass
from enum import StrEnum


class ButtonStyle(StrEnum):
    DEFAULT = "default"
    PRIMARY = "primary"
    DANGER = "danger"


# The longest address a link button may open: Discord's limit (Slack allows 3000).
MAX_BUTTON_URL = 512


@dataclass(frozen=True, slots=True)
class Button:
    label: str
    action: str
    style: ButtonStyle = ButtonStyle.DEFAULT
    # A link button opens this address instead of sending `action` back (Add to calendar);
    # at most MAX_BUTTON_URL characters.
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file that goes with a message: a calendar entry, a chart, an export.

    Slack uploads it (files_upload_v2), Discord attaches it, the console writes it to disk and
    prints the path. Files only ever go to the person the message is for, or to the organizers.
    """

    filename: str
    content: bytes
    mime_type: str
    # Shown beside the file where the platform has a place for it.
    title: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    text: str
    buttons: tuple[Button, ...] = ()
    # Public replies are shown to the whole channel; the rest only to the person who asked.
    public: bool = False
    # The request was refused and changed nothing; the text says what to do instead.
    error: bool = False
    files: tuple[Attachment, ...] = ()
    # A refused form: the name of the question whose answer was at fault ("" when the
    # refusal is about the form as a whole), to ask it again alone.
    about: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a listing: a shift, a task, a volunteer."""

    title: str
    detail: str = ""
    button: Button | None = None
    # Further buttons beside `button` (Home's I'll be there next to Leave).
    more: tuple[Button, ...] = ()

    @property
    def buttons(self) -> tuple[Button, ...]:
        """Every button of the item, `button` first."""
        return (self.button, *self.more) if self.button else self.more


@dataclass(frozen=True, slots=True)
class Listing:
    heading: str
    items: tuple[Item, ...]
    # Shown instead of items when there are none.
    empty: str = "Nothing here yet."
    footer: str = ""
    public: bool = False


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class ChoiceField:
    name: str
    label: str
    options: tuple[Option, ...]
    multiple: bool = False
    required: bool = True


@dataclass(frozen=True, slots=True)
class TextField:
    name: str
    label: str
    placeholder: str = ""
    max_length: int = 100
    required: bool = True
    # Several lines (a description) rather than one (a title).
    multiline: bool = False
    # What the box holds when the form opens (an edit form shows the current value).
    initial: str | None = None


@dataclass(frozen=True, slots=True)
class DateField:
    """A calendar day; answered as `YYYY-MM-DD` (a date picker where the platform has one)."""

    name: str
    label: str
    required: bool = True
    # `YYYY-MM-DD` filled in when the form opens.
    initial: str | None = None


@dataclass(frozen=True, slots=True)
class TimeField:
    """A time of day; answered as `HH:MM`, 24-hour (a time picker where the platform has one)."""

    name: str
    label: str
    required: bool = True
    # `HH:MM` filled in when the form opens.
    initial: str | None = None


@dataclass(frozen=True, slots=True)
class NumberField:
    """A whole number from `low` to `high`; answered as digits."""

    name: str
    label: str
    low: int
    high: int
    initial: int | None = None
    required: bool = True


Field = ChoiceField | TextField | DateField | TimeField | NumberField


@dataclass(frozen=True, slots=True)
class Form:
    """Questions to answer in one go; adapters send the answers back as a FormSubmission.

    Every answer is checked by the core when submitted, whatever the platform let people type.
    """

    form_id: str
    title: str
    intro: str
    fields: tuple[Field, ...]
    submit_label: str = "Submit"
    # Fields from this index on are extras a platform with room for fewer questions (Discord's
    # five) leaves out; the core sees them unanswered and asks them in a follow-up instead.
    extras_from: int | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """Several listings under one heading, each shown even when empty (its `empty` text):
    the Home view, as Slack's Home tab and as `/volunteer home` everywhere."""

    heading: str
    sections: tuple[Listing, ...]


Reply = Message | Listing | Form | Page


@dataclass(frozen=True, slots=True)
class FormSubmission:
    form_id: str
    # Choice fields give the chosen option values; every other field one string (empty when
    # an optional field was left blank).
    values: dict[str, str | tuple[str, ...]]
