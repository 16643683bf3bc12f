"""Signing in to the desk: a link works once, for 15 minutes, for an organizer or host; every
other opening is a plain page saying to ask again, and changes nothing."""

import asyncio
from datetime import timedelta

from aiohttp import DummyCookieJar, web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import select

from adapters.web.desk import COOKIE, desk_routes
from bot.app.desk import Desk
from bot.desk import DeskLinks
from bot.ports.replies import Message
from storage.tables import desk_links, desk_sessions
from tests.adapters.desk.conftest import PUBLIC, DeskHarness

ASK_AGAIN = "Ask for a new one with `/turnout desk` in chat."
CREATE = '/phonebank create "Tuesday calls" 2026-11-03 18:00 2h 3'


async def test_an_organizers_link_opens_a_session_with_a_safe_cookie(desk: DeskHarness) -> None:
    await desk.harness.say("Olivia", CREATE)
    answer = await desk.http.get(await desk.link(), allow_redirects=False)

    assert answer.status == 303 and answer.headers["Location"] == "/desk"
    cookie = answer.cookies[COOKIE]
    assert cookie["httponly"] and cookie["secure"] and cookie["samesite"] == "Lax"
    assert cookie["path"] == "/desk" and cookie["max-age"] == str(12 * 3600)
    status, page = await desk.page("/desk", cookie.value)
    assert status == 200 and "#1 Tuesday calls" in page
    # Only a hash of the session id is kept.
    async with desk.harness.storage.unit_of_work(write=False) as uow:
        stored = (await uow.connection.execute(select(desk_sessions.c.session_hash))).scalars()
        assert cookie.value not in list(stored)


async def test_a_link_opened_twice_is_refused_the_second_time(desk: DeskHarness) -> None:
    link = await desk.link()
    assert (await desk.http.get(link, allow_redirects=False)).status == 303
    before = await desk.counts()

    again = await desk.http.get(link, allow_redirects=False)

    assert again.status == 403 and ASK_AGAIN in await again.text()
    assert COOKIE not in again.cookies
    assert await desk.counts() == before == (1, 0)


async def test_a_link_older_than_15_minutes_is_refused(desk: DeskHarness) -> None:
    link = await desk.link()
    desk.harness.clock.advance(timedelta(minutes=15, seconds=1))

    answer = await desk.http.get(link, allow_redirects=False)

    assert answer.status == 403 and ASK_AGAIN in await answer.text()
    assert await desk.counts() == (0, 1)


async def test_a_forged_or_altered_link_is_refused(desk: DeskHarness) -> None:
    link = await desk.link()
    token = link.rsplit("/", 1)[1]
    forged = link.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    made_up = "/desk/sign-in/" + DeskLinks.__name__

    for path in (forged, made_up):
        answer = await desk.http.get(path, allow_redirects=False)
        assert answer.status == 403 and ASK_AGAIN in await answer.text()
    assert await desk.counts() == (0, 1)


async def test_a_volunteer_gets_no_link_and_a_link_made_for_them_opens_nothing(
    desk: DeskHarness,
) -> None:
    await desk.harness.arrive("Maria")
    reply = await desk.harness.reply("Maria", "/turnout desk")
    assert isinstance(reply, Message) and reply.error
    assert reply.text.startswith("Only organizers and hosts can open the desk.")
    # Even a link made for her (say, while she hosted a shift) opens nothing now.
    async with desk.harness.storage.unit_of_work() as uow:
        maria = await uow.volunteers.by_identity(desk.harness.actor("Maria").identity)
        assert maria is not None
        url = await DeskLinks(PUBLIC).issue(uow, maria.id, desk.harness.clock.now())
        await uow.commit()

    answer = await desk.http.get(url.removeprefix(PUBLIC), allow_redirects=False)

    assert answer.status == 403 and ASK_AGAIN in await answer.text()
    assert await desk.counts() == (0, 1)


async def test_a_host_may_sign_in(desk: DeskHarness) -> None:
    await desk.harness.say("Olivia", CREATE)
    await desk.harness.arrive("Maria")
    assert "host" in await desk.harness.say("Olivia", "/phonebank host 1 Maria")

    session = await desk.sign_in("Maria")

    status, page = await desk.page("/desk", session)
    assert status == 200 and "#1 Tuesday calls" in page


