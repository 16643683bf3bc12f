"""The text command grammar: every command it builds and every sentence it answers mistakes with."""

from datetime import date, time, timedelta

import pytest

from bot.campaign.commands import SetCampaignReminders, SetCampaignTimezone, ShowHelp
from bot.catalogue import (
    SHIFT_EXAMPLE,
    TASK_EXAMPLE,
    TOPICS,
    catalogue,
    entries,
    parse,
    parse_command,
)
from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.domain.timing import DEFAULT_REMINDER_OFFSETS
from bot.kernel.commands import Actor, Command
from bot.kernel.intake.examples import fill
from bot.shifts.commands import (
    Announce,
    CancelShift,
    CreateShift,
    MyShifts,
    ShowRoster,
    StartShiftForm,
)
from bot.signups.commands import JoinShift, LeaveShift, ListShifts
from bot.tasks.commands import (
    ClaimTask,
    FinishTask,
    ListTasks,
    PostTask,
    ReleaseTask,
    StartTaskForm,
)
from bot.volunteers.commands import (
    ForgetMe,
    ListNewVolunteers,
    MarkContacted,
    SetMyReminders,
    SetMyTimezone,
    StartProfile,
)
from tests.fakes import FROZEN_AT

MARIA = Actor(Identity("console", "team-1", "u-maria"), "Maria")
ORGANIZER = Actor(Identity("console", "team-1", "u-olu"), "Olu", is_organizer=True)
# The tests' clock reads Monday 2026-11-02; example shifts fall on the Saturday after next.
TODAY = FROZEN_AT.date()
EXAMPLE_DAY = date(2026, 11, 14)
SHIFT_LINE = fill(SHIFT_EXAMPLE, TODAY)
TASK_LINE = fill(TASK_EXAMPLE, TODAY)
CREATE = "/phonebank create"


def error(line: str) -> str:
    """The refusal as the front door shows it on the tests' day."""
    with pytest.raises(UserError) as raised:
        parse(MARIA, line)
    return fill(raised.value.message, TODAY)


# Phone banks


@pytest.mark.parametrize("line", ["/phonebank", "/phonebank list", "  /phonebank   LIST  "])
def test_phonebank_alone_or_list_shows_the_first_page(line: str) -> None:
    assert parse(MARIA, line) == ListShifts(MARIA, page=1)


@pytest.mark.parametrize("page", ["2", "#2", "002"])
def test_list_takes_an_optional_page_number(page: str) -> None:
    assert parse(MARIA, f"/phonebank list {page}") == ListShifts(MARIA, page=2)


@pytest.mark.parametrize(
    ("subcommand", "command"),
    [("join", JoinShift), ("leave", LeaveShift), ("roster", ShowRoster), ("cancel", CancelShift)],
)
@pytest.mark.parametrize("number", ["3", "#3", "03"])
def test_shift_subcommands_read_the_shift_number_with_or_without_hash(
    subcommand: str, command: type[JoinShift | LeaveShift | ShowRoster | CancelShift], number: str
) -> None:
    assert parse(MARIA, f"/phonebank {subcommand} {number}") == command(MARIA, shift=3)


def test_subcommands_are_case_insensitive_and_the_actor_is_kept() -> None:
    assert parse(ORGANIZER, "/PhoneBank JOIN 3") == JoinShift(ORGANIZER, shift=3)


@pytest.mark.parametrize(
    ("line", "command"),
    [("/phonebank mine", MyShifts(MARIA)), ("/phonebank help", ShowHelp(MARIA, "phonebank"))],
)
def test_mine_and_help_take_no_arguments(line: str, command: Command) -> None:
    assert parse(MARIA, line) == command


