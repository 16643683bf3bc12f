"""An organizer command run by someone else is refused with how to become an organizer here."""

import dataclasses

from tests.conftest import Harness
from tests.render import text_of


async def test_a_refusal_ends_with_how_this_team_makes_organizers(harness: Harness) -> None:
    told = dataclasses.replace(
        harness.actor("Maria"), becoming_organizer="Ask Ana for the organizers' role."
    )

    reply = await harness.bot.turnout.run_text(told, "/turnout tz America/Chicago")

    assert text_of(reply) == (
        "Only organizers can change the campaign's time zone. Ask Ana for the organizers' role."
    )


async def test_without_word_from_the_platform_it_names_no_place_that_may_not_exist(
    harness: Harness,
) -> None:
    assert await harness.say("Maria", "/turnout tz America/Chicago") == (
        "Only organizers can change the campaign's time zone. Whoever set up Turnout for this "
        "team decides who the organizers are."
    )
