"""`/phonebank`: phone bank shifts."""

from bot import commands as c
from bot import organizer_readers, readers, timefmt
from bot.catalogue.groups import SHORT, help_entry, shift
from bot.choices import Pick
from bot.domain.phonebank import (
    MAX_ANNOUNCEMENT,
    MAX_CAPACITY,
    MAX_DURATION,
    MAX_LINK,
    MAX_PAGE,
    MIN_DURATION,
)
from bot.domain.text import MAX_TITLE
from bot.entry import Entry, Kind, Param, Usage, Who
from bot.organizer_readers import EDIT_FIELDS
from bot.usecases import bookings, editing, hosting, phonebanks, series

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
        c.ListShifts,
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
        c.JoinShift,
        phonebanks.join_shift,
        params=(shift(),),
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
        c.LeaveShift,
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
        text=organizer_readers.with_following(c.LeaveShift),
        hint="leave 3",
    ),
    Entry(
        "phonebank",
        "mine",
        Usage("/phonebank mine", "/phonebank mine", "the shifts you signed up for"),
        c.MyShifts,
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
        c.CreateShift,
        phonebanks.create_shift,
        who=Who.ORGANIZER,
        params=CREATE_PARAMS,
        text=readers.create_shift,
        options=readers.shift_options,
        also={c.StartShiftForm: phonebanks.start_shift_form},
        hint="create",
        public=True,
    ),
    Entry(
        "phonebank",
        "roster",
        Usage(
            "/phonebank roster <shift>",
            "/phonebank roster 3",
            "who signed up for a shift, and who is waiting",
        ),
        c.ShowRoster,
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
        c.CancelShift,
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
        text=organizer_readers.with_following(c.CancelShift),
    ),
    Entry(
        "phonebank",
        "announce",
        Usage(
            "/phonebank announce <shift> <message>",
            "/phonebank announce 3 Parking is behind the library.",
            "send a message to everyone signed up for a shift",
        ),
        c.Announce,
        phonebanks.announce,
        who=Who.HOST,
        params=(
            shift(),
            Param(
                "message",
                Kind.TEXT,
                "What to tell everyone confirmed",
                max_length=MAX_ANNOUNCEMENT,
                read=readers.announcement,
            ),
        ),
    ),
    Entry(
        "phonebank",
        "edit",
        Usage(
            "/phonebank edit <shift> [<field> <value>]",
            "/phonebank edit 3 time 19:00",
            "change a shift's " + ", ".join(EDIT_FIELDS) + " (alone: a form); everyone on it "
            "is told (`link -` removes the link, fewer seats needs `confirm`; `<shift> following "
            "<field> <value>` for a series)",
        ),
        c.EditShift,
        editing.edit_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "field",
                Kind.TOPIC,
                "What to change (leave empty for a form)",
                required=False,
                choices=EDIT_FIELDS,
            ),
            Param(
                "value",
                Kind.TEXT,
                "The new value, like 19:00, 2h, 12 or a link (- removes the link)",
                required=False,
                max_length=MAX_LINK,
            ),
            Param(
                "confirm",
                Kind.FLAG,
                "Yes: cut seats even if people go back to the waitlist",
                required=False,
            ),
        ),
        text=organizer_readers.edit_shift,
        options=organizer_readers.edit_options,
        also={c.StartEditForm: editing.start_edit_form},
    ),
    Entry(
        "phonebank",
        "add",
        Usage(
            "/phonebank add <shift> <who> [over]",
            "/phonebank add 3 Maria Lopez",
            "book a volunteer (a name or #number) on a shift; the waitlist if it's full, unless "
            "`over` adds a seat",
        ),
        c.AddToShift,
        bookings.add_to_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "who", Kind.TEXT, "The volunteer's name or #number", read=organizer_readers.person
            ),
            Param("over", Kind.FLAG, "Yes: add a seat if the shift is full", required=False),
        ),
        text=organizer_readers.add_to_shift,
    ),
    Entry(
        "phonebank",
        "remove",
        Usage(
            "/phonebank remove <shift> <who>",
            "/phonebank remove 3 #12",
            "take a volunteer off a shift (the waitlist moves up; they're told kindly)",
        ),
        c.RemoveFromShift,
        bookings.remove_from_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "who", Kind.TEXT, "The volunteer's name or #number", read=organizer_readers.person
            ),
        ),
        text=organizer_readers.remove_from_shift,
    ),
    Entry(
        "phonebank",
        "move",
        Usage(
            "/phonebank move <who> <from-shift> <to-shift>",
            "/phonebank move Maria 3 5",
            "move a volunteer to another shift in one step, with one message",
        ),
        c.MoveBetweenShifts,
        bookings.move_between_shifts,
        who=Who.ORGANIZER,
        params=(
            Param(
                "who", Kind.TEXT, "The volunteer's name or #number", read=organizer_readers.person
            ),
            Param(
                # `from` can't name an option: Discord's options become Python parameters.
                "from_shift",
                Kind.NUMBER,
                "The shift they're on now",
                what="shift number",
                pick=Pick.UPCOMING_SHIFTS,
            ),
            Param(
                "to_shift",
                Kind.NUMBER,
                "The shift to move them to",
                what="shift number",
                pick=Pick.UPCOMING_SHIFTS,
            ),
        ),
        text=organizer_readers.move_between_shifts,
    ),
    Entry(
        "phonebank",
        "repeat",
        Usage(
            "/phonebank repeat <shift> weekly|every <n> weeks [on <days>] "
            "[until <YYYY-MM-DD> | times <n>]",
            "/phonebank repeat 3 weekly until 2026-12-31",
            "make a shift weekly (`on tue,thu` in the campaign's zone); dates appear 4 weeks ahead",
        ),
        c.RepeatShift,
        series.repeat_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "how",
                Kind.TEXT,
                "weekly or every 2 weeks, then on tue,thu, until 2026-12-31 or times 8",
                max_length=100,
            ),
        ),
        text=organizer_readers.repeat_shift,
        options=organizer_readers.repeat_options,
    ),
    Entry(
        "phonebank",
        "propose",
        Usage(
            '/phonebank propose "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<link>]',
            '/phonebank propose "Calls at Maria\'s" 2026-11-28 18:00 2h 6',
            "offer to host a phone bank (at home or online); organizers approve it (alone: a form)",
        ),
        c.ProposeShift,
        hosting.propose_shift,
        params=CREATE_PARAMS,
        text=organizer_readers.propose_shift,
        options=organizer_readers.propose_options,
        also={c.StartProposalForm: hosting.start_proposal_form},
    ),
    Entry(
        "phonebank",
        "host",
        Usage(
            "/phonebank host <shift> <who>",
            "/phonebank host 3 Maria",
            "make a volunteer the host of a shift: they see its roster and can announce to it",
        ),
        c.SetHost,
        hosting.set_host,
        who=Who.ORGANIZER,
        params=(
            shift(),
            Param(
                "who", Kind.TEXT, "The volunteer's name or #number", read=organizer_readers.person
            ),
        ),
        text=organizer_readers.set_host,
    ),
    Entry(
        "phonebank",
        "approve",
        Usage(
            "/phonebank approve <proposal>",
            "/phonebank approve 2",
            "approve a volunteer's proposed phone bank (the Approve button, typed)",
        ),
        c.ApproveProposal,
        hosting.approve_proposal,
        who=Who.ORGANIZER,
        params=(Param("proposal", Kind.NUMBER, "The proposal's number", what="proposal number"),),
    ),
    Entry(
        "phonebank",
        "decline",
        Usage(
            "/phonebank decline <proposal> [<reason>]",
            "/phonebank decline 2 We already have one that evening.",
            "decline a proposed phone bank; the volunteer sees your reason",
        ),
        c.DeclineProposal,
        hosting.decline_proposal,
        who=Who.ORGANIZER,
        params=(
            Param("proposal", Kind.NUMBER, "The proposal's number", what="proposal number"),
            Param(
                "reason",
                Kind.TEXT,
                "Why (the volunteer will read it)",
                required=False,
                max_length=500,
                read=organizer_readers.reason,
            ),
        ),
        text=organizer_readers.decline_proposal,
    ),
    help_entry("phonebank"),
)