def test_create_builds_a_shift_with_every_field() -> None:
    assert parse(ORGANIZER, SHIFT_LINE) == CreateShift(
        ORGANIZER,
        title="Saturday calls",
        day=EXAMPLE_DAY,
        start=time(18, 0),
        duration=timedelta(hours=2),
        capacity=12,
        link="https://dialer.example/abc",
    )


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("“Maria's calls”", "Maria's calls"),
        ('"Maria’s calls"', "Maria’s calls"),
        ("”Calls”", "Calls"),
        ("Canvass", "Canvass"),
        ('"  spaced  "', "spaced"),
    ],
)
def test_create_accepts_typographic_quotes_apostrophes_and_a_bare_word_title(
    typed: str, title: str
) -> None:
    shift = parse(ORGANIZER, f"{CREATE} {typed} 2026-11-28 18:00 2h 12")
    assert isinstance(shift, CreateShift)
    assert shift.title == title
    assert shift.link is None


@pytest.mark.parametrize(
    ("typed", "start"),
    [
        ("18:00", time(18)),
        ("9:05", time(9, 5)),
        ("6pm", time(18)),
        ("6:30PM", time(18, 30)),
        ("6 pm", time(18)),
        ("7am", time(7)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("6p.m.", time(18)),
        ("00:00", time(0)),
    ],
)
def test_create_reads_24_hour_and_am_pm_times(typed: str, start: time) -> None:
    shift = parse(ORGANIZER, f'{CREATE} "Calls" 2026-11-28 {typed} 2h 12')
    assert isinstance(shift, CreateShift)
    assert shift.start == start


@pytest.mark.parametrize(
    ("typed", "length"),
    [
        ("2h", timedelta(hours=2)),
        ("90m", timedelta(minutes=90)),
        ("1h30m", timedelta(minutes=90)),
        ("15m", timedelta(minutes=15)),
        ("12h", timedelta(hours=12)),
    ],
)
def test_create_reads_shift_lengths_from_15_minutes_to_12_hours(
    typed: str, length: timedelta
) -> None:
    shift = parse(ORGANIZER, f'{CREATE} "Calls" 2026-11-28 18:00 {typed} 12')
    assert isinstance(shift, CreateShift)
    assert shift.duration == length


# Slack's own link markup (<url|label>) is unwrapped by the Slack adapter: tests/adapters/slack.
@pytest.mark.parametrize("typed", ["https://dialer.example/abc", '"https://dialer.example/abc"'])
def test_create_reads_the_link_bare_or_quoted(typed: str) -> None:
    shift = parse(ORGANIZER, f'{CREATE} "Calls" 2026-11-28 18:00 2h 12 {typed}')
    assert isinstance(shift, CreateShift)
    assert shift.link == "https://dialer.example/abc"


@pytest.mark.parametrize(
    ("line", "missing"),
    [
        (f'{CREATE} "Calls"', "date"),
        (f'{CREATE} "Calls" 2026-11-28', "start"),
        (f'{CREATE} "Calls" 2026-11-28 18:00', "length"),
        (f'{CREATE} "Calls" 2026-11-28 18:00 2h', "seats"),
    ],
)
def test_create_with_missing_pieces_shows_the_full_usage_with_an_example(
    line: str, missing: str
) -> None:
    message = error(line)
    assert f"missing the {missing}" in message or f"missing the number of {missing}" in message
    assert SHIFT_LINE in message
    assert '"<title>" <YYYY-MM-DD> <HH:MM>' in message


@pytest.mark.parametrize("typed", ["31-12-2026", "tomorrow", "2026/11/28", "20261128", "2026-W48"])
def test_create_rejects_dates_not_written_yyyy_mm_dd(typed: str) -> None:
    message = error(f'{CREATE} "Calls" {typed} 18:00 2h 12')
    assert "Use YYYY-MM-DD, like `2026-11-14`" in message


@pytest.mark.parametrize("typed", ["2026-02-30", "2026-13-01", "2026-00-10", "0000-01-01"])
def test_create_rejects_dates_that_are_not_on_the_calendar(typed: str) -> None:
    assert f"`{typed}` isn't a date on the calendar" in error(f'{CREATE} "x" {typed} 18:00 2h 12')


@pytest.mark.parametrize("typed", ["25:00", "18:60", "13pm", "0am", "6", "noon", "18h", "6:5"])
def test_create_rejects_times_it_cannot_read(typed: str) -> None:
    message = error(f'{CREATE} "Calls" 2026-11-28 {typed} 2h 12')
    assert "as a start time" in message
    assert "`18:00`" in message and "`6pm`" in message


@pytest.mark.parametrize("typed", ["10m", "13h", "2d", "0m"])
def test_create_rejects_lengths_outside_15_minutes_to_12_hours(typed: str) -> None:
    assert "15 minutes to 12 hours" in error(f'{CREATE} "Calls" 2026-11-28 18:00 {typed} 12')


@pytest.mark.parametrize("typed", ["two", "2x", "2.5h", "-2h"])
def test_create_rejects_lengths_it_cannot_read(typed: str) -> None:
    message = error(f'{CREATE} "Calls" 2026-11-28 18:00 {typed} 12')
    assert "length of the shift" in message and "`2h`" in message


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("0", "at least 1"),
        ("-4", "at least 1"),
        ("501", "from 1 to 500"),
        ("many", "whole number"),
        ("9" * 5000, "from 1 to 500"),
    ],
)
def test_create_rejects_capacities_outside_1_to_500(typed: str, says: str) -> None:
    message = error(f'{CREATE} "Calls" 2026-11-28 18:00 2h {typed}')
    assert says in message and "number of seats" in message


