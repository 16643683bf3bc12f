"""Editing a shift: the new details, reminders moved with it, and each person told once."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.domain.notice import NoticeKind
from bot.ports.replies import Form, Message, TextField
from tests.conftest import Harness
from tests.queued import pending_notices
from tests.render import text_of

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h {seats} https://dialer.example/sat'


async def shift_with(h: Harness, seats: int, *people: str) -> None:
    assert "Created #1" in await h.say("Olivia", CREATE.format(seats=seats))
    for name in people:
        await h.say(name, "/phonebank join 1")
    h.messenger.clear()


async def reminders_due(h: Harness) -> list[datetime]:
    async with h.storage.unit_of_work() as uow:
        pending = await pending_notices(uow, shift_id=1)
    return sorted(n.due_at for n in pending if n.kind is NoticeKind.SHIFT_REMINDER)


async def roster(h: Harness) -> str:
    return await h.say("Olivia", "/phonebank roster 1")


async def test_a_new_time_moves_the_reminders_and_tells_everyone_on_it_in_their_zone(
    harness: Harness,
) -> None:
    await shift_with(harness, 1, "Maria", "Sam")
    await harness.say("Sam", "/volunteer tz America/Los_Angeles")
    harness.messenger.clear()

    asked = await harness.reply("Olivia", "/phonebank edit 1 time 19:00")
    assert isinstance(asked, Message)
    assert "2 people will get a DM. Nothing is saved yet" in text_of(asked)
    assert harness.messenger.sent == []
    assert await reminders_due(harness) == [
        datetime(2026, 11, 7, 23, 0, tzinfo=UTC) - timedelta(days=1),
        datetime(2026, 11, 7, 23, 0, tzinfo=UTC) - timedelta(hours=1),
    ]
    [save] = asked.buttons
    assert save.label == "Save and tell them"

    reply = await harness.press("Olivia", save.action)

    assert "Saved #1" in reply and "Sat Nov 7, 7:00 PM EST" in reply and "2 people told" in reply
    [maria] = harness.messenger.texts("maria")
    assert "moved from Sat Nov 7, 6:00 PM EST to Sat Nov 7, 7:00 PM EST" in maria
    assert "[1] Still works   [2] Can't make it" in maria
    [sam] = harness.messenger.texts("sam")
    assert "moved from Sat Nov 7, 3:00 PM PST to Sat Nov 7, 4:00 PM PST" in sam
    new_start = datetime(2026, 11, 8, 0, 0, tzinfo=UTC)
    assert await reminders_due(harness) == [
        new_start - timedelta(days=1),
        new_start - timedelta(hours=1),
    ]


async def test_a_new_length_alone_is_told_as_a_new_length_not_a_move_to_the_same_time(
    harness: Harness,
) -> None:
    await shift_with(harness, 2, "Maria")

    await harness.say("Olivia", "/phonebank edit 1 length 3h confirm")

    [maria] = harness.messenger.texts("maria")
    assert maria.startswith(
        "🕒 “Saturday calls” (#1), Sat Nov 7, 6:00 PM EST, now runs for 3h, until 9:00 PM. "
        "Does it still work for you?"
    ), maria
    assert "moved from" not in maria


async def test_still_works_keeps_the_seat_and_cant_make_it_gives_it_to_the_waitlist(
    harness: Harness,
) -> None:
    await shift_with(harness, 1, "Maria", "Sam")
    await harness.say("Olivia", "/phonebank edit 1 date 2026-11-08 confirm")

    assert "still in for" in await harness.press("Maria", "turnout:still:1")
    assert "You've left #1" in await harness.press("Maria", "turnout:leave:1")

    assert any("Good news" in t for t in harness.messenger.texts("sam"))
    assert "1. Sam" in await roster(harness)


async def test_a_new_link_goes_to_the_confirmed_only_and_a_new_title_to_nobody(
    harness: Harness,
) -> None:
    await shift_with(harness, 1, "Maria", "Sam")

    assert "new title" in await harness.say("Olivia", "/phonebank edit 1 title Sunday calls")
    assert harness.messenger.sent == []
    asked = await harness.reply("Olivia", "/phonebank edit 1 link https://dialer.example/new")
    # A link can't ride on a button: a one-question form, filled in, confirms it.
    assert isinstance(asked, Form) and asked.submit_label == "Save and tell them"
    assert "changes its link, and 1 person will get a DM" in asked.intro
    assert "`/phonebank edit 1 link https://dialer.example/new confirm`" in asked.intro
    [link] = asked.fields
    assert isinstance(link, TextField)
    assert link.initial == "https://dialer.example/new"
    assert harness.messenger.sent == []
    reply = text_of(await harness.submit("Olivia", asked.form_id, link=link.initial))

    assert "new link; 1 person confirmed told" in reply
    [maria] = harness.messenger.texts("maria")
    assert "“Sunday calls”" in maria and "https://dialer.example/new" in maria
    assert harness.messenger.texts("sam") == []
    assert "link removed" in await harness.say("Olivia", "/phonebank edit 1 link - confirm")
    retyped = await harness.say("Olivia", "/phonebank edit 1 link https://dialer.example/3 confirm")
    assert "new link; 1 person confirmed told" in retyped


async def test_more_seats_move_the_waitlist_up_in_order_each_told_once(harness: Harness) -> None:
    await shift_with(harness, 1, "Maria", "Sam", "Ana", "Lee")

    reply = await harness.say("Olivia", "/phonebank edit 1 seats 3")

    assert "3 seats; 2 people moved up from the waitlist and told" in reply
    assert [t for t in harness.messenger.texts("sam") if "Good news" in t] != []
    assert [t for t in harness.messenger.texts("ana") if "Good news" in t] != []
    assert harness.messenger.texts("lee") == []
    text = await roster(harness)
    assert "3 of 3 seats filled, 1 waiting" in text and "1. Lee" in text


async def test_fewer_seats_than_confirmed_asks_first_then_the_last_to_join_wait_at_the_head(
    harness: Harness,
) -> None:
    await shift_with(harness, 3, "Maria", "Sam", "Ana", "Lee")

    asked = await harness.reply("Olivia", "/phonebank edit 1 seats 1")
    assert isinstance(asked, Message)
    assert "moves Sam and Ana (the last to join) back to the head of the waitlist" in text_of(asked)
    assert "3 of 3 seats filled" in await roster(harness)
    assert harness.messenger.sent == []

    done = await harness.press("Olivia", asked.buttons[0].action)

    assert "Sam and Ana moved back to the waitlist and told" in done
    text = await roster(harness)
    assert "1 of 1 seats filled, 3 waiting" in text
    assert text.index("1. Sam") < text.index("2. Ana") < text.index("3. Lee")
    [sam] = harness.messenger.texts("sam")
    assert "back on the waitlist, #1 in line" in sam
    assert len(await reminders_due(harness)) == 2  # only Maria's


async def test_fewer_seats_that_bump_nobody_are_saved_and_the_reply_says_so(
    harness: Harness,
) -> None:
    await shift_with(harness, 3, "Maria")

    reply = await harness.say("Olivia", "/phonebank edit 1 seats 1")

    assert reply == "Saved #1 “Saturday calls”: 1 seat."
    assert "1 of 1 seats filled" in await roster(harness)
    assert harness.messenger.sent == []


async def test_typed_confirm_cuts_the_seats_in_one_step(harness: Harness) -> None:
    await shift_with(harness, 2, "Maria", "Sam")
    assert "Sam moved back" in await harness.say("Olivia", "/phonebank edit 1 seats 1 confirm")


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/phonebank edit 1 colour red", "I can't change `colour`; I can change title"),
        ("/phonebank edit 1 date 2026-11-01", "is in the past; pick a future date"),
        ("/phonebank edit 1 seats 0", "must be at least 1"),
        ("/phonebank edit 1 length 20h", "from 15 minutes to 12 hours"),
        ("/phonebank edit 1 seats 1 please", "to go ahead type `/phonebank edit 1 seats 1 conf"),
        ("/phonebank edit 1 time 19:00 now", "I didn't expect `now` there"),
        ("/phonebank edit 1 time 19:00", "2 people will get a DM. Nothing is saved yet"),
        ("/phonebank edit 1 length 3h", "makes it 3h long, and 2 people will get a DM"),
        ("/phonebank edit 9 time 19:00", "There's no shift #9"),
        ("/phonebank edit 1 link ftp:/x", "full web address"),
    ],
)
async def test_bad_edits_get_one_sentence_and_change_nothing(
    harness: Harness, line: str, says: str
) -> None:
    await shift_with(harness, 2, "Maria", "Sam")
    before = await roster(harness)

    assert says in await harness.say("Olivia", line)

    assert await roster(harness) == before
    assert harness.messenger.sent == []


async def test_only_organizers_edit_and_started_or_cancelled_shifts_cannot_be_edited(
    harness: Harness,
) -> None:
    await shift_with(harness, 2, "Maria")
    assert "Only organizers can edit shifts" in await harness.say("Maria", "/phonebank edit 1")
    await harness.say("Olivia", '/phonebank create "Later" 2026-11-09 18:00 2h 3')
    await harness.say("Olivia", "/phonebank cancel 2")
    assert "cancelled, so it can't be edited" in await harness.say(
        "Olivia", "/phonebank edit 2 seats 4"
    )
    harness.clock.advance(timedelta(days=6))
    assert "already started" in await harness.say("Olivia", "/phonebank edit 1 seats 4")


async def test_the_form_opens_filled_in_says_who_will_hear_and_saves_only_what_changed(
    harness: Harness,
) -> None:
    await shift_with(harness, 1, "Maria", "Sam")

    form = await harness.reply("Olivia", "/phonebank edit 1")

    assert isinstance(form, Form) and form.form_id == "edit_shift:1"
    assert "2 people will get a DM; a new link: 1 person" in form.intro
    initial = {f.name: getattr(f, "initial", None) for f in form.fields}
    assert initial == {
        "title": "Saturday calls",
        "day": "2026-11-07",
        "start": "18:00",
        "duration": "2h",
        "capacity": 1,
        "link": "https://dialer.example/sat",
    }
    answers = {k: str(v) for k, v in initial.items()}
    unchanged = await harness.submit("Olivia", "edit_shift:1", **answers)
    assert "nothing changed" in text_of(unchanged)
    saved = await harness.submit("Olivia", "edit_shift:1", **{**answers, "capacity": "2"})
    assert "2 seats; 1 person moved up" in text_of(saved)


async def test_a_new_time_moves_the_check_in_the_debrief_the_follow_ups_and_the_checks(
    harness: Harness,
) -> None:
    await shift_with(harness, 1, "Maria")

    await harness.say("Olivia", "/phonebank edit 1 time 19:00 confirm")

    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow, shift_id=1)
    due = {n.kind: n.due_at for n in pending if n.kind is not NoticeKind.SHIFT_REMINDER}
    # 19:00 EST is midnight UTC; the shift lasts 2 hours.
    new_start = datetime(2026, 11, 8, 0, 0, tzinfo=UTC)
    assert due == {
        NoticeKind.CHECK_IN: new_start,
        NoticeKind.DEBRIEF: new_start + timedelta(hours=2, minutes=15),
        NoticeKind.WRAP_UP: new_start + timedelta(hours=4),
        NoticeKind.CONFIRM_CHECK: new_start - timedelta(hours=12),
        # The follow-up: 10:00 New York time on the first morning a day after the end.
        NoticeKind.MISSED_YOU: datetime(2026, 11, 9, 15, 0, tzinfo=UTC),
        NoticeKind.TWO_MISSES: datetime(2026, 11, 9, 15, 0, tzinfo=UTC),
    }
    assert len([n for n in pending if n.kind is NoticeKind.CHECK_IN]) == 1
    assert len([n for n in pending if n.kind is NoticeKind.CONFIRM_CHECK]) == 1
