"""A local Slack: the Web API methods Turnout calls, response URLs and a Socket Mode websocket.

It runs on 127.0.0.1 on a random port and records every call. Failures can be scripted per
method (and per user or channel): an error code, or a 429 with Retry-After, a number of times.
A method can also be rate limited as Slack does it: a token bucket holding one second's worth
of calls; beyond it a 429 with a whole-second Retry-After (those calls are counted, not recorded).

File uploads work as Slack's do: files.getUploadURLExternal hands out an address on this
server, the bytes are POSTed there (recorded as the "upload" method; fail it like any other),
and files.completeUploadExternal shares them in a conversation (see `shared_files`).

Every answer to the bot token lists the scopes it was granted in the x-oauth-scopes header, as
Slack's do (see `scopes`); `turnout doctor` compares them with the manifest's.
"""

import asyncio
import base64
import contextlib
import itertools
import json
import math
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from aiohttp import WSMsgType, web

# How long a test waits for the bot to do something before failing: a bound, not a timing
# check, generous so a machine busy with other work doesn't fail a correct run.
WAIT = 15.0

TEAM_ID = "T0TURNOUT"
TEAM_DOMAIN = "turnout-test"
BOT_USER = "U0BOT"
BOT_TOKEN = "xoxb-test-token"
APP_TOKEN = "xapp-test-token"
# The app's credentials, for installs through OAuth (oauth.v2.access).
CLIENT_ID = "1111.2222"
CLIENT_SECRET = "fake-client-secret-0123456789"
APP_ID = "A0TURNOUT"

MANIFEST = Path(__file__).parents[3] / "adapters" / "slack" / "manifest.yaml"

# Arguments that carry JSON inside form-encoded bodies.
_JSON_FIELDS = ("blocks", "view", "attachments", "files", "metadata")