@pytest.mark.parametrize(
    "typed",
    [
        "ftp://dialer.example",
        "dialer.example/abc",
        "https://",
        "javascript:alert(1)",
        '"https://dialer.example/a b"',
        "https://dialer.example/<x>",
    ],
)
def test_create_rejects_links_that_are_not_web_addresses(typed: str) -> None:
    message = error(f'{CREATE} "Calls" 2026-11-28 18:00 2h 12 {typed}')
    assert "full web address" in message and "`https://dialer.example.org/campaign`" in message


def test_create_rejects_links_over_500_characters() -> None:
    link = "https://dialer.example/" + "a" * 480
    assert "under 500 characters" in error(f'{CREATE} "Calls" 2026-11-28 18:00 2h 12 {link}')


@pytest.mark.parametrize(
    ("title", "says"),
    [
        ('"@everyone calls"', "can't mention @everyone"),
        (f'"{"x" * 101}"', "under 100"),
        ('"a\nb"', "control characters"),
        ('""', "title is empty"),
    ],
)
def test_create_checks_the_title_like_all_text_people_write(title: str, says: str) -> None:
    assert says in error(f"{CREATE} {title} 2026-11-28 18:00 2h 12")


def test_create_asks_for_quotes_when_a_bare_title_has_several_words() -> None:
    message = error(f"{CREATE} Saturday calls 2026-11-28 18:00 2h 12")
    assert "put it in double quotes" in message and SHIFT_LINE in message


@pytest.mark.parametrize("line", [f'{CREATE} "Saturday calls 2026-11-28 18:00', '/task post "x'])
def test_an_unclosed_quote_asks_for_the_closing_quote(line: str) -> None:
    message = error(line)
    assert "closing quote" in message and '`"Saturday calls"`' in message


def test_create_refuses_words_after_the_link() -> None:
    assert "I didn't expect `please`" in error(f"{SHIFT_LINE} please")


@pytest.mark.parametrize(
    "message",
    ["Parking is behind the library.", "Maria's place — bring \"snacks", "Two\nlines\tand  gaps"],
)
def test_announce_keeps_the_message_verbatim(message: str) -> None:
    line = f"/phonebank announce #3   {message}  "
    assert parse(ORGANIZER, line) == Announce(ORGANIZER, shift=3, message=message)


def test_announce_reads_waitlist_in_lower_case_before_the_message_as_the_option() -> None:
    assert parse(ORGANIZER, "/phonebank announce 3 waitlist Doors at 5") == Announce(
        ORGANIZER, shift=3, message="Doors at 5", waitlist=True
    )
    assert parse(ORGANIZER, "/phonebank announce 3 Waitlist news") == Announce(
        ORGANIZER, shift=3, message="Waitlist news"
    )


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("/phonebank announce 3", "missing the message"),
        ("/phonebank announce 3 waitlist", "missing the message"),
        ("/phonebank announce", "missing the shift"),
        ("/phonebank announce 3 hi @here", "can't mention"),
        ("/phonebank announce 3 " + "x" * 1501, "under 1500"),
    ],
)
def test_announce_needs_a_shift_and_a_showable_message(line: str, says: str) -> None:
    assert says in error(line)


