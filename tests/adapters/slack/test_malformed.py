"""Validly signed but malformed payloads: refused (400) or acknowledged with nothing done,
never a 500, never a traceback, never a volunteer named after a stray object."""

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from storage import SqlStorage
from storage.tables import volunteers
from tests.adapters.slack.conftest import Rig, payload, platform_for
from tests.adapters.slack.fake_slack import APP_TOKEN, FakeSlack
from tests.adapters.slack.test_delivery import TOMORROW
from tests.adapters.slack.test_platform import wire

STRAY = {"x": 1}
Craft = Callable[[dict[str, Any]], None]


def event(name: str, craft: Craft) -> tuple[str, bool]:
    body = payload(name)
    craft(body)
    return json.dumps(body), True


def interaction(name: str, craft: Craft) -> tuple[str, bool]:
    body = payload(name)
    craft(body)
    return urlencode({"payload": json.dumps(body)}), False


def _set(path: str, value: Any) -> Craft:
    """Put `value` at a dotted path (`event.user.id`) of a payload."""

    def craft(body: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        inner: Any = body
        for key in parents:
            inner = inner[int(key)] if isinstance(inner, list) else inner[key]
        if value is _DROP:
            del inner[last]
        else:
            inner[last] = value

    return craft


_DROP = object()

MALFORMED = {
    "event-is-a-string": event("team_join", _set("event", "team_join")),
    "event-is-a-list": event("team_join", _set("event", [STRAY])),
    "event-without-a-type": event("team_join", _set("event.type", _DROP)),
    "joiner-is-a-string": event("team_join", _set("event.user", "U0NEWBIE")),
    "joiner-id-is-an-object": event("team_join", _set("event.user.id", STRAY)),
    "joiner-name-is-an-object": event("team_join", _set("event.user.profile.display_name", STRAY)),
    "joiner-profile-is-a-list": event("team_join", _set("event.user.profile", [STRAY])),
    "home-opener-is-an-object": event("app_home_opened", _set("event.user", STRAY)),
    "channel-joiner-is-an-object": event("member_joined_channel", _set("event.user", STRAY)),
    "team-id-is-an-object": event("team_join", _set("team_id", STRAY)),
    "presser-is-a-string": interaction("block_actions", _set("user", "U0VERA")),
    "presser-id-is-an-object": interaction("block_actions", _set("user.id", STRAY)),
    "presser-name-is-an-object": interaction("block_actions", _set("user.name", STRAY)),
    "actions-is-a-string": interaction("block_actions", _set("actions", "turnout:join:1")),
    "action-value-is-an-object": interaction("block_actions", _set("actions.0.value", STRAY)),
    "team-is-a-string": interaction("block_actions", _set("team", "T0TURNOUT")),
    "view-without-a-type": interaction("view_submission", _set("view.type", _DROP)),
    "view-is-a-string": interaction("view_submission", _set("view", "modal")),
    "view-callback-is-an-object": interaction("view_submission", _set("view.callback_id", STRAY)),
    "view-state-is-a-list": interaction("view_submission", _set("view.state", [STRAY])),
    "submitter-is-an-object-id": interaction("view_submission", _set("user.id", STRAY)),
}


@pytest.mark.parametrize("name", list(MALFORMED))
async def test_a_signed_but_malformed_payload_does_nothing_and_is_never_a_500(
    rig: Rig, storage: SqlStorage, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    await rig.as_organizer(TOMORROW)
    before = await _volunteer_names(storage)
    shown = len(rig.fake.posts())
    body, json_body = MALFORMED[name]

    with caplog.at_level(logging.DEBUG):
        answer = await rig.post(body, json_body=json_body)
        await rig.listeners_finished()
        await rig.deliver()

    assert answer.status in (200, 400), answer
    assert await _volunteer_names(storage) == before, "no one was created"
    assert rig.fake.posts()[shown:] == [], "nothing was said to anyone"
    assert not rig.fake.calls_to("views.publish") and not rig.fake.calls_to("views.open")
    broke = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not broke, [r.getMessage() for r in broke]


async def _volunteer_names(storage: SqlStorage) -> list[str]:
    async with storage.unit_of_work() as uow:
        found = await uow.connection.execute(
            select(volunteers.c.display_name).order_by(volunteers.c.id)
        )
        return [str(name) for name in found.scalars()]


SOCKET_MALFORMED = [
    ("events_api", "event-is-a-string"),
    ("events_api", "joiner-name-is-an-object"),
    ("events_api", "home-opener-is-an-object"),
    ("interactive", "presser-name-is-an-object"),
    ("interactive", "view-without-a-type"),
]


async def test_a_malformed_payload_over_socket_mode_is_acknowledged_and_does_nothing(
    storage: SqlStorage, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    platform = platform_for(fake_slack, app_token=APP_TOKEN, signing_secret="")
    bot = wire(storage, platform)
    await platform.start(bot.turnout)
    try:
        with caplog.at_level(logging.DEBUG):
            for kind, name in SOCKET_MALFORMED:
                body, _ = MALFORMED[name]
                crafted = json.loads(body) if kind == "events_api" else _unwrapped(body)
                envelope = await fake_slack.push(kind, crafted)
                assert await fake_slack.wait_for_ack(envelope) == {"envelope_id": envelope}
            await asyncio.sleep(0.2)  # anything the payloads set off has run by now
            await bot.dispatcher.deliver_due()
    finally:
        await platform.stop()

    assert await _volunteer_names(storage) == []
    assert fake_slack.posts() == [] and not fake_slack.calls_to("views.publish")
    broke = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert not broke, [r.getMessage() for r in broke]


def _unwrapped(form: str) -> dict[str, Any]:
    from urllib.parse import parse_qs

    found: dict[str, Any] = json.loads(parse_qs(form)["payload"][0])
    return found
