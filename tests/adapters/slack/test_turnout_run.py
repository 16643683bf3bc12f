"""`turnout run` starts Slack when its tokens are set, beside Discord in one process."""

import asyncio
from pathlib import Path

import pytest

from tests.adapters.running import stop, turnout_run, until_logged
from tests.adapters.slack.conftest import VERA, payload
from tests.adapters.slack.fake_slack import APP_TOKEN, BOT_TOKEN, FakeSlack


@pytest.mark.slow
async def test_turnout_run_connects_to_slack_in_socket_mode_and_answers(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    process = await turnout_run(
        tmp_path,
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_APP_TOKEN": APP_TOKEN,
            "SLACK_API_URL": fake_slack.api_url,
            "SLACK_ORGANIZERS": "U0ORG",
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on slack", log), 30)
        command = payload("slash_command") | {"text": "list"}
        envelope = await fake_slack.push("slash_commands", command)
        await fake_slack.wait_for_ack(envelope)
        answer = await fake_slack.wait_for("chat.postEphemeral", user=VERA[0], within=10)
        assert "No shifts are scheduled yet" in answer.text
        # Choosing her zone makes her a volunteer; the running process delivers by itself:
        # Vera's welcome, and the organizer's news.
        chosen = payload("slash_command") | {"command": "/volunteer", "text": "tz Europe/Berlin"}
        await fake_slack.wait_for_ack(await fake_slack.push("slash_commands", chosen))
        await fake_slack.wait_for("chat.postMessage", channel="D0VERA", within=10)
        await fake_slack.wait_for("chat.postMessage", channel="D0ORG", within=10)
    finally:
        await stop(process, log)
    assert process.returncode == 0, "".join(log)
    assert any("connected to Slack workspace Turnout Test" in line for line in log)


@pytest.mark.slow
async def test_a_refused_slack_token_stops_turnout_run_with_one_line(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    fake_slack.fail("auth.test", "invalid_auth")
    process = await turnout_run(
        tmp_path,
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": "secret",
            "SLACK_API_URL": fake_slack.api_url,
        },
    )

    _, stderr = await asyncio.wait_for(process.communicate(), 30)

    assert process.returncode == 2
    last = stderr.decode().strip().splitlines()[-1]
    assert last.startswith("turnout: Slack refused SLACK_BOT_TOKEN (invalid_auth)")


@pytest.mark.slow
async def test_slack_and_discord_run_side_by_side_in_one_process(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    discord = pytest.importorskip("tests.adapters.discord.fake_discord")
    make = pytest.importorskip("tests.adapters.discord.interactions")
    fake_discord = discord.FakeDiscord()
    await fake_discord.start()
    process = await turnout_run(
        tmp_path,
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_APP_TOKEN": APP_TOKEN,
            "SLACK_API_URL": fake_slack.api_url,
            "DISCORD_TOKEN": discord.TOKEN,
            "DISCORD_API_URL": fake_discord.api_url,
            "DISCORD_GUILD_IDS": discord.GUILD_ID,
        },
    )
    log: list[str] = []
    try:
        await asyncio.wait_for(until_logged(process, "running on slack, discord", log), 30)
        chosen = payload("slash_command") | {"command": "/volunteer", "text": "tz Europe/Berlin"}
        envelope = await fake_slack.push("slash_commands", chosen)
        await fake_slack.wait_for_ack(envelope)
        await fake_slack.wait_for("chat.postEphemeral", user=VERA[0], within=10)
        await fake_slack.wait_for("chat.postMessage", channel="D0VERA", within=10)
        interaction = make.slash("Maria", "phonebank", "list")
        await fake_discord.dispatch("INTERACTION_CREATE", interaction)
        await fake_discord.wait_for(
            "POST", rf"/interactions/{interaction['id']}/.*/callback", within=10
        )
    finally:
        await stop(process, log)
        await fake_discord.stop()
    assert process.returncode == 0, "".join(log)
