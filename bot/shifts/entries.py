"""`/phonebank`: phone bank shifts."""

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from bot.attendance import entries as attendance_entries
from bot.domain.errors import UserError
from bot.domain.phonebank import (
    MAX_ANNOUNCEMENT,
    MAX_CAPACITY,
    MAX_DURATION,
    MAX_LINK,
    MAX_PAGE,
    MIN_DURATION,
)
from bot.domain.text import MAX_TITLE
from bot.editing import entries as editing_entries
from bot.editing import typed_edits
from bot.kernel import timefmt
from bot.kernel.commands import Actor, Command
from bot.kernel.intake import parsing
from bot.kernel.intake import typed_values as typed
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Entry, Kind, Param, Usage, Who
from bot.kernel.intake.groups import SHORT, help_entry, shift
from bot.live_posts import posting
from bot.live_posts.commands import PostBoard, PostShift
from bot.shifts import phonebanks
from bot.shifts.commands import (
    Announce,
    CancelShift,
    CreateShift,
    MyShifts,
    ShowRoster,
    StartShiftForm,
)
from bot.signups import offers
from bot.signups.commands import JoinShift, LeaveShift, ListShifts, PassSeat, TakeSeat


def read_post(actor: Actor, words: typed.Words) -> Command:
    """`/phonebank post <shift>`, or `/phonebank post board` for the board of upcoming shifts."""
    first = words.need("a shift number, or `board`")
    if first.text.casefold() == "board":
        words.end()
        return PostBoard(actor)
    number = typed.number(first, "shift number", words.usage.example)
    words.end()
    return PostShift(actor, shift=number)


def post_options(actor: Actor, options: Mapping[str, Any]) -> Command:
    """The same from a menu: `board` set posts the board, otherwise the chosen shift."""
    if options.get("board"):
        return PostBoard(actor)
    if options.get("shift") is None:
        raise UserError("Pick a shift to post, or set board to post the upcoming shifts.")
    return PostShift(actor, shift=int(options["shift"]))


SHIFT_EXAMPLE = (
    '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12 https://dialer.example/abc'
)


# What a new shift needs; a proposed phone bank asks the same.
CREATE_PARAMS: tuple[Param, ...] = (
    Param(
        "title",
        Kind.TEXT,
        "What volunteers will see, like Saturday calls (leave everything empty for a form)",
        required=False,
        max_length=MAX_TITLE,
    ),
    Param(
        "date",
        Kind.TEXT,
        "The day, YYYY-MM-DD, like 2026-11-28",
        required=False,
        max_length=SHORT,
        field="day",
    ),
    Param(
        "start",
        Kind.TEXT,
        "Start time in the campaign's zone: 18:00 or 6pm",
        required=False,
        max_length=SHORT,
    ),
    Param(
        "length",
        Kind.TEXT,
        "How long: 2h, 90m or 1h30m",
        required=False,
        max_length=SHORT,
        field="duration",
    ),
    Param(
        "seats",
        Kind.NUMBER,
        "How many volunteers can join",
        required=False,
        high=MAX_CAPACITY,
        field="capacity",
    ),
    Param(
        "link",
        Kind.TEXT,
        "The dialer or call script link (optional)",
        required=False,
        max_length=MAX_LINK,
    ),
)

