"""Small helpers for sentences that read naturally."""

from collections.abc import Iterable


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`1 seat`, `3 seats`, `2 people` (with nouns='people')."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def and_list(words: Iterable[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    items = list(words)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