# Numbers and stray words


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("0", "must be at least 1"),
        ("#0", "must be at least 1"),
        ("-3", "must be at least 1"),
        ("abc", "couldn't read `abc` as a shift number"),
        ("3.5", "whole number"),
        ("٣", "whole number"),
        ("²", "whole number"),
        ("#", "whole number"),
        ("1000001", "far too large"),
        ("9" * 10_000, "far too large"),
    ],
)
def test_shift_numbers_are_whole_numbers_from_1_to_a_million(typed: str, says: str) -> None:
    message = error(f"/phonebank join {typed}")
    assert says in message and "`/phonebank join 3`" in message


def test_a_million_is_still_a_shift_number() -> None:
    assert parse(MARIA, "/phonebank join 1000000") == JoinShift(MARIA, shift=1_000_000)


@pytest.mark.parametrize("subcommand", ["join", "leave", "roster", "cancel"])
def test_a_missing_shift_number_shows_the_usage(subcommand: str) -> None:
    message = error(f"/phonebank {subcommand}")
    assert f"missing the shift number. Type `/phonebank {subcommand} <shift>" in message


@pytest.mark.parametrize(
    "line",
    [
        "/phonebank join 3 driver now",
        "/phonebank mine now",
        "/phonebank list 2 3",
        "/volunteer profile edit",
        "/volunteer new all",
        "/task claim 5 6",
        "/task list all",
        "/phonebank help me",
        "/volunteer forget-me confirm now",
    ],
)
def test_unexpected_extra_words_are_refused_with_the_usage(line: str) -> None:
    message = error(line)
    assert "I didn't expect" in message and "Type `/" in message


# Command names and subcommands


def test_an_unknown_subcommand_names_the_valid_ones() -> None:
    assert error("/phonebank fly").startswith(
        "`/phonebank fly` isn't something I know. Try `/phonebank list`, `join`, `leave`, "
    )
    assert error("/phonebank fly").endswith(" or `nudge` — or `/phonebank help`.")


@pytest.mark.parametrize("group", TOPICS)
def test_every_command_names_all_its_subcommands_in_help_order_when_one_is_unknown(
    group: str,
) -> None:
    verbs = [entry.verb for entry in entries(group) if entry.verb != "help"]
    named = [f"`/{group} {verbs[0]}`", *(f"`{verb}`" for verb in verbs[1:])]

    assert ", ".join(named[:-1]) + " or " + named[-1] in error(f"/{group} fly")


def test_a_bare_shift_number_suggests_joining_it() -> None:
    assert "To sign up for shift 3, type `/phonebank join 3`." in error("/phonebank 3")


@pytest.mark.parametrize("line", ["/fly", "/phone", "//phonebank"])
def test_an_unknown_command_names_the_turnout_commands(line: str) -> None:
    assert "isn't a Turnout command. Try `/phonebank`, `/task`" in error(line)


@pytest.mark.parametrize("line", ["", "   ", "\n\t"])
def test_an_empty_line_asks_for_a_command(line: str) -> None:
    assert error(line) == "Type a command, like `/phonebank list` or `/turnout help`."


@pytest.mark.parametrize("typed", ["@everyone", "<!channel>", "`x`", "a\x00b", "<@&123>"])
def test_errors_never_echo_mentions_markup_or_control_characters(typed: str) -> None:
    assert error(f"/phonebank {typed}").startswith("That isn't something I know.")


def test_errors_echo_only_the_start_of_long_text() -> None:
    assert error(f"/phonebank {'x' * 10_000}").startswith(f"`/phonebank {'x' * 19}…` isn't")


