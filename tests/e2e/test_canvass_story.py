"""The canvass with a lead, through `turnout console`: a training grants "canvass lead"; the
untrained are pointed to it with a Join button; drivers fill up while canvasser seats stay open;
the roster, the live post and the reminders show each person's position; once trained (marked
here), the volunteer leads."""

from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
/phonebank create "Lead training" 2026-11-25 18:00 1h 10
/phonebank grants 1 "canvass lead"
/phonebank create "Saturday doors" 2026-11-28 10:00 3h 5
/phonebank positions 2 lead:1 driver:2 canvasser:8
/phonebank require 2 lead "canvass lead"
:as Maria
/phonebank join 2 lead
/phonebank join 2 lead
1
:as Ana
/phonebank join 2
/phonebank join 2
2
:as Sam
/phonebank join 2 driver
:as Lee
/phonebank join 2
/phonebank join 2
2
:as Kim
/phonebank join 2
/phonebank join 2
3
:as Olivia
/phonebank roster 2
:advance 2d10h
/phonebank mark 1 Maria here
:as Maria
/volunteer history
/phonebank join 2 lead
:as Olivia
/phonebank roster 2
:advance 2d
:quit
"""


@pytest.mark.slow
def test_a_canvass_with_a_lead_runs_in_the_console(tmp_path: Path) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "canvass.db"),
        "--user",
        "Olivia",
        "--now",
        "2026-11-23 09:00",
        stdin=STORY,
        tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr

    assert "now has lead (1 seat), driver (2 seats) and canvasser (8 seats): 11 seats" in out
    pointed = section(out, "Maria> /phonebank join 2 lead", "Maria> 1")
    assert "Seats as lead on #2 need the “canvass lead” qualification." in pointed
    assert "The next training for it is #1 “Lead training” (Wed Nov 25, 6:00 PM EST)" in pointed
    assert "[1] Join #1" in pointed
    assert "You're in! #1 “Lead training”" in section(out, "Maria> 1", "Maria> :as Ana")

    offered = section(out, "Ana> /phonebank join 2", "Ana> 2")
    assert (
        "[1] lead (1 seat left)   [2] driver (2 seats left)   [3] canvasser (8 seats left)"
        in offered
    )
    assert "You're there as driver." in section(out, "Ana> 2", "Ana> :as Sam")
    assert "You're there as driver." in section(out, "Sam> /phonebank join 2 driver", "Sam> :as")
    full = section(out, "Lee> /phonebank join 2", "Lee> 2")
    assert "[2] driver (full: waitlist)   [3] canvasser (8 seats left)" in full
    queued = section(out, "Lee> 2", "Lee> :as Kim")
    assert "has no driver seat free, so you're #1 in line for one" in queued
    assert "You're there as canvasser." in section(out, "Kim> 3", "Kim> :as Olivia")

    roster = section(out, "Olivia> /phonebank roster 2", "Olivia> :advance 2d10h")
    assert "3 of 11 seats filled, 1 waiting" in roster
    assert "1. Ana\n      confirmed, as driver" in roster
    assert "3. Kim\n      confirmed, as canvasser" in roster
    assert "1. Lee\n      waitlist #1, as driver" in roster
    week = section(out, "Olivia> :advance 2d10h", "Olivia> /phonebank mark 1 Maria here")
    assert "lead: 1 of 1 left\n  driver: 0 of 2 left\n  canvasser: 7 of 8 left" in week

    history = section(out, "Maria> /volunteer history", "Maria> /phonebank join 2 lead")
    assert "Qualifications: canvass lead." in history
    assert "You're there as lead." in section(
        out, "Maria> /phonebank join 2 lead\n  You", ":as Olivia"
    )
    reminders = section(out, "Olivia> :advance 2d", ":quit")
    assert (
        "(#2) starts in 1 day, at Sat Nov 28, 10:00 AM EST.\n  You're there as lead." in reminders
    )
