"""Organizers named in `turnout console`: the console's people by name."""

from pathlib import Path

import pytest

from tests.e2e.test_console_story import section, turnout

STORY = """\
:as Maria
/volunteer tz America/Chicago
/turnout organizers add Maria
:as Olivia
/turnout organizers add Nobody
/turnout organizers add Maria
:as Maria
/volunteer new
:as Olivia
/turnout organizers
1
:as Maria
/volunteer new
:quit
"""


@pytest.mark.slow
def test_an_organizer_names_maria_by_name_then_removes_her_with_the_button(
    tmp_path: Path,
) -> None:
    run = turnout(
        "console",
        "--db",
        str(tmp_path / "o.db"),
        "--user",
        "Olivia",
        stdin=STORY,
        tmp_path=tmp_path,
    )
    out = run.stdout
    assert run.returncode == 0, run.stderr

    refused = section(out, "Maria> /turnout organizers add Maria", ":as Olivia")
    assert "Only organizers can" in refused and "--organizer" in refused
    unknown = section(out, "Olivia> /turnout organizers add Nobody", "Olivia> /turnout")
    assert "I don't know a volunteer called “Nobody”" in unknown
    assert "Maria is now an organizer of this team" in out
    assert "You are now Maria (organizer)." in out
    allowed = section(out, "Maria> /volunteer new\n", ":as Olivia")
    assert "Only organizers" not in allowed
    listed = section(out, "Olivia> /turnout organizers\n", "Olivia> 1")
    assert "--organizer" in listed and "Maria" in listed and "Remove" in listed
    assert "Maria is no longer named an organizer of this team" in out
    last = out[out.rindex("Maria> /volunteer new") :]
    assert "Only organizers can see who is waiting to be contacted" in last
