"""A week with a training and a canvass through `turnout console`: the kind picked in the
form, a canvass typed with its address, an unknown kind refused, lists by kind, a canvasser's
welcome offering canvasses, reminders and check-ins in each kind's words, a debrief asking for
doors, and stats with each kind's totals."""

import csv
import re
from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
/shift create
4
Volunteer training
2026-11-25
18:00
1h30m
10
https://meet.example/training
1
-
-
/shift create canvass "Saturday doors" 2026-11-28 10:00 3h 12 "Library, 123 Main St"
/shift create rally "Big rally" 2026-11-28 10:00 3h 12
/shift list
:arrive Dee
:as Dee
1
2
3
53703
:as Maria
/shift join 1
/shift join 2
/shift list canvass
:advance 2d9h
/shift checkin 1
:advance 1h45m
/shift debrief 1
Loved it
:advance 2d14h
/shift checkin 2
:advance 3h
/shift debrief 2
40
12

:as Olivia
/shift report 2
/turnout stats 7d
/turnout export shifts all
:quit
"""


@pytest.mark.slow
def test_a_week_with_a_training_and_a_canvass_runs_in_the_console(tmp_path: Path) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "kinds.db"),
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

    form = section(out, "Olivia> /shift create\n", "Olivia> 4")
    assert "Kind of shift (one number)" in form
    assert "4. 🎓 Training" in form
    assert "Created #1 “Volunteer training”: Wed Nov 25, 6:00 PM EST" in out
    assert "🎓 #1 “Volunteer training”" in out
    assert "🚪 #2 “Saturday doors”" in out
    refused = section(out, "Olivia> /shift create rally", "Olivia> /shift list")
    assert "`rally` isn't a kind of shift; type one of `phonebank`, `canvass`" in refused
    assert "Created" not in refused

    listed = section(out, "Olivia> /shift list", "Olivia> :arrive Dee")
    assert "Upcoming shifts" in listed and "phone banks" not in listed
    assert "🎓 Training · Wed Nov 25, 6:00 PM EST" in listed
    assert "🚪 Canvass · Sat Nov 28, 10:00 AM EST" in listed
    # A canvasser free at weekends is offered the Saturday canvass, not the weekday training.
    welcomed = section(out, "Dee> 53703", "Dee> :as Maria")
    assert "Here are upcoming shifts that fit what you told us:" in welcomed
    assert "#2 Saturday doors" in welcomed and "Volunteer training" not in welcomed
    canvasses = section(out, "Maria> /shift list canvass", "Maria> :advance 2d9h")
    assert "Saturday doors" in canvasses and "Volunteer training" not in canvasses

    joined = section(out, "Maria> /shift join 2", "Maria> /shift list canvass")
    address = (
        "Library, 123 Main St (map: "
        "https://www.openstreetmap.org/search?query=Library%2C+123+Main+St)"
    )
    assert f"Wear good shoes and meet at {address}" in joined
    training_day = section(out, "Maria> :advance 2d9h", "Maria> /shift checkin 1")
    assert "The training is at https://meet.example/training" in training_day
    assert "Welcome to the training: https://meet.example/training" in training_day
    assert "Dialer" not in out

    training_debrief = section(out, "Maria> /shift debrief 1", "Maria> :advance 2d14h")
    assert "Doors knocked" not in training_debrief
    assert "I've noted that you came to #1 “Volunteer training”" in training_debrief

    canvass_day = section(out, "Maria> :advance 2d14h", "Maria> /shift checkin 2")
    assert "Attended 1 of 1" in canvass_day or "attended 1 of 1" in canvass_day
    assert f"Wear good shoes and meet at {address}" in canvass_day
    debrief = section(out, "Maria> /shift debrief 2", "Maria> :as Olivia")
    assert "Doors knocked (a number from 0 to 1000" in debrief
    assert "I've noted Doors knocked: 40 and Conversations had: 12" in debrief

    report = section(out, "Olivia> /shift report 2", "Olivia> /turnout stats 7d")
    assert "Doors knocked: 40 · Conversations had: 12" in report
    stats = section(out, "Olivia> /turnout stats 7d", "Olivia> /turnout export")
    assert (
        "• 🚪 Canvass: 1 shift held, 1 attended; Doors knocked: 40; Conversations had: 12" in stats
    )
    assert "• 🎓 Training: 1 shift held, 1 attended" in stats
    assert "Calls reported" not in stats

    # The export names each shift's kind, so its two counts can be read.
    [shown] = re.findall(r"📎 Shifts \(all time\): (\S+)", out)
    rows = list(csv.DictReader((tmp_path / shown).open(encoding="utf-8")))
    assert [(r["title"], r["kind"], r["calls"]) for r in rows] == [
        ("Volunteer training", "training", "0"),
        ("Saturday doors", "canvass", "40"),
    ]