# In the order help lists them; `help` comes last.
ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "list",
        Usage("/phonebank list [page]", "/phonebank list 2", "shifts coming up, with seats left"),
        ListShifts,
        phonebanks.list_shifts,
        reads_only=True,
        params=(
            Param(
                "page",
                Kind.NUMBER,
                "Which page of upcoming shifts (10 to a page)",
                what="page number",
                required=False,
                high=MAX_PAGE,
            ),
        ),
        hint="list",
    ),
    Entry(
        "phonebank",
        "join",
        Usage(
            "/phonebank join <shift>",
            "/phonebank join 3",
            "take a seat on a shift (or a waitlist spot if it's full)",
        ),
        JoinShift,
        phonebanks.join_shift,
        params=(shift(),),
        # Take the seat / Pass on an offer: typed, they are `join` and `leave` (Discord allows
        # 25 subcommands per command, so offers get no verbs of their own).
        also={TakeSeat: offers.take_seat, PassSeat: offers.pass_seat},
        hint="join 3",
    ),
    Entry(
        "phonebank",
        "leave",
        Usage(
            "/phonebank leave <shift> [following]",
            "/phonebank leave 3",
            "give your seat back (`following`: every later week too, and stop Every week)",
        ),
        LeaveShift,
        phonebanks.leave_shift,
        params=(
            shift(Pick.MY_SHIFTS),
            Param(
                "following",
                Kind.FLAG,
                "Yes: also every later date of its series, and stop Every week",
                required=False,
            ),
        ),
        text=typed_edits.with_following(LeaveShift),
        hint="leave 3",
    ),
    Entry(
        "phonebank",
        "mine",
        Usage("/phonebank mine", "/phonebank mine", "the shifts you signed up for"),
        MyShifts,
        phonebanks.my_shifts,
        reads_only=True,
        hint="mine",
    ),
    Entry(
        "phonebank",
        "create",
        Usage(
            '/phonebank create "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<link>]',
            SHIFT_EXAMPLE,
            "schedule a shift in the campaign's time zone "
            f"(length {timefmt.duration(MIN_DURATION)} to {timefmt.duration(MAX_DURATION)}; "
            "link optional)",
        ),
        CreateShift,
        phonebanks.create_shift,
        who=Who.ORGANIZER,
        params=CREATE_PARAMS,
        text=parsing.create_shift,
        options=parsing.shift_options,
        also={StartShiftForm: phonebanks.start_shift_form},
        hint="create",
    ),
    Entry(
        "phonebank",
        "roster",
        Usage(
            "/phonebank roster <shift>",
            "/phonebank roster 3",
            "who signed up for a shift, and who is waiting",
        ),
        ShowRoster,
        phonebanks.show_roster,
        reads_only=True,
        who=Who.HOST,
        params=(shift(),),
        hint="roster 3",
    ),
    Entry(
        "phonebank",
        "cancel",
        Usage(
            "/phonebank cancel <shift> [following]",
            "/phonebank cancel 3",
            "cancel a shift and tell everyone signed up (`following`: every later week too)",
        ),
        CancelShift,
        phonebanks.cancel_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "following",
                Kind.FLAG,
                "Yes: also every later date of its weekly series",
                required=False,
            ),
        ),
        text=typed_edits.with_following(CancelShift),
    ),
    Entry(
        "phonebank",
        "announce",
        Usage(
            "/phonebank announce <shift> <message>",
            "/phonebank announce 3 Parking is behind the library.",
            "send a message to everyone signed up for a shift",
        ),
        Announce,
        phonebanks.announce,
        who=Who.HOST,
        params=(
            shift(),
            Param(
                "message",
                Kind.TEXT,
                "What to tell everyone confirmed",
                max_length=MAX_ANNOUNCEMENT,
                read=parsing.announcement,
            ),
        ),
    ),
    Entry(
        "phonebank",
        "post",
        Usage(
            "/phonebank post <shift | board>",
            "/phonebank post 3",
            "post a shift in this channel again, with Join / Leave, or `board`: the upcoming "
            "shifts in one post; either keeps itself up to date",
        ),
        PostShift,
        posting.post_shift,
        who=Who.ORGANIZER,
        params=(
            replace(shift(), required=False),
            Param("board", Kind.FLAG, "Post the upcoming shifts, in one post", required=False),
        ),
        text=read_post,
        options=post_options,
        also={PostBoard: posting.post_board},
    ),
    *attendance_entries.ENTRIES,
    *attendance_entries.DEBRIEF_ENTRIES,
    *attendance_entries.OFFER_ENTRIES,
    *editing_entries.entries(CREATE_PARAMS),
    help_entry("phonebank"),
)
