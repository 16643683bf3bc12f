"""Shift and task forms: what a bare `/phonebank create` or `/task post` asks, and its answers."""

from bot.ports.replies import ChoiceField, DateField, Form, Message, NumberField, TimeField
from bot.shifts.new_shift import SHIFT
from bot.tasks.new_task import TASK
from tests.conftest import Harness
from tests.render import text_of

SATURDAY = {
    "title": "Saturday calls",
    "day": "2026-11-07",
    "start": "18:00",
    "duration": "2h",
    "capacity": "12",
    "link": "https://dialer.example/sat",
}


async def test_create_alone_asks_an_organizer_for_the_shift_in_a_form(harness: Harness) -> None:
    form = await harness.reply("Olivia", "/phonebank create")
    assert isinstance(form, Form) and form.form_id == SHIFT.form_id
    fields = {f.name: f for f in form.fields}
    assert list(fields) == [
        "title",
        "day",
        "start",
        "duration",
        "capacity",
        "link",
        "repeat",
        "weekdays",
        "ends",
    ]
    assert isinstance(fields["repeat"], ChoiceField)
    assert [o.label for o in fields["repeat"].options] == [
        "Does not repeat",
        "Weekly",
        "Every 2 weeks",
        "On chosen weekdays",
    ]
    assert isinstance(fields["day"], DateField) and isinstance(fields["start"], TimeField)
    assert isinstance(fields["capacity"], NumberField) and fields["capacity"].high == 500
    assert not fields["link"].required


async def test_the_create_form_s_repeat_answer_makes_the_series_as_repeat_would(
    harness: Harness,
) -> None:
    reply = await harness.submit(
        "Olivia", SHIFT, **SATURDAY, repeat="every-2-weeks", weekdays=(), ends="2026-11-30"
    )

    text = text_of(reply)
    assert "Created #1 “Saturday calls”: Sat Nov 7, 6:00 PM EST" in text
    assert "#1 “Saturday calls” now repeats every 2 weeks until 2026-11-30, at 18:00" in text
    assert "Created #2 Sat Nov 21: that's every date of the series." in text
    assert "Repeat…" not in text  # it was asked
    listing = await harness.say("Maria", "/phonebank list")
    assert listing.count("Saturday calls") == 2
    assert "already repeats" in await harness.say("Olivia", "/phonebank repeat 1 weekly")


async def test_on_chosen_weekdays_with_a_number_of_times(harness: Harness) -> None:
    reply = await harness.submit(
        "Olivia", SHIFT, **SATURDAY, repeat="weekdays", weekdays=("sat", "sun"), ends="3 times"
    )
    assert "now repeats every week on Sat and Sun, 3 times" in text_of(reply)
    assert "Created #2 Sun Nov 8, #3 Sat Nov 14" in text_of(reply)


async def test_does_not_repeat_creates_one_shift_and_offers_no_repeat_button(
    harness: Harness,
) -> None:
    reply = await harness.submit("Olivia", SHIFT, **SATURDAY, repeat="once", weekdays=(), ends="")
    assert isinstance(reply, Message)
    assert "repeats" not in reply.text and [b.label for b in reply.buttons] == ["Join"]


async def test_bad_repeat_answers_say_what_to_fix_and_create_nothing(harness: Harness) -> None:
    for repeat, weekdays, ends, says in [
        ("weekdays", (), "", "Tick the weekdays it repeats on"),
        ("once", ("tue",), "", "does not repeat but filled in when it repeats"),
        ("once", (), "8 times", "does not repeat but filled in when it repeats"),
        ("weekly", (), "soon", "couldn't read `soon` as an end"),
        ("weekly", (), "0 times", "at least 1"),
        ("weekly", (), "2026-11-01", "is before the shift itself"),
        ("weekly", (), "2026-11-31", "isn't a date on the calendar"),
        ("hourly", (), "", "Pick how the shift repeats from the list"),
        ("weekly", ("funday",), "", "Pick the weekdays from the list"),
    ]:
        reply = await harness.submit(
            "Olivia", SHIFT, **SATURDAY, repeat=repeat, weekdays=weekdays, ends=ends
        )
        assert isinstance(reply, Message) and reply.error, (repeat, ends)
        assert says in reply.text, (repeat, ends, reply.text)
    assert "No shifts are scheduled yet" in await harness.say("Maria", "/phonebank list")


