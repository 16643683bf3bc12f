"""Real `turnout run` replicas sharing one PostgreSQL database, and what they need around
them: a throwaway database, a fake Slack per replica, and ways to wait and look.

Each test gets a database of its own rather than a schema, because a subprocess only gets
DATABASE_URL: there is no search_path to hand it, as the schema-per-test fixture does.
"""

import asyncio
import inspect
import os
import re
import signal
import socket
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import create_async_engine

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from storage import SqlStorage
from storage.engine import normalise_url
from storage.tables import notices
from tests.adapters.running import turnout_run, until_logged
from tests.adapters.slack.conftest import OLIVIA, SECRET, payload, sign
from tests.adapters.slack.fake_slack import BOT_TOKEN, TEAM_ID, FakeSlack


def postgres_url() -> str | None:
    """TURNOUT_TEST_DATABASE_URL when it names a PostgreSQL server, else None."""
    url = os.environ.get("TURNOUT_TEST_DATABASE_URL", "")
    try:
        return url if normalise_url(url).get_backend_name() == "postgresql" else None
    except Exception:
        return None


# Generous bounds for a busy CI machine; nothing here asserts how fast anything was.
PATIENCE = 60.0


@asynccontextmanager
async def throwaway_database(server_url: str) -> AsyncIterator[str]:
    """A fresh, empty database on the server at `server_url`; its URL. Dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(normalise_url(server_url), isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield normalise_url(server_url).set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as connection:
                # A process killed mid-test may have left connections behind; they would
                # block the DROP.
                await connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :name AND pid <> pg_backend_pid()"
                    ),
                    {"name": name},
                )
                await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    finally:
        await admin.dispose()


# The replicas


@dataclass
class Replica:
    """One `turnout run` process; everything it logs is kept in `log`."""

    name: str
    process: asyncio.subprocess.Process
    log: list[str] = field(default_factory=list)
    _readers: list[asyncio.Task[None]] = field(default_factory=list)

    async def ready(self) -> None:
        await asyncio.wait_for(until_logged(self.process, "running on slack", self.log), 30)
        self._keep_reading()

    async def stop(self) -> None:
        """SIGTERM, as a service manager stops it; then wait for it to exit."""
        self._keep_reading()
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
        await asyncio.gather(*self._readers)

    def _keep_reading(self) -> None:
        # A pipe nobody reads fills up, and a process logging into it would freeze.
        if not self._readers:
            self._readers = [
                asyncio.create_task(self._read(stream))
                for stream in (self.process.stderr, self.process.stdout)
                if stream is not None
            ]

    async def _read(self, stream: asyncio.StreamReader) -> None:
        while line := await stream.readline():
            self.log.append(line.decode())


async def start_replicas(tmp_path: Path, envs: Iterable[dict[str, str]]) -> list[Replica]:
    """Start the processes all at once and wait until each is running on Slack."""
    replicas = [
        Replica(f"replica {i}", await turnout_run(tmp_path, env)) for i, env in enumerate(envs, 1)
    ]
    try:
        await asyncio.gather(*(replica.ready() for replica in replicas))
    except BaseException:
        await stop_all(replicas)
        raise
    return replicas


async def stop_all(replicas: Iterable[Replica]) -> None:
    await asyncio.gather(*(replica.stop() for replica in replicas))


def replica_env(database_url: str, fake: FakeSlack, **more: str) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_API_URL": fake.api_url,
        "SLACK_ORGANIZERS": OLIVIA[0],
        **more,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class HeldSlack(FakeSlack):
    """A fake Slack that keeps every chat.postMessage waiting until `release` is set.

    Holding the first messages guarantees both replicas are mid-delivery at the same time,
    with rows claimed, instead of leaving it to which process happened to start first.
    """

    release: asyncio.Event = field(default_factory=asyncio.Event)
    asked: asyncio.Event = field(default_factory=asyncio.Event)

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["method"] == "chat.postMessage":
            self.asked.set()
            await self.release.wait()
        return await super()._api(request)


async def started_fakes(count: int, release: asyncio.Event | None = None) -> list[HeldSlack]:
    fakes = [HeldSlack(release=release or asyncio.Event()) for _ in range(count)]
    if release is None:
        for fake in fakes:
            fake.release.set()
    for fake in fakes:
        await fake.start()
    return fakes


async def stop_fakes(fakes: Iterable[FakeSlack]) -> None:
    for fake in fakes:
        await fake.stop()


def assert_stopped_cleanly(replicas: Iterable[Replica]) -> None:
    """Each process exited 0 and logged no error (a unique violation, a failed delivery)."""
    for replica in replicas:
        log = "".join(replica.log)
        assert replica.process.returncode == 0, f"{replica.name} exited badly:\n{log}"
        assert not re.search(r" (ERROR|CRITICAL) |Traceback", log), f"{replica.name}:\n{log}"


# Due around the shift itself (issue 13): the organizers' confirmation check, the check-in,
# the debrief, the wrap-up and the next-day follow-ups; or next Monday (the weekly digest,
# issue 16). These tests are about the rest.
AFTER_THE_START = frozenset(
    {"confirm_check", "check_in", "debrief", "wrap_up", "missed_you", "two_misses", "digest"}
)


async def notice_states(storage: SqlStorage) -> Counter[tuple[str, str]]:
    """How many notices of each kind are in each state (those due from the start on aside)."""
    async with storage.unit_of_work() as uow:
        result = await uow.connection.execute(
            select(notices.c.kind, notices.c.state, func.count()).group_by(
                notices.c.kind, notices.c.state
            )
        )
        return Counter(
            {
                (str(kind), str(state)): int(count)
                for kind, state, count in result
                if str(kind) not in AFTER_THE_START
            }
        )


async def eventually(
    check: Callable[[], bool | Awaitable[bool]], what: str, within: float = PATIENCE
) -> None:
    """Wait until `check()` holds (it may be a coroutine); fail naming `what` if it never does."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not await _holds(check):
        if loop.time() > deadline:
            raise AssertionError(f"still not true after {within:.0f}s: {what}")
        await asyncio.sleep(0.05)


