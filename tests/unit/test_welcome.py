"""Newcomers are welcomed, onboarded, matched, and never forgotten by organizers."""

from datetime import timedelta

from bot.home.buttons import SETTINGS
from bot.ports.replies import Form, Listing
from bot.signups import SHIFTS
from bot.volunteers.buttons import CONTACTED, FORGET, KEEP, PROFILE
from bot.volunteers.forms import ONBOARDING
from tests.conftest import Harness
from tests.fakes import ORGANIZERS
from tests.render import text_of


async def arrive(h: Harness, name: str) -> None:
    await h.bot.turnout.welcome(h.actor(name))
    await h.deliver()


async def test_a_newcomer_is_welcomed_and_organizers_hear_about_them(harness: Harness) -> None:
    await arrive(harness, "Maria")
    [welcome] = harness.messenger.texts("maria")
    assert "Welcome to Test campaign, Maria!" in welcome
    assert "[1] Tell us about yourself" in welcome
    [alert] = harness.messenger.texts(ORGANIZERS)
    assert "New volunteer: Maria (#1)" in alert
    assert "Mark contacted" in alert


async def test_arriving_twice_does_not_announce_twice(harness: Harness) -> None:
    await arrive(harness, "Maria")
    await arrive(harness, "Maria")
    assert len(harness.messenger.texts(ORGANIZERS)) == 1


