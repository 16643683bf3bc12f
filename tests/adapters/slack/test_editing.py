"""Editing a shift on Slack: the modal opens filled in, DMs carry Still works, a cut confirms."""

from bot.ports.replies import FormSubmission
from tests.adapters.slack.conftest import OLIVIA, VERA, WALT, Rig
from tests.adapters.slack.test_modals import SHIFT_ANSWERS, elements, open_form

SMALL = '/phonebank create "Library calls" 2026-11-28 18:00 2h 1 https://dialer.example/a'


async def seated(rig: Rig, *users: tuple[str, str]) -> None:
    await rig.as_organizer(SMALL)
    for user in users:
        await rig.bot.turnout.run_slash(rig.actor(user), "/phonebank", "join 1")


async def test_a_bare_edit_opens_the_shift_modal_filled_in_and_saving_it_edits(rig: Rig) -> None:
    await seated(rig, VERA, WALT)

    opened = await open_form(rig, "/phonebank edit 1")

    view = opened["view"]
    assert view["callback_id"] == "form:edit_shift:1"
    shown = elements(view)
    assert shown["title"]["initial_value"] == "Library calls"
    assert shown["day"]["initial_date"] == "2026-11-28"
    assert shown["start"]["initial_time"] == "18:00"
    assert shown["capacity"]["initial_value"] == "1"
    assert "2 people will get a DM" in str(view["blocks"])
    answers = SHIFT_ANSWERS | {
        "title": {"type": "plain_text_input", "value": "Library calls"},
        "capacity": {"type": "number_input", "value": "2"},
        "link": {"type": "plain_text_input", "value": "https://dialer.example/a"},
    }
    answer = await rig.submit(opened, answers)

    assert answer.status == 200
    await rig.deliver()
    promoted = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "a seat opened up" in c.text, channel="D0WALT"
    )
    assert "“Library calls” (#1)" in promoted.text


async def test_a_moved_shift_dm_has_still_works_and_cant_make_it_buttons_that_answer(
    rig: Rig,
) -> None:
    await seated(rig, VERA)
    await rig.command("/phonebank edit 1 time 19:00", user=OLIVIA)
    asked = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "1 person will get a DM" in asked.text
    save = asked.button("Save and tell them")
    assert save["value"] == "turnout:newtime:1:1900"
    await rig.press(save, OLIVIA)
    saved = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=2)
    assert "Saved #1" in saved.text
    await rig.deliver()

    moved = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "moved from" in c.text, channel="D0VERA"
    )
    assert "Sat Nov 28, 6:00 PM EST to Sat Nov 28, 7:00 PM EST" in moved.text
    assert moved.button("Can't make it")["value"] == "turnout:leave:1"
    await rig.press(moved.button("Still works"), VERA, on=moved)

    kept = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "still in for" in c.text, channel="D0VERA"
    )
    assert "7:00 PM EST" in kept.text


async def test_cutting_seats_asks_with_a_button_that_carries_the_new_number(rig: Rig) -> None:
    await seated(rig, VERA)
    await rig.bot.turnout.run_slash(
        rig.actor(OLIVIA, organizer=True), "/phonebank", "edit 1 seats 2"
    )
    await rig.bot.turnout.run_slash(rig.actor(WALT), "/phonebank", "join 1")
    await rig.command("/phonebank edit 1 seats 1", user=OLIVIA)

    asked = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    button = asked.button("Cut to 1 seat")
    assert button["value"] == "turnout:seats:1:1"
    await rig.press(button, OLIVIA)

    done = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=2)
    assert "moved back to the waitlist and told" in done.text


