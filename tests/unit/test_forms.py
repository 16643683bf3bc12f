"""Shift and task forms: what a bare `/phonebank create` or `/task post` asks, and its answers."""

from bot.forms import SHIFT, TASK
from bot.replies import DateField, Form, Message, NumberField, TimeField
from tests.render import text_of

SATURDAY = {
    "title": "Saturday calls",
    "day": "2026-11-07",
    "start": "18:00",
    "duration": "2h",
    "capacity": "12",
    "link": "https://dialer.example/sat",
}


async def test_create_alone_asks_an_organizer_for_the_shift_in_a_form(harness):
    form = await harness.reply("Olivia", "/phonebank create")
    assert isinstance(form, Form) and form.form_id == SHIFT
    fields = {f.name: f for f in form.fields}
    assert list(fields) == ["title", "day", "start", "duration", "capacity", "link"]
    assert isinstance(fields["day"], DateField) and isinstance(fields["start"], TimeField)
    assert isinstance(fields["capacity"], NumberField) and fields["capacity"].high == 500
    assert not fields["link"].required


async def test_volunteers_are_not_offered_the_form(harness):
    reply = await harness.reply("Maria", "/phonebank create")
    assert isinstance(reply, Message) and reply.error
    assert "Only organizers can create phone bank shifts" in reply.text


async def test_a_filled_in_shift_form_creates_the_shift_in_the_campaign_zone(harness):
    reply = await harness.submit("Olivia", SHIFT, **SATURDAY)
    assert "Created #1 “Saturday calls”: Sat Nov 7, 6:00 PM EST for 2h, 12 seats" in text_of(reply)
    assert "Saturday calls" in await harness.say("Maria", "/phonebank list")


async def test_the_link_may_be_left_blank(harness):
    reply = await harness.submit("Olivia", SHIFT, **{**SATURDAY, "link": ""})
    assert not reply.error and "Created #1" in text_of(reply)


async def test_a_wrong_answer_says_what_to_fix_and_creates_nothing(harness):
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
        assert reply.error, (name, typed)
        assert says in reply.text, (name, typed, reply.text)
    assert "No shifts are scheduled yet" in await harness.say("Maria", "/phonebank list")


async def test_a_volunteer_cannot_create_a_shift_by_submitting_the_form(harness):
    reply = await harness.submit("Maria", SHIFT, **SATURDAY)
    assert reply.error and "Only organizers" in reply.text


async def test_task_post_alone_asks_for_the_task_and_the_answers_post_it(harness):
    form = await harness.reply("Olivia", "/task post")
    assert isinstance(form, Form) and form.form_id == TASK
    assert [f.name for f in form.fields] == ["title", "due", "slots", "description"]
    reply = await harness.submit(
        "Olivia", TASK, title="Drop flyers", due="2026-11-06", slots="2", description="At Jo's."
    )
    assert "New task #1: Drop flyers (due Fri Nov 6, 2 volunteers needed)" in text_of(reply)
    bare = await harness.submit("Olivia", TASK, title="Call the printer", due="", slots="1")
    assert "New task #2: Call the printer" in text_of(bare)


async def test_a_wrong_task_answer_posts_nothing(harness):
    reply = await harness.submit("Olivia", TASK, title="Flyers", due="soon", slots="1")
    assert reply.error and "YYYY-MM-DD" in reply.text
    reply = await harness.submit("Olivia", TASK, title="Flyers", slots="101")
    assert reply.error and "from 1 to 100" in reply.text
    assert "No open tasks" in await harness.say("Maria", "/task list")


async def test_an_unknown_form_is_refused_kindly(harness):
    reply = await harness.submit("Olivia", "poll", question="?")
    assert reply.error and "That form has expired" in reply.text
