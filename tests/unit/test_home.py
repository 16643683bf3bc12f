"""Home: a volunteer's shifts, fitting shifts, tasks and settings in one view; organizers'
newcomers and open seats too. The same view is Slack's Home tab and `/volunteer home`."""

from bot.home.buttons import SETTINGS
from bot.ports.replies import Form, Page, TextField
from bot.volunteers.forms import ONBOARDING
from tests.conftest import Harness
from tests.render import text_of


async def home(h: Harness, name: str) -> Page:
    reply = await h.reply(name, "/volunteer home")
    assert isinstance(reply, Page), reply
    return reply


def section(page: Page, heading: str) -> str:
    for listing in page.sections:
        if listing.heading.startswith(heading):
            return text_of(listing)
    raise AssertionError(f"no {heading!r} in {[s.heading for s in page.sections]}")


def labels(page: Page, heading: str) -> list[str]:
    for listing in page.sections:
        if listing.heading.startswith(heading):
            return [b.label for item in listing.items for b in item.buttons]
    raise AssertionError(heading)


async def test_a_volunteer_sees_their_shifts_fitting_shifts_tasks_and_settings(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')
    await harness.say("Olivia", '/phonebank create "Tuesday calls" 2026-11-10 10:00 2h 5')
    await harness.say("Olivia", '/phonebank create "Sunday calls" 2026-11-08 14:00 2h 5')
    await harness.say("Olivia", '/task post "Flyers" slots 2')
    await harness.say("Maria", "/phonebank join 1")
    await harness.say("Maria", "/task claim 1")
    await harness.submit(
        "Maria", ONBOARDING, interests=("phone_banking",), availability="weekends", location="x"
    )

    page = await home(harness, "Maria")

    assert [s.heading for s in page.sections] == [
        "Your upcoming shifts",
        "Open shifts when you're free",
        "Your tasks",
        "Your settings",
    ]
    mine = section(page, "Your upcoming shifts")
    assert "#1 Saturday calls" in mine and "Sat Nov 7, 6:00 PM EST" in mine
    assert labels(page, "Your upcoming shifts") == ["Leave", "I'll be there"]
    # Weekends only: Sunday fits, Tuesday doesn't, and her own Saturday isn't offered again.
    fitting = section(page, "Open shifts")
    assert "#3 Sunday calls" in fitting and "Tuesday" not in fitting and "Saturday" not in fitting
    assert labels(page, "Open shifts") == ["Join"]
    assert "#1 Flyers" in section(page, "Your tasks")
    assert labels(page, "Your tasks") == ["Mark done", "Release"]
    settings = section(page, "Your settings")
    assert "America/New_York (the campaign's)" in settings
    assert "24h, 1h before each shift (the campaign's)" in settings
    assert "Phone banking · Weekends" in settings


async def test_the_home_buttons_do_what_they_say(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')
    await harness.say("Maria", "/phonebank join 1")
    page = await home(harness, "Maria")
    [item] = page.sections[0].items

    assert "You're confirmed for #1" in await harness.press("Maria", item.more[0].action)
    after = await home(harness, "Maria")
    assert labels(after, "Your upcoming shifts") == ["Leave"]
    assert "✅ you said you'll be there" in section(after, "Your upcoming shifts")

    assert item.button is not None
    assert "You've left #1" in await harness.press("Maria", item.button.action)
    assert "not signed up for anything" in section(await home(harness, "Maria"), "Your upcoming")


async def test_the_settings_form_changes_zone_and_reminders_as_the_commands_do(
    harness: Harness,
) -> None:
    form = await harness.bot.turnout.press(harness.actor("Maria"), SETTINGS.action())
    assert isinstance(form, Form)
    zone, reminders = form.fields
    assert isinstance(zone, TextField) and isinstance(reminders, TextField)
    assert [(f.name, f.initial) for f in (zone, reminders)] == [
        ("zone", None),
        ("reminders", "default"),
    ]

    saved = text_of(
        await harness.submit("Maria", "settings", zone="america/chicago", reminders="2h")
    )

    assert "I'll show you times in America/Chicago" in saved
    assert "I'll remind you 2h before each shift" in saved
    settings = section(await home(harness, "Maria"), "Your settings")
    assert "America/Chicago (you set it)" in settings and "2h before each shift" in settings


async def test_the_settings_form_refuses_what_the_commands_refuse_and_changes_nothing(
    harness: Harness,
) -> None:
    refused = text_of(await harness.submit("Maria", "settings", zone="Mars/Olympus", reminders=""))

    assert "I don't know the time zone" in refused
    settings = section(await home(harness, "Maria"), "Your settings")
    assert "America/New_York (the campaign's)" in settings


async def test_organizers_also_see_newcomers_and_shifts_with_open_seats(harness: Harness) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 1')
    await harness.say("Olivia", '/phonebank create "Sunday calls" 2026-11-08 14:00 2h 5')
    await harness.bot.turnout.welcome(harness.actor("Maria"))
    await harness.say("Sam", "/phonebank join 1")

    page = await home(harness, "Olivia")

    headings = [s.heading for s in page.sections]
    assert headings[-2:] == ["Newcomers waiting for a contact", "Next shifts with open seats"]
    newcomers = section(page, "Newcomers")
    assert "Maria" in newcomers and "Sam" in newcomers
    assert set(labels(page, "Newcomers")) == {"Mark contacted"}
    # Saturday's one seat is Sam's: only Sunday still has room.
    open_seats = section(page, "Next shifts with open seats")
    assert "#2 Sunday calls" in open_seats and "Saturday" not in open_seats
    volunteer_view = await home(harness, "Maria")
    assert "Newcomers waiting for a contact" not in [s.heading for s in volunteer_view.sections]


async def test_a_host_finds_the_shift_they_host_in_mine_and_home_never_offering_join(
    harness: Harness,
) -> None:
    await harness.say("Olivia", '/phonebank create "Saturday calls" 2026-11-07 18:00 2h 5')
    await harness.arrive("Maria")
    await harness.say("Olivia", "/phonebank host 1 Maria")

    mine = await harness.say("Maria", "/phonebank mine")
    page = await home(harness, "Maria")

    assert "#1 Saturday calls" in mine and "you host it" in mine and "Join" not in mine
    assert "you host it" in section(page, "Your upcoming shifts")
    assert "Saturday" not in section(page, "Open shifts")
    assert labels(page, "Your upcoming shifts") == ["Roster"]
