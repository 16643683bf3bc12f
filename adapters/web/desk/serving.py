"""Where the organizer's desk is served: on `turnout run`'s listener behind TURNOUT_PUBLIC_URL,
or by `turnout console` on a local port (127.0.0.1:8765 unless told), with no tokens at all."""

import logging
from collections.abc import Mapping
from typing import Protocol

from aiohttp import web

from adapters.console.chat import PLATFORM
from adapters.platform import PlatformError
from adapters.web.desk import desk_routes
from adapters.web.feeds import feed_routes
from adapters.web.serving import Listener
from bot.app.bootstrap import Bot
from bot.app.desk import Desk, People

__all__ = ["CONSOLE_DESK", "ConsoleListener", "People", "console_links", "routes"]
from bot.app.settings import CoreSettings
from bot.desk import DeskLinks

log = logging.getLogger(__name__)

CONSOLE_DESK = "127.0.0.1:8765"


def console_links(settings: CoreSettings, address: str) -> DeskLinks:
    """The console's desk links: under TURNOUT_PUBLIC_URL when set, else the local address."""
    public = settings.public_url or f"http://{address}"
    return DeskLinks(public, settings.secret.get_secret_value())


def routes(bot: Bot, links: DeskLinks, people: Mapping[str, People]) -> list[web.RouteDef]:
    """The desk's routes over `bot`; `people` may be filled in once the platforms start."""
    desk = Desk(
        turnout=bot.turnout, storage=bot.storage, clock=bot.clock, links=links, people=people
    )
    return desk_routes(desk)


class _Web(Protocol):
    """The settings the console's web server reads (the core's and Slack's HTTP ones)."""

    public_url: str
    http_host: str
    http_port: int


class ConsoleListener:
    """The console's web server: the desk (and, with TURNOUT_PUBLIC_URL, the calendar feeds).

    A port already taken leaves the console running without the desk, saying so once.
    """

    def __init__(
        self, settings: _Web, bot: Bot, links: DeskLinks, people: People, address: str
    ) -> None:
        served = routes(bot, links, {PLATFORM: people})
        if settings.public_url:
            served += feed_routes(bot.turnout)
            host, port = settings.http_host, settings.http_port
        else:
            host, _colon, number = address.rpartition(":")
            port = int(number)
        self._listener = Listener(host, port, served, purpose="the desk")
        self._started = False

    async def start(self) -> None:
        try:
            await self._listener.start()
            self._started = True
        except PlatformError as error:
            log.warning("the desk is not served (%s); another port: --desk 127.0.0.1:8766", error)

    async def stop(self) -> None:
        if self._started:
            await self._listener.stop()
