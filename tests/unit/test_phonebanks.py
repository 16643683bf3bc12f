"""Phone bank shifts through the core: create, join, waitlist, leave, cancel, announce."""

from datetime import timedelta

from bot.domain.notice import NoticeKind
from tests.conftest import Harness
from tests.queued import pending_notices

CREATE = '/phonebank create "Saturday calls" 2026-11-07 18:00 2h {seats} https://dialer.example/sat'


async def create(h: Harness, seats: int = 2) -> None:
    reply = await h.say("Olivia", CREATE.format(seats=seats))
    assert "Created #1" in reply


async def test_an_organizer_creates_a_shift_and_volunteers_see_it_listed(harness: Harness) -> None:
    await create(harness, seats=12)
    listing = await harness.say("Maria", "/phonebank list")
    assert "#1 Saturday calls" in listing
    assert "Sat Nov 7, 6:00 PM EST" in listing
    assert "12 of 12 seats left" in listing
    assert "[1] Join" in listing


async def test_volunteers_see_times_in_their_own_zone(harness: Harness) -> None:
    await create(harness)
    await harness.say("Maria", "/volunteer tz America/Los_Angeles")
    assert "Sat Nov 7, 3:00 PM PST" in await harness.say("Maria", "/phonebank list")


async def test_only_organizers_create_shifts_and_a_refusal_changes_nothing(
    harness: Harness,
) -> None:
    reply = await harness.say("Maria", CREATE.format(seats=5))
    assert "Only organizers can create" in reply
    assert "No shifts are scheduled yet" in await harness.say("Maria", "/phonebank list")


async def test_joining_confirms_a_seat_and_promises_reminders(harness: Harness) -> None:
    await create(harness)
    reply = await harness.say("Maria", "/phonebank join 1")
    assert "You're in! #1 “Saturday calls”" in reply
    assert "https://dialer.example/sat" in reply
    assert "I'll remind you 1 day and 1 hour before it starts" in reply
    assert "already signed up" in await harness.say("Maria", "/phonebank join #1")


async def test_a_full_shift_puts_people_on_the_waitlist_in_order(harness: Harness) -> None:
    await create(harness, seats=1)
    await harness.say("Maria", "/phonebank join 1")
    assert "you're #1 on the waitlist" in await harness.say("Sam", "/phonebank join 1")
    assert "you're #2 on the waitlist" in await harness.say("Ana", "/phonebank join 1")
    assert "already #2 on the waitlist" in await harness.say("Ana", "/phonebank join 1")
    listing = await harness.say("Ana", "/phonebank list")
    assert "full (1 seat)" in listing
    assert "2 on the waitlist" in listing
    assert "[1] Leave" in listing


async def test_leaving_promotes_the_first_on_the_waitlist_who_is_told_at_once(
    harness: Harness,
) -> None:
    await create(harness, seats=1)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.say("Ana", "/phonebank join 1")
    harness.messenger.clear()

    assert "You've left #1" in await harness.say("Maria", "/phonebank leave 1")

    [promotion] = harness.messenger.texts("sam")
    assert "Good news" in promotion and "Saturday calls" in promotion
    assert "[1] Can't make it" in promotion
    assert harness.messenger.texts("ana") == []
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "1. Sam" in roster and "confirmed" in roster
    assert "1. Ana" in roster and "waitlist #1" in roster
    assert "Maria" not in roster


async def test_leaving_a_shift_you_are_not_on_is_explained(harness: Harness) -> None:
    await create(harness)
    assert "not signed up for #1" in await harness.say("Maria", "/phonebank leave 1")


async def test_unknown_started_and_cancelled_shifts_cannot_be_joined(harness: Harness) -> None:
    assert "There's no shift #9" in await harness.say("Maria", "/phonebank join 9")
    await create(harness)
    await harness.say("Olivia", "/phonebank cancel 1")
    assert "was cancelled" in await harness.say("Maria", "/phonebank join 1")
    await harness.say("Olivia", '/phonebank create "Later" 2026-11-03 10:00 1h 3')
    harness.clock.advance(timedelta(days=2))
    assert "has already started" in await harness.say("Maria", "/phonebank join 2")


