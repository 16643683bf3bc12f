"""A whole campaign week in the console, Monday to Sunday, through the real chat loop and core.

Olivia moves the campaign to Chicago, plans four shifts, a weekly series and a task, and reads
the first digest; Maria, Sam, Lee, Ana, Jamal, Ben and Priya join, leave, come back, host,
answer their reminders, check in, report, go silent and ask to be forgotten. At each step the
test reads what a person would; each check that guards a defect fixed before says which.
"""

import re
from datetime import date
from itertools import takewhile

from adapters.console.render import INDENT
from bot.catalogue import catalogue
from tests.adapters.console.conftest import Console
from tests.adapters.console.test_time_passing import in_order


def messages(shown: str, header: str) -> list[str]:
    """Each message printed under `header` (`✉ DM to Maria:`, `# organizers:`), as its text."""
    lines = shown.splitlines()
    return [
        "\n".join(
            takewhile(
                lambda line: line.startswith(INDENT) and not line.startswith(f"{INDENT}⏩"),
                lines[at + 1 :],
            )
        )
        for at, line in enumerate(lines)
        if line == header
    ]


def dms(shown: str, name: str) -> list[str]:
    return messages(shown, f"✉ DM to {name}:")


def to_organizers(shown: str) -> list[str]:
    return messages(shown, "# organizers:")


def about(texts: list[str], words: str) -> list[str]:
    """The messages among `texts` that say `words`."""
    return [text for text in texts if words in text]


async def monday_olivia_plans_the_week(console: Console) -> None:
    # The console's clock starts on Mon Nov 23 2026, 9:00 AM in New York.
    before = await console.type(":now", "/turnout tz America/Chicago")
    after = await console.type(":now")
    # :now reads the clock in the campaign's zone, as /turnout tz just set it.
    assert "It's Mon Nov 23, 9:00 AM EST." in before
    assert "It's Mon Nov 23, 8:00 AM CST." in after

    refused = await console.type(
        ":as Maria", '/phonebank create "Tuesday calls" 2026-11-24 18:00 2h 3'
    )
    # An organizer-only refusal says how to become one here, not "Turnout's settings".
    assert (
        "Only organizers can create phone bank shifts. To be one here, start "
        "`turnout console` with `--organizer Maria`." in refused
    )
    assert "Turnout's settings" not in refused
    # A volunteer's help lists no command only organizers may run.
    listed = {
        " ".join(line.split()[:2])
        for line in (await console.type("/phonebank help")).splitlines()
        if line.startswith(f"{INDENT}/phonebank ")
    }
    organizers_only = {
        " ".join(e.usage.syntax.split()[:2]) for e in catalogue().entries if e.organizer
    }
    assert "/phonebank join" in listed and "/phonebank create" in organizers_only
    assert listed & organizers_only == set()

    await console.type(":as Olivia")
    for line in (
        '/phonebank create "Tuesday calls" 2026-11-24 18:00 2h 3',
        '/phonebank create "Wednesday calls" 2026-11-25 18:00 2h 3',
        '/phonebank create "Friday calls" 2026-11-27 18:00 2h 2',
        '/phonebank create "Sunday calls" 2026-11-29 14:00 2h 5',
    ):
        assert "Created #" in await console.type(line), line
    assert "Created #5 Sun Dec 6, #6 Sun Dec 13, #7 Sun Dec 20" in await console.type(
        "/phonebank repeat 4 weekly"
    )

    # A refusal's example is typeable as it stands, dated ahead: typed back, it works.
    refused = await console.type('/task post "Flyers" due')
    [example] = re.findall(r"like `(/task post [^`]+)`", refused)
    [day] = re.findall(r"\d{4}-\d{2}-\d{2}", example)
    assert date.fromisoformat(day) > console.clock.now().date()
    assert "New task #1: Drop off flyers (due Sat Dec 5, 3 volunteers needed)" in (
        await console.type(example)
    )


async def monday_volunteers_sign_up(console: Console) -> None:
    await console.type(":as Maria", "/phonebank join 1", "/phonebank join 4")
    assert "(pressed “Every week”)" in await console.type("2")
    await console.type(":as Sam", "/phonebank join 1", "/phonebank join 2", "/phonebank join 4")
    await console.type(":as Lee", "/phonebank join 1")

    # A 3-slot task: one volunteer takes one slot, however often they claim or finish it.
    await console.type(":as Sam", "/task claim 1")
    assert "(1 of 3 done)" in await console.type("/task done 1")
    assert "You already marked #1 done, and each person takes one slot." in (
        await console.type("/task claim 1")
    )
    again = await console.type("/task done 1")
    assert "You already marked #1 done. Thank you!" in again
    assert to_organizers(again) == []
    assert "2 of 3 slots open · you did yours" in await console.type("/task list")

    await console.type(":as Olivia")
    preview = await console.type("/phonebank edit 4 following time 15:00")
    # The series edit's preview counts people (Maria on four dates, Sam on one), not DMs.
    assert (
        "Saving this changes 4 dates from #4 on, and 2 people will be told (5 DMs, one for "
        "each date they're on)." in preview
    )
    saved = await console.type("/phonebank edit 4 following time 15:00 confirm")
    assert len(dms(saved, "Maria")) == 4 and len(dms(saved, "Sam")) == 1


