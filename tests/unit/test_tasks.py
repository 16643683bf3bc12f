from bot.tasks.buttons import CLAIM
from tests.conftest import Harness

"""Tasks: posted by organizers, claimed within their slots, finished or released."""



async def test_an_organizer_posts_a_task_that_volunteers_can_claim(harness: Harness) -> None:
    posted = await harness.say(
        "Olivia", '/task post "Drop flyers at the library" due 2026-11-06 slots 2 Ask for Jo.'
    )
    assert "New task #1: Drop flyers at the library (due Fri Nov 6, 2 volunteers needed)" in posted
    assert "Ask for Jo." in posted and "[1] Claim" in posted
    assert "is yours" in await harness.press("Maria", CLAIM.action(1))
    assert "already yours" in await harness.say("Maria", "/task claim 1")
    listing = await harness.say("Maria", "/task list")
    assert "1 of 2 slots open" in listing and "yours" in listing


async def test_slots_limit_claims_and_released_slots_reopen(harness: Harness) -> None:
    await harness.say("Olivia", '/task post "Call the printer"')
    await harness.say("Maria", "/task claim 1")
    assert "are taken" in await harness.say("Sam", "/task claim 1")
    assert "Released #1" in await harness.say("Maria", "/task release 1")
    assert "is yours" in await harness.say("Sam", "/task claim 1")


async def test_done_tasks_leave_the_list_and_organizers_see_who_did_what(harness: Harness) -> None:
    await harness.say("Olivia", '/task post "Count yard signs" slots 2')
    await harness.say("Maria", "/task claim 1")
    await harness.say("Sam", "/task claim 1")
    assert "Marked #1 “Count yard signs” done" in await harness.say("Maria", "/task done 1")
    organizer_view = await harness.say("Olivia", "/task list")
    assert "Maria (done)" in organizer_view and "Sam (claimed)" in organizer_view
    assert "Maria (done)" not in await harness.say("Ana", "/task list")
    await harness.say("Sam", "/task done 1")
    assert "No open tasks" in await harness.say("Ana", "/task list")


async def test_task_mistakes_are_explained(harness: Harness) -> None:
    assert "Only organizers can post tasks" in await harness.say("Maria", '/task post "X"')
    assert "There's no task #4" in await harness.say("Maria", "/task claim 4")
    await harness.say("Olivia", '/task post "Fold letters"')
    assert "haven't claimed #1" in await harness.say("Maria", "/task done 1")
    assert "haven't claimed #1" in await harness.say("Maria", "/task release 1")
    assert "has passed" in await harness.say("Olivia", '/task post "Late" due 2026-10-01')
    assert "@everyone" in await harness.say("Olivia", '/task post "Hey @everyone"')