async def test_a_form_without_room_for_the_repeat_question_offers_it_after_creating(
    harness: Harness,
) -> None:
    created = await harness.submit("Olivia", SHIFT, **SATURDAY)
    assert isinstance(created, Message)
    [_, repeat] = created.buttons
    assert repeat.label == "Repeat…"

    refused = await harness.press("Maria", repeat.action)
    assert "Only organizers can repeat shifts" in refused
    form = await harness.bot.turnout.press(harness.actor("Olivia"), repeat.action)
    assert isinstance(form, Form) and form.form_id == "repeat:1"
    assert [f.name for f in form.fields] == ["repeat", "weekdays", "ends"]
    assert isinstance(form.fields[0], ChoiceField)
    assert "Does not repeat" not in [o.label for o in form.fields[0].options]
    assert "Tick the weekdays" in text_of(
        await harness.submit("Olivia", "repeat:1", repeat="weekdays", weekdays=(), ends="")
    )
    done = await harness.submit("Olivia", "repeat:1", repeat="weekly", weekdays=(), ends="")

    assert "#1 “Saturday calls” now repeats every week" in text_of(done)
    assert (await harness.say("Maria", "/phonebank list")).count("Saturday calls") == 4


async def test_volunteers_are_not_offered_the_form(harness: Harness) -> None:
    reply = await harness.reply("Maria", "/phonebank create")
    assert isinstance(reply, Message) and reply.error
    assert "Only organizers can create phone bank shifts" in reply.text


async def test_a_filled_in_shift_form_creates_the_shift_in_the_campaign_zone(
    harness: Harness,
) -> None:
    reply = await harness.submit("Olivia", SHIFT, **SATURDAY)
    assert "Created #1 “Saturday calls”: Sat Nov 7, 6:00 PM EST for 2h, 12 seats" in text_of(reply)
    assert "Saturday calls" in await harness.say("Maria", "/phonebank list")


async def test_the_link_may_be_left_blank(harness: Harness) -> None:
    reply = await harness.submit("Olivia", SHIFT, **{**SATURDAY, "link": ""})
    assert isinstance(reply, Message)
    assert not reply.error and "Created #1" in text_of(reply)


async def test_a_wrong_answer_says_what_to_fix_and_creates_nothing(harness: Harness) -> None:
    for name, typed, says in [
        ("day", "07/11/2026", "Use YYYY-MM-DD"),
        ("start", "noonish", "as a start time"),
        ("duration", "forever", "length of the shift"),
        ("capacity", "0", "at least 1"),
        ("capacity", "501", "from 1 to 500"),
        ("link", "dialer", "link"),
        ("title", "   ", "Please fill in the title"),
        ("title", "Call <!channel>", "mention"),
    ]:
        reply = await harness.submit("Olivia", SHIFT, **{**SATURDAY, name: typed})
        assert isinstance(reply, Message) and reply.error, (name, typed)
        assert says in reply.text, (name, typed, reply.text)
    assert "No shifts are scheduled yet" in await harness.say("Maria", "/phonebank list")


async def test_a_volunteer_cannot_create_a_shift_by_submitting_the_form(harness: Harness) -> None:
    reply = await harness.submit("Maria", SHIFT, **SATURDAY)
    assert isinstance(reply, Message)
    assert reply.error and "Only organizers" in reply.text


async def test_task_post_alone_asks_for_the_task_and_the_answers_post_it(harness: Harness) -> None:
    form = await harness.reply("Olivia", "/task post")
    assert isinstance(form, Form) and form.form_id == TASK.form_id
    assert [f.name for f in form.fields] == ["title", "due", "slots", "description"]
    reply = await harness.submit(
        "Olivia", TASK, title="Drop flyers", due="2026-11-06", slots="2", description="At Jo's."
    )
    assert "New task #1: Drop flyers (due Fri Nov 6, 2 volunteers needed)" in text_of(reply)
    bare = await harness.submit("Olivia", TASK, title="Call the printer", due="", slots="1")
    assert "New task #2: Call the printer" in text_of(bare)


async def test_a_wrong_task_answer_posts_nothing(harness: Harness) -> None:
    reply = await harness.submit("Olivia", TASK, title="Flyers", due="soon", slots="1")
    assert isinstance(reply, Message)
    assert reply.error and "YYYY-MM-DD" in reply.text
    reply = await harness.submit("Olivia", TASK, title="Flyers", slots="101")
    assert isinstance(reply, Message)
    assert reply.error and "from 1 to 100" in reply.text
    assert "No open tasks" in await harness.say("Maria", "/task list")


async def test_an_unknown_form_is_refused_kindly(harness: Harness) -> None:
    reply = await harness.submit("Olivia", "poll", question="?")
    assert isinstance(reply, Message)
    assert reply.error and "That form has expired" in reply.text


async def test_a_repeat_past_a_year_ahead_in_the_create_form_creates_nothing(
    harness: Harness,
) -> None:
    reply = await harness.submit(
        "Olivia", SHIFT, **SATURDAY, repeat="weekly", weekdays=(), ends="60 times"
    )
    assert isinstance(reply, Message) and reply.error
    assert "the most that fits is `times 52`" in reply.text
    assert "No shifts are scheduled yet" in await harness.say("Maria", "/phonebank list")
