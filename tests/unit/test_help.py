"""The command reference people read with `help`."""

import re

import pytest

from bot.catalogue import catalogue, entries, help_text, parse
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor, Command
from bot.kernel.intake.docs import Docs
from bot.kernel.intake.entry import Who
from tests.conftest import Harness
from tests.fakes import FROZEN_AT

ORGANIZER = Actor(Identity("console", "team-1", "u-olu"), "Olu", is_organizer=True)
ORGANIZER_ONLY = [entry.usage for entry in catalogue().entries if entry.organizer]
TOPIC_NAMES = ["phonebank", "task", "volunteer", "turnout"]


def listed(help: str) -> list[str]:
    """The command lines of a help text."""
    return [line for line in help.splitlines() if line.startswith("/")]


def lines_for(topic: str, *who: Who) -> list[str]:
    """Help's lines for the entries of `topic` that `who` may run, in help's order."""
    return [f"{e.usage.syntax} — {e.usage.summary}" for e in entries(topic) if e.who in who]


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


@pytest.mark.parametrize("topic", TOPIC_NAMES)
def test_a_volunteer_s_help_lists_only_what_any_volunteer_may_run(topic: str) -> None:
    assert listed(help_text(topic, organizer=False)) == lines_for(topic, Who.EVERYONE)


@pytest.mark.parametrize("topic", TOPIC_NAMES)
def test_the_host_of_a_shift_also_reads_what_hosts_may_run(topic: str) -> None:
    assert listed(help_text(topic, organizer=False, host=True)) == lines_for(
        topic, Who.EVERYONE, Who.HOST
    )


@pytest.mark.parametrize("topic", TOPIC_NAMES)
def test_an_organizer_reads_every_command(topic: str) -> None:
    assert listed(help_text(topic, organizer=True)) == lines_for(topic, *Who)


@pytest.mark.parametrize("host", [False, True])
@pytest.mark.parametrize("topic", TOPIC_NAMES)
def test_what_organizers_also_have_names_no_command_the_reader_was_shown(
    topic: str, host: bool
) -> None:
    text = help_text(topic, organizer=False, host=host)
    [also] = [line for line in text.splitlines() if line.startswith("Organizers also have")]
    shown = {line.split()[1] for line in listed(text)}
    assert [verb for verb in shown if re.search(rf"\b{verb}", also)] == []


async def test_a_volunteer_reads_the_host_s_commands_once_they_host_a_shift(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Calls at Maria\'s" 2026-11-28 18:00 2h 6')
    for name in ("Maria", "Sam"):
        await harness.say(name, "/phonebank join 1")
    assert "now hosts #1" in await harness.say("Olivia", "/phonebank host 1 Maria")

    assert "/phonebank roster <shift>" in await harness.say("Maria", "/phonebank help")
    assert "/phonebank roster <shift>" not in await harness.say("Sam", "/phonebank help")


def test_help_on_an_unknown_topic_gives_the_overview() -> None:
    assert help_text("parking", organizer=False) == help_text("", organizer=False)


# Topics beyond the groups, and where the documentation says more

SUBJECTS = [t.name for t in catalogue().topics if t.name not in TOPIC_NAMES]


@pytest.mark.parametrize("host", [False, True])
@pytest.mark.parametrize("topic", SUBJECTS)
def test_a_topic_lists_only_what_its_reader_may_run_and_names_nothing_else_they_were_shown(
    topic: str, host: bool
) -> None:
    text = help_text(topic, organizer=False, host=host)
    allowed = {Who.EVERYONE, Who.HOST} if host else {Who.EVERYONE}
    shown = {line.split(" — ")[0] for line in listed(text)}
    runnable = {e.usage.syntax for e in catalogue().entries if e.who in allowed}
    assert shown <= runnable | {line for line in shown if ", " in line}
    also = [line for line in text.splitlines() if line.startswith("Organizers also have")]
    verbs = {word for line in listed(text) for word in re.findall(r"/\w+ ([\w-]+)", line)}
    assert [verb for verb in verbs for line in also if re.search(rf"\b{verb}\b", line)] == []


async def test_help_on_shifts_answers_with_the_shift_commands_and_the_guide_s_page(
    harness: Harness,
) -> None:
    volunteer = await harness.say("Maria", "/turnout help shifts")
    assert "/shift join <shift> [position]" in volunteer
    assert "/shift create" not in volunteer
    assert volunteer.endswith("More: docs/volunteers.md#joining-a-shift")

    organizer = await harness.say("Olivia", "/turnout help shifts")
    assert "/shift create <kind>" in organizer and "/phonebank create" not in organizer
    assert organizer.endswith("More: docs/organizers.md#a-shift-from-creation-to-wrap-up")


def test_a_group_s_help_points_nowhere_until_the_site_is_published() -> None:
    """Its page is the command reference, generated as the site builds: docs/ has no file."""
    assert "More:" not in help_text("task", organizer=False)
    assert "More: " in help_text("task", organizer=False, docs=Docs("https://x.org"))


async def test_a_topic_is_also_found_by_its_other_names(harness: Harness) -> None:
    assert "/turnout link [code] [confirm]" in await harness.say("Olivia", "/turnout help teams")


async def test_an_unknown_topic_is_one_sentence_naming_the_topics(harness: Harness) -> None:
    said = await harness.say("Maria", "/turnout help parking")
    assert said.count("\n") == 0 and "shifts, tasks" in said and "attendance" in said


def test_a_role_s_topic_lists_its_commands_by_topic() -> None:
    text = help_text("volunteers", organizer=False)
    assert "tasks: /task list, claim, done, release" in text.splitlines()
    assert "organizers also have" not in text.lower()
    assert (
        help_text("organizers", organizer=False)
        .splitlines()[1]
        .startswith("Organizers also have commands to")
    )


def test_help_links_into_the_published_documentation_when_there_is_one() -> None:
    docs = Docs("https://turnout.example.org/docs")
    assert help_text("tasks", organizer=True, docs=docs).endswith(
        "More: https://turnout.example.org/docs/organizers/#tasks"
    )
    assert help_text("phonebank", organizer=False, docs=docs).endswith(
        "More: https://turnout.example.org/docs/reference/commands/#phonebank"
    )
    assert help_text("", organizer=False, docs=docs).endswith(
        "More: https://turnout.example.org/docs/"
    )


@pytest.mark.parametrize(
    ("url", "doc", "link"),
    [
        ("", "organizers.md#tasks", "docs/organizers.md#tasks"),
        ("https://x.org/d/", "organizers.md#tasks", "https://x.org/d/organizers/#tasks"),
        ("https://x.org", "volunteers.md", "https://x.org/volunteers/"),
        ("https://x.org", "index.md", "https://x.org/"),
        ("https://x.org", "reference/commands.md#task", "https://x.org/reference/commands/#task"),
        ("", "reference/commands.md#task", None),
    ],
)
def test_a_page_s_link_on_the_site_is_its_folder(url: str, doc: str, link: str | None) -> None:
    assert Docs(url).link(doc) == link
