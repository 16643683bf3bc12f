"""Text people write never pings anyone: mentions in titles and announcements arrive escaped."""

import json

from tests.adapters.slack.conftest import (
    GENERAL,
    OLIVIA,
    ORGANIZER_CHANNEL,
    VERA,
    WALT,
    Rig,
    payload,
)
from tests.adapters.slack.fake_slack import Call

LIVE_MENTIONS = ("<!channel>", "<!here>", "<!everyone>", "<@U0WALT>")


def live_mentions(call: Call) -> list[str]:
    sent = json.dumps(call.args, ensure_ascii=False)
    return [m for m in LIVE_MENTIONS if m in sent]


async def test_mentions_typed_into_a_task_title_arrive_escaped(rig: Rig) -> None:
    await rig.command(
        '/task post "Flyers for <@U0WALT> and <!subteam^S0ORGS|@organizers>" slots 2', user=OLIVIA
    )

    posted = await rig.fake.wait_for("chat.postMessage", channel=GENERAL)

    assert "Flyers for &lt;@U0WALT&gt; and &lt;!subteam^S0ORGS|@organizers&gt;" in posted.text
    assert live_mentions(posted) == [] and "<!subteam" not in json.dumps(posted.args)


async def test_a_mass_mention_in_a_title_is_refused_and_never_posted(rig: Rig) -> None:
    # Slack sends <!channel> itself when "Escape channels, users, and links" is on.
    await rig.command('/task post "<!channel> call list" slots 2', user=OLIVIA, raw=True)

    refused = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])

    assert "can't mention @everyone, @here" in refused.text
    assert not rig.fake.calls_to("chat.postMessage")
    assert all(live_mentions(c) == [] for c in rig.fake.posts())


async def test_a_newcomer_named_like_a_mention_is_announced_escaped(rig: Rig) -> None:
    body = payload("team_join")
    body["event"]["user"]["profile"]["display_name"] = "<!channel> Nina"

    await rig.event(body)

    told = await rig.delivered("chat.postMessage", channel=ORGANIZER_CHANNEL)
    assert "New volunteer: &lt;!channel&gt; Nina" in told.text
    assert live_mentions(told) == []


async def test_an_announcement_with_mentions_reaches_volunteers_escaped(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    await rig.command("/phonebank join 1")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    await rig.command(
        "/phonebank announce 1 Parking is behind <@U0WALT>'s place & co <#C0RANDOM>", user=OLIVIA
    )
    await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])

    announced = await rig.delivered(
        "chat.postMessage", lambda c: "Parking" in c.text, channel="D0VERA"
    )

    assert "Parking is behind &lt;@U0WALT&gt;'s place &amp; co &lt;#C0RANDOM&gt;" in announced.text
    assert live_mentions(announced) == []


async def test_links_in_a_shift_stay_clickable(rig: Rig) -> None:
    await rig.as_organizer(
        '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12 https://dialer.example/abc?x=1&y=2'
    )
    await rig.command("/phonebank join 1")

    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    assert "<https://dialer.example/abc?x=1&amp;y=2>" in joined.text


async def test_an_announcement_typed_with_waitlist_reaches_those_waiting(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 1')
    await rig.command("/phonebank join 1")
    await rig.command("/phonebank join 1", user=WALT)
    await rig.fake.wait_for("chat.postEphemeral", user=WALT[0])
    await rig.command("/phonebank announce 1 waitlist Parking is free", user=OLIVIA)
    reply = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])

    told = await rig.delivered("chat.postMessage", lambda c: "Parking" in c.text, channel="D0WALT")

    assert "and the 1 person on its waitlist" in reply.text
    assert "You're #1 on its waitlist." in told.text
