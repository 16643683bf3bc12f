"""The console stories read in the pseudo-language: every reply, notice, form and post they
show comes from the catalogue, so no English is left outside its ⟦markers⟧ but names, titles
and what people typed, links, numbers and the commands to type (in backticks)."""

import dataclasses
import re
from collections.abc import Iterator

import pytest

from adapters.console.screen import Screen
from bot.kernel import i18n
from bot.ports.replies import Reply
from tests.adapters.console.conftest import Console
from tests.e2e import (
    test_console_calendar,
    test_console_export,
    test_console_story,
    test_host_and_task_story,
    test_organizer_series_story,
    test_organizer_story,
    test_shift_story,
    test_stats_story,
)

STORIES = {
    "volunteer": test_console_story.STORY,
    "calendar": test_console_calendar.STORY,
    "export": test_console_export.STORY,
    "host and task": test_host_and_task_story.STORY,
    "series": test_organizer_series_story.STORY,
    "series form": test_organizer_series_story.FORM_STORY,
    "edits": test_organizer_story.EDIT_STORY,
    "typed edits": test_organizer_story.TYPED_STORY,
    "shift": test_shift_story.STORY,
    "stats": test_stats_story.STORY,
}
# Parts of a reply nobody reads as a sentence: ids, addresses, file contents.
NOT_READ = {
    "action",
    "url",
    "name",
    "value",
    "filename",
    "mime_type",
    "content",
    "style",
    "about",
    "form_id",
}
_WORD = re.compile(r"[A-Za-z][A-Za-z']+")
_LINK = re.compile(r"(?:https?|webcal)://\S+")
_TYPED = re.compile(r"`[^`]*`")


def read_strings(value: object, field: str = "") -> Iterator[str]:
    """Every string of a reply a person reads."""
    if field in NOT_READ:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from read_strings(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from read_strings(getattr(value, f.name), f.name)


def outside_markers(text: str) -> str:
    depth, kept = 0, []
    for char in text:
        if char == i18n.PSEUDO_OPEN:
            depth += 1
        elif char == i18n.PSEUDO_CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            kept.append(char)
    return "".join(kept)


def english_left(text: str, typed: set[str]) -> list[str]:
    bare = _TYPED.sub(" ", _LINK.sub(" ", outside_markers(text)))
    return [w for w in _WORD.findall(bare) if w.lower() not in typed]


def unmarked(value: object) -> object:
    """The reply as English readers see it: the markers taken out."""
    if isinstance(value, str):
        return value.replace(i18n.PSEUDO_OPEN, "").replace(i18n.PSEUDO_CLOSE, "")
    if isinstance(value, tuple):
        return tuple(unmarked(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: unmarked(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


@pytest.mark.parametrize("story", list(STORIES))
async def test_every_sentence_a_story_shows_is_translated(
    story: str, console: Console, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = STORIES[story].splitlines()
    typed = {w.lower() for w in _WORD.findall(" ".join([*lines, "Olivia Dane County Democrats"]))}
    left: list[tuple[str, list[str]]] = []
    show, say, stamp = Screen.show, Screen.say, Screen.stamp
    showing = False

    def check(text: str) -> None:
        if words := english_left(text, typed):
            left.append((text, words))

    def checked_show(screen: Screen, reply: Reply, *, to: list[str], header: str = "") -> None:
        nonlocal showing
        for text in read_strings(reply):
            check(text)
        showing = True
        try:
            show(screen, unmarked(reply), to=to, header=header)  # type: ignore[arg-type]
        finally:
            showing = False

    # The console's own words (its clock, what a number pressed, how to answer a question,
    # who is typing) are checked as the replies are; a reply's lines were checked above.
    def checked_say(screen: Screen, text: str) -> None:
        if not showing:
            check(text)
        say(screen, str(unmarked(text)))

    def checked_stamp(screen: Screen, line: str) -> None:
        # Printed later, amid a reply's lines: checked now; the markers go as it is said.
        check(line)
        stamp(screen, line)

    monkeypatch.setattr(Screen, "show", checked_show)
    monkeypatch.setattr(Screen, "say", checked_say)
    monkeypatch.setattr(Screen, "stamp", checked_stamp)
    with i18n.reading_in(i18n.PSEUDO):
        for line in lines:
            if line != ":quit":
                await console.type(line)
    assert not left, "\n".join(f"{words}: {text!r}" for text, words in left[:40])
