"""The one command catalogue: every slash command Turnout knows, declared once.

The text grammar, the help, the handler lookup, Discord's command tree (names, typed options,
limits, descriptions, autocomplete) and Slack's manifest are all read from `ENTRIES` and
`GROUPS`; tests prove they agree. Adding a command is one entry here, one use case, its storage
and its tests. Limits come from `bot.domain`, so every surface refuses the same things.
"""

from bot import commands as c
from bot import readers
from bot import typed_values as typed
from bot.choices import Pick
from bot.commands import Command
from bot.domain.phonebank import MAX_ANNOUNCEMENT, MAX_CAPACITY, MAX_LINK, MAX_PAGE
from bot.domain.task import MAX_DESCRIPTION, MAX_SLOTS
from bot.domain.text import MAX_NAME, MAX_TITLE
from bot.domain.timing import MAX_ZONE_NAME
from bot.entry import Entry, Group, Handler, Kind, Param, Route, Usage, Who
from bot.usecases import campaign, phonebanks, tasks, volunteers, welcome

ORGANIZER = Who.ORGANIZER

GROUPS: tuple[Group, ...] = (
    Group(
        "phonebank",
        alone="list",
        heading="Phone bank shifts",
        description="Phone bank shifts",
        menu_description="Phone bank shifts - list them, join, leave, see yours",
        organizers_have="create and cancel shifts, see rosters and send announcements",
        overview="sign up for phone bank shifts",
    ),
    Group(
        "task",
        alone="list",
        heading="Tasks",
        description="Tasks that need doing",
        menu_description="Volunteer tasks - list, claim, finish, release",
        organizers_have="post tasks",
        overview="claim tasks that need doing",
    ),
    Group(
        "volunteer",
        alone="help",
        heading="You and your settings",
        description="You and your settings",
        menu_description="Your profile, time zone and reminders; new volunteers for organizers",
        organizers_have="see new volunteers and note who has been contacted",
        overview="your time zone, reminders and profile",
    ),
    Group(
        "turnout",
        alone="help",
        heading="Campaign settings",
        description="Campaign settings and help",
        menu_description="Help, and the campaign's time zone and reminder times",
        organizers_have="set the campaign's time zone and default reminders",
    ),
)
TOPICS = tuple(group.name for group in GROUPS)

SHIFT_EXAMPLE = (
    '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12 https://dialer.example/abc'
)
TASK_EXAMPLE = '/task post "Drop off flyers" due 2026-11-01 slots 3 Pick them up at the office.'


def _number(name: str, about: str, pick: Pick | None = None) -> Param:
    return Param(name, Kind.NUMBER, about, what=f"{name} number", pick=pick)


def _shift(pick: Pick = Pick.UPCOMING_SHIFTS) -> Param:
    return _number("shift", "The shift's number; start typing its number or title", pick)


def _task(pick: Pick) -> Param:
    return _number("task", "The task's number; start typing its number or title", pick)


_ZONE = Param(
    "zone",
    Kind.TEXT,
    "An Area/City time zone, like America/Chicago",
    max_length=MAX_ZONE_NAME,
    pick=Pick.ZONES,
    read=typed.zone,
)
_REMINDER_TIMES = "Hours or minutes before a shift, like 24h,1h; or off, or default"


def _help(group: str) -> Entry:
    return Entry(
        group,
        "help",
        Usage(f"/{group} help", f"/{group} help", "this list"),
        c.ShowHelp,
        campaign.show_help,
        fixed={"topic": group},
        hint="help",
        # Menus have `/turnout help <topic>` for every group.
        menu=False,
    )


