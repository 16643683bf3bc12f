"""Through `turnout console`: a weekly series across the spring clock change with Every week,
bookings by an organizer, and a volunteer-hosted phone bank from proposal to its host's roster."""

from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
/phonebank create "Tuesday calls" 2027-03-09 18:00 2h 1
/phonebank repeat 1 weekly
:arrive Maria
:as Maria
/phonebank list
/phonebank join 1
2
:as Olivia
:advance 7d
:as Maria
/phonebank mine
:as Sam
:arrive Sam
:as Olivia
/phonebank create "Thursday calls" 2027-03-11 18:00 2h 2
/phonebank add 5 Sam
/phonebank move Sam 5 4
/phonebank remove 5 Sam
/phonebank roster 5
:as Ana
/phonebank propose "Calls at Ana's" 2027-03-20 10:00 2h 4
:as Olivia
1
:as Ana
/phonebank roster 6
/phonebank roster 5
:quit
"""


@pytest.mark.slow
def test_a_weekly_series_bookings_and_a_hosted_phone_bank_in_the_console(tmp_path: Path) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "s.db"),
        "--user",
        "Olivia",
        "--now",
        "2027-03-01 09:00",
        stdin=STORY,
        tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr

    # The series keeps 6 PM on both sides of the March 14 clock change.
    assert "Created #2 Tue Mar 16, #3 Tue Mar 23 (the next 4 weeks)" in out
    standing = section(out, "(pressed “Every week”)", "Maria> :as Olivia")
    assert "#1 Tue Mar 9 (in), #2 Tue Mar 16 (in), #3 Tue Mar 23 (in)" in standing
    mine = section(out, "Maria> /phonebank mine", "Maria> :as Sam")
    assert "Tue Mar 9, 6:00 PM EST" in mine and "Tue Mar 16, 6:00 PM EDT" in mine
    assert "#4 Tuesday calls" in mine and "Tue Mar 30, 6:00 PM EDT" in mine  # the sweep's

    booked = section(out, "Olivia> /phonebank add 5 Sam", "Olivia> /phonebank move")
    assert "Booked Sam on #5" in booked and "✉ DM to Sam:\n  Olivia booked you on" in booked
    assert "#4 is full; add them to its waitlist" in out
    removed = section(out, "Olivia> /phonebank remove 5 Sam", "Olivia> :as Ana")
    assert "An organizer took you off “Thursday calls” (#5)" in removed
    assert "Sam added by Olivia" in removed and "Sam removed by Olivia" in removed

    assert "🏠 Ana (#4) offers to host 📞 Phone bank: “Calls at Ana's”" in out
    assert "(pressed “Approve”)\n  Approved: #6 “Calls at Ana's”" in out
    assert "✉ DM to Ana:\n  🎉 Your phone bank" in out
    host = section(out, "Ana> /phonebank roster 6", "Ana> :quit")
    assert "Nobody has signed up yet." in host
    assert "Only organizers and the host of #5 can see its roster" in host


FORM_STORY = """\
/phonebank create
Tuesday calls
2026-11-24
18:00
2h
5
-
4
2,4
3 times
/phonebank list
:quit
"""


@pytest.mark.slow
def test_the_create_form_asks_how_the_shift_repeats_and_makes_the_series(tmp_path: Path) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "f.db"),
        "--user",
        "Olivia",
        "--now",
        "2026-11-20 09:00",
        stdin=FORM_STORY,
        tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr

    assert "Repeats (one number; - to skip)" in out and "1. Does not repeat" in out
    assert "4. On chosen weekdays" in out
    assert "Weekdays, in the campaign's time zone (numbers separated by commas; - to skip)" in out
    created = section(out, "Olivia> 3 times", "Olivia> /phonebank list")
    assert "Created #1 “Tuesday calls”: Tue Nov 24, 6:00 PM EST for 2h, 5 seats" in created
    assert "now repeats every week on Tue and Thu, 3 times, at 18:00" in created
    assert "Created #2 Thu Nov 26, #3 Tue Dec 1: that's every date of the series." in created
    listing = section(out, "Olivia> /phonebank list", "Olivia> :quit")
    assert listing.count("Tuesday calls") == 3
