"""The desk's pages and posts: each post is the chat command, refused with chat's sentence; a
post without the session's CSRF token, or about another team's shift, changes nothing."""

import csv
import html
import io
import re
from datetime import timedelta

from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from tests.adapters.desk.conftest import DeskHarness

CREATE = '/phonebank create "Tuesday calls" 2026-11-03 18:00 2h 3'


def csrf(page: str) -> str:
    [token] = set(re.findall(r'name="csrf" value="([^"]+)"', page))
    return token


async def roster_after_start(desk: DeskHarness) -> tuple[str, str, str]:
    """Olivia's session, the shift page's path and its HTML, with Maria and Sam on it and the
    shift under way."""
    await desk.harness.say("Olivia", CREATE)
    await desk.harness.say("Maria", "/phonebank join 1")
    await desk.harness.say("Sam", "/phonebank join 1")
    desk.harness.clock.advance(timedelta(days=1, hours=10))
    session = await desk.sign_in()
    status, board = await desk.page("/desk", session)
    assert status == 200
    [path] = set(re.findall(r'href="(/desk/shifts/\d+)"', board))
    status, page = await desk.page(path, session)
    assert status == 200
    return session, path, page


async def attendance(desk: DeskHarness) -> str:
    return await desk.harness.say("Olivia", "/phonebank attendance 1")


async def test_marking_here_on_the_desk_is_the_chat_mark(desk: DeskHarness) -> None:
    session, path, page = await roster_after_start(desk)
    assert "Maria" in page and "no word yet" in page

    status, after = await desk.post(
        path, session, csrf=csrf(page), nonce="n1", do="mark", who="#2", mark="here"
    )

    assert status == 200
    assert "here (marked)" in after
    assert "Maria (#2): here (marked)" in await attendance(desk)


async def test_a_post_without_the_csrf_token_changes_nothing(desk: DeskHarness) -> None:
    session, path, _page = await roster_after_start(desk)
    before = await attendance(desk)

    for token in ("", "not-the-token"):
        status, said = await desk.post(
            path, session, csrf=token, nonce="n2", do="mark", who="#2", mark="here"
        )
        assert status == 403 and "nothing was changed" in said

    assert await attendance(desk) == before


async def test_the_desk_refuses_with_chats_sentence(desk: DeskHarness) -> None:
    session, path, page = await roster_after_start(desk)
    chat = await desk.harness.reply("Olivia", "/phonebank mark 1 #99 here")
    assert isinstance(chat, Message) and chat.error

    status, after = await desk.post(
        path, session, csrf=csrf(page), nonce="n3", do="mark", who="#99", mark="here"
    )

    assert status == 200
    assert html.escape(chat.text) in after


async def test_the_same_form_posted_twice_runs_once(desk: DeskHarness) -> None:
    await desk.harness.say("Olivia", CREATE)
    await desk.harness.arrive("Maria")
    session = await desk.sign_in()
    [path] = set(re.findall(r'href="(/desk/shifts/\d+)"', (await desk.page("/desk", session))[1]))
    page = (await desk.page(path, session))[1]
    form = {"csrf": csrf(page), "nonce": "same", "do": "add", "who": "Maria"}

    first = (await desk.post(path, session, **form))[1]
    second = (await desk.post(path, session, **form))[1]

    assert "Maria" in first and "I had already done that; nothing more changed." in second
    await desk.harness.deliver()
    assert len([t for t in desk.harness.messenger.texts("maria") if "Tuesday calls" in t]) == 1


async def test_another_teams_shift_is_not_on_the_desk(desk: DeskHarness) -> None:
    session, _path, page = await roster_after_start(desk)
    other = Actor(Identity("test", "T-other", "zed"), "Zed", is_organizer=True)
    made = await desk.harness.bot.turnout.run_text(
        other, '/phonebank create "Their calls" 2026-11-20 18:00 2h 3'
    )
    assert isinstance(made, Message) and not made.error, made
    await desk.harness.bot.turnout.run_text(
        Actor(Identity("test", "T-other", "yan"), "Yan"), "/phonebank join 1"
    )
    async with desk.harness.storage.unit_of_work(write=False) as uow:
        team = await uow.campaigns.team("test", "T-other")
        assert team is not None
        theirs = await uow.shifts.by_number(team.campaign_id, 1)
        assert theirs is not None
    before = await attendance(desk)

    status, said = await desk.page(f"/desk/shifts/{theirs.id}", session)
    assert status == 404 and "Yan" not in said
    status, said = await desk.post(
        f"/desk/shifts/{theirs.id}", session, csrf=csrf(page), nonce="n4", do="remove", who="#1"
    )
    assert status == 404
    assert "Yan" in str(await desk.harness.bot.turnout.run_text(other, "/phonebank roster 1"))
    assert await attendance(desk) == before


