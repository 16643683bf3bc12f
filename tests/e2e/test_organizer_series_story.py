"""Through `turnout console`: a weekly series across the spring clock change with Every week,
bookings by an organizer, and a volunteer-hosted phone bank from proposal to its host's roster."""

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
/phonebank create "Tuesday calls" 2027-03-09 18:00 2h 1
/phonebank repeat 1 weekly
:as Maria
/phonebank list
/phonebank join 1
2
:as Olivia
:advance 7d
:as Maria
/phonebank mine
:as Sam
/phonebank list
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
def test_a_weekly_series_bookings_and_a_hosted_phone_bank_in_the_console(tmp_path):
    run = turnout(
        "console", "--db", str(tmp_path / "s.db"), "--user", "Olivia",
        "--now", "2027-03-01 09:00", stdin=STORY, tmp_path=tmp_path,
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

    assert "🏠 Ana (#4) offers to host “Calls at Ana's”" in out
    assert "(pressed “Approve”)\n  Approved: #6 “Calls at Ana's”" in out
    assert "✉ DM to Ana:\n  🎉 Your phone bank" in out
    host = section(out, "Ana> /phonebank roster 6", "Ana> :quit")
    assert "Nobody has signed up yet." in host
    assert "Only organizers and the host of #5 can see its roster" in host
