"""Tasks on Discord: the post modal, options, claim/done/release by command and button."""

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import buttons
from tests.adapters.discord.interactions import autocomplete


async def test_task_post_without_options_opens_a_modal_that_posts_the_task(world: World) -> None:
    opened = await world.slash("Olivia", "task", "post")

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:task"
    assert [c["component"]["custom_id"] for c in modal["components"]] == [
        "title",
        "due",
        "slots",
        "description",
    ]
    assert modal["components"][3]["component"]["style"] == 2  # a paragraph box

    posted = await world.submit(
        "Olivia",
        "turnout:form:task",
        {"title": "Drop off flyers", "due": "2026-11-10", "slots": "3", "description": ""},
    )

    assert posted.json["data"].get("flags", 0) == 0
    assert posted.text.startswith(
        "New task #1: Drop off flyers (due Tue Nov 10, 3 volunteers needed)"
    )
    assert [b["custom_id"] for b in buttons(posted.json["data"])] == ["turnout:claim:1"]


async def test_task_post_with_options_needs_only_a_title(world: World) -> None:
    posted = await world.slash("Olivia", "task", "post", title="Call voters")

    assert posted.text.startswith("New task #1: Call voters\n")


async def test_claiming_finishing_and_releasing_tasks(world: World) -> None:
    await world.slash("Olivia", "task", "post", title="Call voters", slots=2)
    await world.slash("Olivia", "task", "post", title="Drop off flyers")

    claimed = await world.press("Maria", "turnout:claim:1")
    listed = await world.slash("Maria", "task", "list")
    mine = await world.interact(autocomplete("Maria", "task", "done", "task", ""))
    open_ = await world.interact(autocomplete("Maria", "task", "claim", "task", ""))
    done = await world.slash("Maria", "task", "done", task=1)
    await world.slash("Maria", "task", "claim", task=2)
    released = await world.slash("Maria", "task", "release", task=2)

    assert claimed.text.startswith("#1 “Call voters” is yours (2 volunteers needed). Thank you!")
    assert "yours" in listed.json["data"]["embeds"][0]["fields"][1]["value"]
    assert [b["label"] for b in buttons(listed.json["data"])] == ["Claim #2", "Mark done #1"]
    assert [c["value"] for c in mine.json["data"]["choices"]] == [1]
    assert [c["value"] for c in open_.json["data"]["choices"]] == [2]
    assert done.text == "Marked #1 “Call voters” done. Thank you!"
    assert released.text == "Released #2; someone else can pick it up now."