async def test_my_shifts_lists_seats_and_waitlist_places(harness: Harness) -> None:
    await create(harness, seats=1)
    await harness.say("Olivia", '/phonebank create "Sunday calls" 2026-11-08 13:00 90m 4')
    await harness.say("Sam", "/phonebank join 1")
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Maria", "/phonebank join 2")
    mine = await harness.say("Maria", "/phonebank mine")
    assert "#1 Saturday calls" in mine and "you're waitlisted" in mine
    assert "#2 Sunday calls" in mine and "you're in" in mine
    assert "not signed up for anything" in await harness.say("Ana", "/phonebank mine")


async def test_cancelling_tells_everyone_signed_up_and_stops_their_reminders(
    harness: Harness,
) -> None:
    await create(harness, seats=1)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    harness.messenger.clear()
    assert "letting the 2 people signed up know" in await harness.say(
        "Olivia", "/phonebank cancel 1"
    )
    assert "has been cancelled" in harness.messenger.texts("maria")[0]
    assert "has been cancelled" in harness.messenger.texts("sam")[0]
    harness.messenger.clear()
    await harness.advance(timedelta(days=6))
    assert harness.messenger.texts("maria") == []


async def test_announcements_reach_confirmed_volunteers_only(harness: Harness) -> None:
    await create(harness, seats=1)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    harness.messenger.clear()
    reply = await harness.say("Olivia", "/phonebank announce 1 Bring a charger!\nParking is free.")
    assert "1 confirmed volunteer of #1" in reply
    [message] = harness.messenger.texts("maria")
    assert "Olivia about “Saturday calls”" in message and "Bring a charger!" in message
    assert harness.messenger.texts("sam") == []


async def test_organizer_commands_are_refused_to_volunteers(harness: Harness) -> None:
    await create(harness)
    for line in ("/phonebank roster 1", "/phonebank cancel 1", "/phonebank announce 1 hi"):
        assert "Only organizers" in await harness.say("Maria", line)
    assert "Saturday calls" in await harness.say("Maria", "/phonebank list")


async def test_bad_shift_details_get_one_friendly_sentence_and_change_nothing(
    harness: Harness,
) -> None:
    bad = {
        '/phonebank create "Calls" 2026-10-01 18:00 2h 5': "in the past",
        '/phonebank create "Calls" 2026-11-07 18:00 2h 0': "number of seats must be at least 1",
        '/phonebank create "Calls" 2026-11-07 18:00 2h -4': "number of seats must be at least 1",
        '/phonebank create "Calls" 2028-11-07 18:00 2h 5': "more than a year",
        '/phonebank create "Calls @everyone" 2026-11-07 18:00 2h 5': "@everyone",
        f'/phonebank create "{"x" * 10_000}" 2026-11-07 18:00 2h 5': "characters",
        '/phonebank create "Calls" 2026-11-07 18:00 2h 5 javascript:alert(1)': "https://",
        '/phonebank create "Calls" 2026-02-30 18:00 2h 5': "date",
    }
    for line, hint in bad.items():
        reply = await harness.say("Olivia", line)
        assert hint in reply, (line, reply)
        assert len(reply.splitlines()) <= 3, reply
    assert "No shifts are scheduled yet" in await harness.say("Olivia", "/phonebank list")


async def test_lists_page_through_many_shifts(harness: Harness) -> None:
    for day in range(3, 15):
        await harness.say("Olivia", f'/phonebank create "Calls {day}" 2026-11-{day:02d} 18:00 1h 5')
    first = await harness.say("Maria", "/phonebank list")
    assert "Calls 3" in first and "Calls 12" in first and "Calls 13" not in first
    assert "2 more: `/phonebank list 2`" in first
    assert "Calls 13" in await harness.say("Maria", "/phonebank list 2")
    assert "only 2 pages of shifts" in await harness.say("Maria", "/phonebank list 3")


