"""The desk over real HTTP (aiohttp's test server), with the core wired to fakes."""

from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiohttp import DummyCookieJar, web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from adapters.web.desk import COOKIE, desk_routes
from bot.app.bootstrap import bootstrap
from bot.app.desk import Desk
from bot.desk import DeskLinks
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from storage import SqlStorage
from storage.tables import desk_links, desk_sessions
from tests.conftest import Harness
from tests.fakes import RecordingMessenger, frozen_clock

PUBLIC = "https://desk.example.org"
Client = TestClient[web.Request, web.Application]


class HarnessPeople:
    """The test platform's answer to "who is this account now": the harness's actors, so
    taking someone out of `harness.organizers` takes their desk away."""

    def __init__(self, harness: Harness) -> None:
        self._harness = harness
        self.gone: set[str] = set()

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        name = identity.user_external_id.capitalize()
        if name in self.gone:
            return None
        return self._harness.actor(name)


@dataclass
class DeskHarness:
    harness: Harness
    http: Client
    people: HarnessPeople
    served: Desk

    async def link(self, name: str = "Olivia") -> str:
        """The path of a sign-in link `name` asks for in chat."""
        reply = await self.harness.reply(name, "/turnout desk")
        assert isinstance(reply, Message) and not reply.error, reply
        [button] = reply.buttons
        assert button.url is not None and button.url.startswith(PUBLIC)
        return urlsplit(button.url).path

    async def sign_in(self, name: str = "Olivia") -> str:
        """A session cookie for `name`."""
        answer = await self.http.get(await self.link(name), allow_redirects=False)
        assert answer.status == 303, await answer.text()
        return answer.cookies[COOKIE].value

    async def page(self, path: str, session: str) -> tuple[int, str]:
        answer = await self.http.get(path, headers={"Cookie": f"{COOKIE}={session}"})
        return answer.status, await answer.text()

    async def post(self, path: str, session: str, **form: str) -> tuple[int, str]:
        answer = await self.http.post(path, data=form, headers={"Cookie": f"{COOKIE}={session}"})
        return answer.status, await answer.text()

    async def counts(self) -> tuple[int, int]:
        """(sessions, unused links) in the database."""
        async with self.harness.storage.unit_of_work(write=False) as uow:
            sessions = await uow.connection.scalar(select(func.count()).select_from(desk_sessions))
            links = await uow.connection.scalar(
                select(func.count()).select_from(desk_links).where(desk_links.c.used_at.is_(None))
            )
        return int(sessions or 0), int(links or 0)


@pytest.fixture
async def desk(storage: SqlStorage) -> AsyncIterator[DeskHarness]:
    messenger = RecordingMessenger()
    clock = frozen_clock()
    links = DeskLinks(PUBLIC)
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
        desk=links,
    )
    harness = Harness(bot, messenger, clock, storage)
    people = HarnessPeople(harness)
    served = Desk(
        turnout=bot.turnout, storage=storage, clock=clock, links=links, people={"test": people}
    )
    app = web.Application()
    app.add_routes(desk_routes(served))
    async with TestClient(TestServer(app), cookie_jar=DummyCookieJar()) as client:
        yield DeskHarness(harness, client, people, served)
    await bot.wakeups.stop()
