"""Add to calendar in `turnout console`: the link printed, the .ics written, its path shown."""

import re
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from tests.e2e.test_console_story import turnout

STORY = """\
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat
:as Maria
/phonebank join 1
/volunteer calendar
:quit
"""


@pytest.mark.slow
def test_joining_in_the_console_prints_the_link_and_the_path_of_the_ics(tmp_path: Path):
    done = turnout(
        "console",
        "--db",
        str(tmp_path / "t.db"),
        "--now",
        "2026-11-20 10:00",
        stdin=STORY,
        tmp_path=tmp_path,
    )

    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"Add to calendar: https://calendar\.google\.com/calendar/render\?\S+", out)
    [path] = re.findall(r"📎 [^:]+: (\S+shift-1\.ics)", out)
    [event] = icalendar.Calendar.from_ical(Path(path).read_bytes()).walk("VEVENT")
    # 6 PM in New York on Nov 28 (EST).
    assert event.decoded("dtstart") == datetime(2026, 11, 28, 23, 0, tzinfo=UTC)
    # No TURNOUT_PUBLIC_URL here: the feed is off, and the console says how to turn it on.
    assert "Calendar feeds are off" in out and "TURNOUT_PUBLIC_URL" in out