async def test_every_confirmed_sign_up_gets_reminder_rows(harness: Harness) -> None:
    await create(harness, seats=1)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    async with harness.storage.unit_of_work() as uow:
        pending = await pending_notices(uow, shift_id=1)
    reminders = [n for n in pending if n.kind is NoticeKind.SHIFT_REMINDER]
    assert len(reminders) == 2  # Maria's 24 h and 1 h; Sam waits without reminders
    assert all(n.volunteer_id == reminders[0].volunteer_id for n in reminders)


async def test_dates_at_the_ends_of_the_calendar_are_refused_not_crashed(harness: Harness) -> None:
    late = await harness.say("Olivia", '/phonebank create "x" 9999-12-31 23:59 2h 5')
    await harness.say("Olivia", "/turnout tz Asia/Tokyo")
    early = await harness.say("Olivia", '/phonebank create "x" 0001-01-01 08:59 2h 5')

    for answer in (late, early):
        assert "too far from today to plan a shift" in answer
    assert "No shifts" in await harness.say("Olivia", "/phonebank list")


async def test_announcements_can_include_the_waitlist_and_say_who_gets_them(
    harness: Harness,
) -> None:
    await create(harness, seats=2)
    for name in ("Maria", "Lee", "Sam", "Ana"):
        await harness.say(name, "/phonebank join 1")
    harness.messenger.clear()

    confirmed_only = await harness.say("Olivia", "/phonebank announce 1 Bring a charger!")
    assert confirmed_only == (
        "Sending your message to the 2 confirmed volunteers of #1. The 2 people on its "
        "waitlist won't get it; to include them, type `/phonebank announce 1 waitlist …`."
    )
    assert harness.messenger.texts("sam") == []
    harness.messenger.clear()

    everyone = await harness.say("Olivia", "/phonebank announce 1 waitlist Doors open at 5.")

    assert everyone == (
        "Sending your message to the 2 confirmed volunteers of #1 and the 2 people on its waitlist."
    )
    for name in ("maria", "lee", "sam", "ana"):
        [message] = harness.messenger.texts(name)
        assert "Olivia about “Saturday calls”" in message and "Doors open at 5." in message
    [sam] = harness.messenger.texts("sam")
    assert sam.endswith("You're #1 on its waitlist.")
    # A capitalised first word is the message's own.
    harness.messenger.clear()
    await harness.say("Olivia", "/phonebank announce 1 Waitlist news soon")
    assert harness.messenger.texts("sam") == []
    assert "Waitlist news soon" in harness.messenger.texts("maria")[0]


async def test_an_announcement_with_the_waitlist_to_nobody_is_refused(
    harness: Harness,
) -> None:
    await create(harness, seats=1)
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.say("Maria", "/phonebank leave 1")  # Sam moves up
    await harness.say("Sam", "/phonebank leave 1")
    assert "Nobody is on #1" in await harness.say("Olivia", "/phonebank announce 1 waitlist hi")


async def test_titles_with_emoji_sequences_are_created_and_bidi_overrides_are_refused(
    harness: Harness,
) -> None:
    title = "Coders 👩\u200d💻 for 🏳\ufe0f\u200d🌈 rights 1\ufe0f\u20e3"
    made = await harness.say("Olivia", f'/phonebank create "{title}" 2026-11-07 18:00 2h 5')
    refused = await harness.say(
        "Olivia", '/phonebank create "Calls \u202eslla\u202c" 2026-11-07 18:00 2h 5'
    )

    assert f"Created #1 “{title}”" in made
    assert refused == ("The title contains control characters; please type it as plain text.")
    listing = await harness.say("Maria", "/phonebank list")
    assert title in listing and "#2" not in listing