async def test_add_remove_and_move_typed_on_slack_answer_the_organizer_and_dm_the_volunteer(
    rig: Rig,
) -> None:
    await seated(rig, VERA)
    await rig.as_organizer('/phonebank create "Sunday calls" 2026-11-29 18:00 2h 3')
    await rig.bot.turnout.welcome(rig.actor(WALT))

    await rig.command("/phonebank add 1 walt over", user=OLIVIA)
    added = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    await rig.command("/phonebank move vera 1 2", user=OLIVIA)
    moved = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0], count=2)
    await rig.deliver()

    assert "Booked walt on #1" in added.text
    assert "Moved vera from #1 to #2" in moved.text
    dm = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "moved you from" in c.text, channel="D0VERA"
    )
    assert dm.button("Can't make it")["value"] == "turnout:leave:2"


async def test_repeat_typed_on_slack_and_the_every_week_button_on_the_join_reply(rig: Rig) -> None:
    await rig.as_organizer(SMALL)
    await rig.command("/phonebank repeat 1 weekly times 3", user=OLIVIA)
    repeated = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    await rig.command("/phonebank join 1", user=VERA)
    joined = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    assert "now repeats every week, 3 times" in repeated.text
    button = joined.button("Every week")
    assert button["value"] == "turnout:weekly:1"
    await rig.press(button, VERA)
    standing = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0], count=2)
    assert "You're signed up every week for “Library calls”" in standing.text


async def test_a_proposal_posts_approve_and_decline_in_the_organizer_channel_and_decline_asks_why(
    rig: Rig,
) -> None:
    from tests.adapters.slack.conftest import ORGANIZER_CHANNEL

    await rig.command('/phonebank propose "Calls at home" 2026-11-28 18:00 2h 4', user=VERA)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    await rig.deliver()
    alert = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "offers to host" in c.text, channel=ORGANIZER_CHANNEL
    )
    assert alert.button("Approve")["value"] == "turnout:approve:1"

    await rig.press(alert.button("Decline"), OLIVIA, on=alert)
    opened = await rig.fake.wait_for("views.open")
    assert opened["view"]["callback_id"] == "form:decline:1"
    await rig.submit(opened, {"reason": {"type": "plain_text_input", "value": "Full that week"}})
    await rig.deliver()

    told = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "won't run your phone bank" in c.text, channel="D0VERA"
    )
    assert "Full that week" in told.text


async def test_a_typed_new_link_opens_a_modal_saying_who_hears_and_saving_it_tells_them(
    rig: Rig,
) -> None:
    await seated(rig, VERA)

    opened = await open_form(rig, "/phonebank edit 1 link https://dialer.example/b")

    view = opened["view"]
    assert view["callback_id"] == "form:edit_link:1"
    assert view["submit"]["text"] == "Save and tell them"
    assert "1 person will get a DM" in str(view["blocks"])
    assert elements(view)["link"]["initial_value"] == "https://dialer.example/b"
    assert not rig.fake.calls_to("chat.postMessage")
    answer = await rig.submit(
        opened, {"link": {"type": "plain_text_input", "value": "https://dialer.example/b"}}
    )

    assert answer.status == 200
    await rig.deliver()
    told = await rig.fake.wait_for(
        "chat.postMessage", lambda c: "new dialer and script link" in c.text, channel="D0VERA"
    )
    assert "https://dialer.example/b" in told.text


async def test_booking_outside_availability_asks_first_and_book_anyway_books_on_slack(
    rig: Rig,
) -> None:
    await rig.as_organizer(SMALL)  # a Saturday
    await rig.bot.turnout.submit(
        rig.actor(WALT),
        FormSubmission(
            "onboarding",
            {
                "interests": ("phone_banking",),
                "availability": "weekday_evenings",
                "location": "53703",
            },
        ),
    )

    await rig.command("/phonebank add 1 walt", user=OLIVIA)
    asked = await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    assert "told us when they're free (weekday evenings)" in asked.text
    assert asked.button("Cancel")["value"] == "turnout:dontbook"
    await rig.press(asked.button("Book anyway"), OLIVIA)
    booked = await rig.fake.wait_for(
        "chat.postEphemeral", lambda c: "Booked walt on #1" in c.text, user=OLIVIA[0]
    )
    assert "(0 seats left)" in booked.text
