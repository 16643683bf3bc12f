"""After the shift: How did it go?, the debrief form and text form, the wrap-up and the report."""

import re
from datetime import timedelta

from bot.attendance.forms import DEBRIEF
from bot.ports.replies import Message
from tests.conftest import Harness
from tests.render import text_of
from tests.unit.test_attendance import TO_START, joined

TO_DEBRIEF = TO_START + timedelta(hours=2, minutes=15)
TO_WRAP_UP = TO_START + timedelta(hours=4)


async def test_how_did_it_go_arrives_15_minutes_after_the_end_with_two_buttons(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DEBRIEF - timedelta(minutes=1))
    assert not any("How did it go?" in t for t in harness.messenger.texts("maria"))
    await harness.advance(timedelta(minutes=1))
    asked = harness.messenger.texts("maria")[-1]
    assert "How did it go? “Saturday calls” (#1) has ended." in asked
    assert "[1] I made it   [2] I couldn't make it" in asked


async def test_how_did_it_go_is_not_sent_once_a_day_has_passed_and_silence_is_a_no_show(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    # The bot was down from before the end until two days after it.
    harness.clock.advance(TO_DEBRIEF + timedelta(days=2))
    await harness.deliver()

    told = harness.messenger.texts("maria")
    assert not any("How did it go?" in t for t in told), told
    assert any("We missed you" in t for t in told), told


async def test_a_volunteer_marked_a_no_show_is_not_thanked_for_coming(harness: Harness) -> None:
    await joined(harness, "Maria", "Sam")
    await harness.advance(TO_START + timedelta(minutes=30))
    assert "Marked Maria as a no-show" in await harness.say(
        "Olivia", "/phonebank mark 1 Maria no-show"
    )
    await harness.advance(TO_DEBRIEF - TO_START - timedelta(minutes=30))

    # The roster says she wasn't there; "Thank you for calling!" with "I made it" would not.
    assert not any("How did it go?" in t for t in harness.messenger.texts("maria"))
    assert any("How did it go?" in t for t in harness.messenger.texts("sam"))


async def test_couldnt_make_it_before_the_start_points_to_leave_and_keeps_nobody_waiting(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")

    said = await harness.say("Maria", "/phonebank debrief 1 missed")

    assert said == (
        "#1 hasn't started yet: if you can't make it, `/phonebank leave 1` gives your seat to "
        "the next in line."
    )
    attendance = await harness.say("Olivia", "/phonebank attendance 1")
    assert "Maria (#2): unknown" in attendance


async def test_i_made_it_opens_the_form_whose_answers_reach_the_report(harness: Harness) -> None:
    await joined(harness, "Maria", "Sam")
    await harness.advance(TO_DEBRIEF)
    form = await harness.press("Maria", "turnout:madeit:1")
    assert form.startswith("How did it go?: Thanks for calling on “Saturday calls”!")
    pinging = await harness.submit(
        "Maria", DEBRIEF.id_for(1), calls="40", conversations="12", notes="@everyone look"
    )
    assert "The note can't mention @everyone" in text_of(pinging)
    # The refusal names the question at fault, for platforms to ask it again alone.
    assert isinstance(pinging, Message) and pinging.about == "notes"
    thanks = await harness.submit(
        "Maria", DEBRIEF.id_for(1), calls="40", conversations="12", notes="*loved* it"
    )
    assert "I've noted 40 calls and 12 conversations for #1" in text_of(thanks)
    await harness.say("Sam", "/phonebank debrief 1 missed")
    report = await harness.say("Olivia", "/phonebank report 1")
    assert "attended 1 of 2" in report
    assert "No-shows: none\nCouldn't make it: Sam" in report
    assert "Calls: 40 · conversations: 12" in report
    # People's words stay as written; adapters show them as plain text.
    assert "• Maria: *loved* it" in report


async def test_the_wrap_up_reaches_the_organizers_two_hours_after_the_end(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DEBRIEF)
    await harness.say("Maria", "/phonebank debrief 1 25 5 Good list")
    await harness.advance(TO_WRAP_UP - TO_DEBRIEF)
    [wrap_up] = [t for t in harness.messenger.texts("#organizers") if "Wrap-up" in t]
    assert "📋 Wrap-up for #1 “Saturday calls”: attended 1 of 1." in wrap_up
    assert "Calls: 25 · conversations: 5" in wrap_up
    assert "• Maria: Good list" in wrap_up


async def test_a_cancelled_shift_gets_no_how_did_it_go_and_no_wrap_up(harness: Harness) -> None:
    await joined(harness, "Maria")
    await harness.say("Olivia", "/phonebank cancel 1")
    await harness.advance(TO_WRAP_UP)
    assert not any("How did it go?" in t for t in harness.messenger.texts("maria"))
    assert not any("Wrap-up" in t for t in harness.messenger.texts("#organizers"))


async def test_bad_debriefs_get_one_sentence_and_change_nothing(harness: Harness) -> None:
    await joined(harness, "Maria")
    assert "hasn't started yet" in await harness.say("Maria", "/phonebank debrief 1 3 1")
    await harness.advance(TO_DEBRIEF)
    assert "whole number from 0 to 1,000" in await harness.say("Maria", "/phonebank debrief 1 -3 1")
    assert "whole number from 0 to 1,000" in await harness.say(
        "Maria", "/phonebank debrief 1 lots 1"
    )
    assert "whole number from 0 to 1,000" in await harness.say(
        "Maria", "/phonebank debrief 1 1001 1"
    )
    assert "You weren't confirmed for #1" in await harness.say("Sam", "/phonebank debrief 1 3 1")
    assert "Calls: 0 · conversations: 0" in await harness.say("Olivia", "/phonebank report 1")
    assert "attended 0 of 1" in await harness.say("Olivia", "/phonebank report 1")


async def test_the_thank_you_offers_up_to_three_next_shifts_not_joined(harness: Harness) -> None:
    await joined(harness, "Maria")
    for day in ("2026-11-14", "2026-11-15", "2026-11-21", "2026-11-22"):
        await harness.say("Olivia", f'/phonebank create "More calls" {day} 18:00 2h 3')
    await harness.say("Maria", "/phonebank join 2")
    await harness.advance(TO_DEBRIEF)
    thanks = await harness.say("Maria", "/phonebank debrief 1 10 2")
    assert "Next shifts you could join:" in thanks
    assert "[1] Join #3   [2] Join #4   [3] Join #5" in thanks


async def test_the_swap_suggested_for_more_conversations_than_calls_keeps_the_typed_note(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DEBRIEF)

    refused = await harness.say("Maria", "/phonebank debrief 1 5 20 Great list")
    [suggested] = re.findall(r"type `(/phonebank debrief [^`]+)`", refused)
    thanks = await harness.say("Maria", suggested)

    assert suggested == "/phonebank debrief 1 20 5 Great list"
    assert "I've noted 20 calls and 5 conversations" in thanks
    assert "• Maria: Great list" in await harness.say("Olivia", "/phonebank report 1")


async def test_more_conversations_than_calls_is_refused_typed_or_in_the_form(
    harness: Harness,
) -> None:
    await joined(harness, "Maria")
    await harness.advance(TO_DEBRIEF)
    typed = await harness.say("Maria", "/phonebank debrief 1 5 20 Great list")
    formed = text_of(
        await harness.submit("Maria", DEBRIEF.id_for(1), calls="5", conversations="20")
    )
    for refusal, note in ((typed, " Great list"), (formed, "")):
        assert refusal == (
            "You gave 5 calls and 20 conversations, but each conversation is a call someone "
            "answered: if you made 20 calls and had 5 conversations, type "
            f"`/phonebank debrief 1 20 5{note}`."
        )
    report = await harness.say("Olivia", "/phonebank report 1")
    assert "attended 0 of 1" in report and "Calls: 0 · conversations: 0" in report
    # As many conversations as calls is fine.
    assert "I've noted 5 calls and 5 conversations" in await harness.say(
        "Maria", "/phonebank debrief 1 5 5"
    )


async def test_the_thank_you_never_offers_a_shift_the_volunteer_hosts(harness: Harness) -> None:
    await joined(harness, "Maria")
    for day in ("2026-11-14", "2026-11-15"):
        await harness.say("Olivia", f'/phonebank create "More calls" {day} 18:00 2h 3')
    await harness.say("Olivia", "/phonebank host 2 Maria")
    await harness.advance(TO_DEBRIEF)

    thanks = await harness.say("Maria", "/phonebank debrief 1 10 2")

    assert "[1] Join #3" in thanks and "Join #2" not in thanks
