"""Add to calendar in `turnout console`: the link printed, the .ics written, its path shown."""

import re
import socket
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from tests.e2e.test_console_story import turnout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


STORY = """\
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat
:as Maria
/phonebank join 1
/volunteer calendar
:quit
"""


@pytest.mark.slow
def test_joining_in_the_console_prints_the_link_and_the_path_of_the_ics(tmp_path: Path) -> None:
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


@pytest.mark.slow
def test_with_a_public_url_the_console_hands_out_a_feed_and_serves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TURNOUT_PUBLIC_URL", "https://turnout.example.org")
    monkeypatch.setenv("TURNOUT_HTTP_HOST", "127.0.0.1")
    monkeypatch.setenv("TURNOUT_HTTP_PORT", str(free_port()))

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
    assert re.search(r"https://turnout\.example\.org/calendar/\S+\.ics", done.stdout)
    assert "[1] New link" in done.stdout