async def _holds(check: Callable[[], bool | Awaitable[bool]]) -> bool:
    answer = check()
    return await answer if inspect.isawaitable(answer) else answer


# People


def organizer() -> Actor:
    return Actor(Identity("slack", TEAM_ID, OLIVIA[0]), OLIVIA[1], True, "turnout-test")


def volunteer_ids(count: int, first: int) -> list[str]:
    """Slack user IDs; the fake opens DM channel D<digits> for user U<digits>."""
    return [f"U{n}" for n in range(first, first + count)]


def dm_channel(user: str) -> str:
    return "D" + user.removeprefix("U")


# Slack in HTTP mode


def slash_command(fake: FakeSlack, user: str, text: str) -> str:
    """The form body Slack POSTs when `user` types `/phonebank <text>`."""
    return urlencode(
        payload("slash_command")
        | {
            "text": text,
            "user_id": user,
            "user_name": user.lower(),
            "response_url": fake.response_url(user),
            "trigger_id": uuid.uuid4().hex,
        }
    )


async def post_signed(http: aiohttp.ClientSession, port: int, body: str) -> int:
    headers = {"Content-Type": "application/x-www-form-urlencoded", **sign(body)}
    url = f"http://127.0.0.1:{port}/slack/events"
    async with http.post(url, data=body.encode(), headers=headers) as response:
        await response.read()
        return response.status


@dataclass
class HttpReplicas:
    """Two replicas in HTTP mode, as behind a load balancer: Slack POSTs to either."""

    fakes: list[HeldSlack]
    ports: list[int]
    replicas: list[Replica]

    @classmethod
    async def start(
        cls, running: AsyncExitStack, tmp_path: Path, database_url: str
    ) -> "HttpReplicas":
        """Start both (each with a fake Slack of its own); they stop when `running` closes."""
        fakes = await started_fakes(2)
        running.push_async_callback(stop_fakes, fakes)
        ports = [free_port() for _ in fakes]
        envs = [
            replica_env(
                database_url,
                fake,
                SLACK_APP_TOKEN="",
                SLACK_SIGNING_SECRET=SECRET,
                TURNOUT_HTTP_HOST="127.0.0.1",
                TURNOUT_HTTP_PORT=str(port),
            )
            for fake, port in zip(fakes, ports, strict=True)
        ]
        replicas = await start_replicas(tmp_path, envs)
        running.push_async_callback(stop_all, replicas)
        return cls(fakes, ports, replicas)

    async def all_at_once(self, users: list[str], text: str) -> None:
        """Every user types `/phonebank <text>` at the same moment, alternate users through
        alternate replicas; returns once every command was acknowledged (the work follows)."""
        async with aiohttp.ClientSession() as http:
            statuses = await asyncio.gather(
                *(
                    post_signed(
                        http, self.ports[i % 2], slash_command(self.fakes[i % 2], user, text)
                    )
                    for i, user in enumerate(users)
                )
            )
        assert statuses == [200] * len(users)

    def answers(self) -> dict[str, list[str]]:
        return answers_by_user(self.fakes)

    async def until_answered(self, users: list[str]) -> None:
        await eventually(lambda: set(users) <= set(self.answers()), "everyone got an answer")


def answers_by_user(fakes: Iterable[FakeSlack]) -> dict[str, list[str]]:
    """What each person was told in answer to a command: ephemeral posts, or the
    response_url when the bot could not post in the channel."""
    told: dict[str, list[str]] = {}
    for fake in fakes:
        for call in fake.calls:
            if call.method == "chat.postEphemeral":
                told.setdefault(str(call["user"]), []).append(call.text)
            elif call.method == "response_url":
                told.setdefault(str(call["name"]), []).append(call.text)
    return told