async def test_an_organizer_removed_since_is_refused_and_their_sessions_stop(
    desk: DeskHarness,
) -> None:
    session = await desk.sign_in()
    link = await desk.link()
    desk.harness.organizers.discard("Olivia")

    answer = await desk.http.get(link, allow_redirects=False)
    assert answer.status == 403 and ASK_AGAIN in await answer.text()
    status, page = await desk.page("/desk", session)
    assert status == 401 and "Ask for a new sign-in link" in page
    assert await desk.counts() == (1, 1)


async def test_sign_in_attempts_are_limited_per_address(desk: DeskHarness) -> None:
    for _ in range(10):
        await desk.http.get("/desk/sign-in/nothing", allow_redirects=False)
    link = await desk.link()

    answer = await desk.http.get(link, allow_redirects=False)

    assert answer.status == 429
    assert await desk.counts() == (0, 1)


async def test_signout_in_chat_ends_every_session(desk: DeskHarness) -> None:
    first, second = await desk.sign_in(), await desk.sign_in()

    said = await desk.harness.say("Olivia", "/turnout desk signout")

    assert said == "Done: you're signed out of the desk on every device."
    for session in (first, second):
        assert (await desk.page("/desk", session))[0] == 401
    assert await desk.counts() == (0, 0)


async def test_forget_me_takes_the_persons_sessions_and_links(desk: DeskHarness) -> None:
    session = await desk.sign_in()
    await desk.link()

    await desk.harness.say("Olivia", "/volunteer forget-me confirm")

    assert (await desk.page("/desk", session))[0] == 401
    async with desk.harness.storage.unit_of_work(write=False) as uow:
        for table in (desk_links, desk_sessions):
            assert not (await uow.connection.execute(select(table))).all()


async def test_a_link_opened_many_times_at_once_opens_one_session(desk: DeskHarness) -> None:
    token = (await desk.link()).rsplit("/", 1)[1]

    for _round in range(3):
        opened = await asyncio.gather(*(desk.served.sign_in(token) for _ in range(6)))
        assert len([o for o in opened if o is not None]) == 1
        token = (await desk.link()).rsplit("/", 1)[1]

    sessions, unused = await desk.counts()
    assert (sessions, unused) == (3, 1)


async def test_a_made_up_link_on_a_new_server_is_refused(desk: DeskHarness) -> None:
    answer = await desk.http.get("/desk/sign-in/abc.def", allow_redirects=False)

    assert answer.status == 403
    assert await desk.counts() == (0, 0)


async def test_behind_a_path_the_pages_and_the_cookie_keep_it(desk: DeskHarness) -> None:
    links = DeskLinks("https://example.org/turnout")
    served = Desk(
        turnout=desk.harness.bot.turnout,
        storage=desk.harness.storage,
        clock=desk.harness.clock,
        links=links,
        people={"test": desk.people},
    )
    app = web.Application()
    app.add_routes(desk_routes(served))
    await desk.harness.say("Olivia", CREATE)
    async with desk.harness.storage.unit_of_work() as uow:
        olivia = await uow.volunteers.by_identity(desk.harness.actor("Olivia").identity)
        assert olivia is not None
        url = await links.issue(uow, olivia.id, desk.harness.clock.now())
        await uow.commit()
    assert url.startswith("https://example.org/turnout/desk/sign-in/")

    async with TestClient(TestServer(app), cookie_jar=DummyCookieJar()) as http:
        opened = await http.get(
            url.removeprefix("https://example.org/turnout"), allow_redirects=False
        )
        assert opened.headers["Location"] == "/turnout/desk"
        cookie = opened.cookies[COOKIE]
        assert cookie["path"] == "/turnout/desk"
        page = await http.get("/desk", headers={"Cookie": f"{COOKIE}={cookie.value}"})
        html = await page.text()

    assert 'href="/turnout/desk/shifts/' in html and 'href="/desk' not in html