async def monday_a_host_newcomers_and_a_forgotten_volunteer(console: Console) -> None:
    await console.type(":as Ana", '/phonebank propose "Calls at Ana\'s" 2026-11-28 10:00 2h 4')
    await console.type(":as Olivia", "/phonebank proposals")
    assert "Approved: #8 “Calls at Ana's”" in await console.type("1")
    # Her own shifts and Home show the shift Ana hosts, and never offer her Join on it.
    mine = await console.type(":as Ana", "/phonebank mine")
    assert "#8 Calls at Ana's   [1] Roster" in mine and "you host it" in mine
    assert "Join" not in mine
    home = await console.type("/volunteer home")
    assert "#8 Calls at Ana's   [1] Roster" in home and "you host it" in home
    assert home.count("#8 ") == 1

    await console.type(":arrive Jamal", ":as Jamal", "1", "1,3", "3")
    answered = await console.type("-")
    # A skipped ZIP is "not given" to the organizers, not "-".
    [news] = about(to_organizers(answered), "Jamal (#6) answered")
    assert "ZIP or county: not given" in news and "ZIP or county: -" not in news

    await console.type(":arrive Priya", ":as Priya", "/phonebank join 2")
    assert "Done: your name, answers and accounts are erased." in (
        await console.type("/volunteer forget-me confirm")
    )
    looked = await console.type("/phonebank list")
    # Only looking after forget-me brings nobody back: no welcome, no news of a newcomer.
    assert "Upcoming phone banks" in looked
    assert "New volunteer" not in looked and "Welcome" not in looked
    assert dms(looked, "Priya") == [] and to_organizers(looked) == []
    # Her number's history says she asked to be forgotten.
    assert (
        "#7 asked to be forgotten, so Turnout keeps nothing about them any more."
        in await console.type(":as Olivia", "/volunteer history #7")
    )


async def monday_friday_calls_fill_up_and_olivia_books(console: Console) -> None:
    await console.type(":as Jamal", "/phonebank join 3", ":as Maria", "/phonebank join 3")
    assert "you're #1 on the waitlist" in await console.type(":as Ben", "/phonebank join 3")
    # Olivia books Jamal (on a weekday, though he's free at weekends) and takes him off
    # again: the roster lists both under one heading.
    asked = await console.type(":as Olivia", "/phonebank add 2 Jamal")
    assert "Nothing is booked yet: press Book anyway" in asked
    assert "Booked Jamal on #2" in await console.type("1")
    await console.type("/phonebank remove 2 Jamal")
    roster = await console.type("/phonebank roster 2")
    assert (
        f"{INDENT}Changed by organizers:\n"
        f"{INDENT * 2}Jamal added by Olivia, Mon Nov 23, 8:00 AM CST\n"
        f"{INDENT * 2}Jamal removed by Olivia, Mon Nov 23, 8:00 AM CST\n"
    ) in roster


async def monday_the_first_digest(console: Console) -> None:
    shown = await console.type(":advance 1h")
    [digest] = about(to_organizers(shown), "📬 Weekly digest for Dane County Democrats")
    assert in_order(shown, "⏩ It's now Mon Nov 23, 9:00 AM CST.", "📬 Weekly digest")
    # No shift is over yet: the digest claims no show rate.
    assert "Show rate (attended of those confirmed at the start): none yet" in digest
    assert "At risk: less than 60% of the seats filled, with no show rate yet (" in digest
    assert "100%" not in digest


async def monday_evening_the_day_before(console: Console) -> None:
    shown = await console.type(":advance 9h")
    for name in ("Maria", "Sam", "Lee"):
        [reminder] = dms(shown, name)
        assert "“Tuesday calls” (#1) starts in 1 day" in reminder
        assert "[1] I'll be there   [2] Can't make it" in reminder
    cant = await console.type(":as Lee", "2")
    assert "(pressed “Can't make it”)" in cant
    assert "⚠️ Late cancellation: Lee (#4) left #1 “Tuesday calls”" in cant
    # A number presses only a button of the person's latest message: this one has none.
    pressed = await console.type(":as Maria", "/volunteer tz America/Chicago", "2")
    assert "Your latest message has no buttons" in pressed and "You've left" not in pressed


