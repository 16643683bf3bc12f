"""`/turnout stats` and the weekly digest in `turnout console`: the chart is written as a PNG
and its path printed."""

import re
from pathlib import Path

import pytest
from matplotlib import image

from tests.e2e.test_console_story import turnout

STORY = """\
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 4
:as Maria
/phonebank join 1
:as Olivia
:advance 5d10h
/phonebank mark 1 Maria here
/turnout stats 7d
:advance 2d
:quit
"""


@pytest.mark.slow
def test_stats_and_the_digest_write_their_chart_and_print_its_path(tmp_path: Path) -> None:
    db = tmp_path / "stats.db"
    run = turnout(
        "console",
        "--db",
        str(db),
        "--user",
        "Olivia",
        "--now",
        "2026-11-23 09:30",
        stdin=STORY,
        tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert "• Shifts held: 1 (+1); cancelled: 0 (no change)" in out
    assert "• Most active: Maria (#2) 1 shift, 0 calls" in out
    # The stats' chart, then Monday's digest to the organizers with its own.
    paths = [Path(p) for p in re.findall(r"📎 [^:\n]+: (\S+\.png)", out)]
    assert len(paths) == 2, out
    assert "# organizers:" in out and "📬 Weekly digest for Dane County Democrats" in out
    for path in paths:
        assert image.imread(path).shape[:2] == (675, 1200)
