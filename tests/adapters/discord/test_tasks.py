"""Tasks on Discord: the post and edit modals, options, claim/done/release by command and
button, cancel, and the finished tasks."""

from tests.adapters.discord import interactions as make
from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import GUILD_ID, ORGANIZERS, buttons
from tests.adapters.discord.interactions import autocomplete, uid


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


async def test_task_edit_opens_the_task_s_modal_filled_in_and_whoever_holds_it_is_told(
    world: World,
) -> None:
    await world.slash("Olivia", "task", "post", title="Flyers", due="2026-11-06", slots=2)
    await world.press("Maria", "turnout:claim:1")

    opened = await world.slash("Olivia", "task", "edit", task=1)
    saved = await world.submit(
        "Olivia",
        "turnout:form:edit_task:1",
        {"title": "Flyers", "due": "2026-11-10", "slots": "2", "description": ""},
    )
    typed = await world.slash("Olivia", "task", "edit", task=1, field="slots", value="3")
    await world.deliver()

    assert opened.json["type"] == 9
    modal = opened.json["data"]
    assert modal["custom_id"] == "turnout:form:edit_task:1"
    values = {c["component"]["custom_id"]: c["component"].get("value") for c in modal["components"]}
    assert values == {"title": "Flyers", "due": "2026-11-06", "slots": "2", "description": None}
    assert saved.text.startswith("Saved #1 “Flyers”: due Tue Nov 10, 2 slots, no details.")
    assert typed.text == "Saved #1 “Flyers”: due Tue Nov 10, 3 slots, no details."
    [told] = [c for c in world.fake.dms_to(uid("Maria")) if "changed #1" in c.text]
    assert "it's now due Tue Nov 10" in told.text
    assert [b["custom_id"] for b in buttons(told.json)] == [
        f"turnout:done:1@{GUILD_ID}",
        f"turnout:release:1@{GUILD_ID}",
    ]


async def test_task_cancel_tells_whoever_holds_it_and_the_done_list_names_no_one_loudly(
    world: World,
) -> None:
    await world.slash("Olivia", "task", "post", title="Flyers", slots=3)
    # A display name with markup and a mass mention in it.
    for verb in ("claim", "done"):
        loud = make.slash("Dev", "task", verb, task=1)
        loud["member"]["nick"] = "*Dev* @everyone"
        await world.interact(loud)
    await world.press("Maria", "turnout:claim:1")

    cancelled = await world.slash("Olivia", "task", "cancel", task=1)
    await world.deliver()
    done = await world.slash("Olivia", "task", "list", done=True)

    assert cancelled.text == (
        "Cancelled #1 “Flyers”. I'm letting the volunteer who had claimed it know."
    )
    [told] = [c for c in world.fake.dms_to(uid("Maria")) if "cancelled #1" in c.text]
    assert "which you had claimed" in told.text
    [field] = done.json["data"]["embeds"][0]["fields"]
    assert field["name"] == "#1 Flyers"
    assert field["value"] == "cancelled with 1 of 3 slots done · by \\*Dev\\* @everyone"
    assert done.json["data"]["allowed_mentions"] == {"parse": []}
    [alert] = [c for c in world.fake.messages_in(ORGANIZERS) if "finished" in c.text]
    assert "\\*Dev\\* @everyone (#" in alert.text
    assert alert.json["allowed_mentions"] == {"parse": []}


async def test_organizers_are_offered_every_posted_task_to_edit_or_cancel(world: World) -> None:
    await world.slash("Olivia", "task", "post", title="Call voters")
    await world.slash("Olivia", "task", "post", title="Drop off flyers")
    await world.slash("Olivia", "task", "post", title="Fold letters")
    await world.press("Maria", "turnout:claim:1")
    await world.press("Dev", "turnout:claim:3")
    await world.slash("Dev", "task", "done", task=3)

    cancel = await world.interact(autocomplete("Olivia", "task", "cancel", "task", ""))
    claim = await world.interact(autocomplete("Sam", "task", "claim", "task", ""))

    # #1 is fully claimed but can still be called off; #3 is done, so it is no longer posted.
    assert [c["value"] for c in cancel.json["data"]["choices"]] == [2, 1]
    assert [c["value"] for c in claim.json["data"]["choices"]] == [2]
