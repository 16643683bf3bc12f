"""Everyone's own time in the core: the zone a platform's profile names, the zone a volunteer
types, and marked times that people's text can never imitate."""

from dataclasses import replace

from bot.kernel import timefmt
from bot.ports.replies import Message
from tests.conftest import Harness
from tests.render import text_of


async def test_a_profile_zone_shows_times_in_it_until_the_volunteer_types_one(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')
    maria = replace(harness.actor("Maria"), timezone="America/Los_Angeles")

    joined = await harness.bot.turnout.run_text(maria, "/phonebank join 1")

    assert "Sat Nov 7, 3:00 PM PST" in text_of(joined)
    await harness.bot.turnout.run_text(maria, "/volunteer tz Europe/Berlin")
    # The typed zone wins, whatever the profile still says.
    listed = text_of(await harness.bot.turnout.run_text(maria, "/phonebank mine"))
    assert "Sun Nov 8, 12:00 AM CET" in listed


async def test_an_unknown_profile_zone_is_ignored(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')
    maria = replace(harness.actor("Maria"), timezone="Not/AZone")

    assert maria.timezone == ""
    assert "Sat Nov 7, 6:00 PM EST" in text_of(
        await harness.bot.turnout.run_text(maria, "/phonebank join 1")
    )


async def test_forget_me_erases_the_profile_zone_too(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')
    maria = replace(harness.actor("Maria"), timezone="America/Los_Angeles")
    await harness.bot.turnout.run_text(maria, "/volunteer tz Europe/Berlin")
    # A sign-up keeps her row (anonymous) for the counts once she is erased.
    await harness.bot.turnout.run_text(maria, "/phonebank join 1")
    async with harness.storage.unit_of_work() as uow:
        [found] = await uow.volunteers.find(1, "Maria")
        assert (found.timezone, found.platform_timezone) == ("Europe/Berlin", "America/Los_Angeles")
        volunteer_id = found.id

    await harness.bot.turnout.run_text(maria, "/volunteer forget-me confirm")

    async with harness.storage.unit_of_work() as uow:
        erased = await uow.volunteers.get(volunteer_id)
    assert (erased.timezone, erased.platform_timezone) == (None, None)


async def test_times_are_marked_for_platforms_and_read_plainly_everywhere_else(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')

    joined = await harness.reply("Maria", "/phonebank join 1")

    assert isinstance(joined, Message)
    [moment] = [m for m in _moments(joined.text)]
    assert moment == timefmt.Moment(1794092400, timefmt.Style.FULL, "Sat Nov 7, 6:00 PM EST")
    assert timefmt.plain(joined.text).startswith(
        "You're in! #1 “Saturday calls”, Sat Nov 7, 6:00 PM EST for 2h."
    )


async def test_a_title_with_marking_characters_never_reaches_a_reply_as_a_time(
    harness: Harness,
) -> None:
    forged = "Calls \ufdd00:F\ufdd1Jan 1\ufdd2 here"

    created = await harness.reply("Olivia", f'/phonebank create "{forged}" 2026-11-07 18:00 2h 5')

    assert isinstance(created, Message)
    # Only the shift's real start is a marked time; the title lost its marks on the way in.
    assert [m.unix for m in _moments(created.text)] == [1794092400]
    assert "Calls 0:FJan 1 here" in text_of(created)


def _moments(text: str) -> list[timefmt.Moment]:
    found: list[timefmt.Moment] = []

    def keep(moment: timefmt.Moment) -> str:
        found.append(moment)
        return ""

    timefmt.render(text, keep)
    return found
