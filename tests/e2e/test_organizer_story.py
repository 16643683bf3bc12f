"""Organizer control through `turnout console`: edit a shift with its DMs, seats up and down."""

from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

EDIT_STORY = """\
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat
:as Maria
/phonebank join 1
:as Sam
/phonebank join 1
:as Ana
/phonebank join 1
:as Olivia
/phonebank edit 1
=
=
19:00
=
3
=
:as Maria
1
:as Olivia
/phonebank edit 1 seats 1
1
/phonebank roster 1
:quit
"""


@pytest.mark.slow
def test_an_organizer_moves_a_shift_adds_a_seat_then_cuts_back_in_the_console(
    tmp_path: Path,
) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "s.db"),
        "--user",
        "Olivia",
        "--now",
        "2026-11-23 09:00",
        stdin=EDIT_STORY,
        tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr

    form = section(out, "Olivia> /phonebank edit 1\n", "Olivia> =")
    assert "3 people will get a DM" in form and "Title (now Saturday calls; = to keep it)" in form
    saved = section(out, "Olivia> =\n  Saved", ":as Maria")
    assert "1 person moved up from the waitlist and told" in saved
    assert "now Sat Nov 28, 7:00 PM EST for 2h" in saved
    assert "✉ DM to Ana:\n  Good news: a seat opened up" in saved
    assert saved.count("moved from Sat Nov 28, 6:00 PM EST to Sat Nov 28, 7:00 PM EST") == 2
    assert "(pressed “Still works”)\n  Great, you're still in for" in out

    cut = section(out, "Olivia> /phonebank edit 1 seats 1", "Olivia> /phonebank roster 1")
    assert "moves Sam and Ana (the last to join) back to the head of the waitlist" in cut
    assert "(pressed “Cut to 1 seat”)" in cut and "back on the waitlist, #2 in line" in cut
    roster = section(out, "Olivia> /phonebank roster 1", "Olivia> :quit")
    assert "1 of 1 seats filled, 2 waiting" in roster
    assert roster.index("1. Sam") < roster.index("2. Ana")


TYPED_STORY = """\
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 3
:as Maria
/phonebank join 1
:as Sam
/phonebank join 1
:as Olivia
/phonebank edit 1 title Sunday calls
/phonebank edit 1 time 20:00
1
:quit
"""


@pytest.mark.slow
def test_a_typed_new_time_says_who_will_get_a_dm_and_saves_on_the_button(tmp_path: Path) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "t.db"),
        "--user",
        "Olivia",
        "--now",
        "2026-11-23 09:00",
        stdin=TYPED_STORY,
        tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr

    title = section(out, "Olivia> /phonebank edit 1 title", "Olivia> /phonebank edit 1 time")
    assert "Saved #1 “Sunday calls”: new title." in title and "✉" not in title
    asked = section(out, "Olivia> /phonebank edit 1 time 20:00", "Olivia> 1")
    assert "2 people will get a DM. Nothing is saved yet" in asked
    assert "[1] Save and tell them" in asked and "✉" not in asked
    saved = section(out, "Olivia> 1", "Olivia> :quit")
    assert "(pressed “Save and tell them”)" in saved
    assert "now Sat Nov 28, 8:00 PM EST for 2h; 2 people told" in saved
    assert saved.count("moved from Sat Nov 28, 6:00 PM EST to Sat Nov 28, 8:00 PM EST") == 2