# Per group, its subcommands in the order help lists them; `help` comes last everywhere.
ENTRIES: tuple[Entry, ...] = (
    Entry(
        "phonebank",
        "list",
        Usage("/phonebank list [page]", "/phonebank list 2", "shifts coming up, with seats left"),
        c.ListShifts,
        phonebanks.list_shifts,
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
        params=(_shift(),),
        hint="join 3",
    ),
    Entry(
        "phonebank",
        "leave",
        Usage("/phonebank leave <shift>", "/phonebank leave 3", "give your seat back"),
        c.LeaveShift,
        phonebanks.leave_shift,
        params=(_shift(Pick.MY_SHIFTS),),
        hint="leave 3",
    ),
    Entry(
        "phonebank",
        "mine",
        Usage("/phonebank mine", "/phonebank mine", "the shifts you signed up for"),
        c.MyShifts,
        phonebanks.my_shifts,
        hint="mine",
    ),
    Entry(
        "phonebank",
        "create",
        Usage(
            '/phonebank create "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<link>]',
            SHIFT_EXAMPLE,
            "schedule a shift in the campaign's time zone (length 15m to 12h; link optional)",
        ),
        c.CreateShift,
        phonebanks.create_shift,
        who=ORGANIZER,
        params=(
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
                max_length=20,
                field="day",
            ),
            Param(
                "start",
                Kind.TEXT,
                "Start time in the campaign's zone: 18:00 or 6pm",
                required=False,
                max_length=20,
            ),
            Param(
                "length",
                Kind.TEXT,
                "How long: 2h, 90m or 1h30m",
                required=False,
                max_length=20,
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
        ),
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
        who=ORGANIZER,
        params=(_shift(),),
        hint="roster 3",
    ),
    Entry(
        "phonebank",
        "cancel",
        Usage(
            "/phonebank cancel <shift>",
            "/phonebank cancel 3",
            "cancel a shift and tell everyone signed up",
        ),
        c.CancelShift,
        phonebanks.cancel_shift,
        who=ORGANIZER,
        params=(_shift(),),
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
        who=ORGANIZER,
        params=(
            _shift(),
            Param(
                "message",
                Kind.TEXT,
                "What to tell everyone confirmed",
                max_length=MAX_ANNOUNCEMENT,
                read=readers.announcement,
            ),
        ),
    ),
    _help("phonebank"),
    Entry(
        "task",
        "list",
        Usage("/task list", "/task list", "open tasks you can claim"),
        c.ListTasks,
        tasks.list_tasks,
        hint="list",
    ),
    Entry(
        "task",
        "claim",
        Usage("/task claim <task>", "/task claim 5", "take on a task"),
        c.ClaimTask,
        tasks.claim_task,
        params=(_task(Pick.OPEN_TASKS),),
        hint="claim 5",
    ),
    Entry(
        "task",
        "done",
        Usage("/task done <task>", "/task done 5", "mark your task as finished"),
        c.FinishTask,
        tasks.finish_task,
        params=(_task(Pick.MY_TASKS),),
        hint="done 5",
    ),
    Entry(
        "task",
        "release",
        Usage(
            "/task release <task>",
            "/task release 5",
            "hand a task back so someone else can take it",
        ),
        c.ReleaseTask,
        tasks.release_task,
        params=(_task(Pick.MY_TASKS),),
        hint="release 5",
    ),
    Entry(
        "task",
        "post",
        Usage(
            '/task post "<title>" [due <YYYY-MM-DD>] [slots <n>] [<description>]',
            TASK_EXAMPLE,
            "post a task for volunteers to claim",
        ),
        c.PostTask,
        tasks.post_task,
        who=ORGANIZER,
        params=(
            Param(
                "title",
                Kind.TEXT,
                "What needs doing, like Drop off flyers (leave everything empty for a form)",
                required=False,
                max_length=MAX_TITLE,
            ),
            Param(
                "due", Kind.TEXT, "Due date, YYYY-MM-DD (optional)", required=False, max_length=20
            ),
            Param(
                "slots",
                Kind.NUMBER,
                "How many people can claim it (default 1)",
                required=False,
                high=MAX_SLOTS,
            ),
            Param(
                "description",
                Kind.TEXT,
                "Details volunteers need (optional)",
                required=False,
                max_length=MAX_DESCRIPTION,
            ),
        ),
        text=readers.post_task,
        options=readers.task_options,
        also={c.StartTaskForm: tasks.start_task_form},
        hint="post",
        public=True,
    ),
    _help("task"),
    Entry(
        "volunteer",
        "tz",
        Usage(
            "/volunteer tz <Area/City>",
            "/volunteer tz America/Chicago",
            "show times in your own time zone",
        ),
        c.SetMyTimezone,
        volunteers.set_my_timezone,
        params=(_ZONE,),
        hint="tz America/Chicago",
    ),
    Entry(
        "volunteer",
        "reminders",
        Usage(
            "/volunteer reminders <24h,1h | off | default>",
            "/volunteer reminders 24h,1h",
            "when to remind you before your shifts",
        ),
        c.SetMyReminders,
        volunteers.set_my_reminders,
        params=(
            Param(
                "times",
                Kind.TEXT,
                _REMINDER_TIMES,
                max_length=typed.MAX_REMINDER_TEXT,
                read=typed.reminder_offsets,
                field="offsets",
            ),
        ),
        hint="reminders 24h,1h",
    ),
    Entry(
        "volunteer",
        "profile",
        Usage(
            "/volunteer profile",
            "/volunteer profile",
            "tell us what you like to do and when you're free",
        ),
        c.StartProfile,
        welcome.start_profile,
        hint="profile",
    ),
    Entry(
        "volunteer",
        "forget-me",
        Usage(
            "/volunteer forget-me [confirm]",
            "/volunteer forget-me confirm",
            "erase what Turnout knows about you",
        ),
        c.ForgetMe,
        volunteers.forget_me,
        params=(
            Param(
                "confirm",
                Kind.FLAG,
                "True to erase now; leave it out to be asked first",
                required=False,
                field="confirmed",
            ),
        ),
    ),
    Entry(
        "volunteer",
        "new",
        Usage("/volunteer new", "/volunteer new", "new volunteers nobody has contacted yet"),
        c.ListNewVolunteers,
        volunteers.list_new_volunteers,
        who=ORGANIZER,
        hint="new",
    ),
    Entry(
        "volunteer",
        "contacted",
        Usage(
            "/volunteer contacted <who>",
            "/volunteer contacted #12",
            "note that you've reached out to a new volunteer",
        ),
        c.MarkContacted,
        volunteers.mark_contacted,
        who=ORGANIZER,
        params=(
            Param(
                "who",
                Kind.TEXT,
                "Their name or number, like #12",
                max_length=MAX_NAME,
                read=readers.contacted_who,
            ),
        ),
    ),
    _help("volunteer"),
    Entry(
        "turnout",
        "tz",
        Usage(
            "/turnout tz <Area/City>",
            "/turnout tz America/Chicago",
            "the campaign's time zone, used to plan shifts",
        ),
        c.SetCampaignTimezone,
        campaign.set_campaign_timezone,
        who=ORGANIZER,
        params=(_ZONE,),
        hint="tz America/New_York",
    ),
    Entry(
        "turnout",
        "reminders",
        Usage(
            "/turnout reminders <24h,1h | off | default>",
            "/turnout reminders 24h,1h",
            "when volunteers are reminded before a shift, by default",
        ),
        c.SetCampaignReminders,
        campaign.set_campaign_reminders,
        who=ORGANIZER,
        params=(
            Param(
                "times",
                Kind.TEXT,
                _REMINDER_TIMES,
                max_length=typed.MAX_REMINDER_TEXT,
                read=readers.campaign_offsets,
                field="offsets",
            ),
        ),
        hint="reminders 24h,1h",
    ),
    Entry(
        "turnout",
        "help",
        Usage(
            "/turnout help [topic]",
            "/turnout help phonebank",
            "an overview of everything Turnout can do",
        ),
        c.ShowHelp,
        campaign.show_help,
        params=(
            Param(
                "topic", Kind.TOPIC, "Help on one command group", required=False, choices=TOPICS
            ),
        ),
        text=readers.help_topic(TOPICS),
        hint="help",
    ),
)

