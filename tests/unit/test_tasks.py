"""Tasks: posted by organizers, claimed within their slots, finished or released; edited or
cancelled by organizers; the finished ones and who did them."""

from bot.ports.replies import DateField, Form, NumberField, TextField
from bot.tasks.buttons import CLAIM
from tests.conftest import Harness
from tests.fakes import ORGANIZERS
from tests.render import text_of


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


async def test_done_on_a_task_not_claimed_says_what_works_whether_or_not_a_slot_is_free(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Fold letters"')

    free = await harness.say("Maria", "/task done 1")
    await harness.say("Sam", "/task claim 1")
    taken = await harness.say("Maria", "/task done 1")

    assert free == "You haven't claimed #1, so claim it first with `/task claim 1`."
    assert taken == (
        "You haven't claimed #1, and its one slot is taken; `/task list` shows tasks that "
        "still need people."
    )


async def test_task_mistakes_are_explained(harness: Harness) -> None:
    assert "Only organizers can post tasks" in await harness.say("Maria", '/task post "X"')
    assert "There's no task #4" in await harness.say("Maria", "/task claim 4")
    await harness.say("Olivia", '/task post "Fold letters"')
    assert "haven't claimed #1" in await harness.say("Maria", "/task done 1")
    assert "haven't claimed #1" in await harness.say("Maria", "/task release 1")
    assert "has passed" in await harness.say("Olivia", '/task post "Late" due 2026-10-01')
    assert "@everyone" in await harness.say("Olivia", '/task post "Hey @everyone"')


async def test_one_volunteer_holds_one_slot_even_after_finishing(harness: Harness) -> None:
    await harness.say("Olivia", '/task post "Call voters" slots 3')
    await harness.say("Maria", "/task claim 1")
    await harness.say("Maria", "/task done 1")

    again = await harness.say("Maria", "/task claim 1")
    twice = await harness.say("Maria", "/task done 1")

    assert "You already marked #1 done" in again
    assert "You already marked #1 done" in twice and "haven't claimed" not in twice
    assert "2 of 3 slots open" in await harness.say("Sam", "/task list")


async def test_organizers_hear_each_finished_slot_and_when_the_task_is_done(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Count yard signs" slots 2')
    await harness.say("Olivia", '/task post "Call the printer"')
    for name, line in (
        ("Maria", "/task claim 1"),
        ("Sam", "/task claim 1"),
        ("Ana", "/task claim 2"),
    ):
        await harness.say(name, line)
    harness.messenger.clear()

    await harness.say("Maria", "/task done 1")
    await harness.say("Sam", "/task done 1")
    await harness.say("Ana", "/task done 2")
    await harness.say("Ana", "/task done 2")

    assert harness.messenger.texts(ORGANIZERS) == [
        "✅ Maria (#2) finished their slot of #1 “Count yard signs” (1 of 2 done). "
        "`/task list done` shows who did what.",
        "✅ Sam (#3) finished their slot of #1 “Count yard signs”: all 2 slots are done, so the "
        "task is done. `/task list done` shows who did what.",
        "✅ Ana (#4) finished #2 “Call the printer”: the task is done. "
        "`/task list done` shows who did what.",
    ]


async def test_the_done_list_shows_finished_tasks_and_only_organizers_see_who_did_them(
    harness: Harness,
) -> None:
    assert "No task has been finished yet" in await harness.say("Olivia", "/task list done")
    await harness.say("Olivia", '/task post "Count yard signs" slots 3')
    await harness.say("Olivia", '/task post "Call the printer"')
    await harness.say("Olivia", '/task post "Nobody did this"')
    for name, line in (
        ("Maria", "/task claim 1"),
        ("Maria", "/task done 1"),
        ("Sam", "/task claim 1"),
        ("Sam", "/task claim 2"),
        ("Sam", "/task done 2"),
    ):
        await harness.say(name, line)

    organizer = await harness.say("Olivia", "/task list done")
    maria = await harness.say("Maria", "/task list done")

    assert organizer.splitlines() == [
        "Finished tasks",
        "#2 Call the printer",
        "done · by Sam",
        "#1 Count yard signs",
        "1 of 3 slots done · by Maria",
    ]
    assert "Sam" not in maria and "Maria" not in maria
    assert "#1 Count yard signs\n1 of 3 slots done · you did one, thank you" in maria
    assert "Nobody did this" not in maria
    assert "you did yours, thank you" in await harness.say("Maria", "/task list")


async def test_forget_me_releases_claims_and_no_list_or_notice_names_the_erased(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Count yard signs" slots 2')
    await harness.say("Olivia", '/task post "Call the printer"')
    await harness.say("Maria", "/task claim 1")
    await harness.say("Maria", "/task claim 2")
    # Finished, but the organizers' notice is still waiting when she asks to be forgotten.
    await harness.reply("Maria", "/task done 1")

    await harness.press("Maria", "turnout:forget")

    assert [t for t in harness.messenger.texts(ORGANIZERS) if "finished" in t] == [
        "✅ A former volunteer finished their slot of #1 “Count yard signs” (1 of 2 done). "
        "`/task list done` shows who did what."
    ]
    done = await harness.say("Olivia", "/task list done")
    board = await harness.say("Olivia", "/task list")
    assert "by a former volunteer" in done and "Maria" not in done
    assert "a former volunteer (done)" in board and "Maria" not in board
    assert "#2 Call the printer\n1 of 1 slot open" in board


async def test_cancelling_tells_those_holding_it_once_and_nobody_claims_it_again(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Count yard signs" slots 3')
    await harness.say("Maria", "/task claim 1")
    await harness.say("Sam", "/task claim 1")
    await harness.say("Sam", "/task done 1")
    harness.messenger.clear()

    cancelled = await harness.say("Olivia", "/task cancel 1")

    assert cancelled == (
        "Cancelled #1 “Count yard signs”. I'm letting the volunteer who had claimed it know."
    )
    [told] = harness.messenger.texts("maria")
    assert "The organizers cancelled #1 “Count yard signs”, which you had claimed" in told
    assert harness.messenger.texts("sam") == []
    assert "was cancelled, so there's nothing to claim" in await harness.say("Ana", "/task claim 1")
    assert "was cancelled, so there's nothing to mark done" in await harness.say(
        "Maria", "/task done 1"
    )
    assert "You already marked #1 done" in await harness.say("Sam", "/task done 1")
    assert "No open tasks" in await harness.say("Olivia", "/task list")
    assert "cancelled with 1 of 3 slots done · by Sam" in await harness.say(
        "Olivia", "/task list done"
    )
    assert "Cancelled #2" not in await harness.say("Olivia", '/task post "Fold letters"')
    assert "Nobody had claimed it." in await harness.say("Olivia", "/task cancel 2")


async def test_cancelling_a_task_with_only_finished_slots_doesnt_say_nobody_claimed_it(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Count yard signs" slots 3')
    await harness.say("Sam", "/task claim 1")
    await harness.say("Sam", "/task done 1")
    harness.messenger.clear()

    cancelled = await harness.say("Olivia", "/task cancel 1")

    assert cancelled == (
        "Cancelled #1 “Count yard signs”. Nobody was still working on it; the 1 slot "
        "already done still counts."
    )
    assert harness.messenger.texts("sam") == []


async def test_editing_a_task_tells_those_holding_it_what_changed_for_them(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Flyers" due 2026-11-06 slots 2')
    await harness.say("Maria", "/task claim 1")
    harness.messenger.clear()

    due = await harness.say("Olivia", "/task edit 1 due 2026-11-10")
    more = await harness.say("Olivia", "/task edit 1 slots 4")
    await harness.say("Olivia", '/task edit 1 title "Big flyers"')
    await harness.say("Olivia", "/task edit 1 details Ask for Jo at the desk.")
    await harness.say("Olivia", "/task edit 1 due -")

    assert due == (
        "Saved #1 “Flyers”: due Tue Nov 10, 2 slots, no details. "
        "I'm letting the volunteer who claimed it know."
    )
    assert more == "Saved #1 “Flyers”: due Tue Nov 10, 4 slots, no details."
    assert [t.splitlines()[0] for t in harness.messenger.texts("maria")] == [
        "✏️ The organizers changed #1 “Flyers”, which you claimed: it's now due Tue Nov 10.",
        "✏️ The organizers changed #1 “Big flyers”, which you claimed: it was called “Flyers”.",
        "✏️ The organizers changed #1 “Big flyers”, which you claimed: its details changed.",
        "✏️ The organizers changed #1 “Big flyers”, which you claimed: it no longer has a due date.",
    ]
    assert harness.messenger.texts("maria")[2].splitlines()[1] == "Ask for Jo at the desk."
    assert "3 of 4 slots open" in await harness.say("Sam", "/task list")


async def test_a_bad_task_edit_or_cancel_gets_one_sentence_and_changes_nothing(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Flyers" slots 3')
    await harness.say("Maria", "/task claim 1")
    await harness.say("Sam", "/task claim 1")
    await harness.say("Sam", "/task done 1")
    harness.messenger.clear()

    for who, line, says in (
        (
            "Olivia",
            "/task edit 1 slots 1",
            "2 volunteers have claimed or finished #1, so it needs at least 2 slots",
        ),
        ("Olivia", "/task edit 1 colour red", "I can't change `colour`"),
        ("Olivia", "/task edit 1 due 2026-10-01", "has passed"),
        ("Olivia", "/task edit 1 due soon", "I couldn't read `soon` as a date"),
        ("Olivia", '/task edit 1 title "Hey @everyone"', "@everyone"),
        ("Olivia", "/task edit 9 slots 2", "There's no task #9"),
        ("Olivia", "/task edit 1 slots 3", "Nothing to change"),
        ("Maria", "/task edit 1 slots 4", "Only organizers can edit tasks"),
        ("Maria", "/task cancel 1", "Only organizers can cancel tasks"),
        ("Olivia", "/task cancel", "I'm missing the task number"),
    ):
        assert says in await harness.say(who, line), line

    assert harness.messenger.sent == []
    assert "1 of 3 slots open" in await harness.say("Ana", "/task list")


async def test_a_finished_task_cant_be_cancelled_and_a_cancelled_one_cant_be_edited(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Flyers"')
    await harness.say("Olivia", '/task post "Printer"')
    await harness.say("Maria", "/task claim 1")
    await harness.say("Maria", "/task done 1")
    await harness.say("Olivia", "/task cancel 2")

    assert "Every slot of #1 is done already" in await harness.say("Olivia", "/task cancel 1")
    assert "was cancelled, so it can't be edited" in await harness.say(
        "Olivia", "/task edit 2 slots 2"
    )
    assert "was cancelled, so it can't be cancelled again" in await harness.say(
        "Olivia", "/task cancel 2"
    )
    # More slots reopen a finished task.
    assert "Saved #1" in await harness.say("Olivia", "/task edit 1 slots 2")
    assert "1 of 2 slots open" in await harness.say("Sam", "/task list")


async def test_the_edit_form_opens_filled_in_and_saves_what_changed(harness: Harness) -> None:
    await harness.say("Olivia", '/task post "Flyers" due 2026-11-06 slots 2 Ask for Jo.')
    await harness.say("Maria", "/task claim 1")
    harness.messenger.clear()

    form = await harness.reply("Olivia", "/task edit 1")

    assert isinstance(form, Form) and form.form_id == "edit_task:1"
    title, due, slots, details = form.fields
    assert isinstance(title, TextField) and title.initial == "Flyers"
    assert isinstance(due, DateField) and due.initial == "2026-11-06"
    assert isinstance(slots, NumberField) and slots.initial == 2
    assert isinstance(details, TextField) and details.initial == "Ask for Jo."
    assert "Only organizers can edit" in await harness.say("Maria", "/task edit 1")

    saved = await harness.submit(
        "Olivia",
        "edit_task:1",
        title="Flyers",
        due="2026-11-09",
        slots="2",
        description="Ask for Jo.",
    )

    assert "Saved #1 “Flyers”: due Mon Nov 9, 2 slots, with details." in text_of(saved)
    [told] = harness.messenger.texts("maria")
    assert "it's now due Mon Nov 9." in told and "details" not in told


async def test_news_of_a_change_is_dropped_once_it_no_longer_concerns_them(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/task post "Flyers" slots 3')
    await harness.say("Olivia", '/task post "Printer" slots 2')
    for name, line in (
        ("Maria", "/task claim 1"),
        ("Sam", "/task claim 1"),
        ("Ana", "/task claim 2"),
    ):
        await harness.say(name, line)
    harness.messenger.clear()
    # Queued, but not yet sent, when Maria lets it go, Sam finishes and task 2 is cancelled.
    await harness.reply("Olivia", "/task edit 1 due 2026-11-20")
    await harness.reply("Olivia", "/task edit 2 due 2026-11-20")
    await harness.reply("Maria", "/task release 1")
    await harness.reply("Sam", "/task done 1")
    await harness.reply("Olivia", "/task cancel 2")
    await harness.deliver()

    assert harness.messenger.texts("maria") == [] and harness.messenger.texts("sam") == []
    [told] = harness.messenger.texts("ana")
    assert "cancelled #2" in told
