"""`/phonebank`: phone bank shifts."""

from bot.domain.phonebank import (
    MAX_ANNOUNCEMENT,
    MAX_PAGE,
)
from bot.kernel.i18n import N_
from bot.kernel.intake import parsing
from bot.kernel.intake.choices import Pick
from bot.kernel.intake.entry import Entry, Kind, Param, Who
from bot.kernel.intake.groups import WHO, shift
from bot.kernel.intake.typed_values import Usage
from bot.shifts import announcing, bookings, listing, phonebanks, reading
from bot.shifts.commands import (
    AddToShift,
    Announce,
    CancelShift,
    CreateShift,
    MoveBetweenShifts,
    MyShifts,
    RemoveFromShift,
    ShowRoster,
    StartShiftForm,
)
from bot.shifts.new_shift import CREATE_PARAMS, CREATE_USAGE, read_new_shift, shift_options
from bot.signups import JoinShift, LeaveShift, ListShifts, PassSeat, TakeSeat, offers

# In the order help lists them; `help` comes last.
ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "list",
        Usage(
            "/phonebank list [page]", "/phonebank list 2", N_("shifts coming up, with seats left")
        ),
        ListShifts,
        listing.list_shifts,
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
            "/phonebank join <shift> [position]",
            "/phonebank join 3",
            N_(
                "take a seat on a shift (or a waitlist spot if it's full), in a position if "
                "it has them"
            ),
        ),
        JoinShift,
        phonebanks.join_shift,
        params=(
            shift(),
            Param(
                "position",
                Kind.TEXT,
                "On a shift with positions: which one, like driver",
                required=False,
                read=parsing.one_word("position"),
            ),
        ),
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
            N_("give your seat back (`following`: every later week too, and stop Every week)"),
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
        text=reading.with_following(LeaveShift),
        hint="leave 3",
    ),
    Entry(
        "phonebank",
        "mine",
        Usage("/phonebank mine", "/phonebank mine", N_("the shifts you signed up for")),
        MyShifts,
        phonebanks.my_shifts,
        reads_only=True,
        hint="mine",
    ),
    Entry(
        "phonebank",
        "create",
        CREATE_USAGE,
        CreateShift,
        phonebanks.create_shift,
        who=Who.ORGANIZER,
        params=CREATE_PARAMS,
        text=read_new_shift,
        options=shift_options,
        also={StartShiftForm: phonebanks.start_shift_form},
        hint="create",
    ),
    Entry(
        "phonebank",
        "roster",
        Usage(
            "/phonebank roster <shift>",
            "/phonebank roster 3",
            N_("who signed up for a shift, and who is waiting"),
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
            N_("cancel a shift and tell everyone signed up (`following`: every later week too)"),
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
        text=reading.with_following(CancelShift),
    ),
    Entry(
        "phonebank",
        "announce",
        Usage(
            "/phonebank announce <shift> [waitlist] <message>",
            "/phonebank announce 3 Parking is behind the library.",
            N_(
                "send a message to everyone confirmed for a shift (`waitlist`: and everyone "
                "waiting for a seat)"
            ),
        ),
        Announce,
        announcing.announce,
        who=Who.HOST,
        params=(
            shift(),
            Param(
                "message",
                Kind.TEXT,
                "What to tell everyone confirmed",
                max_length=MAX_ANNOUNCEMENT,
                read=reading.announcement,
            ),
            Param(
                "waitlist",
                Kind.FLAG,
                "Yes: also everyone on the waitlist",
                required=False,
            ),
        ),
        text=reading.announce,
    ),
    Entry(
        "phonebank",
        "add",
        Usage(
            "/phonebank add <shift> <who> [over] [confirm]",
            "/phonebank add 3 Maria Lopez",
            N_(
                "book a volunteer (a name or #number) on a shift; the waitlist if it's full, "
                "unless `over` adds a seat; outside the times they said they're free it asks "
                "first, unless `confirm`"
            ),
        ),
        AddToShift,
        bookings.add_to_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            WHO,
            Param("over", Kind.FLAG, "Yes: add a seat if the shift is full", required=False),
            Param(
                "confirm",
                Kind.FLAG,
                "Yes: book them even outside the times they said they're free",
                required=False,
            ),
        ),
        text=reading.add_to_shift,
    ),
    Entry(
        "phonebank",
        "remove",
        Usage(
            "/phonebank remove <shift> <who>",
            "/phonebank remove 3 #12",
            N_("take a volunteer off a shift (the waitlist moves up; they're told kindly)"),
        ),
        RemoveFromShift,
        bookings.remove_from_shift,
        who=Who.ORGANIZER,
        params=(
            shift(),
            WHO,
        ),
        text=reading.remove_from_shift,
    ),
    Entry(
        "phonebank",
        "move",
        Usage(
            "/phonebank move <who> <from-shift> <to-shift>",
            "/phonebank move Maria 3 5",
            N_("move a volunteer to another shift in one step, with one message"),
        ),
        MoveBetweenShifts,
        bookings.move_between_shifts,
        who=Who.ORGANIZER,
        params=(
            WHO,
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
        text=reading.move_between_shifts,
    ),
)
