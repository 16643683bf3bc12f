"""Many teams for the scale bench: fake platforms that know them, a `turnout run` serving them,
and a database seeded with them.

Slack workspaces are installed through Turnout's own OAuth installation store (the rows a real
install writes); Discord servers arrive in the fake gateway's READY and GUILD_CREATE frames.
Each team gets its campaign, a shift and some volunteers through the core's own commands.
"""

import asyncio
import contextlib
import copy
import os
import re
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from aiohttp import web
from slack_sdk.oauth.installation_store.models.installation import Installation as SlackInstall

from adapters.slack.installs import InstallationStore
from bot.app.turnout import Turnout
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.clock import Clock
from bot.ports.replies import Message
from storage import SqlStorage
from tests.adapters.discord import interactions as make
from tests.adapters.discord.fake_discord import APP_ID, TOKEN, FakeDiscord, payload
from tests.adapters.running import free_port, turnout_run, until_logged
from tests.adapters.slack.conftest import SECRET
from tests.adapters.slack.conftest import payload as slack_payload
from tests.adapters.slack.fake_slack import (
    BOT_USER,
    CLIENT_ID,
    CLIENT_SECRET,
    Call,
    FakeSlack,
    Workspace,
    manifest_scopes,
)

# Bounds for a busy machine, not expectations.
PATIENCE = 180.0
MB = 1024 * 1024
DEFAULTS = CampaignDefaults(name="Bench campaign", timezone="UTC")
# Server ids far from the fake's own (1300…), a hundred ids apart: the server's channels and
# roles take the ids just after it, its people the ones after those.
GUILD_BASE = 1_350_000_000_000_000_000
ROLES = ("Organizer", "Field Coordinator", "Events Team")


