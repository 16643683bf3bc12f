"""The real Slack adapter in HTTP mode against a local fake Slack, on a real SQLite file.

Requests reach the app signed exactly as Slack signs them (v0 HMAC of `v0:{ts}:{body}`).
"""

import asyncio
import contextlib
import copy
import hashlib
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import pytest
from prometheus_client import CollectorRegistry

from adapters.slack import SlackPlatform
from adapters.web.health import ops_routes
from bot.app.bootstrap import Bot, bootstrap
from bot.app.clock import ManualClock
from bot.app.metrics import PrometheusMetrics
from bot.app.ops import Ops
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.kernel.outbox.dispatcher import DeliveryReport
from bot.ports.replies import Reply
from storage import SqlStorage
from tests.adapters.slack.fake_slack import (
    BOT_TOKEN,
    TEAM_DOMAIN,
    TEAM_ID,
    WAIT,
    Call,
    FakeSlack,
)
from tests.fakes import frozen_clock

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
PAYLOADS = Path(__file__).parent / "payloads"

# The people in the fake workspace.
VERA = ("U0VERA", "vera")  # a volunteer
WALT = ("U0WALT", "walt")  # another volunteer
OLIVIA = ("U0ORG", "olivia")  # an organizer, named in SLACK_ORGANIZERS
GUS = ("U0GROUPIE", "gus")  # an organizer through the @organizers user group
NINA = ("U0NEWBIE", "Nina")  # a newcomer
ORGANIZER_CHANNEL = "C0ORGS"
VOLUNTEER_CHANNEL = "C0VOLS"
GENERAL = "C0GENERAL"


def payload(name: str) -> dict[str, Any]:
    """A recorded Slack payload from tests/adapters/slack/payloads, ready to adjust.

    Each event gets an event_id of its own, as each new event from Slack does (a redelivery
    keeps its id, and runs once).
    """
    data = copy.deepcopy(json.loads((PAYLOADS / f"{name}.json").read_text()))
    if "event_id" in data:
        data["event_id"] = f"Ev{uuid.uuid4().hex[:12].upper()}"
    return data


def sign(body: str, *, secret: str = SECRET, timestamp: int | None = None) -> dict[str, str]:
    """The headers Slack sends with a request: its timestamp and v0 signature."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest.hexdigest()}"}


def slack_escaped(text: str) -> str:
    """Slash-command text as Slack delivers it: &, < and > escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fake_workspace(fake: FakeSlack) -> None:
    for user_id, name in (VERA, WALT, OLIVIA, GUS, NINA):
        fake.add_user(user_id, name)
    fake.users["U0ADMIN"] = fake.add_user("U0ADMIN", "Ada", is_admin=True)
    fake.usergroups.append(
        {"id": "S0ORGS", "handle": "organizers", "name": "Organizers", "users": [GUS[0]]}
    )
    fake.channels += [
        {"id": GENERAL, "name": "general"},
        {"id": ORGANIZER_CHANNEL, "name": "organizers"},
        {"id": VOLUNTEER_CHANNEL, "name": "volunteers"},
        {"id": "C0RANDOM", "name": "random"},
    ]


@dataclass
class Answer:
    """Slack's view of our HTTP response."""

    status: int
    body: str
    seconds: float


