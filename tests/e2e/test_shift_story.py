"""A shift from start to finish through `turnout console`: confirm, a late cancellation,
check-in, the debrief, an organizer's mark, the wrap-up and the report (issue 13)."""

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat
:as Maria
/phonebank join 1
:as Ana
/phonebank join 1
:as Sam
/phonebank join 1
:advance 4d9h
:as Maria
/phonebank confirm 1
:as Ana
/phonebank leave 1
:as Olivia
/phonebank roster 1
:advance 24h
:as Maria
/phonebank checkin 1
:advance 2h15m
/phonebank debrief 1 40 12 Great list, call Mrs. K back
:as Olivia
/phonebank mark 1 Sam no-show
/phonebank attendance 1
:advance 2h
/phonebank report 1
:quit
"""


@pytest.mark.slow
def test_a_shift_from_start_to_finish_runs_in_the_console(tmp_path):
    run = turnout(
        "console", "--db", str(tmp_path / "shift.db"), "--user", "Olivia",
        "--now", "2026-11-23 09:00", stdin=STORY, tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr

    day_before = section(out, "Sam> :advance 4d9h", "Maria> /phonebank confirm 1")
    assert day_before.count("[1] I'll be there   [2] Can't make it") == 2
    assert "You're confirmed for #1" in section(out, "Maria> /phonebank confirm 1", "Ana>")

    late = section(out, "Ana> /phonebank leave 1", "Olivia> /phonebank roster 1")
    assert "✉ DM to Sam:" in late and "you're now confirmed" in late
    assert "# organizers:" in late
    assert "Late cancellation: Ana (#3) left #1" in late
    assert "The seat went to Sam (#4) from the waitlist." in late
    roster = section(out, "Olivia> /phonebank roster 1", ":advance 24h")
    assert "1. Maria\n      confirmed ✅" in roster and "2. Sam\n      confirmed\n" in roster

    start = section(out, "Olivia> :advance 24h", "Maria> /phonebank checkin 1")
    assert start.count("It's starting now") == 2 and "[1] I'm here" in start
    assert "You're checked in" in section(out, "Maria> /phonebank checkin 1", ":advance 2h15m")

    after = section(out, "Maria> :advance 2h15m", "Maria> /phonebank debrief")
    assert after.count("How did it go?") == 2
    assert "[1] I made it   [2] I couldn't make it" in after
    assert "I've noted 40 calls and 12 conversations" in out
    assert "Marked Sam as a no-show for #1." in out
    attendance = section(out, "Olivia> /phonebank attendance 1", ":advance 2h\n")
    assert "1. Maria (#2): checked in" in attendance and "2. Sam (#4): no-show" in attendance

    wrap_up = section(out, "Olivia> :advance 2h\n", "Olivia> /phonebank report 1")
    report = section(out, "Olivia> /phonebank report 1", ":quit")
    for shown in (wrap_up, report):
        assert "📋 Wrap-up for #1 “Saturday calls”: attended 1 of 2." in shown
        assert "No-shows: Sam" in shown
        assert "Calls: 40 · conversations: 12" in shown
        assert "• Maria: Great list, call Mrs. K back" in shown