@dataclass(frozen=True)
class Teams:
    """The teams one bench serves: `slack` workspace ids and `discord` server ids."""

    slack: tuple[str, ...]
    discord: tuple[str, ...]
    volunteers: int

    @classmethod
    def of(cls, count: int, volunteers: int) -> "Teams":
        """`count` teams, half Slack workspaces and half Discord servers."""
        slack = tuple(f"T{n:07d}" for n in range(1, count // 2 + 1))
        discord = tuple(str(GUILD_BASE + 100 * n) for n in range(1, count - count // 2 + 1))
        return cls(slack, discord, volunteers)

    def __len__(self) -> int:
        return len(self.slack) + len(self.discord)

    def __iter__(self) -> Iterator[str]:
        return iter((*self.slack, *self.discord))

    def people(self, team: str) -> list[str]:
        """The team's organizer, then its volunteers (user ids in the platform's shape)."""
        return [person(team, k) for k in range(self.volunteers + 1)]


def person(team: str, k: int) -> str:
    """User k of a team: Slack's U<digits> (the fake opens DM D<digits>), or a snowflake."""
    if team.startswith("T"):
        return f"U{team[1:]}{k:03d}"
    return str(int(team) + 10 + k)


def token_of(team: str) -> str:
    return f"xoxb-{team}-bench"


@dataclass
class ManyWorkspaces(FakeSlack):
    """The fake Slack, knowing the bench's workspaces and their bot tokens (auth.test answers
    with the token's own workspace)."""

    def know(self, teams: Teams) -> None:
        for team in teams.slack:
            self.workspaces[team] = Workspace(team, f"Workspace {team}", person(team, 0))
            self.issued[token_of(team)] = (team, None)
            self.workspaces_by_token[token_of(team)] = team

    def answers_by_user(self, since: int = 0) -> dict[str, Call]:
        """Each person's first answer to a command (its `at` is time.perf_counter()), among
        the calls from number `since` on."""
        first: dict[str, Call] = {}
        for call in self.calls[since:]:
            if call.method == "chat.postEphemeral":
                first.setdefault(str(call.args.get("user")), call)
            elif call.method == "response_url":
                first.setdefault(str(call.args.get("name")), call)
        return first

    def reminders(self) -> Counter[tuple[str, str]]:
        """Reminders received, by (workspace, DM channel)."""
        return Counter(
            (str(self.team_of(call)), str(call.args.get("channel")))
            for call in self.calls_to("chat.postMessage")
            if "Reminder:" in call.text
        )


@dataclass
class ManyGuilds(FakeDiscord):
    """The fake Discord, with the bot in each of `servers` (READY, then a GUILD_CREATE each)."""

    servers: tuple[str, ...] = ()
    _created: dict[str, dict[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for guild in self.servers:
            made = guild_create(guild)
            self._created[guild] = made
            self.guild_ids.add(guild)
            for channel in made["channels"]:
                self.channels[channel["id"]] = {**channel, "guild_id": guild}

    async def _identify(self, ws: web.WebSocketResponse, identify: dict[str, Any] | None) -> bool:
        if identify is None or identify.get("token") != self.token:
            return await super()._identify(ws, identify)
        self.identifies.append(identify)
        self._ws, self._seq = ws, 0
        ready = payload("ready")["d"]
        ready["resume_gateway_url"] = self.gateway_url
        ready["guilds"] = [{"id": guild, "unavailable": True} for guild in self.servers]
        frames = [("READY", ready)] + [("GUILD_CREATE", g) for g in self._created.values()]
        for event, data in frames:
            self._seq += 1
            await ws.send_json({"op": 0, "t": event, "s": self._seq, "d": data})
        self._connected.set()
        return True

    def _route(self, method: str, path: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        guild = path.split("/")[2] if path.startswith("/guilds/") else ""
        if method == "GET" and guild in self._created and path.endswith(f"/members/{APP_ID}"):
            return 200, self._created[guild]["members"][0], {}
        return super()._route(method, path, body)

    def answers(self) -> dict[str, "Answer"]:
        """Each interaction's answer (its callback), by the interaction's id."""
        answers = {}
        for call in self.made("POST", r"/interactions/\d+/[^/]+/callback"):
            interaction = call.path.split("/")[2]
            seconds = call.at - self.dispatched_at[interaction]
            answers[interaction] = Answer(seconds, call.text, deferred=call.json["type"] == 5)
        return answers

    def reminders(self) -> Counter[tuple[str, str]]:
        """Reminders received, by ("discord", DM channel)."""
        return Counter(
            ("discord", call.path.split("/")[2])
            for call in self.made("POST", r"/channels/\d+/messages")
            if call.status == 200 and "Reminder:" in call.text
        )


@dataclass(frozen=True)
class Answer:
    """An interaction's first response: seconds from leaving the gateway, what it said, and
    whether it was "thinking…" (the answer following as a follow-up)."""

    seconds: float
    text: str
    deferred: bool


def guild_create(guild: str) -> dict[str, Any]:
    """The fake's saved GUILD_CREATE, moved to server `guild` with ids of its own."""
    made = payload("guild_create")["d"]
    made.update(id=guild, name=f"Server {guild[-5:]}")
    base = int(guild)
    for n, channel in enumerate(made["channels"], start=1):
        channel["id"] = str(base + n)
    for role in made["roles"]:
        everyone = role["name"] == "@everyone"
        role["id"] = guild if everyone else str(base + 4 + ROLES.index(role["name"]))
    for key in ("system_channel_id", "rules_channel_id", "public_updates_channel_id"):
        if made.get(key):
            made[key] = str(base + 1)
    return made


# The process


@dataclass
class Served:
    """One `turnout run` process, its fakes, and everything it logged."""

    process: asyncio.subprocess.Process
    slack: ManyWorkspaces
    discord: ManyGuilds
    port: int
    log: list[str] = field(default_factory=list)
    _readers: list[asyncio.Task[None]] = field(default_factory=list)

    @classmethod
    async def start(cls, folder: Path, database_url: str, teams: Teams) -> "Served":
        slack, discord = ManyWorkspaces(), ManyGuilds(servers=teams.discord)
        slack.know(teams)
        await slack.start()
        await discord.start()
        port = free_port()
        env = {
            "DATABASE_URL": database_url,
            "SLACK_CLIENT_ID": CLIENT_ID,
            "SLACK_CLIENT_SECRET": CLIENT_SECRET,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": slack.api_url,
            "SLACK_APP_TOKEN": "",
            "DISCORD_TOKEN": TOKEN,
            "DISCORD_API_URL": discord.api_url,
            "DISCORD_GATEWAY_URL": discord.gateway_url,
            "DISCORD_ORGANIZER_CHANNEL": "organizers",
            "TURNOUT_HTTP_PORT": str(port),
            "TURNOUT_LOG_LEVEL": "INFO",
        }
        return cls(await turnout_run(folder, env), slack, discord, port)

    async def ready(self) -> None:
        """Wait for "running on slack, discord"; then keep reading what it logs."""
        await asyncio.wait_for(
            until_logged(self.process, "running on slack, discord", self.log), PATIENCE
        )
        streams = (self.process.stderr, self.process.stdout)
        self._readers = [asyncio.create_task(self._read(s)) for s in streams if s is not None]

    async def _read(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            self.log.append(line.decode())

    def memory(self) -> tuple[float, float]:
        """Resident memory now and at its peak, in MB (/proc/<pid>/status)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kb = {
            line.split(":")[0]: int(line.split()[1])
            for line in status.splitlines()
            if line.startswith(("VmRSS:", "VmHWM:"))
        }
        return kb["VmRSS"] * 1024 / MB, kb["VmHWM"] * 1024 / MB

    def cpu(self) -> float:
        """CPU seconds the process has used so far, user and system (/proc/<pid>/stat)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        # utime and stime, the 14th and 15th fields, counted in clock ticks.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    async def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.terminate()
        try:
            await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        await asyncio.gather(*self._readers)
        await self.slack.stop()
        await self.discord.stop()

    def errors(self) -> list[str]:
        """What the process logged from its first error on (empty if it logged none)."""
        for n, line in enumerate(self.log):
            if re.search(r" (ERROR|CRITICAL) |Traceback", line):
                return self.log[n:]
        return []


# Seeding


async def install_workspaces(storage: SqlStorage, teams: Teams) -> None:
    """Each Slack workspace installed as bolt's OAuth flow saves it after oauth.v2.access."""
    store = InstallationStore(storage)
    for team in teams.slack:
        await store.async_save(
            SlackInstall(
                app_id="A0TURNOUT",
                enterprise_id=None,
                team_id=team,
                team_name=f"Workspace {team}",
                bot_token=token_of(team),
                bot_id="B0BOT",
                bot_user_id=BOT_USER,
                bot_scopes=manifest_scopes(),
                user_id=person(team, 0),
                installed_at=time.time(),
            )
        )


async def seed_teams(storage: SqlStorage, teams: Teams, *, clock: Clock, starts: datetime) -> None:
    """Each team: its installer (or a server organizer) creates a shift at `starts` through the
    core, and its volunteers join it; `clock` says when all this happened."""
    turnout = Turnout(storage=storage, clock=clock, defaults=DEFAULTS)
    for platform, ids in (("slack", teams.slack), ("discord", teams.discord)):
        for team in ids:
            organizer, *volunteers = teams.people(team)
            actor = Actor(Identity(platform, team, organizer), "Olivia", True, f"team {team}")
            line = f'create "Evening calls" {starts:%Y-%m-%d %H:%M} 2h 50'
            created = await turnout.run_slash(actor, "/phonebank", line)
            assert isinstance(created, Message) and created.text.startswith("Created #"), created
            for k, user in enumerate(volunteers, start=1):
                joiner = Actor(Identity(platform, team, user), f"Volunteer {k}", False, "")
                joined = await turnout.run_slash(joiner, "/phonebank", "join 1")
                assert isinstance(joined, Message) and joined.text.startswith("You're in"), joined


# Commands

# The burst's mix, taken in turn: a command, and what its answer says when it worked.
MIX = (
    ("phonebank", "list", "Evening calls"),
    ("phonebank", "join 1", "You're in"),
    ("volunteer", "tz America/Chicago", "I'll show you times in America/Chicago"),
)


def command_line(index: int) -> tuple[str, str]:
    """The burst's command number `index`: a list, a join, a time zone."""
    command, text, _ = MIX[index % len(MIX)]
    return command, text


def answered_well(index: int, answer: str) -> bool:
    """Whether the answer to the burst's command number `index` says it worked."""
    return MIX[index % len(MIX)][2] in answer


def slack_command(fake: FakeSlack, team: str, user: str, index: int) -> str:
    """The signed-to-be form body Slack POSTs for the burst's command number `index`."""
    command, text = command_line(index)
    return urlencode(
        slack_payload("slash_command")
        | {
            "team_id": team,
            "team_domain": team.lower(),
            "command": f"/{command}",
            "text": text,
            "user_id": user,
            "user_name": user.lower(),
            "channel_id": "C0GENERAL",
            "response_url": fake.response_url(user),
            # Each command's own, as Slack's are: a repeated one is taken for a redelivery.
            "trigger_id": uuid.uuid4().hex,
        }
    )


def discord_command(guild: str, user: str, index: int) -> dict[str, Any]:
    """The INTERACTION_CREATE for the burst's command number `index`, in server `guild`."""
    command, text = command_line(index)
    verb, _, argument = text.partition(" ")
    options: dict[str, Any] = {}
    if verb == "join":
        options["shift"] = int(argument)
    elif verb == "tz":
        options["zone"] = argument
    data = make.slash("Maria", command, verb, **options)
    general = str(int(guild) + 1)
    data.update(guild_id=guild, channel_id=general, authorizing_integration_owners={"0": guild})
    data["guild"]["id"] = data["data"]["guild_id"] = guild
    data["channel"] = {**data["channel"], "id": general, "guild_id": guild}
    member = copy.deepcopy(data["member"])
    member["user"].update(id=user, username=f"user{user[-6:]}", global_name=f"User {user[-3:]}")
    data["member"] = member
    return data
