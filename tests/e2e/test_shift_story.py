"""A shift from start to finish through `turnout console` (issue 13): join, the 24 h reminder
with I'll be there, the confirmation check and its Nudge, a late cancellation that reaches
organizers, a seat offer that runs out and moves on, check-in, the debrief form, an
organizer's mark, the wrap-up, the report, the next-day follow-ups and `/volunteer history`."""

from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat
/phonebank create "Next Saturday" 2026-12-05 18:00 2h 5
:as Maria
/phonebank join 1
:as Ana
/phonebank join 1
:as Sam
/phonebank join 1
:as Lee
/phonebank join 1
:advance 4d9h
:as Maria
1
:as Olivia
:advance 12h
1
:advance 10h
:as Ana
/phonebank leave 1
:as Olivia
/phonebank roster 1
:advance 31m
:as Lee
1
:advance 1h29m
:as Maria
/phonebank checkin 1
:advance 2h15m
1
40
12
Great list, call Mrs. K back
:as Olivia
/phonebank mark 1 Lee no-show
/phonebank attendance 1
:advance 1h45m
/phonebank report 1
:advance 12h
:as Lee
/volunteer history
:as Olivia
/volunteer history Lee
:quit
"""


@pytest.mark.slow
def test_a_shift_from_start_to_finish_runs_in_the_console(tmp_path: Path) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "shift.db"),
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

    day_before = section(out, "Lee> :advance 4d9h", "Maria> 1")
    assert day_before.count("[1] I'll be there   [2] Can't make it") == 2
    assert "You're confirmed for #1" in section(out, "Maria> 1", "Maria> :as Olivia")

    check = section(out, "Olivia> :advance 12h", "Olivia> 1")
    assert "# organizers:\n  🔔 Confirmation check for #1 “Saturday calls”" in check
    assert "Seats filled: 2 of 2; 1 said “I'll be there”." in check
    assert "Not answered yet: Ana\n  Waitlist: Sam, Lee" in check
    assert "No history yet to project a headcount from." in check
    nudged = section(out, "Olivia> 1", "Olivia> :advance 10h")
    assert "Nudged 1 volunteer on #1: Ana." in nudged
    assert "✉ DM to Ana:\n  👋 Are you still coming" in nudged

    late = section(out, "Ana> /phonebank leave 1", "Ana> :as Olivia")
    assert "✉ DM to Sam:\n  🎟️ A seat opened on “Saturday calls” (#1) at 6:00 PM" in late
    assert "Take it within 30 minutes (by 4:30 PM)" in late
    assert "[1] Take the seat   [2] Pass" in late
    assert "Late cancellation: Ana (#3) left #1" in late
    assert "The seat is offered to Sam (#4), first on the waitlist, for 30 minutes." in late
    roster = section(out, "Olivia> /phonebank roster 1", "Olivia> :advance 31m")
    assert "2 of 2 seats filled, 1 waiting" in roster
    assert "Sam\n      offered the seat until 4:30 PM" in roster

    lapsed = section(out, "Olivia> :advance 31m", "Olivia> :as Lee")
    assert "✉ DM to Sam:\n  The 30 minutes to take the seat" in lapsed
    # The offer ran out at 4:30 PM, its moment, and Lee's 30 minutes began then.
    assert "⏩ It's now Sat Nov 28, 4:30 PM EST." in lapsed
    assert "✉ DM to Lee:\n  🎟️ A seat opened" in lapsed and "(by 5:00 PM)" in lapsed
    assert "You're in! #1 “Saturday calls”" in section(out, "Lee> 1", "Lee> :advance")

    start = section(out, "Lee> :advance 1h29m", "Maria> /phonebank checkin 1")
    assert start.count("It's starting now") == 2 and "[1] I'm here" in start
    assert "You're checked in" in section(out, "Maria> /phonebank checkin 1", ":advance 2h15m")

    after = section(out, "Maria> :advance 2h15m", "Maria> 1")
    assert after.count("How did it go?") == 2
    assert "[1] I made it   [2] I couldn't make it" in after
    form = section(out, "Maria> :advance 2h15m", "Maria> :as Olivia")
    assert "(pressed “I made it”)" in form
    assert "Calls made (a number from 0 to 1000; = for 0)" in form
    assert "I've noted 40 calls and 12 conversations" in form
    assert "Next shifts you could join:\n  #2 Next Saturday" in form
    assert "Marked Lee as a no-show for #1." in out
    attendance = section(out, "Olivia> /phonebank attendance 1", ":advance 1h45m")
    assert "1. Maria (#2): checked in" in attendance and "2. Lee (#5): no-show" in attendance

    wrap_up = section(out, "Olivia> :advance 1h45m", "Olivia> /phonebank report 1")
    report = section(out, "Olivia> /phonebank report 1", "Olivia> :advance 12h")
    for shown in (wrap_up, report):
        assert "📋 Wrap-up for #1 “Saturday calls”: attended 1 of 2." in shown
        assert "No-shows: Lee" in shown
        assert "Calls: 40 · conversations: 12" in shown
        assert "• Maria: Great list, call Mrs. K back" in shown

    last_advance = out[out.rindex("Olivia> :advance 12h") :]
    next_day = section(last_advance, "Olivia> :advance 12h", "Olivia> :as Lee")
    assert "It's now Sun Nov 29, 10:00 AM EST." in next_day
    assert "✉ DM to Lee:\n  We missed you at “Saturday calls”" in next_day
    assert "✉ DM to Ana:\n  Sorry you couldn't make it to “Saturday calls”" in next_day
    assert next_day.count("[1] Join #2") == 2
    # Maria came: nothing follows up with her.
    assert "✉ DM to Maria:" not in next_day
    mine = section(out, "Lee> /volunteer history", "Lee> :as Olivia")
    assert (
        "Your record: 1 shift signed up, 0 attended, 1 no-show, 0 couldn't make it; "
        "0 calls, 0 conversations; show rate 0%." in mine
    )
    theirs = section(out, "Olivia> /volunteer history Lee", ":quit")
    assert "Lee's record: 1 shift signed up" in theirs
