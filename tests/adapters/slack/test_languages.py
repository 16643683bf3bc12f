"""Spanish on Slack: a member whose Slack is set to Spanish (users.info `locale`, asked for with
include_locale) is answered in Spanish, and so are the reminders sent to them later."""

from datetime import timedelta

from tests.adapters.slack.conftest import VERA, Rig


async def test_a_member_whose_slack_is_in_spanish_is_answered_in_spanish(rig: Rig) -> None:
    rig.fake.users[VERA[0]]["locale"] = "es-LA"
    await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')

    await rig.command("/phonebank join 1")

    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert joined["text"].startswith("¡Estás dentro! #1 “Saturday calls”, sáb, 28 de nov")
    assert "You're in" not in str(joined.args)
    (asked,) = rig.fake.calls_to("users.info", user=VERA[0])
    assert asked.args.get("include_locale") in (True, "true", "1")


async def test_a_language_chosen_beats_slacks(rig: Rig) -> None:
    rig.fake.users[VERA[0]]["locale"] = "es-ES"
    # The organizer (no locale on her profile) reads English.
    created = await rig.as_organizer('/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12')
    assert "Created #1" in str(created)

    await rig.command("/volunteer language en")
    answered = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert "OK, I'll write to you in English from now on." in answered["text"]


async def test_a_reminder_is_written_in_the_language_slack_named(rig: Rig) -> None:
    rig.fake.users[VERA[0]]["locale"] = "es-ES"
    # Tue Nov 3, 6:00 PM EST; the rig's clock starts Mon Nov 2, 9:00 AM EST.
    await rig.as_organizer('/phonebank create "Tuesday calls" 2026-11-03 18:00 2h 12')
    await rig.command("/phonebank join 1")
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    rig.clock.advance(timedelta(hours=10))  # past the day-before reminder's moment
    await rig.deliver()

    texts = [c.text for c in rig.fake.calls_to("chat.postMessage") if "⏰" in c.text]
    assert texts and texts[0].startswith("⏰ Recordatorio: “Tuesday calls” (#1) empieza")
