"""Only Slack can talk to the bot: forged or replayed requests are refused and change nothing."""

import time

import pytest

from bot.app.arrivals import NOT_RECORDED, Receipt
from bot.kernel.commands import Actor
from bot.ports.replies import Listing, Reply
from tests.adapters.slack.conftest import OLIVIA, Rig, platform_for, sign


async def test_a_forged_signature_is_refused_with_401_and_changes_nothing(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    body = rig.command_body("/phonebank join 1")

    answer = await rig.post(body, headers=sign(body, secret="not-the-signing-secret"))

    assert answer.status == 401
    await rig.command("/phonebank roster 1", user=OLIVIA)
    roster = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "vera" not in roster.text
    assert [c.method for c in rig.fake.posts()] == ["chat.postEphemeral"]


async def test_a_stale_timestamp_is_refused_even_with_a_valid_signature(rig: Rig) -> None:
    body = rig.command_body("/phonebank list")

    answer = await rig.post(body, headers=sign(body, timestamp=int(time.time()) - 10 * 60))

    assert answer.status == 401


async def test_a_request_without_a_signature_is_refused(rig: Rig) -> None:
    answer = await rig.post(rig.command_body("/phonebank list"), headers={})

    assert answer.status == 401


async def test_a_tampered_body_is_refused(rig: Rig) -> None:
    body = rig.command_body("/phonebank list")
    headers = sign(body)

    answer = await rig.post(body.replace("list", "mine"), headers=headers)

    assert answer.status == 401
    async with rig.http.get(rig.events_url.replace("/slack/events", "/healthz")) as health:
        assert health.status == 200
    assert not [c for c in rig.fake.calls if c.method.startswith("chat.")]


async def test_a_replayed_signed_request_runs_once(rig: Rig) -> None:
    body = rig.command_body('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12', OLIVIA)
    headers = sign(body)

    first = await rig.post(body, headers=headers)
    replayed = await rig.post(body, headers=headers)

    assert (first.status, replayed.status) == (200, 401)
    await rig.fake.wait_until(lambda: any("Created #1" in c.text for c in rig.fake.posts()))
    listing = await rig.as_organizer("/phonebank list")
    assert isinstance(listing, Listing)
    assert len(listing.items) == 1


async def test_a_signed_request_replayed_after_a_restart_is_refused(rig: Rig) -> None:
    body = rig.command_body('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12', OLIVIA)
    headers = sign(body)
    first = await rig.post(body, headers=headers)
    await rig.listeners_finished()

    # Turnout restarts: a new gate, with nothing in memory, on the same database.
    await rig.platform.stop()
    rig.platform = platform_for(rig.fake)
    await rig.platform.start(rig.bot.turnout)
    try:
        replayed = await rig.post(body, headers=headers)
        await rig.listeners_finished()
    finally:
        await rig.platform.stop()

    assert (first.status, replayed.status) == (200, 401)
    listing = await rig.as_organizer("/phonebank list")
    assert isinstance(listing, Listing)
    assert len(listing.items) == 1


async def test_a_redelivered_event_welcomes_once(rig: Rig, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from tests.adapters.slack.conftest import payload

    welcomed = []
    welcome = rig.bot.turnout.welcome

    async def counting(actor: Actor, receipt: Receipt = NOT_RECORDED) -> Reply:
        welcomed.append(actor)
        return await welcome(actor, receipt)

    monkeypatch.setattr(rig.bot.turnout, "welcome", counting)
    body = json.dumps(payload("team_join"))
    first = await rig.post(body, json_body=True)
    # Slack signs each delivery afresh: a retry is a new request carrying the same event_id.
    again = sign(body, timestamp=int(time.time()) + 1) | {"X-Slack-Retry-Num": "1"}
    retried = await rig.post(body, json_body=True, headers=again)
    # Both are answered, so every handler run they cause has begun; wait for each to end.
    await rig.listeners_finished()
    await rig.delivered("chat.postMessage", channel="D0NEWBIE")

    assert (first.status, retried.status) == (200, 200)
    # The inbox, in the database, knows the event_id: a restarted or second process would too.
    assert len(welcomed) == 1


GARBAGE = [
    "payload=%7B",
    "payload=null",
    "payload=%5B1%2C2%5D",
    '["an", "array"]',
    '"a string"',
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 50_000 + "1" + "}" * 50_000,
]


async def test_a_burst_of_garbage_is_refused_without_tracebacks(
    rig: Rig, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    stamps = ["abc", "1.5e9", "9" * 400, str(int(time.time()))]
    answers = []
    for n in range(200):
        body = GARBAGE[n % len(GARBAGE)]
        headers = {
            "X-Slack-Request-Timestamp": stamps[n % len(stamps)],
            "X-Slack-Signature": "v0=0",
        }
        answers.append(await rig.post(body, headers=headers, json_body=body[:1] in '[{"'))
    bad_utf8 = await rig.http.post(rig.events_url, data=b"\xff\xfe payload=\xc3", headers=sign("x"))
    # Signed by someone holding the secret, and still not a Slack payload: 400, not a crash.
    signed = [await rig.post(body, headers=sign(body)) for body in GARBAGE]

    assert {a.status for a in answers} == {401} and bad_utf8.status == 401
    assert {a.status for a in signed} == {400}
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    logged = [r for r in caplog.records if "slack" in r.name or "aiohttp" in r.name]
    assert len(logged) <= 1, [r.getMessage() for r in logged]