# Commands that come from a button, a form or an arrival rather than a slash command.
ROUTES: tuple[Route, ...] = (
    Route(c.KeepMyData, volunteers.keep_my_data, "the Keep my data button (turnout:keep)"),
    Route(c.SaveProfile, welcome.save_profile, "the welcome questions' form (onboarding)"),
    Route(c.WelcomeVolunteer, welcome.welcome_volunteer, "a newcomer joining the team"),
)


def group(name: str) -> Group:
    """The group called `name` (`phonebank`); KeyError if there is none."""
    for found in GROUPS:
        if found.name == name:
            return found
    raise KeyError(name)


def entries(group_name: str) -> tuple[Entry, ...]:
    """A group's entries in the order its help lists them (empty for an unknown group)."""
    return tuple(entry for entry in ENTRIES if entry.group == group_name)


def find(group_name: str, verb: str) -> Entry | None:
    """The entry for `/<group_name> <verb>`, or None when there is no such subcommand."""
    for entry in ENTRIES:
        if entry.group == group_name and entry.verb == verb:
            return entry
    return None


def usage(group_name: str, verb: str) -> Usage:
    """How `/<group_name> <verb>` is typed; KeyError for a subcommand the catalogue lacks."""
    entry = find(group_name, verb)
    if entry is None:
        raise KeyError(f"/{group_name} {verb}")
    return entry.usage


def handlers() -> dict[type[Command], Handler]:
    """Every command any entry or route may build, with its use case; each command has one.

    Raises ValueError if two entries name different use cases for the same command, so a
    conflict shows at start-up rather than as a wrong answer.
    """
    found: dict[type[Command], Handler] = {}
    pairs = [pair for entry in ENTRIES for pair in entry.handlers.items()]
    pairs += [(route.builds, route.handler) for route in ROUTES]
    for command, handler in pairs:
        if found.setdefault(command, handler) is not handler:
            raise ValueError(f"{command.__name__} has two handlers in the catalogue")
    return found