async def test_a_host_sees_only_their_own_shifts(desk: DeskHarness) -> None:
    await desk.harness.say("Olivia", CREATE)
    await desk.harness.say("Olivia", '/phonebank create "Wednesday calls" 2026-11-04 18:00 2h 3')
    await desk.harness.arrive("Maria")
    await desk.harness.say("Olivia", "/phonebank host 2 Maria")
    session = await desk.sign_in("Maria")

    status, board = await desk.page("/desk", session)

    assert status == 200
    assert "Wednesday calls" in board and "Tuesday calls" not in board


async def test_peoples_words_are_shown_as_text(desk: DeskHarness) -> None:
    await desk.harness.say("Olivia", '/phonebank create "<b>Calls</b>" 2026-11-03 18:00 2h 3')
    session = await desk.sign_in()

    board = (await desk.page("/desk", session))[1]

    assert "&lt;b&gt;Calls&lt;/b&gt;" in board and "<b>Calls" not in board


async def test_the_filters_pick_shifts(desk: DeskHarness) -> None:
    await desk.harness.say("Olivia", CREATE)
    await desk.harness.say("Olivia", '/phonebank create "Full calls" 2026-11-03 19:00 2h 1')
    await desk.harness.say("Maria", "/phonebank join 2")
    await desk.harness.say("Olivia", '/phonebank create "Later calls" 2026-11-20 18:00 2h 3')
    session = await desk.sign_in()

    needs = (await desk.page("/desk?show=needs", session))[1]
    week = (await desk.page("/desk?show=week", session))[1]

    assert "Tuesday calls" in needs and "Full calls" not in needs
    assert "Full calls" in week and "Later calls" not in week


async def test_the_signups_export_downloads_as_csv(desk: DeskHarness) -> None:
    await desk.harness.say("Olivia", CREATE)
    await desk.harness.say("Maria", "/phonebank join 1")
    session = await desk.sign_in()
    page = (await desk.page("/desk/numbers", session))[1]
    assert "seats" in page.lower()

    answer = await desk.http.post(
        "/desk/numbers",
        data={"csrf": csrf(page), "nonce": "n5", "do": "export", "kind": "signups"},
        headers={"Cookie": f"turnout_desk={session}"},
    )

    assert answer.status == 200
    assert "attachment" in answer.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO((await answer.read()).decode("utf-8-sig"))))
    assert len(rows) == 1 and "Tuesday calls" in rows[0].values()


async def test_a_button_from_a_reply_is_pressed_as_in_chat(desk: DeskHarness) -> None:
    await desk.harness.arrive("Maria")
    session = await desk.sign_in()
    page = (await desk.page("/desk/people", session))[1]
    [action] = re.findall(r'name="action" value="([^"]+)"', page)

    status, after = await desk.post(
        "/desk/people", session, csrf=csrf(page), nonce="n6", do="press", action=action
    )

    assert status == 200
    assert "Everyone has been contacted" in await desk.harness.say("Olivia", "/volunteer new")
    assert "Mark contacted" not in after


async def test_a_host_sees_the_people_on_their_shifts_and_chats_refusal_for_newcomers(
    desk: DeskHarness,
) -> None:
    await desk.harness.say("Olivia", CREATE)
    await desk.harness.arrive("Maria")
    await desk.harness.say("Olivia", "/phonebank host 1 Maria")
    await desk.harness.say("Sam", "/phonebank join 1")
    session = await desk.sign_in("Maria")

    status, page = await desk.page("/desk/people", session)

    assert status == 200
    assert "#3 Sam" in page and "Mark contacted" not in page
