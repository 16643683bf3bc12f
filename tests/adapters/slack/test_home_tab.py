"""Slack's Home tab: opening it publishes the person's Home; a press on it re-publishes."""

import json
import uuid
from typing import Any
from urllib.parse import urlencode

from tests.adapters.slack.conftest import NINA, OLIVIA, VERA, Rig, payload
from tests.adapters.slack.fake_slack import Call

SATURDAY = "<!date^1795906800^{date_short_pretty} at {time}|Sat Nov 28, 6:00 PM EST>"


def headers(view: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in view["blocks"] if b["type"] == "header"]


def buttons(view: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for block in view["blocks"]:
        found += [e for e in block.get("elements") or () if e.get("type") == "button"]
        if block.get("accessory"):
            found.append(block["accessory"])
    return found


async def open_home(rig: Rig, user: tuple[str, str] = VERA, *, tab: str = "home") -> None:
    body = payload("app_home_opened")
    body["event"].update(user=user[0], tab=tab)
    body["event_id"] = f"Ev{uuid.uuid4().hex[:10]}"
    answer = await rig.event(body)
    assert answer.status == 200


async def published(rig: Rig, user: tuple[str, str] = VERA, count: int = 1) -> dict[str, Any]:
    call: Call = await rig.fake.wait_for("views.publish", user_id=user[0], count=count)
    assert call["view"]["type"] == "home"
    return call["view"]


async def press_on_home(rig: Rig, button: dict[str, Any], user: tuple[str, str] = VERA) -> None:
    body = payload("block_actions_home")
    body["user"].update(id=user[0], username=user[1], name=user[1])
    body["actions"][0].update(action_id=button["action_id"], value=button.get("value"))
    body["trigger_id"] = uuid.uuid4().hex
    answer = await rig.post(urlencode({"payload": json.dumps(body)}))
    assert answer.status == 200


async def test_opening_home_publishes_a_volunteers_sections(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    await rig.as_organizer('/phonebank create "Sunday calls" 2026-11-29 18:00 2h 4')
    await rig.as_organizer('/task post "Flyers" slots 2')
    await rig.command("/phonebank join 1")
    await rig.command("/task claim 1")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)

    await open_home(rig)

    view = await published(rig)
    assert headers(view)[0].startswith("Your Turnout: ")
    assert headers(view)[1:] == [
        "Your upcoming shifts",
        "Open shifts",
        "Your tasks",
        "Your settings",
    ]
    shown = json.dumps(view, ensure_ascii=False)
    assert "#1 Saturday calls" in shown and SATURDAY in shown and "#2 Sunday calls" in shown
    assert [b["text"]["text"] for b in buttons(view)] == [
        "Leave",
        "I'll be there",
        "Join",
        "Mark done",
        "Release",
        "Change",
        "Change",
        "Edit",
    ]


async def test_an_organizers_home_also_has_newcomers_and_open_seats(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    await rig.event(payload("team_join"))  # Nina arrives and waits for a contact
    await rig.delivered("chat.postMessage", lambda c: "New volunteer" in c.text)

    await open_home(rig, OLIVIA)

    view = await published(rig, OLIVIA)
    assert headers(view)[-2:] == ["Newcomers waiting for a contact", "Next shifts with open seats"]
    shown = json.dumps(view, ensure_ascii=False)
    assert f"#2 {NINA[1]}" in shown and "12 of 12 seats left" in shown
    assert "Mark contacted" in [b["text"]["text"] for b in buttons(view)]


async def test_a_press_on_home_acts_answers_in_a_dm_and_publishes_again(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    await open_home(rig)
    before = await published(rig)
    [join] = [b for b in buttons(before) if b["text"]["text"] == "Join"]

    await press_on_home(rig, join)

    after = await published(rig, count=2)
    mine = json.dumps(after, ensure_ascii=False)
    assert "you're in" in mine and "11 of 12 seats left" in mine
    told = await rig.fake.wait_for("chat.postMessage", channel="D0VERA")
    assert told["text"].startswith("You're in! #1 “Saturday calls”, Sat Nov 28, 6:00 PM EST")


async def test_settings_open_from_home_as_a_modal_and_saving_publishes_again(rig: Rig) -> None:
    await open_home(rig)
    [change, _] = [b for b in buttons(await published(rig)) if b["text"]["text"] == "Change"]

    await press_on_home(rig, change)
    opened = await rig.fake.wait_for("views.open")
    assert opened["view"]["title"]["text"] == "Your settings"
    await rig.submit(
        opened,
        {
            "zone": {"type": "plain_text_input", "value": "Europe/Berlin"},
            "reminders": {"type": "plain_text_input", "value": "default"},
        },
        user=VERA,
    )

    again = await published(rig, count=2)
    assert "Europe/Berlin (you set it)" in json.dumps(again)


async def test_opening_the_messages_tab_publishes_nothing(rig: Rig) -> None:
    await open_home(rig, tab="messages")
    await open_home(rig)

    await published(rig)
    assert len(rig.fake.calls_to("views.publish")) == 1


async def test_opening_home_after_forget_me_brings_nobody_back(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    await rig.command("/phonebank join 1")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    await rig.command("/volunteer forget-me confirm")
    erased = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    assert "erased" in erased.text
    await rig.deliver()
    said = len(rig.fake.calls_to("chat.postMessage"))

    await open_home(rig)

    view = await published(rig)
    assert "Saturday calls" in json.dumps(view, ensure_ascii=False)
    await rig.deliver()
    # No welcome for her, no "New volunteer" for the organizers: she only looked.
    assert len(rig.fake.calls_to("chat.postMessage")) == said
    async with rig.bot.storage.unit_of_work() as uow:
        assert await uow.volunteers.by_identity(rig.actor(VERA).identity) is None