@dataclass
class Rig:
    fake: FakeSlack
    platform: SlackPlatform
    bot: Bot
    clock: ManualClock
    http: aiohttp.ClientSession
    # Bolt acknowledges a request and then runs its listener in a task of its own (see
    # record_listener_runs): every such run so far, in the order Bolt started them.
    listener_runs: list["asyncio.Task[Any]"] = field(default_factory=list)

    async def listeners_finished(self) -> None:
        """Wait until every listener run Bolt has started is over: a request answered (200)
        has started its run by then, so nothing it causes is still to come."""
        await asyncio.gather(*self.listener_runs, return_exceptions=True)

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.platform.port}/slack/events"

    async def post(
        self,
        body: str,
        *,
        json_body: bool = False,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        """POST a body to /slack/events, signed like Slack unless other headers are given."""
        sent = {
            "Content-Type": "application/json"
            if json_body
            else "application/x-www-form-urlencoded",
            **(sign(body) if headers is None else headers),
        }
        started = time.perf_counter()
        async with self.http.post(self.events_url, data=body.encode(), headers=sent) as response:
            text = await response.text()
        return Answer(response.status, text, time.perf_counter() - started)

    def command_body(
        self, line: str, user: tuple[str, str] = VERA, channel: str = GENERAL, *, raw: bool = False
    ) -> str:
        """The form body of a slash command; `raw` sends the text without Slack's escaping."""
        command, _, text = line.partition(" ")
        fields = payload("slash_command") | {
            "command": command,
            "text": text if raw else slack_escaped(text),
            "user_id": user[0],
            "user_name": user[1],
            "channel_id": channel,
            "response_url": self.fake.response_url(),
            "trigger_id": uuid.uuid4().hex,
        }
        return urlencode(fields)

    async def command(
        self, line: str, user: tuple[str, str] = VERA, channel: str = GENERAL, *, raw: bool = False
    ) -> Answer:
        """Type a slash command, e.g. `/phonebank join 1`."""
        return await self.post(self.command_body(line, user, channel, raw=raw))

    async def press(
        self,
        button: dict[str, Any],
        user: tuple[str, str] = VERA,
        *,
        on: Call | None = None,
        state: dict[str, Any] | None = None,
    ) -> Answer:
        """Press a button we rendered; `on` is the post it was in (default: an ephemeral one).

        `state` holds the inputs' states by field name, as in `submit`.
        """
        body = payload("block_actions")
        body["user"] = {"id": user[0], "username": user[1], "name": user[1], "team_id": TEAM_ID}
        body["actions"][0].update(
            action_id=button["action_id"],
            value=button.get("value"),
            text=button["text"],
        )
        body["response_url"] = self.fake.response_url()
        body["trigger_id"] = uuid.uuid4().hex
        if on is not None and on.method == "chat.postMessage":
            channel = str(on["channel"])
            body["channel"] = {"id": channel, "name": "directmessage"}
            body["container"] = {
                "type": "message",
                "message_ts": "1700000099.000100",
                "channel_id": channel,
                "is_ephemeral": False,
            }
        body["state"] = {"values": {name: {name: st} for name, st in (state or {}).items()}}
        return await self.post(urlencode({"payload": json.dumps(body)}))

    async def submit(
        self, opened: Call, values: dict[str, Any], user: tuple[str, str] = OLIVIA
    ) -> Answer:
        """Submit the modal that views.open showed, with these element states by field."""
        body = payload("view_submission")
        body["user"] = {"id": user[0], "username": user[1], "name": user[1], "team_id": TEAM_ID}
        # Each submission is its own interaction, as on Slack (the inbox tells them apart).
        body["trigger_id"] = uuid.uuid4().hex
        view = opened["view"]
        body["view"].update(
            callback_id=view["callback_id"],
            blocks=view["blocks"],
            private_metadata=view.get("private_metadata", ""),
            state={"values": {name: {name: state} for name, state in values.items()}},
        )
        return await self.post(urlencode({"payload": json.dumps(body)}))

    async def event(self, body: dict[str, Any]) -> Answer:
        return await self.post(json.dumps(body), json_body=True)

    async def deliver(self) -> DeliveryReport:
        """Let the dispatcher send what is due (DMs, organizer posts)."""
        return await self.bot.dispatcher.deliver_due()

    async def delivered(
        self, method: str, where: Callable[[Call], bool] = lambda call: True, **matching: Any
    ) -> Call:
        """Run the dispatcher until the fake saw such a call: for notices queued by events,
        whose processing after the ack nothing else signals."""
        async with asyncio.timeout(WAIT):
            while True:
                await self.deliver()
                found = [c for c in self.fake.calls_to(method, **matching) if where(c)]
                if found:
                    return found[0]
                await asyncio.sleep(0.02)

    def actor(self, user: tuple[str, str], *, organizer: bool = False) -> Actor:
        return Actor(Identity("slack", TEAM_ID, user[0]), user[1], organizer, TEAM_DOMAIN)

    async def as_organizer(self, line: str) -> Reply:
        """Set the scene through the core directly, as Olivia."""
        command, _, text = line.partition(" ")
        return await self.bot.turnout.run_slash(self.actor(OLIVIA, organizer=True), command, text)


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    fake = FakeSlack()
    fake_workspace(fake)
    await fake.start()
    yield fake
    await fake.stop()


def platform_for(fake: FakeSlack, **options: Any) -> SlackPlatform:
    settings: dict[str, Any] = {
        "bot_token": BOT_TOKEN,
        "signing_secret": SECRET,
        "api_url": fake.api_url,
        "organizers": (OLIVIA[0],),
        "organizer_group": "@organizers",
        "organizer_channel": ORGANIZER_CHANNEL,
        "volunteer_channel": "#volunteers",
        "http_host": "127.0.0.1",
        "http_port": 0,
    }
    return SlackPlatform(**(settings | options))


@pytest.fixture
def slack_options(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Settings to start the platform with; parametrize indirectly to change them."""
    return getattr(request, "param", {})


@pytest.fixture
async def rig(
    storage: SqlStorage, fake_slack: FakeSlack, slack_options: dict[str, Any]
) -> AsyncIterator[Rig]:
    options = dict(slack_options)
    # TURNOUT_CAMPAIGN_NAME: the core's setting, not the platform's.
    chosen_name = options.pop("campaign_name", "")
    platform = platform_for(fake_slack, **options)
    clock = frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[platform.messenger],
        clock=clock,
        defaults=CampaignDefaults(
            name="Test campaign", chosen_name=chosen_name, timezone="America/New_York"
        ),
    )
    ops = Ops(
        storage=storage,
        clock=clock,
        metrics=PrometheusMetrics(CollectorRegistry()),
        platforms={"slack": platform.problem},
    )
    # As `turnout run` serves them: health checks and metrics beside /slack/events.
    platform.serve_also(lambda _: ops_routes(ops))
    await platform.start(bot.turnout)
    runs: list[asyncio.Task[Any]] = []
    try:
        with record_listener_runs(runs):
            async with aiohttp.ClientSession() as http:
                yield Rig(fake_slack, platform, bot, clock, http, runs)
    finally:
        await platform.stop()
        await bot.wakeups.stop()


# The coroutine slack-bolt's AsyncioListenerRunner starts, after the ack, for each listener
# run (slack_bolt/listener/asyncio_runner.py). A test counting runs fails, not passes, if Bolt
# ever renames it: it would count none.
_BOLT_LISTENER_RUN = "run_ack_function_asynchronously"


@contextlib.contextmanager
def record_listener_runs(runs: list["asyncio.Task[Any]"]) -> Iterator[None]:
    """Append to `runs` each listener run Bolt starts on this event loop, while inside."""
    loop = asyncio.get_running_loop()
    previous = loop.get_task_factory()

    def factory(loop: asyncio.AbstractEventLoop, coro: Any, **options: Any) -> asyncio.Future[Any]:
        if previous is not None:
            task = previous(loop, coro, **options)
        else:
            task = asyncio.Task(coro, loop=loop, **options)
        if getattr(coro, "__qualname__", "").endswith(_BOLT_LISTENER_RUN):
            runs.append(task)  # type: ignore[arg-type]
        return task

    loop.set_task_factory(factory)
    try:
        yield
    finally:
        loop.set_task_factory(previous)
