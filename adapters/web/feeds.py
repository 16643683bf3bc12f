"""GET /calendar/<token>.ics: a volunteer's private calendar feed, for calendar apps.

It only translates: the token goes to the core, the core's iCalendar bytes come back. A token
that opens nothing (tampered, reset, forgotten) is a plain 404, saying nothing of why.
"""

import logging

from aiohttp import web

from bot.app.turnout import Turnout
from bot.calendars.feed_links import FEED_PATH
from bot.ports.storage import StorageUnavailable

log = logging.getLogger(__name__)

# Calendar apps poll; a few minutes' caching keeps a busy one from asking every second.
_CACHE = "private, max-age=300"
_RETRY = {"Retry-After": "60"}


def feed_routes(turnout: Turnout) -> list[web.RouteDef]:
    """The routes that serve calendar feeds through `turnout`."""

    async def feed(request: web.Request) -> web.Response:
        try:
            body = await turnout.calendar_feed(request.match_info["token"])
        except StorageUnavailable:
            # Not "not found": a calendar app told that may drop the subscription.
            return web.Response(status=503, text="Try again soon.\n", headers=_RETRY)
        except Exception:
            # Logged without the request: its path is the feed's secret address.
            log.exception("could not serve a calendar feed")
            return web.Response(status=500, text="Something went wrong.\n")
        if body is None:
            return web.Response(status=404, text="No such calendar.\n")
        return web.Response(
            body=body,
            content_type="text/calendar",
            charset="utf-8",
            headers={"Cache-Control": _CACHE},
        )

    return [web.get(FEED_PATH, feed)]
