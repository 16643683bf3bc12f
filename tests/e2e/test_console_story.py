"""Whole conversations through `turnout console`, driven by piped input like a script."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

STORY = """\
/turnout tz America/New_York
/phonebank create "Saturday calls" 2026-11-28 18:00 2h 2 https://dialer.example/sat
:as Maria
/phonebank join 1
:as Sam
/phonebank join 1
:as Ana
/phonebank join 1
:as Maria
/phonebank leave 1
:as Olivia
/phonebank roster 1
:advance 4d9h
:advance 23h
:arrive Jamal
:as Jamal
1
1,3
3
53703
:as Olivia
/volunteer new
:advance 48h
/volunteer contacted Jamal
:quit
"""


def turnout(*args: str, stdin: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("turnout")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "bot.app.cli"]
    env = {
        **os.environ,
        "TURNOUT_TIMEZONE": "America/New_York",
        "TURNOUT_CAMPAIGN_NAME": "Dane County Democrats",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("DATABASE_URL", None)
    return subprocess.run(
        [*command, *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )


def section(output: str, start: str, end: str) -> str:
    """The output between the echo of one input line and the next."""
    after = output[output.index(start) :]
    return after[: after.index(end, len(start))]


@pytest.mark.slow
def test_the_whole_volunteer_story_runs_in_the_console(tmp_path: Path) -> None:
    db = tmp_path / "story.db"
    run = turnout(
        "console",
        "--db",
        str(db),
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

    assert "Created #1 “Saturday calls”: Sat Nov 28, 6:00 PM EST for 2h, 2 seats" in out
    joined = section(out, "Maria> /phonebank join 1", "Sam>")
    assert "You're in!" in joined
    waitlisted = section(out, "Ana> /phonebank join 1", "Maria>")
    assert "you're #1 on the waitlist" in waitlisted

    left = section(out, "Maria> /phonebank leave 1", "Olivia>")
    assert "You've left #1" in left
    assert "✉ DM to Ana:" in left and "you're now confirmed" in left

    roster = section(out, "Olivia> /phonebank roster 1", ":advance 4d9h")
    assert "1. Sam" in roster and "2. Ana" in roster and "Maria" not in roster

    day_before = section(out, "Olivia> :advance 4d9h", ":advance 23h")
    assert "It's now Fri Nov 27, 6:00 PM EST" in day_before
    assert day_before.count("starts in 1 day") == 2
    assert "✉ DM to Sam:" in day_before and "✉ DM to Ana:" in day_before
    assert "https://dialer.example/sat" in day_before
    hour_before = section(out, "Olivia> :advance 23h", ":arrive Jamal")
    assert hour_before.count("starts in 1 hour") == 2

    arrival = section(out, ":arrive Jamal", ":as Jamal")
    assert "✉ DM to Jamal:" in arrival and "Welcome to Dane County Democrats, Jamal!" in arrival
    assert "# organizers:" in arrival and "New volunteer: Jamal" in arrival

    onboarding = section(out, "Jamal> 1", "Olivia> /volunteer new")
    assert "What would you like to help with?" in onboarding
    assert "When are you usually free?" in onboarding
    assert "Jamal (#5) answered" in onboarding
    assert "Phone banking, Texting" in onboarding and "Weekends" in onboarding

    waiting = section(out, "Olivia> /volunteer new", ":advance 48h")
    assert "#5 Jamal" in waiting and "53703" in waiting

    escalation = section(out, "Olivia> :advance 48h", "/volunteer contacted Jamal")
    assert "Jamal (#5) has been waiting 2 days" in escalation
    assert "Marked Jamal as contacted" in out[out.index("/volunteer contacted Jamal") :]


@pytest.mark.slow
def test_the_console_remembers_everything_across_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "restart.db"
    first = turnout(
        "console",
        "--db",
        str(db),
        "--now",
        "2026-11-23 09:00",
        stdin='/phonebank create "Calls" 2026-11-28 18:00 2h 5\n:as Maria\n/phonebank join 1\n',
        tmp_path=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    second = turnout(
        "console",
        "--db",
        str(db),
        "--user",
        "Maria",
        "--organizer",
        "Olivia",
        "--now",
        "2026-11-27 18:00",
        stdin="/phonebank mine\n",
        tmp_path=tmp_path,
    )
    assert second.returncode == 0, second.stderr
    # The 24 h reminder fell due while the console was closed and arrives on the first delivery.
    assert "✉ DM to Maria:" in second.stdout and "starts in 1 day" in second.stdout
    assert "#1 Calls" in second.stdout and "you're in" in second.stdout
    third = turnout(
        "console",
        "--db",
        str(db),
        "--user",
        "Maria",
        "--now",
        "2026-11-27 18:30",
        stdin="/phonebank mine\n",
        tmp_path=tmp_path,
    )
    assert third.returncode == 0, third.stderr
    # Delivered once is delivered for good: a second restart sends nothing again.
    assert "✉ DM to Maria:" not in third.stdout


@pytest.mark.slow
def test_now_is_read_and_shown_in_the_campaign_s_zone(tmp_path: Path) -> None:
    db = tmp_path / "zone.db"
    moved = turnout(
        "console", "--db", str(db), stdin="/turnout tz America/Chicago\n", tmp_path=tmp_path
    )
    assert moved.returncode == 0, moved.stderr

    # The start-up zone (TURNOUT_TIMEZONE) is New York's; the campaign's is Chicago's now.
    run = turnout(
        "console",
        "--db",
        str(db),
        "--now",
        "2026-11-23 09:00",
        stdin=":now\n:advance 1h\n",
        tmp_path=tmp_path,
    )

    assert run.returncode == 0, run.stderr
    assert "It's Mon Nov 23, 9:00 AM CST." in run.stdout
    assert "It's now Mon Nov 23, 10:00 AM CST." in run.stdout


def test_bad_configuration_is_one_clear_line_naming_the_variable(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("TURNOUT_TIMEZONE=Mars/Olympus\n")
    run = subprocess.run(
        [sys.executable, "-m", "bot.app.cli", "console"],
        input="",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("TURNOUT_")},
    )
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert line.startswith("turnout: TURNOUT_TIMEZONE is not valid")


def test_run_with_no_platform_configured_says_how_to_connect_one(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bot.app.cli", "run"],
        input="",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))},
    )
    assert run.returncode == 2
    [line] = run.stderr.strip().splitlines()
    assert "no platform is configured" in line
    assert "SLACK_BOT_TOKEN" in line and "DISCORD_TOKEN" in line and "turnout console" in line


def test_a_bare_create_asks_for_the_shift_one_question_at_a_time(tmp_path: Path) -> None:
    answers = "\n".join(
        [
            "/phonebank create",
            "Rally follow-up calls",
            "2026-11-28",
            "6pm",
            "90m",
            "8",
            "-",
            "-",
            "-",
            "-",
            "/phonebank list",
            ":quit",
        ]
    )
    run = turnout("console", "--now", "2026-11-20 10:00", stdin=answers, tmp_path=tmp_path)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "Date (YYYY-MM-DD)" in out and "Seats (a number from 1 to 500; = for 10)" in out
    assert "Call script or dialer link (e.g. https://dialer.example/abc; - to skip)" in out
    assert "Created #1 “Rally follow-up calls”: Sat Nov 28, 6:00 PM EST for 1h30m, 8 seats" in out
    assert "8 of 8 seats left" in section(out, "Olivia> /phonebank list", "Olivia> :quit")


def test_volunteer_home_shows_the_sections_with_numbered_buttons(tmp_path: Path) -> None:
    lines = [
        '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 4',
        ":as Maria",
        "/phonebank join 1",
        "/volunteer home",
        "2",
        ":quit",
    ]
    run = turnout(
        "console", "--now", "2026-11-23 09:00", stdin="\n".join(lines) + "\n", tmp_path=tmp_path
    )
    assert run.returncode == 0, run.stderr
    home = section(run.stdout, "Maria> /volunteer home", "Maria> 2")
    assert "— Your upcoming shifts" in home and "— Your settings" in home
    # The console names the zone, as it always has.
    assert "Sat Nov 28, 6:00 PM EST" in home
    assert "[1] Leave   [2] I'll be there" in home
    assert "You're confirmed for #1" in run.stdout[run.stdout.index("Maria> 2") :]
