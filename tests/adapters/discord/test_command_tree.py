"""The Discord command tree is built from the catalogue, with the domain's own limits.

`payloads/command_tree.json` is the tree as Discord receives it; it was recorded from the
hand-written tree this replaced (the same groups, names, options, ranges and descriptions;
subcommands now come in the order help lists them).
"""

import json
from pathlib import Path
from typing import Any

import discord
import pytest
from discord import app_commands

from adapters.discord.commands import about, groups
from bot import catalogue
from bot.domain.campaign import MAX_NUMBER
from bot.domain.phonebank import MAX_ANNOUNCEMENT, MAX_CAPACITY, MAX_LINK, MAX_PAGE
from bot.domain.task import MAX_DESCRIPTION, MAX_SLOTS
from bot.domain.text import MAX_NAME, MAX_TITLE
from bot.domain.timing import MAX_ZONE_NAME
from bot.ports.replies import NumberField, TextField
from bot.shifts.new_shift import shift_form
from bot.tasks.new_task import task_form

RECORDED = Path(__file__).parent / "payloads" / "command_tree.json"


@pytest.fixture(scope="module")
def tree() -> list[dict[str, Any]]:
    client = discord.Client(intents=discord.Intents.none())
    command_tree = app_commands.CommandTree(client)
    # Only the tree's shape is read and no command runs, so no desk answers them.
    return [group.to_dict(command_tree) for group in groups(None)]  # type: ignore[arg-type]


def options(tree: list[dict[str, Any]], group: str, verb: str) -> dict[str, dict[str, Any]]:
    (found,) = [g for g in tree if g["name"] == group]
    (sub,) = [o for o in found["options"] if o["name"] == verb]
    return {o["name"]: o for o in sub.get("options", [])}


def test_every_recorded_command_is_still_sent_exactly_as_recorded(
    tree: list[dict[str, Any]],
) -> None:
    recorded = json.loads(RECORDED.read_text())
    by_name = {group["name"]: group for group in tree}

    # New groups may join (`/shift`); the recorded ones keep their order.
    recorded_groups = [group["name"] for group in recorded]
    assert [name for name in by_name if name in recorded_groups] == recorded_groups
    for group in recorded:
        sent = by_name[group["name"]]
        assert {k: v for k, v in sent.items() if k != "options"} == {
            k: v for k, v in group.items() if k != "options"
        }
        # New subcommands may join; the recorded ones keep their options and their order.
        recorded_names = {option["name"] for option in group["options"]}
        kept = [option for option in sent["options"] if option["name"] in recorded_names]
        assert kept == group["options"]


def test_every_menu_entry_is_a_subcommand_with_its_parameters_as_options(
    tree: list[dict[str, Any]],
) -> None:
    for group in tree:
        offered = [e for e in catalogue.entries(group["name"]) if e.menu]
        assert [o["name"] for o in group["options"]] == [e.verb for e in offered]
        for option, entry in zip(group["options"], offered, strict=True):
            assert option["description"] == about(entry)
            assert {o["name"] for o in option.get("options", [])} == {p.name for p in entry.params}
    assert [g["name"] for g in tree] == list(catalogue.TOPICS)


def test_only_help_pages_and_what_buttons_do_stay_off_the_menus() -> None:
    typed_only = [f"/{e.group} {e.verb}" for e in catalogue.catalogue().entries if not e.menu]

    # `/turnout help <topic>` is on the menu and covers each help page; `/phonebank proposals`
    # lists the proposals with the Approve and Decline buttons (Discord takes 25 subcommands).
    # `require` and `grants` found no room among /phonebank's 25: Discord reaches them through
    # the Require a qualification and Make it a training buttons of `/phonebank positions
    # <shift>`, which opens their forms.
    assert typed_only == [
        "/phonebank approve",
        "/phonebank decline",
        "/phonebank require",
        "/phonebank grants",
        "/phonebank help",
        # `/shift` is `/phonebank` for every kind, derived from its entries.
        "/shift approve",
        "/shift decline",
        "/shift require",
        "/shift grants",
        "/shift help",
        "/task help",
        "/volunteer help",
    ]


@pytest.mark.parametrize(
    ("group", "verb", "option", "limit"),
    [
        ("phonebank", "create", "title", {"max_length": MAX_TITLE}),
        ("phonebank", "create", "seats", {"max_value": MAX_CAPACITY}),
        ("phonebank", "create", "link", {"max_length": MAX_LINK}),
        ("phonebank", "announce", "message", {"max_length": MAX_ANNOUNCEMENT}),
        ("phonebank", "list", "page", {"max_value": MAX_PAGE}),
        ("phonebank", "join", "shift", {"max_value": MAX_NUMBER, "min_value": 1}),
        ("task", "post", "title", {"max_length": MAX_TITLE}),
        ("task", "post", "slots", {"max_value": MAX_SLOTS}),
        ("task", "post", "description", {"max_length": MAX_DESCRIPTION}),
        ("volunteer", "contacted", "who", {"max_length": MAX_NAME}),
        ("volunteer", "tz", "zone", {"max_length": MAX_ZONE_NAME, "autocomplete": True}),
        ("turnout", "tz", "zone", {"max_length": MAX_ZONE_NAME, "autocomplete": True}),
    ],
)
def test_option_limits_are_the_domain_s(
    tree: list[dict[str, Any]], group: str, verb: str, option: str, limit: dict[str, int | bool]
) -> None:
    shown = options(tree, group, verb)[option]
    assert {key: shown.get(key) for key in limit} == limit


def test_the_forms_ask_within_the_same_limits() -> None:
    shift = {f.name: f for f in shift_form().fields}
    task = {f.name: f for f in task_form().fields}

    assert isinstance(shift["title"], TextField) and isinstance(task["title"], TextField)
    assert shift["title"].max_length == task["title"].max_length == MAX_TITLE
    assert isinstance(shift["capacity"], NumberField)
    assert shift["capacity"].high == MAX_CAPACITY
    assert isinstance(shift["link"], TextField)
    assert shift["link"].max_length == MAX_LINK
    assert isinstance(task["slots"], NumberField)
    assert task["slots"].high == MAX_SLOTS
    assert isinstance(task["description"], TextField)
    assert task["description"].max_length == MAX_DESCRIPTION


def test_shift_propose_asks_the_kind_first_with_create_s_choices(
    tree: list[dict[str, Any]],
) -> None:
    propose = options(tree, "shift", "propose")
    create = options(tree, "shift", "create")
    assert list(propose) == list(create)
    assert propose["kind"] == create["kind"] and propose["kind"]["required"] is True
    assert [c["value"] for c in propose["kind"]["choices"]][:2] == ["phonebank", "canvass"]
    assert "kind" not in options(tree, "phonebank", "propose")


def test_help_s_topic_choices_are_the_catalogue_s_topics(tree: list[dict[str, Any]]) -> None:
    topic = options(tree, "turnout", "help")["topic"]
    names = [t.name for t in catalogue.catalogue().topics]
    assert [choice["value"] for choice in topic["choices"]] == names
    assert {"shifts", "tasks", "attendance", "numbers", "settings", "linking"} <= set(names)