@dataclass
class SharedFile:
    """A file shared in a conversation by files.completeUploadExternal."""

    channel: str
    filename: str
    title: str
    content: bytes
    # The message text posted with it (initial_comment), if any.
    comment: str


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str = ""
    # When the fake received it (time.perf_counter), for the benchmark.
    at: float = field(default_factory=time.perf_counter)

    def __getitem__(self, key: str) -> Any:
        return self.args[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.args.get(key, default)

    @property
    def text(self) -> str:
        """Everything a person would read: the fallback text and every text in the blocks."""
        parts = [str(self.args.get("text") or "")]
        parts += _texts(self.args.get("blocks") or [])
        parts += _texts(self.args.get("view") or {})
        return "\n".join(p for p in parts if p)

    def buttons(self) -> list[dict[str, Any]]:
        return [e for e in _elements(self.args.get("blocks") or []) if e.get("type") == "button"]

    def button(self, label: str) -> dict[str, Any]:
        for button in self.buttons():
            if button["text"]["text"] == label:
                return button
        raise AssertionError(
            f"no {label!r} button in {[b['text']['text'] for b in self.buttons()]}"
        )


@dataclass
class Failure:
    method: str
    error: str
    times: int = 1
    status: int = 200
    retry_after: int | None = None
    # Fail only calls whose arguments match these (e.g. {"users": "U1"}).
    when: dict[str, str] = field(default_factory=dict)
    # Hold the answer until `released` is set, at most `hold` seconds: held longer than the
    # client waits, the call times out.
    hold: float = 0.0
    released: asyncio.Event = field(default_factory=asyncio.Event)
    # Close the connection without answering, as a crashing proxy or a reset does.
    hang_up: bool = False
    # Answer this text instead of Slack's JSON, as a proxy or a load balancer in trouble does.
    body: str | None = None
    content_type: str = "text/html"
    # Do what was asked (a message is posted) before holding the answer: with `hold` longer
    # than the client waits, the client times out on a call that took effect.
    lands: bool = False


@dataclass
class FakeSlack:
    users: dict[str, dict[str, Any]] = field(default_factory=dict)
    usergroups: list[dict[str, Any]] = field(default_factory=list)
    channels: list[dict[str, Any]] = field(default_factory=list)
    # Channels the bot isn't in: chat.postMessage/postEphemeral there fail with not_in_channel.
    outside: set[str] = field(default_factory=set)
    calls: list[Call] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    # Calls per second allowed per method (e.g. {"chat.postMessage": 50}), and 429s answered.
    rate_limits: dict[str, float] = field(default_factory=dict)
    ratelimited: int = 0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)
    acks: list[dict[str, Any]] = field(default_factory=list)
    # file id → (filename, declared length) from files.getUploadURLExternal, then its bytes.
    _pending_files: dict[str, tuple[str, int]] = field(default_factory=dict)
    _uploaded: dict[str, bytes] = field(default_factory=dict)
    shared_files: list[SharedFile] = field(default_factory=list)
    # chat.postMessage posts by channel, for conversations.history: each message as Slack
    # returns it, and when it was posted (time.time(); the ts values are made up).
    history: dict[str, list[tuple[float, dict[str, Any]]]] = field(default_factory=dict)
    # The scopes the bot token was granted: every one the manifest asks for, unless a test
    # takes one away. Slack lists them in each Web API answer's x-oauth-scopes header.
    scopes: list[str] = field(default_factory=lambda: manifest_scopes())
    # OAuth: install codes handed out (code → workspace), the tokens issued for them (token →
    # its workspace and when it expires, time.time()), refresh tokens (→ workspace), and how
    # long an access token lives (None: no token rotation, tokens never expire).
    codes: dict[str, "Workspace"] = field(default_factory=dict)
    issued: dict[str, tuple[str, float | None]] = field(default_factory=dict)
    refresh_tokens: dict[str, str] = field(default_factory=dict)
    token_lifetime: int | None = None
    workspaces: dict[str, "Workspace"] = field(default_factory=dict)
    # Every token ever issued → its workspace (issued forgets revoked ones).
    workspaces_by_token: dict[str, str] = field(default_factory=dict)
    # Every websocket connection the app opened (Socket Mode).
    sockets: list[web.WebSocketResponse] = field(default_factory=list)
    port: int = 0
    _runner: web.AppRunner | None = None
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))
    # Woken whenever something is recorded, for the wait_for helpers.
    _news: asyncio.Condition = field(default_factory=asyncio.Condition)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/"

    def response_url(self, name: str = "") -> str:
        return f"{self.base_url}/respond/{name or uuid.uuid4().hex[:8]}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/respond/{name}", self._respond)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/socket", self._socket)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        for socket in self.sockets:
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # Scripting

    def install_code(self, team: str, name: str, installer: str) -> str:
        """A code Slack would hand the installer's browser after "Allow" in `team`."""
        code = f"code-{uuid.uuid4().hex[:10]}"
        self.codes[code] = self.workspaces.setdefault(team, Workspace(team, name, installer))
        return code

    def uninstall(self, team: str) -> dict[str, Any]:
        """Turnout is removed from `team`: its tokens stop working. Returns the
        app_uninstalled event Slack sends."""
        for token, (owner, _expires) in list(self.issued.items()):
            if owner == team:
                del self.issued[token]
        return _event(team, {"type": "app_uninstalled"})

    def revoke(self, team: str) -> dict[str, Any]:
        """An admin revokes the bot's tokens in `team`; returns the tokens_revoked event."""
        bots = [token for token, (owner, _e) in self.issued.items() if owner == team]
        for token in bots:
            del self.issued[token]
        return _event(team, {"type": "tokens_revoked", "tokens": {"bot": [BOT_USER]}})

    def team_of(self, call: Call) -> str | None:
        """The workspace whose token made `call` (None for the single-workspace token)."""
        return self.workspaces_by_token.get(call.token)

    def fail(self, method: str, error: str, **options: Any) -> None:
        self.failures.append(Failure(method, error, **options))

    def add_user(self, user_id: str, name: str, **extra: Any) -> dict[str, Any]:
        user = {
            "id": user_id,
            "team_id": TEAM_ID,
            "name": name.lower(),
            "real_name": name,
            "profile": {"display_name": name, "real_name": name},
            "is_bot": False,
            "deleted": False,
            **extra,
        }
        self.users[user_id] = user
        return user

    # Reading what happened

    def calls_to(self, method: str, **matching: Any) -> list[Call]:
        return [
            c
            for c in self.calls
            if c.method == method and all(c.args.get(k) == v for k, v in matching.items())
        ]

    def files_in(self, channel: str) -> list[SharedFile]:
        return [f for f in self.shared_files if f.channel == channel]

    def posts(self) -> list[Call]:
        """Everything shown to people: messages, ephemeral messages, updates, response URLs."""
        shown = ("chat.postMessage", "chat.postEphemeral", "chat.update", "response_url")
        return [c for c in self.calls if c.method in shown]

    async def wait_for(
        self,
        method: str,
        where: Callable[[Call], bool] = lambda call: True,
        *,
        count: int = 1,
        within: float = WAIT,
        **matching: Any,
    ) -> Call:
        """Wait until `count` calls to `method` match; return the last of them."""

        def found() -> list[Call]:
            return [c for c in self.calls_to(method, **matching) if where(c)]

        try:
            await self._until(lambda: len(found()) >= count, within)
        except TimeoutError:
            seen = "\n".join(f"  {c.method} {c.args}" for c in self.calls)
            raise AssertionError(f"no {method} {matching} within {within}s; saw:\n{seen}") from None
        return found()[count - 1]

    async def wait_for_ack(self, envelope_id: str, within: float = WAIT) -> dict[str, Any]:
        def acked() -> list[dict[str, Any]]:
            return [a for a in self.acks if a.get("envelope_id") == envelope_id]

        await self._until(lambda: bool(acked()), within)
        return acked()[0]

    async def wait_for_socket(self, within: float = WAIT) -> web.WebSocketResponse:
        await self._until(lambda: bool(self.sockets), within)
        return self.sockets[-1]

    async def wait_until(self, check: Callable[[], bool], within: float = WAIT) -> None:
        """Wait until `check()` holds, looking again whenever the fake records something."""
        await self._until(check, within)

    async def _until(self, check: Callable[[], bool], within: float) -> None:
        async with asyncio.timeout(within), self._news:
            await self._news.wait_for(check)

    async def _noticed(self) -> None:
        async with self._news:
            self._news.notify_all()

    async def push(
        self, kind: str, payload: dict[str, Any], *, accepts_response_payload: bool = False
    ) -> str:
        """Send an envelope down the Socket Mode connection, as Slack does; returns its id."""
        socket = await self.wait_for_socket()
        envelope_id = str(uuid.uuid4())
        await socket.send_json(
            {
                "envelope_id": envelope_id,
                "type": kind,
                "payload": payload,
                "accepts_response_payload": accepts_response_payload,
                "retry_attempt": 0,
                "retry_reason": "",
            }
        )
        return envelope_id

    # The server

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            args.update(await request.json())
        else:
            args.update(await request.post())
        for name in _JSON_FIELDS:
            if isinstance(args.get(name), str):
                args[name] = json.loads(args[name])
        authorization = request.headers.get("Authorization", "")
        if authorization.startswith("Basic "):
            # The app's credentials (oauth.v2.access), not a token.
            client_id, _, secret = base64.b64decode(authorization[6:]).decode().partition(":")
            args |= {"client_id": client_id, "client_secret": secret}
            authorization = ""
        token = authorization.removeprefix("Bearer ")
        token = token or str(args.pop("token", ""))
        wait = self._over_limit(method)
        if wait is not None:
            self.ratelimited += 1
            headers = {"Retry-After": str(math.ceil(wait))}
            refusal = {"ok": False, "error": "ratelimited"}
            return web.json_response(refusal, status=429, headers=headers)
        self.calls.append(Call(method, args, token))
        await self._noticed()
        refused = self._refused_token(token)
        if refused is not None:
            return web.json_response({"ok": False, "error": refused})
        failure = self._failure(method, args)
        if failure is not None:
            if failure.hang_up and request.transport is not None:
                request.transport.close()
                return web.Response()  # never reaches the client
            if failure.lands:
                self._answer(method, args, token)
            if failure.hold:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(failure.released.wait(), failure.hold)
            headers = {"Retry-After": str(failure.retry_after)} if failure.retry_after else {}
            if failure.body is not None:
                return web.Response(
                    text=failure.body,
                    status=failure.status,
                    headers=headers,
                    content_type=failure.content_type,
                )
            return web.json_response(
                {"ok": False, "error": failure.error}, status=failure.status, headers=headers
            )
        answer = self._answer(method, args, token)
        granted = {"x-oauth-scopes": ",".join(self.scopes)} if token.startswith("xoxb-") else {}
        return web.json_response(answer, headers=granted)

    def _refused_token(self, token: str) -> str | None:
        """Why an OAuth token no longer works (None: it works, or isn't one of those)."""
        if token not in self.workspaces_by_token:
            return None
        if token not in self.issued:
            return "token_revoked"
        _team, expires = self.issued[token]
        return "token_expired" if expires is not None and time.time() >= expires else None

    def _oauth(self, args: dict[str, Any]) -> dict[str, Any]:
        """oauth.v2.access: an install's code, or a refresh token, for a bot token."""
        if args.get("client_id") != CLIENT_ID:
            return {"ok": False, "error": "invalid_client_id"}
        if args.get("client_secret") != CLIENT_SECRET:
            return {"ok": False, "error": "bad_client_secret"}
        if args.get("grant_type") == "refresh_token":
            team = self.refresh_tokens.get(str(args.get("refresh_token")))
            if team is None:
                return {"ok": False, "error": "invalid_refresh_token"}
            return {"ok": True, **self._issue(self.workspaces[team])}
        workspace = self.codes.pop(str(args.get("code")), None)
        if workspace is None:
            return {"ok": False, "error": "invalid_code"}
        return {
            "ok": True,
            "app_id": APP_ID,
            "authed_user": {"id": workspace.installer},
            "scope": ",".join(self.scopes),
            "bot_user_id": BOT_USER,
            "team": {"id": workspace.team, "name": workspace.name},
            "enterprise": None,
            "is_enterprise_install": False,
            **self._issue(workspace),
        }

    def _issue(self, workspace: "Workspace") -> dict[str, Any]:
        token = f"xoxb-{workspace.team}-{next(self._ts)}"
        lifetime = self.token_lifetime
        self.issued[token] = (workspace.team, time.time() + lifetime if lifetime else None)
        self.workspaces_by_token[token] = workspace.team
        issued: dict[str, Any] = {"token_type": "bot", "access_token": token}
        if lifetime:
            refresh = f"xoxe-1-{workspace.team}-{next(self._ts)}"
            self.refresh_tokens[refresh] = workspace.team
            issued |= {"refresh_token": refresh, "expires_in": lifetime}
        return issued

    def _over_limit(self, method: str) -> float | None:
        """Take a token from the method's bucket; None if allowed, else seconds until one is."""
        rate = self.rate_limits.get(method)
        if rate is None:
            return None
        now = time.monotonic()
        tokens, since = self._buckets.get(method, (rate, now))
        tokens = min(rate, tokens + (now - since) * rate)
        if tokens < 1:
            self._buckets[method] = (tokens, now)
            return (1 - tokens) / rate
        self._buckets[method] = (tokens - 1, now)
        return None

    def _failure(self, method: str, args: dict[str, Any]) -> Failure | None:
        for failure in self.failures:
            if failure.method != method or failure.times <= 0:
                continue
            if all(args.get(k) == v for k, v in failure.when.items()):
                failure.times -= 1
                return failure
        return None

    def _answer(self, method: str, args: dict[str, Any], token: str) -> dict[str, Any]:
        ok: dict[str, Any] = {"ok": True}
        match method:
            case "auth.test":
                if not token.startswith("xoxb-"):
                    return {"ok": False, "error": "invalid_auth"}
                team = self.workspaces_by_token.get(token)
                if team is not None:
                    return {
                        **ok,
                        "team": self.workspaces[team].name,
                        "user": "turnout",
                        "team_id": team,
                        "user_id": BOT_USER,
                        "bot_id": "B0BOT",
                    }
                return {
                    **ok,
                    "url": f"https://{TEAM_DOMAIN}.slack.com/",
                    "team": "Turnout Test",
                    "user": "turnout",
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER,
                    "bot_id": "B0BOT",
                }
            case "oauth.v2.access":
                return self._oauth(args)
            case "apps.connections.open":
                if not token.startswith("xapp-"):
                    return {"ok": False, "error": "not_allowed_token_type"}
                return {**ok, "url": f"ws://127.0.0.1:{self.port}/socket?ticket={uuid.uuid4()}"}
            case "conversations.open":
                return {**ok, "channel": {"id": "D" + str(args.get("users", "")).lstrip("UW")}}
            case "chat.postMessage" | "chat.postEphemeral":
                if args.get("channel") in self.outside:
                    return {"ok": False, "error": "not_in_channel"}
                ts = f"{1700000000 + next(self._ts)}.000100"
                if method == "chat.postEphemeral":
                    return {**ok, "message_ts": ts}
                posted: dict[str, Any] = {"type": "message", "ts": ts, "user": BOT_USER}
                posted |= {
                    "bot_id": "B0BOT",
                    "text": args.get("text", ""),
                    "metadata": args.get("metadata"),
                }
                self.history.setdefault(str(args.get("channel")), []).append((time.time(), posted))
                return {**ok, "channel": args.get("channel"), "ts": ts, "message": {"ts": ts}}
            case "conversations.history":
                oldest = float(args.get("oldest") or 0)
                found = self.history.get(str(args.get("channel")), [])
                with_metadata = str(args.get("include_all_metadata")).lower() in ("1", "true")
                messages = [
                    m if with_metadata else {k: v for k, v in m.items() if k != "metadata"}
                    for at, m in reversed(found)
                    if at >= oldest
                ]
                return {**ok, "messages": messages, "has_more": False}
            case "chat.update":
                return {**ok, "channel": args.get("channel"), "ts": args.get("ts")}
            case "views.publish":
                return {**ok, "view": {"id": f"V{next(self._ts):04d}", **args.get("view", {})}}
            case "views.open":
                return {**ok, "view": {"id": f"V{next(self._ts):04d}", **args.get("view", {})}}
            case "users.info":
                user = self.users.get(str(args.get("user")))
                return {**ok, "user": user} if user else {"ok": False, "error": "user_not_found"}
            case "usergroups.list":
                return {**ok, "usergroups": self.usergroups}
            case "usergroups.users.list":
                for group in self.usergroups:
                    if group["id"] == args.get("usergroup"):
                        return {**ok, "users": group.get("users", [])}
                return {"ok": False, "error": "no_such_subteam"}
            case "conversations.info":
                for channel in self.channels:
                    if channel["id"] == args.get("channel"):
                        member = channel["id"] not in self.outside
                        return {**ok, "channel": {**channel, "is_member": member}}
                return {"ok": False, "error": "channel_not_found"}
            case "conversations.list":
                return {**ok, "channels": self.channels, "response_metadata": {"next_cursor": ""}}
            case "files.getUploadURLExternal":
                file_id = f"F{next(self._ts):08d}"
                self._pending_files[file_id] = (str(args["filename"]), int(args["length"]))
                return {**ok, "upload_url": f"{self.base_url}/upload/{file_id}", "file_id": file_id}
            case "files.completeUploadExternal":
                return self._complete_upload(args)
        return {"ok": False, "error": "unknown_method"}

    def _complete_upload(self, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel_id") or "")
        files = args.get("files") or []
        for item in files:
            # Slack refuses to share a file whose bytes never arrived, or arrived cut short.
            pending = self._pending_files.get(item["id"])
            content = self._uploaded.get(item["id"])
            if pending is None or content is None or len(content) != pending[1]:
                return {"ok": False, "error": "file_not_found"}
        shared = []
        for item in files:
            filename, _ = self._pending_files.pop(item["id"])
            content = self._uploaded.pop(item["id"])
            title = str(item.get("title") or filename)
            comment = str(args.get("initial_comment") or "")
            self.shared_files.append(SharedFile(channel, filename, title, content, comment))
            shared.append({"id": item["id"], "name": filename, "title": title})
        return {"ok": True, "files": shared}

    async def _upload(self, request: web.Request) -> web.Response:
        """The upload address: takes the file's bytes as the request body."""
        file_id = request.match_info["file_id"]
        content = await request.read()
        self.calls.append(Call("upload", {"file_id": file_id, "length": len(content)}))
        await self._noticed()
        failure = self._failure("upload", {"file_id": file_id})
        if failure is not None:
            return web.Response(status=failure.status, text=failure.error)
        if file_id not in self._pending_files:
            return web.Response(status=404, text="no such upload")
        self._uploaded[file_id] = content
        return web.Response(text=f"OK - {len(content)}")

    async def _respond(self, request: web.Request) -> web.Response:
        answer = {"name": request.match_info["name"], **await request.json()}
        self.calls.append(Call("response_url", answer))
        await self._noticed()
        return web.Response(text="ok")

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self.sockets.append(socket)
        await self._noticed()
        await socket.send_json(
            {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0TURNOUT"}}
        )
        async for frame in socket:
            if frame.type == WSMsgType.TEXT:
                self.acks.append(json.loads(frame.data))
                await self._noticed()
        return socket


@dataclass
class Workspace:
    """A workspace Turnout is installed into through OAuth."""

    team: str
    name: str
    installer: str


def _event(team: str, event: dict[str, Any]) -> dict[str, Any]:
    """An Events API envelope, as Slack posts it to /slack/events."""
    return {
        "token": "verification-token",
        "team_id": team,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": f"Ev{uuid.uuid4().hex[:12].upper()}",
        "event_time": int(time.time()),
    }


def manifest_scopes() -> list[str]:
    """The bot scopes adapters/slack/manifest.yaml asks for, read as Slack reads the file."""
    manifest = yaml.safe_load(MANIFEST.read_text())
    return list(manifest["oauth_config"]["scopes"]["bot"])


def _texts(value: Any) -> list[str]:
    """Every "text" string inside a Block Kit structure."""
    found: list[str] = []
    if isinstance(value, dict):
        if isinstance(value.get("text"), str):
            found.append(value["text"])
        for key, inner in value.items():
            if key != "text" or not isinstance(inner, str):
                found += _texts(inner)
    elif isinstance(value, list):
        for inner in value:
            found += _texts(inner)
    return found


def _elements(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for block in blocks:
        found += block.get("elements") or []
        if block.get("accessory"):
            found.append(block["accessory"])
    return found
