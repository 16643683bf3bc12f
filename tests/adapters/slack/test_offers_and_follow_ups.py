"""The edges of a shift on Slack: the late cancellation post, Take the seat / Pass, the
confirmation check's Nudge them, the next-day Join, and `/volunteer history`."""

from datetime import timedelta

from tests.adapters.slack.conftest import OLIVIA, ORGANIZER_CHANNEL, VERA, WALT, Rig

# Tue Nov 3, 18:00 EST (23:00 UTC); the rig's clock starts Mon Nov 2, 14:00 UTC.
ONE_SEAT = '/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 1'
TO_TWO_HOURS_BEFORE = timedelta(hours=31)


async def one_seat_one_waiting(rig: Rig) -> None:
    await rig.as_organizer(ONE_SEAT)
    await rig.command("/phonebank join 1", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    await rig.command("/phonebank join 1", user=WALT)
    await rig.fake.wait_for("chat.postEphemeral", user=WALT[0])
    rig.clock.advance(TO_TWO_HOURS_BEFORE)


async def test_a_late_leave_posts_to_organizers_and_take_the_seat_confirms(rig: Rig) -> None:
    await one_seat_one_waiting(rig)
    await rig.command("/phonebank leave 1", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", lambda c: "You've left" in c.text)
    await rig.deliver()
    alert = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "Late cancellation" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert "vera (#2) left #1 “Tomorrow calls”" in alert.text
    assert "offered to walt (#3)" in alert.text
    offer = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "A seat opened" in c.text, channel="D0WALT"
    )
    assert offer.button("Take the seat")["value"] == "turnout:take:1"
    assert offer.button("Pass")["value"] == "turnout:pass:1"

    await rig.press(offer.button("Take the seat"), WALT, on=offer)

    taken = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "You're in!" in c.text, channel="D0WALT"
    )
    assert "#1 “Tomorrow calls”" in taken.text


async def test_pass_lets_the_offered_seat_go(rig: Rig) -> None:
    await one_seat_one_waiting(rig)
    await rig.command("/phonebank leave 1", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", lambda c: "You've left" in c.text)
    await rig.deliver()
    offer = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "A seat opened" in c.text, channel="D0WALT"
    )
    await rig.press(offer.button("Pass"), WALT, on=offer)
    await rig.fake.wait_for(
        "chat.postMessage", lambda c: "the seat on #1 is open again" in c.text, channel="D0WALT"
    )
    await rig.command("/phonebank roster 1", user=OLIVIA)
    roster = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "walt" not in roster.text


async def test_nudge_them_in_the_confirmation_check_dms_the_unanswered_once(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 5')
    await rig.command("/phonebank join 1", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    # 12 hours before the start: Tue 11:00 UTC.
    rig.clock.advance(timedelta(hours=21))
    await rig.deliver()
    check = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "Confirmation check" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert "Not answered yet: vera" in check.text

    await rig.press(check.button("Nudge them"), OLIVIA, on=check)
    nudge = await rig.delivered(
        "chat.postMessage", lambda c: "Are you still coming" in c.text, channel="D0VERA"
    )
    assert nudge.button("I'll be there")["value"] == "turnout:confirm:1"
    await rig.press(check.button("Nudge them"), OLIVIA, on=check)
    await rig.fake.wait_for(
        "chat.postEphemeral", lambda c: "already nudged" in c.text, user=OLIVIA[0]
    )
    await rig.deliver()
    assert len([c for c in rig.fake.calls_to("chat.postMessage", channel="D0VERA")
                if "Are you still coming" in c.text]) == 1


async def test_the_next_day_join_button_and_volunteer_history(rig: Rig) -> None:
    await rig.as_organizer('/phonebank create "Tomorrow calls" 2026-11-03 18:00 2h 5')
    await rig.as_organizer('/phonebank create "Later calls" 2026-11-10 18:00 2h 5')
    await rig.command("/phonebank join 1", user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    # Nobody hears from Vera; the morning after the day after, 10:00 EST is 15:00 UTC Thu.
    rig.clock.advance(timedelta(days=3, hours=1))
    await rig.deliver()
    missed = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "We missed you" in c.text, channel="D0VERA"
    )
    assert missed.button("Join #2")["value"] == "turnout:join:2"
    await rig.press(missed.button("Join #2"), VERA, on=missed)
    await rig.fake.wait_for(
        "chat.postMessage", lambda c: "You're in!" in c.text, channel="D0VERA"
    )

    await rig.command("/volunteer history", user=VERA)
    mine = await rig.fake.wait_for(
        "chat.postEphemeral", lambda c: "record" in c.text, user=VERA[0]
    )
    assert (
        "Your record: 2 shifts signed up, 0 attended, 1 no-show, 0 couldn't make it; "
        "0 calls, 0 conversations; show rate 0%." in mine.text
    )
    await rig.command("/volunteer history vera", user=OLIVIA)
    theirs = await rig.fake.wait_for(
        "chat.postEphemeral", lambda c: "record" in c.text, user=OLIVIA[0]
    )
    assert theirs.text.startswith("vera's record: 2 shifts signed up")