def test_slack_style_command_and_text_parse_the_same_as_a_typed_line() -> None:
    assert parse_command(MARIA, "/phonebank", " join #3 ") == JoinShift(MARIA, shift=3)
    assert parse_command(MARIA, "phonebank", "") == ListShifts(MARIA)


# Volunteers


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("America/Chicago", "America/Chicago"),
        ("america/chicago", "America/Chicago"),
        ("America/New York", "America/New_York"),
        ("UTC", "UTC"),
        ("Europe/Berlin", "Europe/Berlin"),
    ],
)
def test_volunteer_tz_sets_a_known_zone_by_its_proper_name(typed: str, zone: str) -> None:
    assert parse(MARIA, f"/volunteer tz {typed}") == SetMyTimezone(MARIA, zone=zone)


@pytest.mark.parametrize(
    "typed",
    ["Mars/Olympus", "../etc/passwd", "/etc/localtime", "localtime", "America", "x" * 99],
)
def test_volunteer_tz_refuses_unknown_zones_with_an_example(typed: str) -> None:
    assert "Use an Area/City name like `America/Chicago`" in error(f"/volunteer tz {typed}")


@pytest.mark.parametrize(
    ("typed", "guess"), [("Chicago", "America/Chicago"), ("Amerca/Chicago", "America/Chicago")]
)
def test_volunteer_tz_suggests_the_zone_meant(typed: str, guess: str) -> None:
    assert f"Did you mean `{guess}`?" in error(f"/volunteer tz {typed}")


def test_volunteer_tz_without_a_zone_shows_the_usage() -> None:
    assert "`/volunteer tz America/Chicago`" in error("/volunteer tz")


@pytest.mark.parametrize(
    ("typed", "offsets"),
    [
        ("off", ()),
        ("NONE", ()),
        ("default", None),
        ("24h,1h", DEFAULT_REMINDER_OFFSETS),
        ("1h, 24h", DEFAULT_REMINDER_OFFSETS),
        ("30m", (timedelta(minutes=30),)),
    ],
)
def test_volunteer_reminders_reads_off_default_or_times(
    typed: str, offsets: tuple[timedelta, ...] | None
) -> None:
    assert parse(MARIA, f"/volunteer reminders {typed}") == SetMyReminders(MARIA, offsets)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "missing the reminder times"),
        ("soon", "`soon`"),
        ("1m", "5 minutes"),
        ("1h,2h,3h,4h,5h", "at most 4"),
        ("@here", "like `24h,1h`"),
        ("1h;2h", "like `24h,1h`"),
    ],
)
def test_volunteer_reminders_explains_what_it_cannot_read(typed: str, says: str) -> None:
    assert says in error(f"/volunteer reminders {typed}")


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("/volunteer profile", StartProfile(MARIA)),
        ("/volunteer new", ListNewVolunteers(MARIA)),
        ("/volunteer forget-me", ForgetMe(MARIA, confirmed=False)),
        ("/volunteer forget-me CONFIRM", ForgetMe(MARIA, confirmed=True)),
        ("/volunteer", ShowHelp(MARIA, topic="volunteer")),
        ("/volunteer help", ShowHelp(MARIA, topic="volunteer")),
    ],
)
def test_volunteer_subcommands_without_arguments(line: str, command: Command) -> None:
    assert parse(MARIA, line) == command


@pytest.mark.parametrize("who", ["Maria Lopez", "#12", "<@U123>", "<@U123|maria>"])
def test_contacted_passes_who_through_as_typed(who: str) -> None:
    assert parse(ORGANIZER, f"/volunteer contacted  {who} ") == MarkContacted(ORGANIZER, who)


@pytest.mark.parametrize(
    ("who", "says"),
    [("", "missing who you contacted"), ("@channel", "can't mention"), ("x" * 101, "under 100")],
)
def test_contacted_needs_someone_showable(who: str, says: str) -> None:
    assert says in error(f"/volunteer contacted {who}")


def test_forget_me_only_takes_confirm() -> None:
    assert "`/volunteer forget-me confirm`" in error("/volunteer forget-me please")


