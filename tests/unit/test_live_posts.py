"""Live posts in the core: what a post shows (the seat bar, its states) and how edits are
queued, coalesced, timed and dropped, on a real SQLite file with a recording messenger."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.phonebank import PhoneBank, Shift, ShiftSeats, ShiftStatus
from bot.domain.post import EDIT_DELAY, PostState, post_state, seat_bar
from bot.live_posts.views import board_post, shift_post
from bot.ports.messenger import DeliveryError
from tests.conftest import Harness
from tests.render import text_of

NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)  # Sat Nov 28, 6:00 PM EST
BEFORE = START - timedelta(days=1)
SATURDAY = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 3'


@pytest.mark.parametrize(
    ("left", "capacity", "bar"),
    [
        (3, 5, "▰▰▰▱▱"),
        (5, 5, "▰▰▰▰▰"),
        (0, 5, "▱▱▱▱▱"),
        (50, 100, "▰▰▰▰▰▱▱▱▱▱"),
        # Rounding never shows a full shift as open, nor an open one as full or untouched.
        (1, 100, "▰▱▱▱▱▱▱▱▱▱"),
        (99, 100, "▰▰▰▰▰▰▰▰▰▱"),
    ],
)
def test_the_seat_bar_has_a_filled_cell_per_seat_left_up_to_ten_cells(
    left: int, capacity: int, bar: str
) -> None:
    assert seat_bar(left, capacity) == bar


def shift(*, capacity: int = 5, starts_at: datetime = START, cancelled: bool = False) -> Shift:
    return Shift(
        id=1,
        campaign_id=1,
        number=3,
        phone_bank=PhoneBank(1, 1, "Saturday calls", "https://dialer.example/sat"),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=capacity,
        status=ShiftStatus.CANCELLED if cancelled else ShiftStatus.SCHEDULED,
    )


def shown(seats: ShiftSeats, now: datetime = BEFORE, posted: datetime | None = START) -> str:
    return text_of(shift_post(seats, now=now, zone=NEW_YORK, posted_starts_at=posted))


def test_an_open_shift_shows_seats_left_the_waitlist_and_join_and_leave() -> None:
    assert shown(ShiftSeats(shift(), confirmed=2, waitlisted=0)) == (
        "📞 #3 “Saturday calls”\nSat Nov 28, 6:00 PM EST for 2h\n▰▰▰▱▱ 3 of 5 left\n"
        "[1] Join   [2] Leave"
    )


def test_a_full_shift_offers_the_waitlist() -> None:
    text = shown(ShiftSeats(shift(), confirmed=5, waitlisted=2))
    assert "▱▱▱▱▱ 0 of 5 left · 2 on the waitlist" in text
    assert text.endswith("[1] Join waitlist   [2] Leave")


def test_a_cancelled_or_started_shift_has_no_buttons() -> None:
    cancelled = shown(ShiftSeats(shift(cancelled=True), 2, 0))
    started = shown(ShiftSeats(shift(), 2, 0), now=START + timedelta(minutes=5))
    ended = shown(ShiftSeats(shift(), 2, 0), now=START + timedelta(hours=3))
    assert "❌ Cancelled" in cancelled and "[1]" not in cancelled
    assert "▶️ Started: sign-ups are closed." in started and "[1]" not in started
    assert "✅ This shift has ended." in ended and "[1]" not in ended


def test_a_moved_shift_says_when_it_was() -> None:
    moved = shown(ShiftSeats(shift(starts_at=START + timedelta(hours=1)), 1, 0))
    assert "Sat Nov 28, 7:00 PM EST for 2h" in moved
    assert "🕒 Moved: it was Sat Nov 28, 6:00 PM EST." in moved
    assert moved.endswith("[1] Join   [2] Leave")


def test_the_first_state_that_applies_wins() -> None:
    def state(
        *,
        cancelled: bool = False,
        started: bool = False,
        seats_left: int = 1,
        starts_at: datetime = START,
        posted_starts_at: datetime | None = START,
    ) -> PostState:
        return post_state(
            cancelled=cancelled,
            started=started,
            seats_left=seats_left,
            starts_at=starts_at,
            posted_starts_at=posted_starts_at,
        )

    assert state(cancelled=True, started=True) is PostState.CANCELLED
    assert state(started=True, seats_left=0) is PostState.STARTED
    assert state(posted_starts_at=BEFORE, seats_left=0) is PostState.MOVED
    assert state(seats_left=0) is PostState.FULL
    assert state() is PostState.OPEN


def test_the_board_lists_shifts_with_a_join_each_and_says_how_many_more() -> None:
    board = board_post([ShiftSeats(shift(), 5, 1)], more=4, zone=NEW_YORK)
    text = text_of(board)
    assert "#3 Saturday calls\nSat Nov 28, 6:00 PM EST · ▱▱▱▱▱ 0 of 5 left · 1 on the waitlist" in (
        text
    )
    assert "4 more shifts: `/phonebank list`." in text
    assert board.public and text.endswith("[1] Join waitlist")


# The core over a real database: queueing, coalescing, timing.


@pytest.fixture
def posting(harness: Harness) -> Harness:
    harness.channel = "general"
    return harness


async def test_creating_a_shift_in_a_channel_posts_it_there(posting: Harness) -> None:
    said = await posting.say("Olivia", SATURDAY)
    assert "I'm posting it here" in said
    (post,) = posting.messenger.texts("#general")
    assert "▰▰▰ 3 of 3 left" in post


async def test_a_burst_of_joins_is_one_edit_written_from_the_latest_seats(posting: Harness) -> None:
    await posting.say("Olivia", SATURDAY)
    for name in ("Maria", "Sam", "Ana", "Jo"):
        await posting.say(name, "/phonebank join 1")
    assert posting.messenger.edited("1") == []

    await posting.advance(EDIT_DELAY)

    (edit,) = posting.messenger.edited("1")
    assert "▱▱▱ 0 of 3 left · 1 on the waitlist" in edit


async def test_a_change_that_shows_nothing_new_edits_nothing(posting: Harness) -> None:
    await posting.say("Olivia", SATURDAY)
    # Opening the edit form holds the shift but changes nothing.
    await posting.reply("Olivia", "/phonebank edit 1")
    await posting.advance(EDIT_DELAY)
    assert posting.messenger.edited("1") == []


async def test_the_post_says_started_at_the_start_and_ended_at_the_end(posting: Harness) -> None:
    await posting.say("Olivia", SATURDAY)
    await posting.say("Maria", "/phonebank join 1")
    start = START - posting.clock.now()

    await posting.advance(start)
    await posting.advance(timedelta(hours=2))

    # The join's edit, written at the start, says started; the timed one adds nothing.
    started, ended = posting.messenger.edited("1")
    assert "▶️ Started" in started and "[1]" not in started
    assert "✅ This shift has ended." in ended


async def test_a_moved_shift_moves_its_timed_edit_too(posting: Harness) -> None:
    await posting.say("Olivia", SATURDAY)
    await posting.say("Olivia", "/phonebank edit 1 time 19:00")
    await posting.advance(EDIT_DELAY)
    assert "🕒 Moved: it was Sat Nov 28, 6:00 PM EST." in posting.messenger.edited("1")[-1]

    await posting.advance(START - posting.clock.now())
    # The old start passes quietly; the post says started at the new one.
    assert "Started" not in posting.messenger.edited("1")[-1]
    await posting.advance(timedelta(hours=1))
    assert "▶️ Started" in posting.messenger.edited("1")[-1]


async def test_a_post_whose_message_is_gone_is_forgotten(posting: Harness) -> None:
    await posting.say("Olivia", SATURDAY)
    posting.messenger.failures["1"] = DeliveryError("the message was deleted", permanent=True)
    await posting.say("Maria", "/phonebank join 1")
    await posting.advance(EDIT_DELAY)

    del posting.messenger.failures["1"]
    await posting.say("Sam", "/phonebank join 1")
    await posting.advance(EDIT_DELAY)
    assert posting.messenger.edited("1") == []


async def test_a_shift_cancelled_before_its_post_went_out_is_not_posted(posting: Harness) -> None:
    await posting.reply("Olivia", SATURDAY)
    await posting.say("Olivia", "/phonebank cancel 1")
    assert posting.messenger.texts("#general") == []


async def test_post_and_board_need_a_channel_and_an_organizer(harness: Harness) -> None:
    await harness.say("Olivia", SATURDAY)
    assert "only post in a channel" in await harness.say("Olivia", "/phonebank post 1")
    harness.channel = "general"
    assert "Only organizers can post shifts" in await harness.say("Maria", "/phonebank post 1")
    assert "Only organizers" in await harness.say("Maria", "/phonebank post board")
    assert "There's no shift #9" in await harness.say("Olivia", "/phonebank post 9")
    # `post` takes a shift's number or `board`, and says so when it gets neither.
    assert "a shift number, or `board`" in await harness.say("Olivia", "/phonebank post")
    assert "shift number" in await harness.say("Olivia", "/phonebank post boards")
    assert "I didn't expect `now`" in await harness.say("Olivia", "/phonebank post board now")
    assert harness.messenger.texts("#general") == []


async def test_the_board_follows_a_weekly_series_as_its_dates_appear(posting: Harness) -> None:
    await posting.say("Olivia", SATURDAY)
    await posting.say("Olivia", "/phonebank post board")
    await posting.say("Olivia", "/phonebank repeat 1 weekly")
    assert posting.messenger.edited("2") == []  # no new date within the window yet

    # The sweep creates the dates that come within the window as time passes.
    await posting.advance(timedelta(days=8))
    await posting.advance(EDIT_DELAY)

    board = posting.messenger.edited("2")[-1]
    assert "#1 Saturday calls" in board and "#2 Saturday calls" in board
    assert "Sat Dec 5, 6:00 PM EST" in board
