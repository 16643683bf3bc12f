"""The command reference people read with `help`."""

import pytest

from bot.catalogue import catalogue, entries, help_text, parse
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor, Command
from tests.fakes import FROZEN_AT

ORGANIZER = Actor(Identity("console", "team-1", "u-olu"), "Olu", is_organizer=True)
ORGANIZER_ONLY = [entry.usage for entry in catalogue().entries if entry.organizer]


def test_every_usage_example_is_a_command_that_can_be_typed_as_it_stands() -> None:
    for entry in catalogue().entries:
        example = entry.usage.example_on(FROZEN_AT.date())
        assert not any(placeholder in example for placeholder in "<>…[]|"), example
        assert isinstance(parse(ORGANIZER, example), Command), example


@pytest.mark.parametrize("organizer", [False, True])
def test_the_overview_names_all_four_commands(organizer: bool) -> None:
    overview = help_text("", organizer=organizer)
    assert all(name in overview for name in ("/phonebank", "/task", "/volunteer", "/turnout"))


@pytest.mark.parametrize("topic", ["", "phonebank", "task", "volunteer", "turnout"])
def test_help_shows_organizer_commands_only_to_organizers(topic: str) -> None:
    volunteer, organizer = help_text(topic, organizer=False), help_text(topic, organizer=True)
    assert not [usage for usage in ORGANIZER_ONLY if usage.syntax in volunteer]
    assert "Organizers also have commands" in volunteer
    assert "Organizers also have" not in organizer
    assert [usage for usage in ORGANIZER_ONLY if usage.syntax in organizer]


@pytest.mark.parametrize("topic", ["phonebank", "task", "volunteer", "turnout"])
def test_help_lists_one_command_per_line_with_a_description(topic: str) -> None:
    lines = [line for line in help_text(topic, organizer=True).splitlines() if line.startswith("/")]
    assert len(lines) == len(entries(topic))
    assert all(" — " in line for line in lines)


def test_help_on_an_unknown_topic_gives_the_overview() -> None:
    assert help_text("parking", organizer=False) == help_text("", organizer=False)
