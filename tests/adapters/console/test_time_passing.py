"""The console's clock: `:advance` lets time pass, and times read in the campaign's zone."""

from datetime import timedelta

from tests.adapters.console.conftest import SATURDAY_CALLS, Console


def in_order(shown: str, *parts: str) -> bool:
    """Each of `parts` appears in `shown`, each after the one before."""
    at = 0
    for part in parts:
        found = shown.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


async def test_a_jump_across_the_start_delivers_the_hour_reminder_then_the_check_in(
    console: Console,
) -> None:
    await console.type(SATURDAY_CALLS, ":as Maria", "/phonebank join 1", ":advance 5d7h")

    # Saturday 4:00 PM → 7:00 PM: the shift starts at 6:00 PM.
    shown = await console.type(":advance 3h")

    assert in_order(
        shown,
        "⏩ It's now Sat Nov 28, 5:00 PM EST.",
        "✉ DM to Maria:",
        "starts in 1 hour",
        "⏩ It's now Sat Nov 28, 6:00 PM EST.",
        "✉ DM to Maria:",
        "It's starting now",
        "⏩ It's now Sat Nov 28, 7:00 PM EST.",
    ), shown


async def test_each_message_is_stamped_with_the_moment_it_fell_due(console: Console) -> None:
    await console.type(SATURDAY_CALLS, ":as Maria", "/phonebank join 1")

    shown = await console.type(":advance 5d")

    # The day-before reminder went out on Friday at 6:00 PM, not when the jump ended.
    assert in_order(
        shown, "⏩ It's now Fri Nov 27, 6:00 PM EST.", "starts in 1 day", "⏩ It's now Sat"
    ), shown


async def test_a_follow_up_is_raised_when_it_falls_due_on_the_way(console: Console) -> None:
    await console.type(":arrive Jamal")

    shown = await console.type(":advance 4d")

    # Organizers hear after the two days they were given, not four days late.
    assert "Jamal (#1) has been waiting 2 days" in shown, shown
    assert in_order(shown, "⏩ It's now Wed Nov 25, 9:00 AM EST.", "has been waiting 2 days")


async def test_now_reads_the_clock_in_the_campaign_s_zone_after_it_changes(
    console: Console,
) -> None:
    before = await console.type(":now")
    await console.type("/turnout tz America/Chicago")

    after = await console.type(":now", ":advance 1h")

    assert "It's Mon Nov 23, 9:00 AM EST." in before
    assert "It's Mon Nov 23, 8:00 AM CST." in after
    assert "⏩ It's now Mon Nov 23, 9:00 AM CST." in after


async def test_messages_falling_due_within_one_minute_share_one_stamp(console: Console) -> None:
    # Three newcomers a few seconds apart: their follow-ups fall due seconds apart, two days on.
    for name in ("Jamal", "Ana", "Lee"):
        await console.type(f":arrive {name}")
        console.clock.advance(timedelta(seconds=5))

    shown = await console.type(":advance 3d")

    assert shown.count("⏩ It's now Wed Nov 25, 9:00 AM EST.") == 1, shown
    assert shown.count("has been waiting 2 days") == 3, shown
