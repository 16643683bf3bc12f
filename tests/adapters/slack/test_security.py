"""Only Slack can talk to the bot: forged or replayed requests are refused and change nothing."""

import time

from tests.adapters.slack.conftest import OLIVIA, sign


async def test_a_forged_signature_is_refused_with_401_and_changes_nothing(rig):
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    body = rig.command_body("/phonebank join 1")

    answer = await rig.post(body, headers=sign(body, secret="not-the-signing-secret"))

    assert answer.status == 401
    await rig.command("/phonebank roster 1", user=OLIVIA)
    roster = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "vera" not in roster.text
    assert [c.method for c in rig.fake.posts()] == ["chat.postEphemeral"]


async def test_a_stale_timestamp_is_refused_even_with_a_valid_signature(rig):
    body = rig.command_body("/phonebank list")

    answer = await rig.post(body, headers=sign(body, timestamp=int(time.time()) - 10 * 60))

    assert answer.status == 401


async def test_a_request_without_a_signature_is_refused(rig):
    answer = await rig.post(rig.command_body("/phonebank list"), headers={})

    assert answer.status == 401


async def test_a_tampered_body_is_refused(rig):
    body = rig.command_body("/phonebank list")
    headers = sign(body)

    answer = await rig.post(body.replace("list", "mine"), headers=headers)

    assert answer.status == 401
    async with rig.http.get(rig.events_url.replace("/slack/events", "/healthz")) as health:
        assert health.status == 200
    assert not [c for c in rig.fake.calls if c.method.startswith("chat.")]
