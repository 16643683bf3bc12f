"""The desk's routes: sign-in, the four pages, and the posts that run commands.

Every page asks the session who is signed in (and asks their platform whether they still
organize or host); every post must carry the session's CSRF token, or changes nothing.
Nothing here decides a rule: posts become the chat commands (bot/app/desk.py).
"""

import logging
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from aiohttp import web
from multidict import MultiDictProxy

from adapters.web.desk import pages
from adapters.web.desk.words import W
from bot.app.desk import Desk, DeskUser
from bot.desk import SIGN_IN_PATH, same
from bot.kernel.i18n import _
from bot.ports.replies import FormSubmission, Message, Reply
from bot.ports.storage import StorageUnavailable

log = logging.getLogger(__name__)

COOKIE = "turnout_desk"
# Sign-in attempts allowed from one address in a minute: plenty for a person, few for a guesser.
SIGN_INS_PER_MINUTE = 10
# How far back the board shows shifts that have ended.
RECENT = timedelta(days=14)

Page = Callable[[web.Request, DeskUser, Reply | None], Awaitable[web.StreamResponse]]


class _SignInLimit:
    """Attempts per remote address within the last minute (kept in memory, per process)."""

    def __init__(self, per_minute: int) -> None:
        self._per_minute = per_minute
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, address: str) -> bool:
        now = time.monotonic()
        # Addresses quiet for a minute are forgotten, so the map stays as small as the traffic.
        for quiet in [a for a, times in self._seen.items() if times[-1] < now - 60]:
            del self._seen[quiet]
        seen = self._seen[address]
        while seen and seen[0] < now - 60:
            seen.popleft()
        if len(seen) >= self._per_minute:
            return False
        seen.append(now)
        return True


def desk_routes(
    desk: Desk, *, sign_ins_per_minute: int = SIGN_INS_PER_MINUTE
) -> list[web.RouteDef]:
    """The desk's routes, served through `desk`."""
    limit = _SignInLimit(sign_ins_per_minute)

    async def sign_in(request: web.Request) -> web.StreamResponse:
        if not limit.allow(request.remote or ""):
            return pages.plain(_(W.TOO_MANY), status=429)
        signed = await desk.sign_in(request.match_info["token"])
        if signed is None:
            return pages.plain(_(W.ASK_AGAIN), status=403)
        response = web.Response(status=303, headers={"Location": f"{desk.links.root}/desk"})
        response.set_cookie(
            COOKIE,
            signed.session_id,
            max_age=signed.max_age,
            path=f"{desk.links.root}/desk",
            httponly=True,
            samesite="Lax",
            secure=desk.links.secure,
        )
        return response

    shown = _Pages(desk)
    served = [web.get(SIGN_IN_PATH, sign_in)]
    for path, page in (
        ("/desk", shown.shifts),
        ("/desk/shifts/{shift_id}", shown.shift),
        ("/desk/people", shown.people),
        ("/desk/numbers", shown.numbers),
    ):
        served += [web.get(path, _guarded(desk, page)), web.post(path, _guarded(desk, page))]
    return served


def _guarded(desk: Desk, page: Page) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """The page for the person signed in; a post runs its command first."""

    async def handler(request: web.Request) -> web.StreamResponse:
        try:
            user = await desk.user(request.cookies.get(COOKIE, ""))
            if user is None:
                return pages.plain(_(W.SIGNED_OUT), status=401)
            reply = None
            if request.method == "POST":
                form = await request.post()
                if not same(str(form.get("csrf", "")), user.csrf):
                    return pages.plain(_(W.STALE_FORM), status=403)
                answer = await _act(desk, user, request, form)
                if isinstance(answer, web.StreamResponse):
                    return answer
                reply = answer
            return await page(request, user, reply)
        except StorageUnavailable:
            return pages.plain(_(pages.TRY_AGAIN), status=503)

    return handler


