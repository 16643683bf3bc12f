"""The web server HTTP mode and the calendar feeds listen with, hardened for the open internet.

A request's body must arrive within a few seconds (Slack itself gives up after three), the
connections held open at once are capped well below the usual 1,024-descriptor limit, and a
client that hangs up mid-request costs one short log line a minute, never a traceback.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import ClientPayloadError, web

from adapters.platform import PlatformError
from bot.app.repeats import OneLine

log = logging.getLogger(__name__)

# Slack stops waiting for our answer after 3 s; a body slower than that is of no use to anyone.
BODY_SECONDS = 3.0
# Connections open at once; past this a new one is closed as soon as it is accepted.
MAX_CONNECTIONS = 256
# Slack's largest payloads (a modal's state) are far smaller.
MAX_BODY = 1024 * 1024
# A connection that sends no complete request (slow headers, idle keep-alive) is closed after.
IDLE_SECONDS = 15.0

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Server:
    """Routes served on host:port with the limits above."""

    def __init__(
        self,
        routes: list[web.RouteDef],
        host: str,
        port: int,
        *,
        body_seconds: float = BODY_SECONDS,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        self._body_seconds = body_seconds
        self._max_connections = max_connections
        self._host = host
        self._port = port
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._bounded_body])
        app.add_routes(routes)
        # aiohttp's own log of a failed request: one line, no traceback. (`turnout run` says
        # each cause once a minute: bot.app.repeats.)
        errors = logging.getLogger("turnout.http")
        if not any(isinstance(f, OneLine) for f in errors.filters):
            errors.addFilter(OneLine())
        self._runner = web.AppRunner(
            app,
            access_log=None,
            logger=errors,
            keepalive_timeout=IDLE_SECONDS,
            # A request answered before its body arrived is closed, not drained for 10 s more.
            lingering_time=0,
        )
        self._listening: asyncio.Server | None = None
        # The port listened on, once started (useful when asked for port 0).
        self.port: int | None = None

    async def start(self) -> None:
        """Listen; raises OSError when host:port can't be had."""
        await self._runner.setup()
        factory = self._runner.server
        assert factory is not None

        def accepted() -> asyncio.BaseProtocol:
            if len(factory.connections) >= self._max_connections:
                return _Refused()
            return factory()

        loop = asyncio.get_running_loop()
        try:
            self._listening = await loop.create_server(accepted, self._host, self._port)
        except OSError:
            await self._runner.cleanup()
            raise
        self.port = int(self._listening.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        if self._listening is not None:
            self._listening.close()
            self._listening = None
        await self._runner.cleanup()

    @web.middleware
    async def _bounded_body(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.content_length is not None and request.content_length > MAX_BODY:
            return _closing(413, "This request is too large.")
        if request.can_read_body:
            try:
                # Read here, within the bound; the handler's own read() gets the same bytes.
                await asyncio.wait_for(request.read(), self._body_seconds)
            except TimeoutError:
                log.warning(
                    "closed a request whose body didn't arrive within %s s", self._body_seconds
                )
                return _closing(408, "The request's body didn't arrive in time.")
            except (ClientPayloadError, ConnectionError):
                log.warning("a client hung up before sending the whole request")
                return _closing(400, "The request ended early.")
        return await handler(request)


class Listener:
    """A web server of Turnout's own for `routes` (health checks, metrics, calendar feeds),
    when Slack's HTTP mode runs none for them to ride on: Socket Mode, Discord alone, the
    console."""

    def __init__(self, host: str, port: int, routes: list[web.RouteDef], *, purpose: str) -> None:
        self._server = Server(routes, host, port)
        self._host = host
        self._port = port
        # What it serves, as the log and a refusal to listen name it ("health checks").
        self._purpose = purpose
        # Once started (useful when asked for port 0).
        self.port: int | None = None

    async def start(self) -> None:
        """Listen; raises PlatformError, naming the setting to change, when the port is taken."""
        try:
            await self._server.start()
        except OSError as error:
            raise PlatformError(
                f"can't listen on {self._host}:{self._port} for {self._purpose} ({error}); "
                "set TURNOUT_HTTP_PORT to a free port."
            ) from None
        self.port = self._server.port
        log.info("serving %s on port %s", self._purpose, self.port)

    async def stop(self) -> None:
        await self._server.stop()


def _closing(status: int, text: str) -> web.Response:
    response = web.Response(status=status, text=text)
    response.force_close()
    return response


class _Refused(asyncio.Protocol):
    """A connection past the cap: closed as soon as it is accepted."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        transport.close()

    def data_received(self, data: bytes) -> None:  # pragma: no cover - closed already
        pass

    def connection_lost(self, exc: Any) -> None:
        pass
