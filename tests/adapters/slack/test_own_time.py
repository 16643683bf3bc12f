"""Everyone's own time on Slack: times are Slack dates in message blocks, each reader's zone,
with the reader's zone named in the push preview; nobody can type a date of their own."""

import json

from tests.adapters.slack.conftest import GENERAL, OLIVIA, VERA, Rig

# Sat Nov 28, 6:00 PM EST.
SATURDAY = "<!date^1795906800^{date_short_pretty} at {time}|Sat Nov 28, 6:00 PM EST>"


async def test_a_join_shows_the_time_as_a_slack_date_and_the_preview_names_the_zone(
    rig: Rig,
) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')

    await rig.command("/phonebank join 1")

    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    section = joined["blocks"][0]["text"]["text"]
    assert section.startswith(f"You're in! #1 “Saturday calls”, {SATURDAY} for 2h.")
    # The notification preview can't format dates: it reads in Vera's zone, named.
    assert joined["text"].startswith("You're in! #1 “Saturday calls”, Sat Nov 28, 6:00 PM EST")
    assert "<!date" not in joined["text"]


async def test_a_volunteer_in_another_zone_gets_the_date_with_their_own_zone_as_fallback(
    rig: Rig,
) -> None:
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    await rig.command("/volunteer tz America/Los_Angeles")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    await rig.command("/phonebank list")

    listed = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    detail = listed["blocks"][1]["text"]["text"]
    assert "<!date^1795906800^{date_short_pretty} at {time}|Sat Nov 28, 3:00 PM PST>" in detail


async def test_a_typed_date_or_time_mark_in_a_title_stays_inert_text(rig: Rig) -> None:
    forged = "Calls <!date^0^{date}|Jan 1> \ufdd00:F\ufdd1Jan 1\ufdd2 at noon"
    await rig.command(
        f'/task post "{forged}" slots 2', user=OLIVIA, channel=GENERAL, raw=True
    )

    posted = await rig.fake.wait_for("chat.postMessage", channel=GENERAL)

    sent = json.dumps(posted.args, ensure_ascii=False)
    assert "<!date" not in sent and "\ufdd0" not in sent
    assert "Calls &lt;!date^0^{date}|Jan 1&gt; 0:FJan 1 at noon" in posted.text


async def test_a_volunteers_zone_comes_from_their_slack_profile_until_they_set_one(
    rig: Rig,
) -> None:
    rig.fake.users[VERA[0]]["tz"] = "America/Los_Angeles"
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')

    await rig.command("/phonebank join 1")

    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    # Where Slack can't format a date (the preview, the date's own fallback): her zone.
    assert joined["text"].startswith("You're in! #1 “Saturday calls”, Sat Nov 28, 3:00 PM PST")
    assert "|Sat Nov 28, 3:00 PM PST>" in joined["blocks"][0]["text"]["text"]
    assert len(rig.fake.calls_to("users.info", user=VERA[0])) == 1

    await rig.command("/volunteer tz America/Chicago")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    await rig.command("/phonebank mine")

    mine = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=3)
    assert "Sat Nov 28, 5:00 PM CST" in mine.text
    # Asked once per person: later commands don't look the profile up again.
    assert len(rig.fake.calls_to("users.info", user=VERA[0])) == 1


async def test_a_zone_slack_does_not_know_is_ignored(rig: Rig) -> None:
    rig.fake.users[VERA[0]]["tz"] = "Mars/Olympus_Mons"
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')

    await rig.command("/phonebank join 1")

    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert joined["text"].startswith("You're in! #1 “Saturday calls”, Sat Nov 28, 6:00 PM EST")
