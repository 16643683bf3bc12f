"""The console transcripts in README.md and docs/ are played through `turnout console`.

A transcript is a ```text block right after the line `<!-- transcript -->`. Its first line is
the command as typed at a shell (`$ turnout console --db taste.db --now "2026-11-27 09:00"`,
optionally after `NAME=value` settings); the rest is exactly what the console printed. Lines
echoed at the prompt (`Olivia> ...`, following `--user` and each `:as NAME`) are what was
typed. Each one is fed to the real console, in-process, in an empty folder with no settings
but its own, and must print the block byte for byte: a changed sentence fails here until the
page showing it is updated.
"""

import io
import os
import re
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import cli
from bot.app.cli import main
from bot.app.clock import ManualClock

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"^<!-- transcript -->\n```text\n(.*?)^```$", re.MULTILINE | re.DOTALL)
SETTING = re.compile(r"^([A-Z_]+)=(.*)$")


@dataclass(frozen=True)
class Transcript:
    page: str
    line: int
    settings: dict[str, str]
    arguments: list[str]
    typed: list[str]
    shown: str

    @property
    def name(self) -> str:
        return f"{self.page}:{self.line}"


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def transcripts() -> list[Transcript]:
    found = []
    for page in pages():
        text = page.read_text()
        for block in BLOCK.finditer(text):
            line = text.count("\n", 0, block.start()) + 1
            found.append(read(page.relative_to(ROOT).as_posix(), line, block.group(1)))
    return found


def read(page: str, line: int, block: str) -> Transcript:
    command, _, shown = block.partition("\n")
    assert command.startswith("$ "), f"{page}:{line}: a transcript starts with `$ turnout ...`"
    words = shlex.split(command[2:])
    settings = {}
    while words and (setting := SETTING.match(words[0])):
        settings[setting.group(1)] = setting.group(2)
        words.pop(0)
    assert words[:2] == ["turnout", "console"], f"{page}:{line}: only `turnout console` plays"
    arguments = words[2:]
    user = arguments[arguments.index("--user") + 1] if "--user" in arguments else "Olivia"
    typed = []
    for shown_line in shown.splitlines():
        if shown_line.startswith(f"{user}> "):
            typed.append(shown_line.removeprefix(f"{user}> "))
            if typed[-1].startswith(":as "):
                user = typed[-1].removeprefix(":as ").strip()
    return Transcript(page, line, settings, arguments, typed, shown)


def test_the_readme_and_the_guides_hold_transcripts() -> None:
    where = {transcript.page for transcript in transcripts()}

    assert {"README.md", "docs/volunteers.md", "docs/organizers.md"} <= where


@pytest.mark.parametrize("transcript", transcripts(), ids=lambda transcript: transcript.name)
def test_a_transcript_shows_what_the_console_prints(
    transcript: Transcript,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("TURNOUT_", "SLACK_", "DISCORD_")) or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    for name, value in transcript.settings.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{t}\n" for t in transcript.typed)))
    # The console's clock follows the real one from --now; held still here, the lines are read
    # as if typed in no time at all, so a busy machine prints what a quiet one does ("in 2
    # hours", not "in 1 hour 59 minutes"). Only `:advance` moves it, as in the transcript.
    monkeypatch.setattr(cli, "ManualClock", lambda: ManualClock(running=False))

    status = main(["console", *transcript.arguments])

    assert status == 0
    assert capsys.readouterr().out == transcript.shown, f"{transcript.name} no longer matches"
