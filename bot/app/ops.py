"""What /healthz and /metrics answer, for the web listener to serve (adapters/web/health.py).

Healthy means the database answers a trivial query within a couple of seconds and every
configured platform is connected. The body says which part is down, in one line each.
"""

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.app.metrics import PrometheusMetrics
from bot.ports.clock import Clock
from bot.ports.storage import Storage, StorageUnavailable

log = logging.getLogger(__name__)
T = TypeVar("T")

# How long the database may take to answer the health check (and the queue depth's count).
DATABASE_TIMEOUT = 2.0
# The queue depth is counted up to this many: past it the alert has long fired.
DEPTH_AT_MOST = 100_000
UP = "up"

# A platform's own check: None while connected, else why not (one line).
PlatformCheck = Callable[[], Awaitable[str | None]]


@dataclass(frozen=True)
class Connection:
    """One of several live connections a platform keeps (a Discord shard), as /healthz and
    /metrics show it."""

    name: str
    connected: bool
    # Seconds between a heartbeat and its answer; nan until the first is answered.
    latency: float


# A platform's connections when it keeps several; empty when it keeps one.
ConnectionsCheck = Callable[[], list[Connection]]


class Ops:
    """The health check and the metrics' exposition for one process."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(
        self,
        *,
        storage: Storage,
        clock: Clock,
        metrics: PrometheusMetrics,
        platforms: Mapping[str, PlatformCheck],
        connections: Mapping[str, ConnectionsCheck] | None = None,
        timeout: float = DATABASE_TIMEOUT,
    ) -> None:
        self._storage = storage
        self._clock = clock
        self._metrics = metrics
        self._platforms = dict(platforms)
        self._connections = dict(connections or {})
        self._timeout = timeout
        # platform → why it stopped for good (the line the log says); it never comes back.
        self.stopped: dict[str, str] = {}
        # Database questions still being answered, by what they ask (see _within).
        self._asking: dict[str, asyncio.Task[Any]] = {}

    async def health(self) -> tuple[bool, dict[str, Any]]:
        """Whether everything is up, and the report /healthz shows."""
        database = await self._database()
        platforms = {name: await self._platform(name) for name in self._platforms}
        healthy = database == UP and all(state == UP for state in platforms.values())
        report: dict[str, Any] = {"ok": healthy, "database": database, "platforms": platforms}
        connections = {
            platform: {
                c.name: {
                    "connected": c.connected,
                    "latency_ms": None if math.isnan(c.latency) else round(c.latency * 1000, 1),
                }
                for c in check()
            }
            for platform, check in self._connections.items()
        }
        if any(connections.values()):
            report["connections"] = {name: held for name, held in connections.items() if held}
        return healthy, report

    async def scrape(self) -> bytes:
        """Every metric in Prometheus's text format, the queue depth counted now."""
        try:
            depth = await self._within("depth", self._count_due)
        except StorageUnavailable:
            # The gauge keeps its last value; /healthz says the database is down.
            log.warning("storage unavailable; the queue depth was not counted")
        else:
            self._metrics.due.set(depth)
        for platform, check in self._connections.items():
            for connection in check():
                self._metrics.connection(platform, connection.name).set(connection.connected)
                if not math.isnan(connection.latency):
                    self._metrics.latency(platform, connection.name).set(connection.latency)
        return generate_latest(self._metrics.registry)

    async def _database(self) -> str:
        started = time.perf_counter()
        try:
            await self._within("ping", self._storage.ping)
        except StorageUnavailable as error:
            return f"down: {error}"
        finally:
            self._metrics.database.observe(time.perf_counter() - started)
        return UP

    async def _count_due(self) -> int:
        async with self._storage.unit_of_work(write=False) as uow:
            return await uow.notices.count_due(self._clock.now(), at_most=DEPTH_AT_MOST)

    async def _within(self, question: str, ask: Callable[[], Awaitable[T]]) -> T:
        """What `ask` answers, if the database answers within the timeout; else raises
        StorageUnavailable. A question past the timeout is not cancelled (a query cancelled
        mid-way can leave the driver's connection half-closed): it ends by the database's own
        timeouts, and until then the next check waits on it again instead of asking anew, so
        a hung database never piles up questions however often the checks come."""
        task = self._asking.get(question)
        if task is None or task.done():
            task = self._asking[question] = asyncio.create_task(_answer(ask))
            # Its failure, once it ends, is read here even if no check is waiting any more.
            task.add_done_callback(lambda done: done.cancelled() or done.exception())
        done, _ = await asyncio.wait({task}, timeout=self._timeout)
        if not done:
            raise StorageUnavailable(f"the database didn't answer within {self._timeout:g} s")
        return task.result()

    async def _platform(self, name: str) -> str:
        if name in self.stopped:
            return f"down: {self.stopped[name]}"
        try:
            problem = await self._platforms[name]()
        except Exception as error:
            log.exception("the health check of %s failed", name)
            problem = f"its check failed ({type(error).__name__})"
        return UP if problem is None else f"down: {problem}"


async def _answer(ask: Callable[[], Awaitable[T]]) -> T:
    return await ask()