async def test_onboarding_answers_are_stored_shared_and_matched_to_shifts(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')
    await harness.say("Olivia", '/phonebank create "Tuesday calls" 2026-11-10 10:00 2h 5')
    await arrive(harness, "Maria")
    form = await harness.bot.turnout.press(harness.actor("Maria"), PROFILE.action())
    assert isinstance(form, Form)
    assert [f.name for f in form.fields] == ["interests", "availability", "location"]
    harness.messenger.clear()

    reply = await harness.submit(
        "Maria",
        ONBOARDING,
        interests=("phone_banking", "texting"),
        availability="weekends",
        location="53703",
    )
    assert isinstance(reply, Listing)
    shown = text_of(reply)
    assert "Saturday calls" in shown and "Tuesday calls" not in shown
    [answers] = harness.messenger.texts(ORGANIZERS)
    assert "Maria (#2) answered" in answers
    assert "Phone banking, Texting" in answers and "Weekends" in answers and "53703" in answers

    waiting = await harness.say("Olivia", "/volunteer new")
    assert "#2 Maria" in waiting and "waiting" in waiting and "53703" in waiting


async def test_volunteers_without_shift_interests_are_offered_tasks(harness: Harness) -> None:
    await harness.say("Olivia", '/task post "Enter sign-in sheets" slots 2')
    reply = await harness.submit(
        "Sam", ONBOARDING, interests=("data_entry",), availability="flexible", location="Dane"
    )
    assert "Enter sign-in sheets" in text_of(reply)


async def test_bad_onboarding_answers_are_refused_and_nothing_is_saved(harness: Harness) -> None:
    await arrive(harness, "Sam")
    refused: list[dict[str, str | tuple[str, ...]]] = [
        {"interests": (), "availability": "weekends", "location": "1"},
        {"interests": ("juggling",), "availability": "weekends", "location": "1"},
        {"interests": ("texting",), "availability": "never", "location": "1"},
        {"interests": ("texting",), "availability": "weekends", "location": "@everyone"},
    ]
    for values in refused:
        reply = await harness.submit("Sam", ONBOARDING, **values)
        assert not isinstance(reply, Listing), values
    assert "hasn't answered the welcome questions" in await harness.say("Olivia", "/volunteer new")


async def test_organizers_are_nudged_every_period_until_someone_makes_contact(
    harness: Harness,
) -> None:
    await arrive(harness, "Maria")
    harness.messenger.clear()
    await harness.advance(timedelta(hours=47))
    assert harness.messenger.texts(ORGANIZERS) == []
    await harness.advance(timedelta(hours=1))
    [nudge] = harness.messenger.texts(ORGANIZERS)
    assert "Maria (#1) has been waiting 2 days" in nudge
    await harness.advance(timedelta(hours=24))
    assert len(harness.messenger.texts(ORGANIZERS)) == 1
    await harness.advance(timedelta(hours=24))
    assert len(harness.messenger.texts(ORGANIZERS)) == 2

    assert "Marked Maria as contacted" in await harness.press("Olivia", CONTACTED.action(1))
    await harness.advance(timedelta(days=5))
    assert len(harness.messenger.texts(ORGANIZERS)) == 2
    assert "Everyone has been contacted" in await harness.say("Olivia", "/volunteer new")


async def test_contacted_names_a_volunteer_by_name_or_number_and_explains_mistakes(
    harness: Harness,
) -> None:
    await arrive(harness, "Maria")
    await arrive(harness, "Sam")
    assert "I don't know a volunteer called “Zed”" in await harness.say(
        "Olivia", "/volunteer contacted Zed"
    )
    assert "Only organizers" in await harness.say("Sam", "/volunteer contacted Maria")
    assert "Marked Maria" in await harness.say("Olivia", "/volunteer contacted maria")
    assert "already contacted by Olivia" in await harness.say("Olivia", "/volunteer contacted #1")
    assert "Marked Sam" in await harness.say("Olivia", "/volunteer contacted 2")


async def test_forget_me_asks_first_then_erases_and_frees_the_seat(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 1')
    await arrive(harness, "Maria")
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Sam", "/phonebank join 1")
    await harness.say("Olivia", '/task post "Fold letters" slots 2')
    await harness.say("Maria", "/task claim 1")
    await harness.say("Maria", "/task done 1")
    await harness.say("Olivia", '/task post "Call the printer"')
    await harness.say("Maria", "/task claim 2")

    prompt = await harness.say("Maria", "/volunteer forget-me")
    assert "can't be undone" in prompt and "Yes, erase my data" in prompt
    assert "nothing was erased" in await harness.press("Maria", KEEP.action())
    harness.messenger.clear()

    assert "erased" in await harness.press("Maria", FORGET.action())
    assert "you're now confirmed" in harness.messenger.texts("sam")[0]
    roster = await harness.say("Olivia", "/phonebank roster 1")
    assert "Sam" in roster and "Maria" not in roster
    assert "Maria" not in await harness.say("Olivia", "/volunteer new")
    # What she did still counts, anonymously.
    assert "a former volunteer (done)" in await harness.say("Olivia", "/task list")
    # The task she still held is free for someone else.
    assert "is yours" in await harness.say("Sam", "/task claim 2")
    # Coming back later starts afresh, as a new volunteer, once she signs up for something.
    await harness.say("Maria", "/phonebank join 1")
    assert "New volunteer: Maria (#4)" in harness.messenger.texts(ORGANIZERS)[-1]


async def test_fifty_profile_saves_tell_organizers_once_per_hour(harness: Harness) -> None:
    await arrive(harness, "Maria")
    harness.messenger.clear()
    for n in range(50):
        await harness.submit(
            "Maria",
            ONBOARDING,
            interests=("texting",),
            availability="weekends",
            location=f"5370{n % 10}",
        )

    now = harness.messenger.texts(ORGANIZERS)
    await harness.advance(timedelta(hours=1))
    later = harness.messenger.texts(ORGANIZERS)

    assert len(now) == 1 and "Maria (#1) answered" in now[0]
    assert len(later) == 2 and "updated their answers" in later[1] and "53709" in later[1]


async def test_erasing_and_coming_back_fifty_times_is_not_a_flood(harness: Harness) -> None:
    from sqlalchemy import func, select

    from storage.tables import notices, volunteers

    await harness.say("Maria", "/volunteer reminders 2h")
    for _ in range(50):
        await harness.say("Maria", "/volunteer forget-me confirm")
        await harness.say("Maria", "/volunteer reminders 2h")

    alerts = [t for t in harness.messenger.texts(ORGANIZERS) if "New volunteer" in t]
    async with harness.storage.unit_of_work() as uow:
        people = await uow.connection.scalar(select(func.count()).select_from(volunteers))
        queued = await uow.connection.scalar(select(func.count()).select_from(notices))
    # Her arrival, and her first return (a change of mind is news); not the 49 after.
    assert len(alerts) == 2
    # Maria as she is now; the 50 erased ones had nothing to count and left no row.
    assert people == 1
    assert queued is not None and queued <= 3
    assert "#1" not in (await harness.say("Olivia", "/volunteer new"))


# Only reading makes nobody a volunteer

READS = ("/phonebank list", "/phonebank mine", "/task list", "/turnout help", "/volunteer home")


async def volunteer_rows(h: Harness) -> int:
    from sqlalchemy import func, select

    from storage.tables import volunteers

    async with h.storage.unit_of_work() as uow:
        return int(await uow.connection.scalar(select(func.count()).select_from(volunteers)) or 0)


async def test_reading_after_forget_me_brings_nobody_back_and_tells_no_one(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3')
    await arrive(harness, "Maria")
    await harness.say("Maria", "/volunteer forget-me confirm")
    before = await volunteer_rows(harness)
    harness.messenger.clear()

    answers = [await harness.say("Maria", line) for line in READS]
    # The buttons of her old messages only look too: a list, the questions, her settings.
    await harness.press("Maria", SHIFTS.action())
    for button in (PROFILE, SETTINGS, KEEP):
        await harness.press("Maria", button.action())

    assert "Saturday calls" in answers[0]
    assert "not signed up for anything" in answers[1]
    assert harness.messenger.sent == []
    assert await volunteer_rows(harness) == before
    assert "Maria" not in await harness.say("Olivia", "/volunteer new")


async def test_a_stranger_who_only_reads_is_no_newcomer_until_they_sign_up(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 3')
    harness.messenger.clear()
    for line in READS:
        await harness.say("Sam", line)
    assert harness.messenger.sent == []

    assert "You're in!" in await harness.say("Sam", "/phonebank join 1")

    [welcome] = harness.messenger.texts("sam")
    assert "Welcome to Test campaign, Sam!" in welcome
    [alert] = harness.messenger.texts(ORGANIZERS)
    assert "New volunteer: Sam (#2)" in alert


async def test_forget_me_from_someone_turnout_does_not_know_erases_and_creates_nothing(
    harness: Harness,
) -> None:
    await arrive(harness, "Maria")
    await harness.say("Maria", "/volunteer forget-me confirm")
    harness.messenger.clear()
    before = await volunteer_rows(harness)

    for line in ("/volunteer forget-me", "/volunteer forget-me confirm"):
        assert await harness.say("Maria", line) == (
            "Turnout keeps nothing about you, so there's nothing to erase."
        )
    assert harness.messenger.sent == []
    assert await volunteer_rows(harness) == before


async def test_the_zip_question_may_be_skipped_and_a_skip_is_stored_as_nothing(
    harness: Harness,
) -> None:
    await arrive(harness, "Maria")
    form = await harness.bot.turnout.press(harness.actor("Maria"), PROFILE.action())
    assert isinstance(form, Form)
    [location] = [f for f in form.fields if f.name == "location"]
    assert not location.required
    harness.messenger.clear()

    await harness.submit(
        "Maria", ONBOARDING, interests=("texting",), availability="weekends", location=""
    )

    [answers] = harness.messenger.texts(ORGANIZERS)
    assert "ZIP or county: not given" in answers
    async with harness.storage.unit_of_work() as uow:
        [maria] = await uow.volunteers.find(1, "Maria")
    assert maria.profile is not None and maria.profile.location is None