# Campaign settings


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("/turnout tz america/chicago", SetCampaignTimezone(ORGANIZER, "America/Chicago")),
        (
            "/turnout reminders 2h,48h",
            SetCampaignReminders(ORGANIZER, (timedelta(hours=48), timedelta(hours=2))),
        ),
        ("/turnout reminders default", SetCampaignReminders(ORGANIZER, DEFAULT_REMINDER_OFFSETS)),
        ("/turnout reminders off", SetCampaignReminders(ORGANIZER, ())),
        ("/turnout", ShowHelp(ORGANIZER, topic="")),
        ("/turnout help", ShowHelp(ORGANIZER, "")),
        ("/turnout help /task", ShowHelp(ORGANIZER, topic="task")),
    ],
)
def test_turnout_settings_and_help(line: str, command: Command) -> None:
    assert parse(ORGANIZER, line) == command


def test_turnout_help_on_an_unknown_topic_names_every_topic_there_is() -> None:
    said = error("/turnout help parking")
    assert said.startswith("I have no help on")
    assert said.endswith(f"one of: {', '.join(t.name for t in catalogue().topics)}.")


# Tasks


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("/task", ListTasks(MARIA)),
        ("/task list", ListTasks(MARIA)),
        ("/task claim 5", ClaimTask(MARIA, 5)),
        ("/task done #5", FinishTask(MARIA, 5)),
        ("/task release 5", ReleaseTask(MARIA, 5)),
        ("/task help", ShowHelp(MARIA, "task")),
    ],
)
def test_task_subcommands(line: str, command: Command) -> None:
    assert parse(MARIA, line) == command


@pytest.mark.parametrize(
    ("rest", "due_on", "slots", "description"),
    [
        ("", None, 1, None),
        ("due 2026-11-01", date(2026, 11, 1), 1, None),
        ("slots 3", None, 3, None),
        ("SLOTS 3 Due 2026-11-01", date(2026, 11, 1), 3, None),
        ("due 2026-11-01 slots 3 Pick them up.", date(2026, 11, 1), 3, "Pick them up."),
        ("Bring tape, due soon", None, 1, "Bring tape, due soon"),
        ('"due" 2026-11-01', None, 1, '"due" 2026-11-01'),
        ("slots 2 slots 3", None, 2, "slots 3"),
    ],
)
def test_task_post_reads_due_and_slots_in_either_order_before_the_description(
    rest: str, due_on: date | None, slots: int, description: str | None
) -> None:
    posted = parse(ORGANIZER, f"/task post “Drop off flyers” {rest}")
    assert posted == PostTask(ORGANIZER, "Drop off flyers", due_on, slots, description)


def test_task_post_takes_a_bare_one_word_title() -> None:
    posted = parse(ORGANIZER, "/task post Flyers slots 2")
    assert isinstance(posted, PostTask)
    assert posted.title == "Flyers"


@pytest.mark.parametrize(
    ("rest", "says"),
    [
        ('""', "title is empty"),
        ("Call voters", "put it in double quotes"),
        ('"x" due tomorrow', "YYYY-MM-DD"),
        ('"x" slots 0', "at least 1"),
        ('"x" slots 101', "from 1 to 100"),
        ('"x" due', "missing the due date"),
        ('"x" ' + "d" * 1001, "under 1000"),
    ],
)
def test_task_post_explains_mistakes_with_the_usage(rest: str, says: str) -> None:
    assert says in error(f"/task post {rest}")


def test_task_post_mistakes_show_the_usage_with_an_example() -> None:
    assert '`/task post "<title>" [due <YYYY-MM-DD>]' in error('/task post "x" due')
    assert TASK_LINE in error('/task post "x" due')


@pytest.mark.parametrize(
    ("line", "form"),
    [(CREATE, StartShiftForm), ("/task post", StartTaskForm), ("/task   POST  ", StartTaskForm)],
)
def test_create_and_post_alone_ask_for_the_details_in_a_form(
    line: str, form: type[StartShiftForm | StartTaskForm]
) -> None:
    assert parse(ORGANIZER, line) == form(ORGANIZER)
