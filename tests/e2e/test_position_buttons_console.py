"""`/phonebank positions <shift>` alone in `turnout console`: its buttons open the training and
requirement forms, one question at a time, and what they set holds for the next join."""

from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
/phonebank create "Lead training" 2026-11-25 18:00 1h 10
/phonebank create "Saturday doors" 2026-11-28 10:00 3h 5
/phonebank positions 2 lead:1 canvasser:4
/phonebank positions 1
1
Canvass lead
/phonebank positions 2
1
1
canvass lead
/phonebank positions 2
:as Maria
/phonebank join 2 lead
:quit
"""


@pytest.mark.slow
def test_the_positions_buttons_set_a_training_and_a_requirement_in_the_console(
    tmp_path: Path,
) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "positions.db"),
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

    training = section(out, "Olivia> /phonebank positions 1", "Olivia> 1")
    assert "#1 “Lead training” has no positions: its 10 seats are open to anyone." in training
    assert "[1] Make it a training" in training and "Require" not in training
    granted = section(out, "Olivia> 1", "Olivia> /phonebank positions 2")
    assert "Qualification it grants (e.g. canvass lead)" in granted
    assert "will be qualified as “canvass lead”." in granted

    asked = section(out, "Olivia> /phonebank positions 2\n", "Olivia> canvass lead")
    assert "[1] Require a qualification   [2] Make it a training" in asked
    assert "Position (one number)\n    1. lead\n    2. canvasser" in asked
    shown = section(out, "Olivia> canvass lead", "Olivia> :as Maria")
    assert "Seats as lead on #2 now need “canvass lead”" in shown
    assert "lead: 0 of 1 seat taken, 0 waiting; needs “canvass lead”." in shown
    refused = section(out, "Maria> /phonebank join 2 lead", "Maria> :quit")
    assert "Seats as lead on #2 need the “canvass lead” qualification." in refused
    assert "[1] Join #1" in refused
