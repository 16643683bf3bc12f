"""Buttons and forms outlive the process; `turnout discord-invite` prints the right link."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.app.cli import main
from tests.adapters.discord.conftest import start_world, stop_world
from tests.adapters.discord.fake_discord import APP_ID, TOKEN
from tests.adapters.discord.interactions import uid


async def test_buttons_and_forms_still_work_after_a_restart(tmp_path: Path) -> None:
    before = await start_world(tmp_path)
    await before.create_shift(seats=1)
    await before.slash("Dev", "phonebank", "join", shift=1)
    opened = await before.slash("Olivia", "task", "post")
    await stop_world(before, keep_fake=True)

    after = await start_world(tmp_path, fake=before.fake)
    try:
        # A new client, the same database: messages sent before the restart still work.
        joined = await after.press("Maria", "turnout:join:1")
        left = await after.press("Dev", "turnout:leave:1@1300000000000000100", dm=True)
        await after.deliver()
        posted = await after.submit(
            "Olivia",
            opened.json["data"]["custom_id"],
            {"title": "Drop off flyers", "due": "", "slots": "1", "description": ""},
        )

        assert len(after.fake.identifies) == 2
        assert "is full, so you're #1 on the waitlist" in joined.text
        assert "You've left #1 “Saturday calls”" in left.text
        assert any("Good news" in c.content for c in after.fake.dms_to(uid("Maria")))
        assert posted.text.startswith("New task #1: Drop off flyers")
    finally:
        await stop_world(after)


def test_discord_invite_prints_the_link_with_exactly_the_permissions_used(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)

    assert main(["discord-invite"]) == 0

    url = capsys.readouterr().out.strip()
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://discord.com/oauth2/authorize"
    assert parse_qs(parts.query) == {
        "client_id": [APP_ID],
        # View Channels (1 << 10) + Send Messages (1 << 11) + Embed Links (1 << 14)
        "permissions": ["19456"],
        "scope": ["bot applications.commands"],
    }


@pytest.mark.parametrize("token", ["", "not a token"])
def test_discord_invite_without_a_usable_token_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path, token: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", token)

    assert main(["discord-invite"]) == 2

    err = capsys.readouterr().err
    assert err.startswith("turnout: DISCORD_TOKEN is not ") and err.count("\n") == 1
