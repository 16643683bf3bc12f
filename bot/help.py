"""The command reference: what `help` shows, and the usage lines the grammar quotes in its errors.

Keeping both in one table means an error never teaches a different spelling than the help does.
The text is plain (no markup) so Slack, Discord and the console can all show it as it is.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Usage:
    """How one subcommand is typed, an example that works, and what it does."""

    syntax: str
    example: str
    summary: str
    organizer: bool = False


SHIFT_EXAMPLE = (
    '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12 https://dialer.example/abc'
)
TASK_EXAMPLE = '/task post "Drop off flyers" due 2026-11-01 slots 3 Pick them up at the office.'

# Per command, its subcommands in the order help lists them. `help` comes last everywhere.
USAGES: dict[str, dict[str, Usage]] = {
    "phonebank": {
        "list": Usage(
            "/phonebank list [page]", "/phonebank list 2", "shifts coming up, with seats left"
        ),
        "join": Usage(
            "/phonebank join <shift>",
            "/phonebank join 3",
            "take a seat on a shift (or a waitlist spot if it's full)",
        ),
        "leave": Usage("/phonebank leave <shift>", "/phonebank leave 3", "give your seat back"),
        "mine": Usage("/phonebank mine", "/phonebank mine", "the shifts you signed up for"),
        "create": Usage(
            '/phonebank create "<title>" <YYYY-MM-DD> <HH:MM> <length> <seats> [<link>]',
            SHIFT_EXAMPLE,
            "schedule a shift in the campaign's time zone (length 15m to 12h; link optional)",
            organizer=True,
        ),
        "roster": Usage(
            "/phonebank roster <shift>",
            "/phonebank roster 3",
            "who signed up for a shift, and who is waiting",
            organizer=True,
        ),
        "cancel": Usage(
            "/phonebank cancel <shift>",
            "/phonebank cancel 3",
            "cancel a shift and tell everyone signed up",
            organizer=True,
        ),
        "announce": Usage(
            "/phonebank announce <shift> <message>",
            "/phonebank announce 3 Parking is behind the library.",
            "send a message to everyone signed up for a shift",
            organizer=True,
        ),
        "help": Usage("/phonebank help", "/phonebank help", "this list"),
    },
    "task": {
        "list": Usage("/task list", "/task list", "open tasks you can claim"),
        "claim": Usage("/task claim <task>", "/task claim 5", "take on a task"),
        "done": Usage("/task done <task>", "/task done 5", "mark your task as finished"),
        "release": Usage(
            "/task release <task>",
            "/task release 5",
            "hand a task back so someone else can take it",
        ),
        "post": Usage(
            '/task post "<title>" [due <YYYY-MM-DD>] [slots <n>] [<description>]',
            TASK_EXAMPLE,
            "post a task for volunteers to claim",
            organizer=True,
        ),
        "help": Usage("/task help", "/task help", "this list"),
    },
    "volunteer": {
        "tz": Usage(
            "/volunteer tz <Area/City>",
            "/volunteer tz America/Chicago",
            "show times in your own time zone",
        ),
        "reminders": Usage(
            "/volunteer reminders <24h,1h | off | default>",
            "/volunteer reminders 24h,1h",
            "when to remind you before your shifts",
        ),
        "profile": Usage(
            "/volunteer profile",
            "/volunteer profile",
            "tell us what you like to do and when you're free",
        ),
        "forget-me": Usage(
            "/volunteer forget-me [confirm]",
            "/volunteer forget-me confirm",
            "erase what Turnout knows about you",
        ),
        "new": Usage(
            "/volunteer new",
            "/volunteer new",
            "new volunteers nobody has contacted yet",
            organizer=True,
        ),
        "contacted": Usage(
            "/volunteer contacted <who>",
            "/volunteer contacted #12",
            "note that you've reached out to a new volunteer",
            organizer=True,
        ),
        "help": Usage("/volunteer help", "/volunteer help", "this list"),
    },
    "turnout": {
        "tz": Usage(
            "/turnout tz <Area/City>",
            "/turnout tz America/Chicago",
            "the campaign's time zone, used to plan shifts",
            organizer=True,
        ),
        "reminders": Usage(
            "/turnout reminders <24h,1h | off | default>",
            "/turnout reminders 24h,1h",
            "when volunteers are reminded before a shift, by default",
            organizer=True,
        ),
        "help": Usage(
            "/turnout help [topic]",
            "/turnout help phonebank",
            "an overview of everything Turnout can do",
        ),
    },
}

TOPICS = tuple(USAGES)

_HEADINGS = {
    "phonebank": "Phone bank shifts",
    "task": "Tasks",
    "volunteer": "You and your settings",
    "turnout": "Campaign settings",
}

_ORGANIZERS_HAVE_MORE = {
    "phonebank": "create and cancel shifts, see rosters and send announcements",
    "task": "post tasks",
    "volunteer": "see new volunteers and note who has been contacted",
    "turnout": "set the campaign's time zone and default reminders",
}

_OVERVIEW = (
    ("/phonebank", "sign up for phone bank shifts"),
    ("/task", "claim tasks that need doing"),
    ("/volunteer", "your time zone, reminders and profile"),
)


def usage(command: str, subcommand: str) -> Usage:
    """The usage of one subcommand, e.g. usage("phonebank", "join")."""
    return USAGES[command][subcommand]


def help_text(topic: str, *, organizer: bool) -> str:
    """The command reference for a topic ('' or an unknown topic: an overview of everything).

    Organizer-only commands are listed only for organizers; everyone else reads one line saying
    organizers have more, so nobody is taught a command that will only refuse them.
    """
    if topic in USAGES:
        return "\n".join(_section(topic, organizer=organizer))
    lines = ["Turnout helps our volunteers find shifts and tasks. Commands:"]
    lines += [f"{command} help — {summary}" for command, summary in _OVERVIEW]
    if organizer:
        lines += ["", *_section("turnout", organizer=True)]
    else:
        lines.append("/turnout help — this overview")
        lines.append("Organizers also have commands to " + _ORGANIZERS_HAVE_MORE["turnout"] + ".")
    return "\n".join(lines)


def _section(topic: str, *, organizer: bool) -> list[str]:
    entries = USAGES[topic].values()
    lines = [_HEADINGS[topic] + ":"]
    lines += [f"{u.syntax} — {u.summary}" for u in entries if organizer or not u.organizer]
    if not organizer and any(u.organizer for u in entries):
        lines.append("Organizers also have commands to " + _ORGANIZERS_HAVE_MORE[topic] + ".")
    return lines
