"""Slack workspaces that install Turnout through slack-bolt's real OAuth flow against the fake
Slack, and people typing and clicking in them: each request names its own workspace."""

import json
import re
import uuid
from typing import Any
from urllib.parse import urlencode

from adapters.slack import SlackPlatform
from adapters.slack.oauth import Installs
from tests.adapters.slack.conftest import GENERAL, SECRET, Rig, payload
from tests.adapters.slack.fake_slack import CLIENT_ID, CLIENT_SECRET, Call, FakeSlack


def oauth_platform(fake: FakeSlack) -> SlackPlatform:
    """Turnout in OAuth mode (no bot token) in HTTP mode, nothing installed yet."""
    installs = Installs(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        api_url=fake.api_url,
        authorize_url=f"{fake.base_url}/oauth/v2/authorize",
    )
    return SlackPlatform(
        bot_token="",
        signing_secret=SECRET,
        api_url=fake.api_url,
        http_host="127.0.0.1",
        http_port=0,
        installs=installs,
    )


async def install(rig: Rig, team: str, name: str, installer: tuple[str, str]) -> str:
    """Click "Add to Slack", allow in `team`, come back: what the installer's browser does."""
    base = f"http://127.0.0.1:{rig.platform.port}"
    async with rig.http.get(f"{base}/slack/install") as page:
        html = await page.text()
        assert page.status == 200 and "Add to Slack" in html
        cookie = page.headers["Set-Cookie"].split(";")[0]
    found = re.search(r"state=([A-Za-z0-9_-]+)", html)
    assert found is not None, html
    code = rig.fake.install_code(team, name, installer[0])
    async with rig.http.get(
        f"{base}/slack/oauth_redirect",
        params={"code": code, "state": found[1]},
        headers={"Cookie": cookie},
    ) as done:
        text = await done.text()
        assert done.status == 200, text
    return text


def command_in(
    rig: Rig, team: str, line: str, user: tuple[str, str], channel: str = GENERAL
) -> str:
    command, _, text = line.partition(" ")
    return urlencode(
        payload("slash_command")
        | {
            "team_id": team,
            "team_domain": team.lower(),
            "command": command,
            "text": text,
            "user_id": user[0],
            "user_name": user[1],
            "channel_id": channel,
            "response_url": rig.fake.response_url(),
            "trigger_id": uuid.uuid4().hex,
        }
    )


def press_in(rig: Rig, team: str, button: dict[str, Any], user: tuple[str, str]) -> str:
    """The form body of `user` in `team` clicking `button` (ours, or a crafted one)."""
    body = payload("block_actions")
    body["user"] = {"id": user[0], "username": user[1], "name": user[1], "team_id": team}
    body["team"] = {"id": team, "domain": team.lower()}
    body["response_url"] = rig.fake.response_url()
    body["trigger_id"] = uuid.uuid4().hex
    body["actions"][0].update(
        action_id=button["action_id"], value=button.get("value"), text=button["text"]
    )
    return urlencode({"payload": json.dumps(body)})


async def pressed_in(
    rig: Rig, team: str, user: tuple[str, str], button: dict[str, Any]
) -> list[Call]:
    """`user` in `team` clicks `button`, its listeners run to the end; every Web API call and
    response_url post made meanwhile."""
    since = len(rig.fake.calls)
    response = await rig.post(press_in(rig, team, button, user))
    assert response.status == 200, response.body
    await rig.listeners_finished()
    return rig.fake.calls[since:]


async def answered(rig: Rig, body: str, user: tuple[str, str]) -> Call:
    """Post a signed request; returns the answer `user` saw (ephemeral in the channel, or
    through the request's response_url)."""
    since = len(rig.fake.calls)
    response = await rig.post(body)
    assert response.status == 200, response.body

    def answer() -> list[Call]:
        return [
            c
            for c in rig.fake.calls[since:]
            if c.method == "response_url"
            or (c.method == "chat.postEphemeral" and c.get("user") == user[0])
        ]

    await rig.fake.wait_until(lambda: bool(answer()))
    return answer()[0]


async def say(
    rig: Rig, team: str, line: str, user: tuple[str, str], channel: str = GENERAL
) -> Call:
    """A slash command typed in `team`; returns the answer the person saw."""
    return await answered(rig, command_in(rig, team, line, user, channel), user)


async def click(rig: Rig, team: str, button: dict[str, Any], user: tuple[str, str]) -> Call:
    """`user` in `team` clicks `button`; returns the answer they saw."""
    return await answered(rig, press_in(rig, team, button, user), user)


def reminders_to(rig: Rig, user: tuple[str, str]) -> list[Call]:
    """The reminders posted in `user`'s DMs (whichever workspace's token posted them)."""
    dm = "D" + user[0].lstrip("U")
    return [c for c in rig.fake.calls_to("chat.postMessage", channel=dm) if "Reminder" in c.text]
