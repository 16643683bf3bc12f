"""Turnout on Slack: Socket Mode when an app token is set (no public URL), else HTTP mode."""

import asyncio
import logging
from collections.abc import Callable
from typing import Any, Self

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.socket_mode.aiohttp import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web.async_client import AsyncWebClient

from adapters.platform import PlatformError
from adapters.slack import shapes, texts
from adapters.slack.answers import Answers
from adapters.slack.app import SlackReplayer, build_app
from adapters.slack.channels import Channels
from adapters.slack.errors import error_code
from adapters.slack.gate import Gate
from adapters.slack.messenger import SlackMessenger
from adapters.slack.oauth import Installs
from adapters.slack.organizers import InstalledOrganizers, Organizers
from adapters.slack.people import People
from adapters.slack.rate_limits import RateLimitsCounted
from adapters.slack.settings import SlackSettings
from adapters.slack.workspaces import WorkspaceClient, in_workspace
from adapters.web.serving import MAX_CONNECTIONS, Server
from bot.app.ops import Connection
from bot.app.settings import listed
from bot.app.turnout import Turnout
from bot.ports.metrics import Metrics, NoMetrics

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"


class SlackPlatform:
    def __init__(
        self,
        *,
        bot_token: str,
        app_token: str = "",
        signing_secret: str = "",
        api_url: str = "https://slack.com/api/",
        organizers: tuple[str, ...] = (),
        organizer_group: str = "",
        admins_are_organizers: bool = False,
        organizer_channel: str = "",
        volunteer_channel: str = "",
        http_host: str = "0.0.0.0",
        http_port: int = 3000,
        installs: Installs | None = None,
        api_timeout: float = 30.0,
        max_connections: int = MAX_CONNECTIONS,
        metrics: Metrics | None = None,
    ) -> None:
        admins = admins_are_organizers
        self._max_connections = max_connections
        self._api_timeout = api_timeout
        self._app_token = app_token
        self._signing_secret = signing_secret
        self._api_url = api_url if api_url.endswith("/") else api_url + "/"
        self._volunteer_channel = volunteer_channel
        self._http_host = http_host
        self._http_port = http_port
        # Many workspaces installed through OAuth, instead of one bot token.
        self._installs = installs
        # Every 429 is counted for operators, whoever retries it.
        counted = RateLimitsCounted(metrics or NoMetrics())
        # Answers to people retry a 429 on the spot: someone is looking at Slack, waiting.
        again = [
            AsyncConnectionErrorRetryHandler(),
            AsyncRateLimitErrorRetryHandler(max_retry_count=2),
        ]
        self._client = self._web_client(bot_token, [counted, *again])
        # Notices don't: the core's dispatcher waits out Retry-After durably (see messenger.py).
        self._messenger_client = self._web_client(bot_token, [counted])
        self._organizers = (
            Organizers(self._client, users=organizers, group=organizer_group, admins=admins)
            if installs is None
            else InstalledOrganizers(self._client, installs.store)
        )
        self._channels = Channels(self._client)
        self.messenger = SlackMessenger(
            self._messenger_client,
            organizers=self._organizers,
            channels=self._channels,
            organizer_channel=organizer_channel,
        )
        self.app: AsyncApp | None = None
        # The port HTTP mode listens on, once started (useful when asked for port 0).
        self.port: int | None = None
        self._session: aiohttp.ClientSession | None = None
        self._socket: AsyncSocketModeHandler | None = None
        self._server: Server | None = None
        # More routes for HTTP mode's server (calendar feeds), built once the core exists.
        self._more_routes: list[Callable[[Turnout], list[web.RouteDef]]] = []

    def _web_client(self, token: str, retries: list[Any]) -> AsyncWebClient:
        """A client with the one bot token, or (OAuth) each call's workspace's token."""
        if self._installs is None:
            return AsyncWebClient(token=token, base_url=self._api_url, retry_handlers=retries)
        return WorkspaceClient(
            self._installs.tokens, base_url=self._api_url, retry_handlers=retries
        )

    def serve_also(self, routes: Callable[[Turnout], list[web.RouteDef]]) -> bool:
        """Serve `routes` (health checks, metrics, calendar feeds) beside /slack/events;
        False in Socket Mode, which runs no web server."""
        if self.socket_mode:
            return False
        self._more_routes.append(routes)
        return True

    @classmethod
    def from_settings(cls, settings: SlackSettings, *, metrics: Metrics | None = None) -> Self:
        installs = (
            Installs(
                client_id=settings.slack_client_id,
                client_secret=settings.slack_client_secret,
                api_url=settings.slack_api_url,
                redirect_uri=settings.slack_redirect_uri,
                authorize_url=settings.slack_authorize_url,
            )
            if settings.slack_oauth
            else None
        )
        return cls(
            installs=installs,
            bot_token=settings.slack_bot_token,
            app_token=settings.slack_app_token,
            signing_secret=settings.slack_signing_secret,
            api_url=settings.slack_api_url,
            organizers=listed(settings.slack_organizers),
            organizer_group=settings.slack_organizer_group,
            admins_are_organizers=settings.slack_admins_are_organizers,
            # A channel's name means a different channel in each workspace: not with OAuth.
            organizer_channel="" if installs else settings.slack_organizer_channel,
            volunteer_channel="" if installs else settings.slack_volunteer_channel,
            http_host=settings.http_host,
            http_port=settings.http_port,
            metrics=metrics,
        )

    @property
    def socket_mode(self) -> bool:
        return bool(self._app_token)

    async def start(self, turnout: Turnout) -> None:
        # One connection pool for every Web API call, instead of a new one per call. The
        # timeout is the session's: slack_sdk applies its own only to sessions it creates, and
        # aiohttp's default (5 minutes) would let a hung send outlive the dispatcher's claim.
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self._api_timeout)
        )
        self._client.session = self._session
        self._messenger_client.session = self._session
        oauth = None
        if self._installs is not None:
            # Each workspace's name comes with its requests; there is no one token to check.
            self._installs.attach(turnout.storage)
            self._installs.client.session = self._session
            oauth = self._installs.settings()
            identity: Any = {"team": "every installed workspace", "user": "turnout"}
        else:
            identity = await self._checked("SLACK_BOT_TOKEN", self._client.auth_test())
            self._organizers.workspace(str(identity.get("team_id") or ""))
        people = People(
            self._organizers,
            workspace_name="" if oauth else str(identity.get("team") or ""),
            client=self._client,
        )
        self.replayer = SlackReplayer(people, Answers(self._client))
        self.app = build_app(
            client=self._client,
            signing_secret="" if self.socket_mode else self._signing_secret,
            turnout=turnout,
            people=people,
            channels=self._channels,
            volunteer_channel=self._volunteer_channel,
            oauth=oauth,
        )
        if self._installs is not None:
            self._installs.listen(self.app)
        if self.socket_mode:
            await self._connect_socket(self.app)
        else:
            await self._serve_http(self.app, turnout)
        log.info(
            "connected to Slack workspace %s as %s (%s)",
            identity.get("team"),
            identity.get("user"),
            "Socket Mode" if self.socket_mode else f"HTTP mode on port {self.port}",
        )

    async def failure(self) -> PlatformError:
        """Slack has no way to stop for good mid-run (Socket Mode and HTTP mode retry or
        wait); this never returns."""
        return await asyncio.get_running_loop().create_future()

    async def problem(self) -> str | None:
        """None while connected: Socket Mode's websocket is open and answering pings, or HTTP
        mode's server listens. Else what is wrong, in a few words."""
        if self.socket_mode:
            socket = self._socket
            if socket is None or not await socket.client.is_connected():
                return "Socket Mode is not connected"
            return None
        return None if self._server is not None else "the HTTP mode server is not listening"

    def connections(self) -> list[Connection]:
        """One connection (a websocket, or the HTTP server): nothing to list."""
        return []

    async def stop(self) -> None:
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if self._server is not None:
            await self._server.stop()
            self._server = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _connect_socket(self, app: AsyncApp) -> None:
        self._socket = _CheckedSocketModeHandler(app, self._app_token, web_client=self._client)
        # Asked here rather than inside the handler, which would retry a bad token forever.
        opened = await self._checked(
            "SLACK_APP_TOKEN", self._client.apps_connections_open(app_token=self._app_token)
        )
        self._socket.client.wss_uri = str(opened["url"])
        await self._socket.connect_async()

    async def _serve_http(self, app: AsyncApp, turnout: Turnout) -> None:
        gate = Gate(self._signing_secret, turnout.first_sight)

        async def events(request: web.Request) -> web.Response:
            body = await request.read()
            refusal = await gate.check(
                request.headers, body, request.headers.get("Content-Type", "")
            )
            if refusal is not None:
                return web.Response(status=refusal.status, text=refusal.text)
            bolt_request = AsyncBoltRequest(
                body=body.decode(),
                query=request.query_string,
                headers=request.headers,  # type: ignore[arg-type]
            )
            # Everything done for the request (its listener runs in a task started inside) is
            # for its workspace: with OAuth, each call then carries that workspace's token.
            with in_workspace(bolt_request.context.team_id or ""):
                answered = await app.async_dispatch(bolt_request)
            return await to_aiohttp_response(answered)

        routes = [web.post(EVENTS_PATH, events)]
        if self._installs is not None:
            routes += self._installs.routes(app)
        for more in self._more_routes:
            routes.extend(more(turnout))
        self._server = Server(
            routes, self._http_host, self._http_port, max_connections=self._max_connections
        )
        try:
            await self._server.start()
        except OSError as error:
            self._server = None
            raise PlatformError(texts.port_taken(self._http_host, self._http_port, error)) from None
        self.port = self._server.port

    async def _checked(self, variable: str, call: Any) -> Any:
        """A Web API call at start-up; a refusal becomes one line saying what to fix."""
        try:
            return await call
        except SlackApiError as error:
            raise PlatformError(texts.refused_token(variable, error_code(error))) from None
        except (aiohttp.ClientError, OSError) as error:
            raise PlatformError(texts.unreachable(self._api_url, error)) from None


class _CheckedSocketModeHandler(AsyncSocketModeHandler):
    """Socket Mode's envelopes, their payloads' shapes checked as HTTP mode's gate checks them:
    a malformed one is acknowledged (so Slack doesn't send it again) and nothing is done."""

    async def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        wrong = shapes.problem(req.payload)
        if wrong is None:
            await super().handle(client, req)
            return
        log.warning("ignored a malformed %s payload over Socket Mode (%s)", req.type, wrong)
        await client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
