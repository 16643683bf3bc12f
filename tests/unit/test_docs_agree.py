"""The README's command table agrees with the catalogue: it names every command there is, only
those, and who may run each."""

import re
from pathlib import Path

from bot.catalogue import catalogue
from bot.kernel.intake.entry import Entry, Who

ROOT = Path(__file__).resolve().parents[2]
WHO = {
    "everyone": Who.EVERYONE,
    "organizers": Who.ORGANIZER,
    "organizers, and the shift's host": Who.HOST,
}
# `/task claim\|done\|release <task>` names three commands.
COMMAND = re.compile(r"`/(\w+) ([a-z-]+(?:\\\|[a-z-]+)*)")


def command_rows() -> list[tuple[str, list[tuple[str, str]], str]]:
    """The README's command table: each row's first cell, the commands it names, who."""
    text = (ROOT / "README.md").read_text()
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) != 3 or not cells[0].startswith("`/"):
            continue
        named = [
            (group, verb)
            for group, verbs in COMMAND.findall(cells[0])
            for verb in verbs.split("\\|")
        ]
        rows.append((cells[0], named, cells[1]))
    return rows


def test_the_readme_s_command_table_lists_every_command_and_only_those() -> None:
    listed = {command for _, named, _ in command_rows() for command in named}
    assert listed == {(entry.group, entry.verb) for entry in catalogue().entries}


def test_no_command_has_two_rows_that_say_the_same() -> None:
    firsts = [first for first, _, _ in command_rows()]
    assert [first for first in firsts if firsts.count(first) > 1] == []


def test_the_readme_says_who_may_run_each_command_as_the_catalogue_does() -> None:
    wrong = [
        f"/{group} {verb}: {who}"
        for _, named, who in command_rows()
        for group, verb in named
        if (entry := _entry(group, verb)) is not None and WHO.get(who) is not entry.who
    ]
    assert wrong == []


def _entry(group: str, verb: str) -> Entry | None:
    return next((e for e in catalogue().entries if (e.group, e.verb) == (group, verb)), None)
