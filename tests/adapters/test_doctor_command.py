"""`turnout doctor` as a real process: every platform's checks together, and its exit status."""

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app.cli import main
from tests.adapters.conftest import Site
from tests.adapters.discord.fake_discord import GUILD_ID, FakeDiscord
from tests.adapters.discord.fake_discord import TOKEN as DISCORD_TOKEN
from tests.adapters.slack.conftest import fake_workspace
from tests.adapters.slack.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack
from tests.templates import TEMPLATES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    fake_workspace(fake)
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def discord() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.stop()


async def doctor(tmp_path: Path, env: dict[str, str]) -> tuple[int, list[str], str]:
    """Run `turnout doctor` in `tmp_path` (no .env there); its status, lines and stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.app.cli",
        "doctor",
        cwd=tmp_path,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DISCORD_"))},
            "PYTHONPATH": str(ROOT),
            "TURNOUT_PUBLIC_URL": "",
            **env,
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode().splitlines(), err.decode()


def configured(tmp_path: Path, slack: FakeSlack, discord: FakeDiscord, site: str) -> dict[str, str]:
    return {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'turnout.db'}",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "SLACK_API_URL": slack.api_url,
        "SLACK_ORGANIZER_CHANNEL": "#organizers",
        "DISCORD_TOKEN": DISCORD_TOKEN,
        "DISCORD_API_URL": discord.api_url,
        "DISCORD_GUILD_IDS": GUILD_ID,
        "DISCORD_ORGANIZER_CHANNEL": "organizers",
        "TURNOUT_PUBLIC_URL": site,
    }


async def test_a_healthy_set_up_prints_only_ok_lines_and_exits_0(
    tmp_path: Path, slack: FakeSlack, discord: FakeDiscord, turnout_site: Site
) -> None:
    site = turnout_site.url
    await TEMPLATES.copy_sqlite(tmp_path / "turnout.db")
    status, lines, err = await doctor(tmp_path, configured(tmp_path, slack, discord, site))
    assert status == 0, (lines, err)
    assert err == ""
    assert all(line.startswith("ok   ") for line in lines), lines
    areas = [line.split(":")[0].split()[-1] for line in lines]
    assert areas == sorted(areas, key=["database", "slack", "discord", "calendars"].index)
    assert set(areas) == {"database", "slack", "discord", "calendars"}
    assert (
        f"ok   calendars: Turnout answers at {site}/healthz, so calendar apps can fetch feeds"
        in lines
    )
    secrets = (BOT_TOKEN, APP_TOKEN, DISCORD_TOKEN)
    assert not [line for line in lines if any(s in line for s in secrets)]


async def test_each_problem_is_a_fix_line_and_the_status_is_1(
    tmp_path: Path, slack: FakeSlack, discord: FakeDiscord
) -> None:
    slack.outside.add("C0ORGS")
    discord.members_intent_enabled = False
    env = configured(tmp_path, slack, discord, "http://127.0.0.1:9")
    status, lines, err = await doctor(tmp_path, env)
    assert status == 1, (lines, err)
    fixes = [line for line in lines if line.startswith("FIX  ")]
    assert [line.split(":")[0] for line in fixes] == [
        "FIX  database",
        "FIX  slack",
        "FIX  discord",
        "FIX  calendars",
    ]
    assert "run `turnout migrate` to create it" in fixes[0]
    assert "/invite @turnout in #organizers" in fixes[1]
    assert "Server Members Intent" in fixes[2]
    assert fixes[3].startswith("FIX  calendars: nothing answers at http://127.0.0.1:9/healthz (")
    assert not (tmp_path / "turnout.db").exists(), "the check creates no database"


async def test_with_no_platform_configured_it_says_which_variables_to_set(
    tmp_path: Path,
) -> None:
    await TEMPLATES.copy_sqlite(tmp_path / "turnout.db")
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'turnout.db'}"}
    status, lines, _ = await doctor(tmp_path, env)
    assert status == 1
    assert lines[-1] == (
        "FIX  turnout: no platform is configured — set SLACK_BOT_TOKEN (see docs/slack.md) "
        "or DISCORD_TOKEN (docs/discord.md)"
    )


def test_a_setting_written_wrong_is_a_fix_line_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxp-a-user-token")
    assert main(["doctor"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "FIX  settings: SLACK_BOT_TOKEN is not valid: expected the Bot User OAuth Token from "
        "OAuth & Permissions, which starts with xoxb-"
    ]
