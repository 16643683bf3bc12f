"""Small helpers for sentences that read naturally, in the reader's language."""

from collections.abc import Callable, Iterable

from bot.kernel.i18n import _, ngettext

# Each counted thing people read, as a whole counting phrase a language gives its own forms
# (`ngettext`): the noun is never glued to an English plural ending.
_COUNTED: dict[str, Callable[[int], str]] = {
    "call": lambda n: ngettext("{count} call", "{count} calls", n),
    "confirmed volunteer": lambda n: ngettext(
        "{count} confirmed volunteer", "{count} confirmed volunteers", n
    ),
    "conversation": lambda n: ngettext("{count} conversation", "{count} conversations", n),
    "date": lambda n: ngettext("{count} date", "{count} dates", n),
    "day": lambda n: ngettext("{count} day", "{count} days", n),
    "DM": lambda n: ngettext("{count} DM", "{count} DMs", n),
    "message": lambda n: ngettext("{count} message", "{count} messages", n),
    "more shift": lambda n: ngettext("{count} more shift", "{count} more shifts", n),
    "no-show": lambda n: ngettext("{count} no-show", "{count} no-shows", n),
    "page": lambda n: ngettext("{count} page", "{count} pages", n),
    "person": lambda n: ngettext("{count} person", "{count} people", n),
    "row": lambda n: ngettext("{count} row", "{count} rows", n),
    "seat": lambda n: ngettext("{count} seat", "{count} seats", n),
    "shift": lambda n: ngettext("{count} shift", "{count} shifts", n),
    "sign-up": lambda n: ngettext("{count} sign-up", "{count} sign-ups", n),
    "slot": lambda n: ngettext("{count} slot", "{count} slots", n),
    "task claim": lambda n: ngettext("{count} task claim", "{count} task claims", n),
    "upcoming shift": lambda n: ngettext("{count} upcoming shift", "{count} upcoming shifts", n),
    "upcoming sign-up": lambda n: ngettext(
        "{count} upcoming sign-up", "{count} upcoming sign-ups", n
    ),
    "volunteer": lambda n: ngettext("{count} volunteer", "{count} volunteers", n),
}


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 seat`, `3 seats`, `2 people` (with nouns='people'), in the reader's language when
    the noun is one people read; any other (a log's) stays English."""
    if counted := _COUNTED.get(noun):
        return counted(count)
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def and_list(words: Iterable[str]) -> str:
    """`a`, `a and b`, `a, b and c`, joined as the reader's language joins a list."""
    items = list(words)
    if len(items) == 1:
        return items[0]
    joined = items[0]
    for item in items[1:-1]:
        joined = _("{earlier}, {item}", earlier=joined, item=item)
    return _("{earlier} and {last}", earlier=joined, last=items[-1])
