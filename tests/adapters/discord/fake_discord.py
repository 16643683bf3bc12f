"""A local fake Discord: REST under /api/v10 and a websocket gateway, on 127.0.0.1.

The real discord.py client talks to it exactly as to Discord. Every REST call is recorded
(method, path, JSON body, status, multipart attachments); tests make calls fail on purpose
(429 with retry_after, 50007 for a user's DMs, 5xx) and push gateway dispatches (INTERACTION_CREATE,
GUILD_MEMBER_ADD) with proper sequence numbers. The gateway shards like Discord's: IDENTIFY may
carry `shard: [id, count]`, each connection is told only of its shard's servers, and each
server's events go out only on its shard's connection (DMs on shard 0). Payloads are Discord's
documented formats, kept as files under payloads/.
"""

import asyncio
import base64
import contextlib
import copy
import itertools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aiohttp import BodyPartReader, WSMsgType, web

PAYLOADS = Path(__file__).parent / "payloads"

APP_ID = "1300000000000000001"
GUILD_ID = "1300000000000000100"
# Discord's sharding formula sends a server's events on shard (id >> 22) % count: an id this
# far from GUILD_ID lands on the next shard (GUILD_ID is on shard 0 of 2, this one on 1 of 2).
SHARD_STEP = 1 << 22
GENERAL = "1300000000000000200"
ORGANIZERS = "1300000000000000201"
VOLUNTEERS = "1300000000000000202"
TOKEN = base64.b64encode(APP_ID.encode()).decode().rstrip("=") + ".GfAkE0.fake-token-for-tests"
MEMBERS_INTENT = 1 << 1
# The application's flags that say the Server Members intent is switched on in the Developer
# Portal (GATEWAY_GUILD_MEMBERS, GATEWAY_GUILD_MEMBERS_LIMITED).
MEMBERS_INTENT_FLAGS = (1 << 14) | (1 << 15)
# The documented close code for "you asked for a privileged intent you don't have".
DISALLOWED_INTENTS = 4014


def payload(name: str) -> dict[str, Any]:
    return json.loads((PAYLOADS / f"{name}.json").read_text())


def shard_of(guild_id: str | int, count: int) -> int:
    """Discord's documented formula; written again here so the adapter's is checked."""
    return (int(guild_id) >> 22) % count


def moved(snowflake: str, guild_id: str) -> str:
    """GUILD_ID's ids (its channels, its @everyone role) as another fake server has them."""
    return str(int(snowflake) + int(guild_id) - int(GUILD_ID))


def guild_create(guild_id: str = GUILD_ID) -> dict[str, Any]:
    """GUILD_CREATE's data for a server like the saved one, every id of its own moved along."""
    guild = payload("guild_create")["d"]
    if guild_id == GUILD_ID:
        return guild
    guild["id"], guild["name"] = guild_id, f"{guild['name']} ({guild_id[-7:]})"
    for role in guild["roles"]:
        if role["id"] == GUILD_ID:
            role["id"] = guild_id
    for channel in guild["channels"]:
        channel["id"] = moved(channel["id"], guild_id)
        channel["guild_id"] = guild_id
    return guild


@dataclass(frozen=True)
class Upload:
    """A file attached to a message, as the multipart body carried it."""

    filename: str
    content_type: str
    content: bytes


@dataclass(frozen=True)
class Call:
    method: str
    # After the API base: `/channels/123/messages`.
    path: str
    query: dict[str, str]
    json: Any
    status: int
    # Loop time when the request arrived.
    at: float
    # Attachments sent as multipart parts (`files[n]`), in order.
    files: tuple[Upload, ...] = ()
    # What the fake answered (a sent message's id is in it).
    answer: Any = None

    @property
    def content(self) -> str:
        return str((self.json or {}).get("content") or "")

    @property
    def data(self) -> dict[str, Any]:
        """An interaction callback's `data` (or the body of any other call)."""
        body = self.json or {}
        if "type" in body and "data" in body:
            return body["data"] or {}
        return body

    @property
    def text(self) -> str:
        """Everything a person reads in the message: content, embeds, button labels."""
        body = self.data
        parts = [str(body.get("content") or "")]
        for embed in body.get("embeds") or []:
            parts += [str(embed.get("title") or ""), str(embed.get("description") or "")]
            for f in embed.get("fields") or []:
                parts += [f["name"], f["value"]]
            parts.append(str((embed.get("footer") or {}).get("text") or ""))
        parts += [b.get("label", "") for b in buttons(body)]
        return "\n".join(p for p in parts if p)


