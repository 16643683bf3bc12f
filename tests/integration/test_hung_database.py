"""A PostgreSQL that accepts and never answers: every statement and connection attempt is
bounded, so a person hears "try again" within seconds, and commands work again once the
database answers. A local TCP proxy stands between Turnout and the server and can hang."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import suppress

import pytest
from prometheus_client import CollectorRegistry
from sqlalchemy.engine import make_url

from bot.app.bootstrap import bootstrap
from bot.app.metrics import PrometheusMetrics
from bot.app.ops import Ops
from bot.domain.campaign import CampaignDefaults
from storage import open_storage
from storage.engine import CONNECT_TIMEOUT, STATEMENT_TIMEOUT
from tests.conftest import Database, Harness
from tests.fakes import RecordingMessenger, frozen_clock
from tests.render import text_of

TRY_AGAIN = "I couldn't reach the database just now"


class HangingProxy:
    """Forwards bytes to PostgreSQL until `hang()`: then every connection, old and new, is
    held open and nothing more passes either way."""

    def __init__(self, host: str, port: int) -> None:
        self._target = (host, port)
        self.answering = asyncio.Event()
        self.answering.set()
        self._server: asyncio.Server | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    def hang(self) -> None:
        self.answering.clear()

    def answer(self) -> None:
        self.answering.set()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not self.answering.is_set():
            await asyncio.sleep(3600)  # accepted, never answered
            return
        upstream_reader, upstream_writer = await asyncio.open_connection(*self._target)
        pumps = [
            asyncio.create_task(self._pump(reader, upstream_writer)),
            asyncio.create_task(self._pump(upstream_reader, writer)),
        ]
        self._tasks.update(pumps)
        await asyncio.wait(pumps, return_when=asyncio.FIRST_COMPLETED)
        for pump in pumps:
            pump.cancel()
        for w in (writer, upstream_writer):
            w.close()

    async def _pump(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while data := await reader.read(65536):
            await self.answering.wait()  # bytes in flight are held, not dropped
            writer.write(data)
            await writer.drain()

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        if self._server is not None:
            self._server.close()
            with suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 1)


@pytest.fixture
async def proxied(database: Database) -> AsyncIterator[tuple[Harness, HangingProxy]]:
    if database.kind != "postgresql":
        pytest.skip("a hung server is a PostgreSQL failure: SQLite has no server")
    url = make_url(database.url)
    proxy = HangingProxy(url.host or "127.0.0.1", url.port or 5432)
    await proxy.start()
    through = url.set(host="127.0.0.1", port=proxy.port)
    storage = await open_storage(
        through.render_as_string(hide_password=False), connect_args=database.connect_args
    )
    messenger, clock = RecordingMessenger(), frozen_clock()
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
    try:
        yield Harness(bot, messenger, clock, storage), proxy
    finally:
        proxy.answer()
        await bot.wakeups.stop()
        await storage.close()
        await proxy.close()


async def _answered_within(h: Harness, line: str, bound: float) -> tuple[str, float]:
    started = time.perf_counter()
    async with asyncio.timeout(bound):
        said = await h.reply("Maria", line)
    return text_of(said), time.perf_counter() - started


async def test_a_hung_database_is_try_again_within_seconds_and_then_works(
    proxied: tuple[Harness, HangingProxy],
) -> None:
    h, proxy = proxied
    await h.reply("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3')
    bound = STATEMENT_TIMEOUT.total_seconds() + CONNECT_TIMEOUT.total_seconds() + 10

    proxy.hang()
    # A command on a pooled connection (its statements hang), then one that needs a new
    # connection (its connection attempt hangs): both answer "try again" within the bound.
    first, first_took = await _answered_within(h, "/phonebank join 1", bound)
    second, second_took = await _answered_within(h, "/phonebank list", bound)
    assert TRY_AGAIN in first, (first, first_took)
    assert TRY_AGAIN in second, (second, second_took)
    print(f"hung database: answered in {first_took:.1f} s (pooled), {second_took:.1f} s (new)")

    proxy.answer()
    joined, _ = await _answered_within(h, "/phonebank join 1", bound)
    assert "You're in!" in joined, joined


async def test_a_hung_database_fails_the_health_check_within_its_bound_and_then_passes(
    proxied: tuple[Harness, HangingProxy],
) -> None:
    h, proxy = proxied
    ops = Ops(
        storage=h.storage,
        clock=h.clock,
        metrics=PrometheusMetrics(CollectorRegistry()),
        platforms={},
        timeout=2.0,
    )
    assert (await ops.health())[0]

    proxy.hang()
    started = time.perf_counter()
    async with asyncio.timeout(10):
        healthy, report = await ops.health()
        # Checked again while the first question hangs: it waits on that one, asks nothing new.
        again, _ = await ops.health()
    took = time.perf_counter() - started
    print(f"hung database: two health checks answered 503 in {took:.1f} s")
    assert not healthy and not again
    assert report["database"] == "down: the database didn't answer within 2 s", report

    # Once it answers again, the hung question ends (by the statement timeout at the latest)
    # and the checks after it pass.
    proxy.answer()
    bound = STATEMENT_TIMEOUT.total_seconds() + CONNECT_TIMEOUT.total_seconds() + 10
    checks = [(await ops.health())[0]]
    for _ in range(int(bound / 2)):
        if checks[-1]:
            break
        checks.append((await ops.health())[0])
    assert checks[-1], f"{len(checks)} checks after the database answered again"
