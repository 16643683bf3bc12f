"""Kinds of shift: phone banks, canvasses, text banks, trainings, meetings and office shifts.

Each kind is one declaration: its id (stored, typed, language-neutral), its name and emoji,
where it happens (a link, an address, or either), and what its debrief counts. Seats,
waitlists, reminders and check-in are shared by every kind. The sentences a kind's messages
use (its reminder, check-in and thank-you wording, its debrief questions) are msgids marked
with `N_` here and translated where they are shown. Adding a kind is one declaration below.

A debrief stores two counts per sign-up (the `calls` and `conversations` columns, as the first
and second count); each kind says what they mean, or that it asks for attendance only.
"""

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote_plus

from bot.domain.errors import UserError
from bot.domain.text import N_, clean_text

# The longest address a shift may name (a link is checked against phonebank.MAX_LINK).
MAX_ADDRESS = 300
_WEB = re.compile(r"https?://", re.IGNORECASE)


class Where(StrEnum):
    """What a kind's place is: a web address, a street address, or either."""

    LINK = "link"
    ADDRESS = "address"
    LINK_OR_ADDRESS = "link or address"


@dataclass(frozen=True, slots=True)
class Counts:
    """What a kind's debrief asks: two counts, the second never more than the first."""

    # Form labels and the totals' names ("Calls made", "Doors knocked"), shown as
    # "Doors knocked: 40" so no language has to agree a noun with its number.
    first: str
    second: str


@dataclass(frozen=True, slots=True)
class ShiftKind:
    """One kind of shift and everything that differs by kind."""

    id: str
    name: str
    emoji: str
    where: Where
    # The `where` question's label and example, for forms and help.
    where_label: str
    where_example: str
    # None: the debrief asks attendance only.
    counts: Counts | None
    # "Thanks for {doing} on “{title}”!" in the debrief form; the reminder's and check-in's
    # lines about what to bring or open.
    thanks: str
    reminder: str
    check_in: str

    @property
    def label(self) -> str:
        """The kind as lists show it (emoji and English name; translate `name` to show)."""
        return f"{self.emoji} {self.name}"


PHONE_BANK = ShiftKind(
    id="phonebank",
    name=N_("Phone bank"),
    emoji="📞",
    where=Where.LINK,
    where_label=N_("Call script or dialer link"),
    where_example="https://dialer.example/abc",
    counts=Counts(
        first=N_("Calls made"),
        second=N_("Conversations had"),
    ),
    thanks=N_("Thanks for calling on “{title}”! Two numbers and an optional note."),
    reminder=N_("Have your phone charged and the dialer open: {where}"),
    check_in=N_("Open the dialer when you're ready: {where}"),
)
CANVASS = ShiftKind(
    id="canvass",
    name=N_("Canvass"),
    emoji="🚪",
    where=Where.ADDRESS,
    where_label=N_("Meeting point address"),
    where_example="Library, 123 Main St",
    counts=Counts(
        first=N_("Doors knocked"),
        second=N_("Conversations had"),
    ),
    thanks=N_("Thanks for knocking doors on “{title}”! Two numbers and an optional note."),
    reminder=N_("Wear good shoes and meet at {where}"),
    check_in=N_("Your turf packet is at the meeting point: {where}"),
)
TEXT_BANK = ShiftKind(
    id="textbank",
    name=N_("Text bank"),
    emoji="💬",
    where=Where.LINK,
    where_label=N_("Texting platform or chat link"),
    where_example="https://texting.example/abc",
    counts=Counts(
        first=N_("Texts sent"),
        second=N_("Replies"),
    ),
    thanks=N_("Thanks for texting on “{title}”! Two numbers and an optional note."),
    reminder=N_("Log in to the texting platform before you start: {where}"),
    check_in=N_("Open the texting platform when you're ready: {where}"),
)
TRAINING = ShiftKind(
    id="training",
    name=N_("Training"),
    emoji="🎓",
    where=Where.LINK_OR_ADDRESS,
    where_label=N_("Address or video link"),
    where_example="https://meet.example/training",
    counts=None,
    thanks=N_("Thanks for coming to “{title}”! Anything organizers should know?"),
    reminder=N_("The training is at {where}"),
    check_in=N_("Welcome to the training: {where}"),
)
MEETING = ShiftKind(
    id="meeting",
    name=N_("Meeting"),
    emoji="🗓️",
    where=Where.LINK_OR_ADDRESS,
    where_label=N_("Address or video link"),
    where_example="https://meet.example/team",
    counts=None,
    thanks=N_("Thanks for coming to “{title}”! Anything organizers should know?"),
    reminder=N_("The meeting is at {where}"),
    check_in=N_("Welcome to the meeting: {where}"),
)
OFFICE_SHIFT = ShiftKind(
    id="office",
    name=N_("Office shift"),
    emoji="🏢",
    where=Where.ADDRESS,
    where_label=N_("Office address"),
    where_example="Campaign HQ, 45 Elm St",
    counts=None,
    thanks=N_("Thanks for your office shift on “{title}”! Anything organizers should know?"),
    reminder=N_("The office is at {where}"),
    check_in=N_("Welcome to the office: {where}"),
)

KINDS: tuple[ShiftKind, ...] = (PHONE_BANK, CANVASS, TEXT_BANK, TRAINING, MEETING, OFFICE_SHIFT)
BY_ID: dict[str, ShiftKind] = {kind.id: kind for kind in KINDS}
# Also understood when typed: the names people use for them.
_ALIASES = {
    "phone": PHONE_BANK,
    "phone-bank": PHONE_BANK,
    "phone_bank": PHONE_BANK,
    "canvas": CANVASS,
    "canvassing": CANVASS,
    "text": TEXT_BANK,
    "text-bank": TEXT_BANK,
    "text_bank": TEXT_BANK,
    "office-shift": OFFICE_SHIFT,
    "office_shift": OFFICE_SHIFT,
}


def kind_of(kind_id: str) -> ShiftKind:
    """The declaration for a stored kind id (an unknown one reads as a phone bank)."""
    return BY_ID.get(kind_id, PHONE_BANK)


def read_kind(text: str) -> ShiftKind:
    """The kind someone typed (its id or a usual name); UserError listing the kinds."""
    word = text.strip().casefold()
    kind = BY_ID.get(word) or _ALIASES.get(word)
    if kind is None:
        raise UserError(
            N_("{word} isn't a kind of shift; type one of {kinds}."),
            word=f"`{text.strip()[:30]}`",
            kinds=", ".join(f"`{k.id}`" for k in KINDS),
        )
    return kind


def is_link(where: str) -> bool:
    """Whether a shift's place is a web address rather than a street address."""
    return bool(_WEB.match(where))


def check_address(address: str) -> str:
    """A street address as typed: one line of plain text, not too long."""
    return clean_text(address, what="address", limit=MAX_ADDRESS)


def map_link(address: str) -> str:
    """An OpenStreetMap search for a street address, so anyone can find it."""
    return "https://www.openstreetmap.org/search?query=" + quote_plus(address)
