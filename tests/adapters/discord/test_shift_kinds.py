"""Kinds of shift on Discord: `/shift create`'s kind is a choice option; with only the kind
it opens that kind's form; typed in full it creates the shift; lists and posts show the kind."""

from typing import Any

import discord
from discord import app_commands

from adapters.discord.commands import groups
from bot.domain.kinds import KINDS
from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import GENERAL


def _shift_create_options() -> dict[str, dict[str, Any]]:
    client = discord.Client(intents=discord.Intents.none())
    tree = app_commands.CommandTree(client)
    # Only the tree's shape is read and no command runs, so no desk answers them.
    (shift,) = [g.to_dict(tree) for g in groups(None) if g.name == "shift"]  # type: ignore[arg-type]
    (create,) = [o for o in shift["options"] if o["name"] == "create"]
    return {o["name"]: o for o in create["options"]}


def test_shift_create_offers_the_kind_as_a_required_choice_option() -> None:
    options = _shift_create_options()

    kind = options["kind"]
    assert kind["required"] is True
    assert [c["value"] for c in kind["choices"]] == [k.id for k in KINDS]
    assert options["link"]["description"].startswith("Where")


def test_each_kind_choice_reads_as_its_emoji_and_name_not_its_id() -> None:
    choices = _shift_create_options()["kind"]["choices"]

    assert [c["name"] for c in choices] == [f"{k.emoji} {k.name}" for k in KINDS]
    assert {"name": "🚪 Canvass", "value": "canvass"} in choices
    assert {"name": "🏢 Office shift", "value": "office"} in choices


async def test_shift_create_with_only_a_kind_opens_that_kind_s_form(world: World) -> None:
    opened = await world.slash("Olivia", "shift", "create", kind="canvass")

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:new_shift:canvass"
    assert modal["title"] == "Canvass"
    labels = [c["label"] for c in modal["components"]]
    assert labels[-1] == "Meeting point address" and len(labels) == 5

    created = await world.submit(
        "Olivia",
        "turnout:form:new_shift:canvass",
        {
            "title": "Saturday doors",
            "day|start": "2026-11-28 10:00",
            "duration": "3h",
            "capacity": "12",
            "link": "Library, 123 Main St",
        },
    )

    assert created.text.startswith("Created #1 “Saturday doors”"), created.text
    await world.deliver()
    (post,) = world.fake.messages_in(GENERAL)
    assert "🚪 #1 “Saturday doors”" in post.content
    listed = await world.slash("Maria", "shift", "list", kind="canvass")
    assert "Saturday doors" in listed.text and "Canvass" in listed.text


async def test_shift_create_typed_in_full_makes_a_text_bank_and_phonebank_join_takes_it(
    world: World,
) -> None:
    created = await world.slash(
        "Olivia",
        "shift",
        "create",
        kind="textbank",
        title="Sunday texts",
        date="2026-11-29",
        start="14:00",
        length="2h",
        seats=6,
        link="https://texting.example/sun",
    )
    assert "Created #1 “Sunday texts”" in created.text, created.text

    # `/phonebank` verbs about a shift take it by number, whatever its kind.
    joined = await world.slash("Maria", "phonebank", "join", shift=1)

    assert "You're in! #1 “Sunday texts”" in joined.text
    assert "Log in to the texting platform before you start: https://texting.example/sun" in (
        joined.text
    )


async def test_an_address_where_a_link_belongs_creates_nothing(world: World) -> None:
    refused = await world.slash(
        "Olivia",
        "shift",
        "create",
        kind="phonebank",
        title="Sunday calls",
        date="2026-11-29",
        start="14:00",
        length="2h",
        seats=6,
        link="Library, 123 Main St",
    )

    assert "full web address" in str(refused.json)
    listed = await world.slash("Maria", "shift", "list")
    assert "No shifts are scheduled yet" in listed.text