class _Pages:
    """Each page as the person signed in sees it, with what their post answered (if any)."""

    def __init__(self, desk: Desk) -> None:
        self._desk = desk

    async def shifts(
        self, request: web.Request, user: DeskUser, reply: Reply | None
    ) -> web.Response:
        desk = self._desk
        board = await desk.board(user, desk.now() - RECENT)
        show = request.query.get("show", "all")
        return pages.shifts(user, board, desk.now(), show, reply, root=desk.links.root)

    async def shift(
        self, request: web.Request, user: DeskUser, reply: Reply | None
    ) -> web.Response:
        desk = self._desk
        found = await _shift(desk, user, request)
        if found is None:
            return pages.plain(_(W.NOT_FOUND), status=404)
        roster = await desk.roster(found)
        wrap_up = None
        if found.ends_at <= desk.now():
            wrap_up = await desk.ask(user, "phonebank", "report", {"shift": found.number})
        board = await desk.board(user, desk.now())
        targets = [row.shift.number for row in board if row.shift.id != found.id]
        return pages.shift(
            user, found, roster, desk.now(), targets, reply, wrap_up, root=desk.links.root
        )

    async def people(
        self, request: web.Request, user: DeskUser, reply: Reply | None
    ) -> web.Response:
        desk = self._desk
        query = request.query.get("q", "").strip()[:100]
        found = None
        if query:
            found = await desk.ask(user, "volunteer", "history", {"who": query})
        newcomers = None
        theirs: list[str] = []
        if user.is_organizer:
            newcomers = await desk.ask(user, "volunteer", "new", {})
        else:
            for row in await desk.board(user, desk.now() - RECENT):
                lines = await desk.roster(row.shift)
                theirs += [f"#{line.volunteer.number} {line.volunteer.name}" for line in lines]
        theirs = sorted(set(theirs))
        return pages.people(user, query, found, newcomers, theirs, reply, root=desk.links.root)

    async def numbers(
        self, request: web.Request, user: DeskUser, reply: Reply | None
    ) -> web.Response:
        period = request.query.get("period", "30d")
        if period not in pages.PERIODS:
            period = "30d"
        stats = await self._desk.ask(user, "turnout", "stats", {"period": period})
        return pages.numbers(user, period, stats, reply, root=self._desk.links.root)


async def _shift(desk: Desk, user: DeskUser, request: web.Request) -> Any:
    try:
        shift_id = int(request.match_info["shift_id"])
    except ValueError:
        return None
    return await desk.shift(user, shift_id)


async def _act(
    desk: Desk, user: DeskUser, request: web.Request, posted: MultiDictProxy[Any]
) -> Reply | web.StreamResponse:
    """Run what the form asks, as the chat command it stands for."""
    form = {key: str(value) for key, value in posted.items()}
    nonce = form.get("nonce", "")
    match form.get("do", ""):
        case "press":
            return await desk.press(user, form.get("action", ""), nonce)
        case "submit":
            values: dict[str, str | tuple[str, ...]] = {}
            for key in {k for k in posted if k.startswith("field:")}:
                given = tuple(str(v) for v in posted.getall(key))
                values[key.removeprefix("field:")] = given[0] if len(given) == 1 else given
            return await desk.submit(user, FormSubmission(form.get("form_id", ""), values), nonce)
        case "signout":
            await desk.ask(user, "turnout", "desk", {"signout": True}, nonce)
            response = pages.plain(_(W.DONE_SIGNED_OUT))
            response.del_cookie(COOKIE, path=f"{desk.links.root}/desk")
            return response
        case "export":
            options: dict[str, object] = {
                "data": form.get("kind", ""),
                "period": form.get("period") or None,
            }
            reply = await desk.ask(user, "turnout", "export", options, nonce)
            if isinstance(reply, Message) and reply.files:
                return pages.download(reply.files[0])
            return reply
    shift = await _shift(desk, user, request)
    if shift is None:
        return pages.plain(_(W.NOT_FOUND), status=404)
    number = shift.number
    who = form.get("who", "")
    match form.get("do", ""):
        case "mark":
            options = {"shift": number, "who": who, "mark": form.get("mark", "")}
            return await desk.ask(user, "phonebank", "mark", options, nonce)
        case "add":
            return await desk.ask(user, "phonebank", "add", {"shift": number, "who": who}, nonce)
        case "remove":
            return await desk.ask(user, "phonebank", "remove", {"shift": number, "who": who}, nonce)
        case "move":
            try:
                to = int(form.get("to", ""))
            except ValueError:
                return Message(_(W.NOT_A_NUMBER), error=True)
            options = {"who": who, "from_shift": number, "to_shift": to}
            return await desk.ask(user, "phonebank", "move", options, nonce)
        case "announce":
            options = {
                "shift": number,
                "message": form.get("message", ""),
                "waitlist": form.get("waitlist") == "yes",
            }
            return await desk.ask(user, "phonebank", "announce", options, nonce)
    return Message(_(W.STALE_FORM), error=True)
