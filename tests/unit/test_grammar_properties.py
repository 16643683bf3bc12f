"""Whatever people type, the grammar answers with a Command or a friendly UserError only."""

from datetime import date, time, timedelta

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from bot.catalogue import TOPICS, catalogue, parse, parse_command
from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.kernel.commands import Actor, Command
from bot.shifts.commands import Announce, CreateShift
from bot.signups.commands import JoinShift

ORGANIZER = Actor(Identity("console", "team-1", "u-olu"), "Olu", is_organizer=True)
NAMES = [f"/{name}" for name in TOPICS]
PREFIXES = [f"/{entry.group} {entry.verb}" for entry in catalogue().entries] + NAMES

# Anything at all, weighted towards what breaks parsers: quotes, control characters, odd spaces.
TRICKY = st.sampled_from(
    [
        *"\"“”„'’`#-:,|<>@&\\/ \t\n\r\x00\x0b\x1c\u00a0\u2028\u200b\ufeff",
        *("@everyone", "<!here>", "<@&12>", "due", "slots", "confirm", "am", "pm", "default"),
    ]
)
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=300) | st.lists(
    TRICKY | st.text(max_size=6), max_size=40
).map("".join)
# Words that each reader accepts, or nearly accepts, so random lines reach the deep branches.
NEAR_MISSES = """
    3 #3 0 -1 1000001 2026-11-28 2026-02-30 18:00 6pm 6 pm 2h 90m 13h 12 501 " due slots
    https://dialer.example/abc <https://d.example|x> America/Chicago 24h,1h off default confirm
    #12 <@U123> @here
"""
WORD = st.sampled_from(
    [*NEAR_MISSES.split(), '"Saturday calls"', "“Maria's calls”"]
) | ANY_TEXT.filter(lambda text: " " not in text)
LINE_OF_WORDS = st.lists(WORD, max_size=9).map(" ".join)


def answers_sensibly(line: str, *, slash: str | None = None) -> None:
    """Parsing returns a Command or raises a short UserError; anything else fails the test."""
    try:
        command = parse(ORGANIZER, line) if slash is None else parse_command(ORGANIZER, slash, line)
    except UserError as error:
        assert error.message.strip()
        # Errors quote back only a short echo, never a whole 10,000-character line.
        assert len(error.message) < 600
    else:
        assert isinstance(command, Command)
        assert command.actor == ORGANIZER


@given(prefix=st.sampled_from(PREFIXES), rest=ANY_TEXT | LINE_OF_WORDS)
@settings(max_examples=600)
def test_any_text_after_any_command_gives_a_command_or_a_user_error(prefix: str, rest: str) -> None:
    answers_sensibly(f"{prefix} {rest}")


@given(line=ANY_TEXT)
@example("/")
@example("\x00")
@example('/phonebank create "')
@example("/phonebank create “Maria's calls” 2026-11-28 6 pm 2h 12 " + "x" * 10_000)
def test_any_line_at_all_gives_a_command_or_a_user_error(line: str) -> None:
    answers_sensibly(line)


@given(prefix=st.sampled_from(PREFIXES), filler=st.sampled_from(['"', "9", "x", " ", "@", "\x00"]))
@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
def test_10000_character_lines_give_a_command_or_a_user_error(prefix: str, filler: str) -> None:
    answers_sensibly(f"{prefix} {filler * 10_000}")
    answers_sensibly(f"{prefix} 3 {filler * 10_000}")


@given(command=st.sampled_from(NAMES), text=ANY_TEXT)
def test_slack_style_command_and_text_give_a_command_or_a_user_error(
    command: str, text: str
) -> None:
    answers_sensibly(text, slash=command)


@given(number=st.integers(1, 1_000_000), hashed=st.booleans())
def test_every_shift_number_from_1_to_a_million_reads_back(number: int, hashed: bool) -> None:
    typed = f"#{number}" if hashed else str(number)
    assert parse(ORGANIZER, f"/phonebank join {typed}") == JoinShift(ORGANIZER, number)


@given(
    day=st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    start=st.times().map(lambda t: time(t.hour, t.minute)),
    minutes=st.integers(15, 12 * 60),
    seats=st.integers(1, 500),
)
def test_every_valid_shift_reads_back(day: date, start: time, minutes: int, seats: int) -> None:
    line = f'/phonebank create "Calls" {day.isoformat()} {start:%H:%M} {minutes}m {seats}'
    shift = parse(ORGANIZER, line)
    assert isinstance(shift, CreateShift)
    assert (shift.day, shift.start, shift.capacity) == (day, start, seats)
    assert shift.duration == timedelta(minutes=minutes)


@given(hour=st.integers(1, 12), minute=st.integers(0, 59), pm=st.booleans())
def test_twelve_hour_times_mean_what_they_say(hour: int, minute: int, pm: bool) -> None:
    typed = f"{hour}:{minute:02d}{'pm' if pm else 'am'}"
    shift = parse(ORGANIZER, f'/phonebank create "Calls" 2026-11-28 {typed} 2h 12')
    assert isinstance(shift, CreateShift)
    assert shift.start == time(hour % 12 + (12 if pm else 0), minute)


# Text that clean_text accepts and that holds no quote characters.
PLAIN = st.text(
    st.characters(categories=["L", "N", "P", "S", "Zs"], exclude_characters='"“”„`@<>'),
    min_size=1,
    max_size=100,
).filter(lambda text: text.strip())


@given(title=PLAIN)
def test_any_plain_quoted_title_reads_back(title: str) -> None:
    shift = parse(ORGANIZER, f'/phonebank create "{title}" 2026-11-28 18:00 2h 12')
    assert isinstance(shift, CreateShift)
    assert shift.title == title.strip()


@given(message=PLAIN | st.lists(PLAIN, min_size=1, max_size=5).map("\n".join))
def test_announcements_are_kept_verbatim_apart_from_outer_whitespace(message: str) -> None:
    # `waitlist` first, as typed, is the option that sends it to the waitlist too.
    assume(message.split()[0] != "waitlist")
    announced = parse(ORGANIZER, f"/phonebank announce 3 {message}")
    assert isinstance(announced, Announce)
    assert announced.message == message.strip()