def dm_channel(user: str) -> str:
    """A user's DM channel id: theirs with 134 in front, easy to tell apart in a failing test."""
    return "134" + user[3:]


def buttons(body: dict[str, Any]) -> list[dict[str, Any]]:
    rows = body.get("components") or []
    return [c for row in rows for c in row.get("components", []) if c.get("type") == 2]


@dataclass
class Failure:
    method: str
    path: re.Pattern[str]
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    times: int


@dataclass
class FakeDiscord:
    members_intent_enabled: bool = True
    calls: list[Call] = field(default_factory=list)
    identifies: list[dict[str, Any]] = field(default_factory=list)
    # Interaction id → loop time its dispatch left the gateway (for the latency bench).
    dispatched_at: dict[str, float] = field(default_factory=dict)
    _failures: list[Failure] = field(default_factory=list)
    # [method, path pattern, seconds, times left]: answers held back (see hang).
    _hangs: list[list[Any]] = field(default_factory=list)
    _closed_dms: set[str] = field(default_factory=set)
    # user id → member payload: who is in the server (GET /guilds/{id}/members/{user}).
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The server's channels by id, as GET /channels/{id} answers (tests change overwrites).
    channels: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {
            c["id"]: {**c, "guild_id": GUILD_ID} for c in payload("guild_create")["d"]["channels"]
        }
    )
    # The servers the bot is in (GET /guilds/{id}); a test may take the bot out.
    guild_ids: set[str] = field(default_factory=lambda: {GUILD_ID})
    _ids: itertools.count = field(
        default_factory=lambda: itertools.count(1_400_000_000_000_000_000)
    )
    # What GET /gateway/bot recommends; clients may IDENTIFY with another count.
    shards: int = 1
    # Shard id → its open gateway connection, and the last sequence number sent on it.
    _sockets: dict[int, web.WebSocketResponse] = field(default_factory=dict)
    _seqs: dict[int, int] = field(default_factory=dict)
    # The shard count the connected clients identified with (1: unsharded).
    _count: int = 1
    _connected: asyncio.Condition = field(default_factory=asyncio.Condition)
    _recorded: asyncio.Condition = field(default_factory=asyncio.Condition)
    # Set by stop: a held answer is let go then, so stopping never waits out a hang.
    _stopping: asyncio.Event = field(default_factory=asyncio.Event)
    _runner: web.AppRunner | None = None
    port: int = 0
    # The bot token Discord accepts; `reset_token` changes it, as the Developer Portal does.
    token: str = TOKEN

    # Lifecycle

    async def start(self) -> None:
        self._stopping.clear()
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        self._stopping.set()
        for ws in list(self._sockets.values()):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # Configuring failures

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        body: dict[str, Any],
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
    ) -> None:
        """The next `times` calls matching `method` and the `path` regex get this answer."""
        self._failures.append(Failure(method, re.compile(path), status, body, headers or {}, times))

    def hang(self, method: str, path: str, seconds: float, *, times: int = 1) -> None:
        """The next `times` calls matching get their answer only after `seconds`."""
        self._hangs.append([method, re.compile(path), seconds, times])

    def rate_limit(self, method: str, path: str, retry_after: float, *, times: int = 1) -> None:
        """429 as Discord sends it: retry_after in the body and in headers, via its proxy."""
        self.fail(
            method,
            path,
            429,
            {"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
            times=times,
            headers={
                "Retry-After": str(retry_after),
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry_after),
                "X-RateLimit-Bucket": "dm-bucket",
                "X-RateLimit-Scope": "user",
                "Via": "1.1 google",
            },
        )

    def close_dms(self, user_id: str) -> None:
        """The user allows no DMs from server members: sending there gives 50007."""
        self._closed_dms.add(user_id)

    def add_guild(self, guild_id: str) -> None:
        """The bot is in one more server, like GUILD_ID with ids of its own; its people are
        the same members."""
        self.guild_ids.add(guild_id)
        for channel in guild_create(guild_id)["channels"]:
            self.channels[channel["id"]] = {**channel, "guild_id": guild_id}

    async def remove_member(self, user_id: str) -> None:
        """The member leaves or is removed: GUILD_MEMBER_REMOVE, and fetching them gives 10007."""
        member = self.members.pop(user_id, None) or {"user": {"id": user_id}}
        await self.dispatch("GUILD_MEMBER_REMOVE", {"guild_id": GUILD_ID, "user": member["user"]})

    # The gateway

    async def wait_connected(self, *, shard: int = 0, within: float = 5) -> None:
        async def connected() -> None:
            async with self._connected:
                await self._connected.wait_for(lambda: shard in self._sockets)

        await asyncio.wait_for(connected(), within)

    @property
    def connected_shards(self) -> list[int]:
        return sorted(self._sockets)

    async def reset_token(self) -> None:
        """The token is reset in the Developer Portal: the live sessions are closed with 4004
        (Authentication failed) and the old token is refused from then on."""
        self.token = "reset-" + TOKEN
        await self.wait_connected()
        for ws in list(self._sockets.values()):
            await ws.close(code=4004, message=b"Authentication failed.")

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send one DISPATCH (op 0) with the next sequence number, on the connection of the
        shard the event's server is on (a DM's: shard 0)."""
        guild = data.get("guild_id")
        shard = shard_of(guild, self._count) if guild else 0
        await self.wait_connected(shard=shard)
        ws = self._sockets[shard]
        self._seqs[shard] += 1
        message = {"op": 0, "t": event, "s": self._seqs[shard], "d": data}
        if event == "INTERACTION_CREATE":
            self.dispatched_at[data["id"]] = asyncio.get_running_loop().time()
        await ws.send_str(json.dumps(message))

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        async for message in ws:
            if message.type is not WSMsgType.TEXT:
                break
            frame = json.loads(message.data)
            if frame["op"] == 1:
                await ws.send_json({"op": 11, "d": None, "s": None, "t": None})
            elif frame["op"] in (2, 6) and not await self._identify(
                # RESUME is answered as a fresh session: the fake keeps no history.
                ws,
                frame["d"] if frame["op"] == 2 else None,
            ):
                break
        async with self._connected:
            for shard, open_ws in list(self._sockets.items()):
                if open_ws is ws:
                    del self._sockets[shard]
        return ws

    async def _identify(self, ws: web.WebSocketResponse, identify: dict[str, Any] | None) -> bool:
        if identify is None:
            await ws.send_json({"op": 9, "d": False, "s": None, "t": None})
            return True
        self.identifies.append(identify)
        if identify.get("token") != self.token:
            await ws.close(code=4004, message=b"Authentication failed.")
            return False
        if identify.get("intents", 0) & MEMBERS_INTENT and not self.members_intent_enabled:
            await ws.close(code=DISALLOWED_INTENTS, message=b"Disallowed intent(s).")
            return False
        shard, count = identify.get("shard") or (0, 1)
        mine = [g for g in sorted(self.guild_ids) if shard_of(g, count) == shard]
        ready = payload("ready")["d"]
        ready["resume_gateway_url"] = self.gateway_url
        ready["shard"] = [shard, count]
        ready["guilds"] = [{"id": g, "unavailable": True} for g in mine]
        self._seqs[shard] = 0
        for event, data in [("READY", ready)] + [("GUILD_CREATE", guild_create(g)) for g in mine]:
            self._seqs[shard] += 1
            await ws.send_json({"op": 0, "t": event, "s": self._seqs[shard], "d": data})
        async with self._connected:
            self._sockets[shard], self._count = ws, count
            self._connected.notify_all()
        return True

    # REST

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        for hang in self._hangs:
            method, pattern, seconds, times = hang
            if times and method == request.method and pattern.fullmatch(path):
                hang[3] = times - 1
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), seconds)
                break
        files: tuple[Upload, ...] = ()
        if request.content_type.startswith("multipart/"):
            body, files = await _multipart(request)
        else:
            body = await request.json() if request.can_read_body else None
        if path.startswith("/interactions/") or path.startswith("/webhooks/"):
            # Interaction callbacks and follow-ups are authorised by the token in the path.
            status, answer, headers = self._answer(request.method, path, body)
        elif request.headers.get("Authorization") != f"Bot {self.token}":
            status, answer, headers = 401, {"message": "401: Unauthorized", "code": 0}, {}
        else:
            status, answer, headers = self._answer(request.method, path, body)
        call = Call(
            request.method,
            path,
            dict(request.query),
            body,
            status,
            asyncio.get_running_loop().time(),
            files,
            answer,
        )
        async with self._recorded:
            self.calls.append(call)
            self._recorded.notify_all()
        if status == 204:
            return web.Response(status=204, headers=headers)
        # Exactly Discord's content type: discord.py parses JSON only when it matches.
        return web.Response(
            body=json.dumps(answer).encode(),
            status=status,
            headers={**headers, "Content-Type": "application/json"},
        )

    def _answer(self, method: str, path: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        for failure in self._failures:
            if failure.times and failure.method == method and failure.path.fullmatch(path):
                failure.times -= 1
                return failure.status, failure.body, failure.headers
        if method == "POST" and (m := re.fullmatch(r"/channels/(\d+)/messages", path)):
            channel = m[1]
            if channel in {dm_channel(user) for user in self._closed_dms}:
                return 403, {"message": "Cannot send messages to this user", "code": 50007}, {}
            return 200, self._message(channel, body), {}
        return self._route(method, path, body)

    def _route(self, method: str, path: str, body: Any) -> tuple[int, Any, dict[str, str]]:
        app = f"/applications/{APP_ID}"
        if method == "GET" and path == "/users/@me":
            return 200, payload("ready")["d"]["user"], {}
        if method == "GET" and path in ("/oauth2/applications/@me", "/applications/@me"):
            return 200, self._application(), {}
        if method == "GET" and path == "/users/@me/guilds":
            return 200, [self._guild(g, partial=True) for g in sorted(self.guild_ids)], {}
        if method == "GET" and (m := re.fullmatch(r"/guilds/(\d+)", path)):
            if m[1] in self.guild_ids:
                return 200, self._guild(m[1]), {}
            return 403, {"message": "Missing Access", "code": 50001}, {}
        if method == "GET" and (m := re.fullmatch(r"/guilds/(\d+)/channels", path)):
            if m[1] in self.guild_ids:
                return 200, [c for c in self.channels.values() if c["guild_id"] == m[1]], {}
            return 403, {"message": "Missing Access", "code": 50001}, {}
        if method == "GET" and (m := re.fullmatch(r"/channels/(\d+)", path)):
            if m[1] in self.channels and self.channels[m[1]]["guild_id"] in self.guild_ids:
                return 200, self.channels[m[1]], {}
            return 404, {"message": "Unknown Channel", "code": 10003}, {}
        bot_member = re.fullmatch(rf"/guilds/(\d+)/members/{APP_ID}", path)
        if method == "GET" and bot_member and bot_member[1] in self.guild_ids | {GUILD_ID}:
            (bot,) = guild_create(bot_member[1])["members"]
            return 200, bot, {}
        if method == "GET" and path == "/gateway/bot":
            limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
            answer = {"url": self.gateway_url, "shards": self.shards, "session_start_limit": limit}
            return 200, answer, {}
        if method == "PUT" and re.fullmatch(rf"{app}(/guilds/\d+)?/commands", path):
            return 200, [self._command(c, path) for c in body], {}
        if method == "POST" and re.fullmatch(r"/interactions/\d+/[^/]+/callback", path):
            return 200, self._callback(path, body), {}
        if method == "POST" and re.fullmatch(rf"/webhooks/{APP_ID}/[^/]+", path):
            return 200, self._message(GENERAL, body), {}
        if method == "PATCH" and re.fullmatch(rf"/webhooks/{APP_ID}/[^/]+/messages/[^/]+", path):
            return 200, self._message(GENERAL, body), {}
        if method == "PATCH" and (m := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", path)):
            # Editing a channel message the bot sent (a live post).
            return 200, {**self._message(m[1], body), "id": m[2]}, {}
        if method == "DELETE" and re.fullmatch(rf"/webhooks/{APP_ID}/[^/]+/messages/[^/]+", path):
            return 204, None, {}
        if method == "GET" and (m := re.fullmatch(r"/guilds/(\d+)/members/(\d+)", path)):
            # GUILD_ID answers even after a test takes the bot out of it (guild_ids).
            if m[1] not in self.guild_ids | {GUILD_ID}:
                return 404, {"message": "Unknown Guild", "code": 10004}, {}
            if m[2] in self.members:
                return 200, self.members[m[2]], {}
            return 404, {"message": "Unknown Member", "code": 10007}, {}
        if method == "POST" and path == "/users/@me/channels":
            user = body["recipient_id"]
            return 200, self._dm_channel(str(user)), {}
        return 404, {"message": "404: Not Found", "code": 0}, {}

    def _application(self) -> dict[str, Any]:
        """The bot's application; its flags say which privileged intents are switched on."""
        application = payload("application")
        if not self.members_intent_enabled:
            application["flags"] &= ~MEMBERS_INTENT_FLAGS
        return application

    def _guild(self, guild_id: str, *, partial: bool = False) -> dict[str, Any]:
        guild = guild_create(guild_id)
        if partial:
            return {"id": guild_id, "name": guild["name"], "icon": None, "owner": False}
        kept = ("name", "owner_id", "roles", "features", "preferred_locale")
        return {"id": guild_id, **{k: guild[k] for k in kept}}

    def _command(self, command: dict[str, Any], path: str) -> dict[str, Any]:
        guild = re.search(r"/guilds/(\d+)/", path)
        made = {
            **command,
            "id": str(next(self._ids)),
            "application_id": APP_ID,
            "version": str(next(self._ids)),
        }
        if guild:
            made["guild_id"] = guild[1]
        return made

    def _callback(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        interaction = path.split("/")[2]
        kind = body["type"]
        flags = (body.get("data") or {}).get("flags") or 0
        answer: dict[str, Any] = {
            "interaction": {
                "id": interaction,
                "type": 2,
                "response_message_id": str(next(self._ids)),
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(flags & 64),
            }
        }
        if kind in (4, 5, 7):
            answer["resource"] = {"type": kind, "message": self._message(GENERAL, body.get("data"))}
        else:
            answer["resource"] = {"type": kind}
        return answer

    def _message(self, channel: str, body: dict[str, Any] | None) -> dict[str, Any]:
        message = payload("message")
        message.update(
            {k: v for k, v in (body or {}).items() if k in ("content", "embeds", "components")}
        )
        message["attachments"] = [
            {
                "id": str(next(self._ids)),
                "filename": a.get("filename", ""),
                "size": 0,
                "url": "https://cdn.example/file",
                "proxy_url": "https://cdn.example/file",
            }
            for a in (body or {}).get("attachments") or []
        ]
        message["id"] = str(next(self._ids))
        message["channel_id"] = channel
        message["flags"] = (body or {}).get("flags") or 0
        return message

    def _dm_channel(self, user: str) -> dict[str, Any]:
        recipient = {"id": user, "username": f"user{user[-3:]}", "discriminator": "0"}
        return {
            "id": dm_channel(user),
            "type": 1,
            "last_message_id": None,
            "flags": 0,
            "recipients": [{**recipient, "global_name": None, "avatar": None}],
        }

    # Reading what happened

    def made(self, method: str, path: str) -> list[Call]:
        """Calls so far whose method matches and whose path matches the regex."""
        pattern = re.compile(path)
        return [c for c in self.calls if c.method == method and pattern.fullmatch(c.path)]

    async def wait_for(
        self, method: str, path: str, *, count: int = 1, within: float = 5
    ) -> list[Call]:
        """Wait until at least `count` matching calls were made; return them all."""

        async def enough() -> list[Call]:
            async with self._recorded:
                await self._recorded.wait_for(lambda: len(self.made(method, path)) >= count)
            return self.made(method, path)

        return await asyncio.wait_for(enough(), within)

    def messages_in(self, channel: str) -> list[Call]:
        return [c for c in self.made("POST", rf"/channels/{channel}/messages") if c.status == 200]

    def dms_to(self, user: str) -> list[Call]:
        return self.messages_in(dm_channel(user))

    def copy_of(self, name: str) -> dict[str, Any]:
        return copy.deepcopy(payload(name))


async def _multipart(request: web.Request) -> tuple[Any, tuple[Upload, ...]]:
    """A message sent with files: its JSON in `payload_json`, each file a part of its own."""
    body: Any = None
    files: list[Upload] = []
    reader = await request.multipart()
    async for part in reader:
        if not isinstance(part, BodyPartReader):
            continue
        if part.name == "payload_json":
            body = json.loads(await part.text())
        else:
            content_type = part.headers.get("Content-Type", "")
            files.append(Upload(part.filename or "", content_type, bytes(await part.read())))
    return body, tuple(files)