async def tuesday_back_on_the_shift_and_the_shift_itself(console: Console) -> None:
    # Maria leaves and re-joins after her day-before reminder; Lee, who pressed "Can't make
    # it" on his, comes back too. Each sign-up's life is one: see the end of the week.
    await console.type(":advance 14h", ":as Maria")
    assert "You've left #1" in await console.type("/phonebank leave 1")
    assert "You're in! #1" in await console.type("/phonebank join 1")
    assert "You're in! #1" in await console.type(":as Lee", "/phonebank join 1")

    # Across the start: the hour's reminder, then the check-in, each at its moment.
    started = await console.type(":as Olivia", ":advance 10h15m")
    assert in_order(
        started,
        "⏩ It's now Tue Nov 24, 5:00 PM CST.",
        "✉ DM to Lee:\n  ⏰ Reminder: “Tuesday calls” (#1) starts in 1 hour",
        "⏩ It's now Tue Nov 24, 6:00 PM CST.",
        "✉ DM to Lee:\n  📞 It's starting now: “Tuesday calls” (#1).",
    ), started
    assert "You're checked in for #1" in await console.type(":as Lee", "1")

    ended = await console.type(":advance 2h")
    assert "How did it go? “Tuesday calls” (#1) has ended" in dms(ended, "Lee")[0]
    opened = await console.type("1")
    # "I made it" from the DM asks for the counts; the button already named the shift.
    assert "(pressed “I made it”)" in opened
    assert "Calls made (a number from 0 to 1000; = for 0)" in opened
    assert "Shift number" not in opened
    noted = await console.type("31", "12", "-")
    assert "I've noted 31 calls and 12 conversations for #1 “Tuesday calls”." in noted
    await console.type(":as Maria", "1", "20", "5", "-")


async def wednesday_to_friday_a_silent_no_show(console: Console) -> None:
    await console.type(":as Olivia")
    thursday = await console.type(":advance 1d14h")
    assert "We missed you at “Tuesday calls”" in dms(thursday, "Sam")[-1]
    friday = await console.type(":advance 1d")
    # The second miss without a word: Sam is missed again, and the organizers hear of it.
    assert "We missed you at “Wednesday calls”" in dms(friday, "Sam")[-1]
    [alert] = about(to_organizers(friday), "missed two shifts in a row")
    assert alert.startswith(
        f"{INDENT}⚠️ Sam (#3) missed two shifts in a row without a word: “Tuesday calls”"
    )
    # Every view counts the same two no-shows.
    report = await console.type("/phonebank report 2")
    assert "📋 Wrap-up for #2 “Wednesday calls”: attended 0 of 1.\n  No-shows: Sam" in report
    assert "Sam's record: 3 shifts signed up, 0 attended, 2 no-shows, 0 couldn't make it" in (
        await console.type("/volunteer history Sam")
    )
    stats = await console.type("/turnout stats 7d")
    assert "attended: 2 (+2); no-shows: 2 (+2); couldn't make it: 0 (no change)" in stats


async def friday_an_offer_runs_out_and_a_late_leave(console: Console) -> None:
    await console.type(":advance 5h45m", ":as Jamal")
    left = await console.type("/phonebank leave 3")
    assert "The seat is offered to Ben (#8), first on the waitlist, for 30 minutes." in left
    lapsed = await console.type(":as Olivia", ":advance 30m")
    [ran_out] = dms(lapsed, "Ben")
    # Nobody is next in line: the seat is said to be still open, not passed on.
    assert (
        "The 30 minutes to take the seat on “Friday calls” (#3) ran out, so you're off its "
        "waitlist, but the seat is still open" in ran_out
    )
    assert "next person in line" not in ran_out

    late = await console.type(":advance 62m", ":as Maria", "/phonebank leave 3")
    # 28 minutes before the start is late: no thanks for leaving "in time".
    assert (
        "You've left #3 “Friday calls”, which starts in 28 minutes. Thanks for letting us "
        "know; I've told the organizers." in late
    )
    assert "in time" not in late
    assert (
        "⚠️ Late cancellation: Maria (#2) left #3 “Friday calls”, which starts Fri Nov 27, "
        "6:00 PM CST (in 28 minutes). The seat is now open." in late
    )


async def test_a_campaign_week_in_the_console(console: Console) -> None:
    await monday_olivia_plans_the_week(console)
    await monday_volunteers_sign_up(console)
    await monday_a_host_newcomers_and_a_forgotten_volunteer(console)
    await monday_friday_calls_fill_up_and_olivia_books(console)
    await monday_the_first_digest(console)
    await monday_evening_the_day_before(console)
    await tuesday_back_on_the_shift_and_the_shift_itself(console)
    await wednesday_to_friday_a_silent_no_show(console)
    await friday_an_offer_runs_out_and_a_late_leave(console)
    await console.type(":as Olivia", ":advance 2d")

    week = console.out.getvalue()
    # Maria left and re-joined, Lee pressed "Can't make it" and came back: each got one of
    # each message for Tuesday's shift, as did Sam.
    for name in ("Maria", "Lee", "Sam"):
        tuesday = about(dms(week, name), "“Tuesday calls” (#1)")
        for words in ("starts in 1 day", "starts in 1 hour", "It's starting now", "How did it go?"):
            assert len(about(tuesday, words)) == 1, (name, words)
    # Lee came back, checked in and reported 31 calls: never "Sorry you couldn't make it",
    # which Maria, who left Friday's shift for good, does get.
    assert about(dms(week, "Lee"), "Sorry you couldn't make it") == []
    assert len(about(dms(week, "Maria"), "Sorry you couldn't make it to “Friday calls”")) == 1
    # Sam was missed once per shift.
    assert len(about(dms(week, "Sam"), "We missed you")) == 2
