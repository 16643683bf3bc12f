"""The host's journey and a task's life through `turnout console`: a proposal approved from
the list, found in the host's own shifts and never joined; a task finished, finished again,
edited and cancelled, with the organizers told."""

from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
:as Maria
/phonebank propose "Calls at Maria's" 2026-11-28 18:00 2h 4
:as Olivia
/phonebank proposals
1
:as Maria
/phonebank mine
/phonebank join 1
:as Olivia
/task post "Flyers" slots 2
:as Sam
/task claim 1
/task done 1
/task done 1
:as Ana
/task claim 1
:as Olivia
/task edit 1 due 2026-11-27
/task list done
/task cancel 1
:quit
"""


@pytest.mark.slow
def test_a_host_and_a_task_in_the_console(tmp_path: Path) -> None:
    run = turnout(
        "console", "--user", "Olivia", "--now", "2026-11-23 09:00", stdin=STORY, tmp_path=tmp_path
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr

    listed = section(out, "Olivia> /phonebank proposals", "Olivia> 1")
    assert (
        "Proposal 1: 📞 Phone bank, Calls at Maria's" in listed
        and "[1] Approve   [2] Decline" in listed
    )
    approved = section(out, "Olivia> 1", "Maria> /phonebank mine")
    assert "Approved: #1 “Calls at Maria's”" in approved and "I'm posting it here" in approved
    assert "# post in #general" in approved
    mine = section(out, "Maria> /phonebank mine", "Maria> /phonebank join 1")
    assert "#1 Calls at Maria's" in mine and "you host it" in mine and "Join" not in mine
    joined = section(out, "Maria> /phonebank join 1", "Olivia>")
    assert "You host #1, so you needn't take a seat on it" in joined

    _, done, again = out.split("Sam> /task done 1")
    assert "Marked #1 “Flyers” done" in done
    assert "# organizers:" in done and "Sam (#3) finished" in done and "(1 of 2 done)" in done
    again = again[: again.index("Ana>")]
    assert "You already marked #1 done" in again and "# organizers:" not in again
    edited = section(out, "Olivia> /task edit 1", "Olivia> /task list done")
    assert "Saved #1 “Flyers”: due Fri Nov 27, 2 slots" in edited
    assert "✉ DM to Ana:" in edited and "it's now due Fri Nov 27" in edited
    finished = section(out, "Olivia> /task list done", "Olivia> /task cancel 1")
    assert "#1 Flyers" in finished and "1 of 2 slots done · by Sam" in finished
    cancelled = section(out, "Olivia> /task cancel 1", "Olivia> :quit")
    assert "Cancelled #1 “Flyers”" in cancelled
    assert "✉ DM to Ana:" in cancelled and "cancelled #1 “Flyers”" in cancelled
