"""`turnout console`: an export is written into the files folder and its path printed."""

import csv
import re
from pathlib import Path

from tests.e2e.test_console_story import turnout

STORY = """\
:arrive Maria
:as Olivia
/turnout export volunteers all
:as Maria
/turnout export volunteers all
:quit
"""


def test_the_console_prints_where_the_export_was_written(tmp_path: Path) -> None:
    db = tmp_path / "data" / "turnout.db"
    db.parent.mkdir()

    done = turnout("console", "--db", str(db), stdin=STORY, tmp_path=tmp_path)

    assert done.returncode == 0, done.stderr
    [shown] = re.findall(r"📎 Volunteers \(all time\): (\S+)", done.stdout)
    path = Path(shown)
    assert path.parent == db.parent / "turnout-files"
    assert path.name.startswith("turnout-volunteers-all-")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert sorted(r["name"] for r in rows) == ["Maria", "Olivia"]
    assert {r["platform"] for r in rows} == {"console"}
    assert "# organizers:" in done.stdout and "📤 Olivia (#2) exported volunteers" in done.stdout
    assert "Only organizers can export" in done.stdout, "Maria is no organizer"
    assert len(list(path.parent.iterdir())) == 1, "a refused export writes no file"


def test_the_files_folder_can_be_chosen(tmp_path: Path) -> None:
    folder = tmp_path / "exports"

    done = turnout(
        "console",
        "--db",
        str(tmp_path / "t.db"),
        "--files",
        str(folder),
        stdin="/turnout export shifts\n:quit\n",
        tmp_path=tmp_path,
    )

    assert done.returncode == 0, done.stderr
    [written] = folder.iterdir()
    assert f"📎 Shifts (the last 30 days): {written}" in done.stdout
    assert written.read_text(encoding="utf-8").startswith("shift_number,title,starts_at,")
