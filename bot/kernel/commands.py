"""Commands: the orders a person gives, however they gave them (slash command, button, form).

Each carries the Actor who gave it. Adapters build them; `bot.kernel.intake.grammar` builds
them from text.
"""

from dataclasses import dataclass
from datetime import date, time, timedelta

from bot.domain.campaign import Identity
from bot.domain.export import DEFAULT_PERIOD, ExportKind, ExportPeriod
from bot.domain.text import clean_name
from bot.domain.timing import known_zone
from bot.domain.volunteer import Availability, Interest


@dataclass(frozen=True, slots=True)
class Actor:
    identity: Identity
    display_name: str
    # Decided by the adapter from the team's configuration; checked by the core.
    is_organizer: bool = False
    team_name: str = ""
    # The channel the command was given in (a Slack channel or Discord channel id; the
    # console's channel name), where a live post goes; "" when unknown.
    channel: str = ""
    # The IANA zone the platform's profile names (Slack's `tz`), if it names a known one.
    timezone: str = ""

    def __post_init__(self) -> None:
        # Names enter the core here, from every platform: cleaned once, for messages and logs.
        object.__setattr__(self, "display_name", clean_name(self.display_name))
        object.__setattr__(self, "team_name", clean_name(self.team_name))
        if self.timezone and not known_zone(self.timezone):
            object.__setattr__(self, "timezone", "")


@dataclass(frozen=True, slots=True)
class Command:
    actor: Actor


# Phone banks and shifts
@dataclass(frozen=True, slots=True)
class ListShifts(Command):
    page: int = 1


@dataclass(frozen=True, slots=True)
class JoinShift(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class LeaveShift(Command):
    shift: int
    # A date of a weekly series: leave it and every later one, and end "Every week".
    following: bool = False


@dataclass(frozen=True, slots=True)
class MyShifts(Command):
    pass


@dataclass(frozen=True, slots=True)
class Repeats:
    """How a weekly series repeats, as `/phonebank repeat` or the repeat questions say."""

    every: int = 1
    weekdays: tuple[int, ...] = ()
    until: date | None = None
    times: int | None = None


@dataclass(frozen=True, slots=True)
class CreateShift(Command):
    title: str
    day: date
    start: time
    duration: timedelta
    capacity: int
    link: str | None = None
    # The create form's repeat answer: the new shift starts a weekly series at once.
    repeats: Repeats | None = None
    # The form had no room to ask how it repeats (Discord): the reply offers a Repeat button.
    offer_repeat: bool = False


@dataclass(frozen=True, slots=True)
class StartShiftForm(Command):
    """`/phonebank create` with nothing after it: ask for the shift in a form."""


@dataclass(frozen=True, slots=True)
class ShowRoster(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class CancelShift(Command):
    shift: int
    # A date of a weekly series: cancel it and every later one.
    following: bool = False


@dataclass(frozen=True, slots=True)
class PostShift(Command):
    """`/phonebank post <shift>`: post the shift again here, kept current (organizers)."""

    shift: int


@dataclass(frozen=True, slots=True)
class PostBoard(Command):
    """`/phonebank board`: post the board of upcoming shifts here, kept current (organizers)."""


@dataclass(frozen=True, slots=True)
class Announce(Command):
    shift: int
    message: str


# Volunteers
@dataclass(frozen=True, slots=True)
class SetMyTimezone(Command):
    zone: str


@dataclass(frozen=True, slots=True)
class SetMyReminders(Command):
    # None: follow the campaign; (): none at all.
    offsets: tuple[timedelta, ...] | None


@dataclass(frozen=True, slots=True)
class StartProfile(Command):
    pass


@dataclass(frozen=True, slots=True)
class SaveProfile(Command):
    interests: tuple[Interest, ...]
    availability: Availability
    location: str


@dataclass(frozen=True, slots=True)
class ListNewVolunteers(Command):
    pass


@dataclass(frozen=True, slots=True)
class MarkContacted(Command):
    who: str


@dataclass(frozen=True, slots=True)
class ForgetMe(Command):
    confirmed: bool = False


@dataclass(frozen=True, slots=True)
class ShowCalendarFeed(Command):
    """`/volunteer calendar [reset]`: my private calendar feed URL (reset: a new one)."""

    reset: bool = False


@dataclass(frozen=True, slots=True)
class KeepMyData(Command):
    """The volunteer thought better of forget-me."""


@dataclass(frozen=True, slots=True)
class WelcomeVolunteer(Command):
    """The actor just joined the team (or the volunteers channel)."""


# Campaign settings
@dataclass(frozen=True, slots=True)
class SetCampaignTimezone(Command):
    zone: str


@dataclass(frozen=True, slots=True)
class SetCampaignReminders(Command):
    offsets: tuple[timedelta, ...]


@dataclass(frozen=True, slots=True)
class ShowHelp(Command):
    topic: str = ""


# Tasks
@dataclass(frozen=True, slots=True)
class PostTask(Command):
    title: str
    due_on: date | None = None
    slots: int = 1
    description: str | None = None


@dataclass(frozen=True, slots=True)
class StartTaskForm(Command):
    """`/task post` with nothing after it: ask for the task in a form."""


@dataclass(frozen=True, slots=True)
class ListTasks(Command):
    pass


@dataclass(frozen=True, slots=True)
class ClaimTask(Command):
    task: int


@dataclass(frozen=True, slots=True)
class FinishTask(Command):
    task: int


@dataclass(frozen=True, slots=True)
class ReleaseTask(Command):
    task: int


# Organizer control of a shift (issue 14)
@dataclass(frozen=True, slots=True)
class StartEditForm(Command):
    """`/phonebank edit <shift>` alone: the shift's form, filled in with what it is now."""

    shift: int


@dataclass(frozen=True, slots=True)
class EditShift(Command):
    """Change some of a shift's details; None leaves a detail as it is.

    `link` "" removes the link. Fewer seats than people confirmed moves the last to join back
    to the waitlist, which needs `confirm`; so does a typed change that DMs people, once the
    organizer has seen how many.
    """

    shift: int
    title: str | None = None
    day: date | None = None
    start: time | None = None
    duration: timedelta | None = None
    capacity: int | None = None
    link: str | None = None
    confirm: bool = False
    # The organizer already saw who a change tells (the edit form says so), so it saves at once.
    shown_who: bool = False
    # A date of a weekly series: this date, every later one, and the dates still to come.
    following: bool = False


@dataclass(frozen=True, slots=True)
class KeepShiftAfterMove(Command):
    """The Still works button on a "your shift moved" message."""

    shift: int


@dataclass(frozen=True, slots=True)
class AddToShift(Command):
    """An organizer books `who` (a name or `#number`); `over` adds a seat if it is full."""

    shift: int
    who: str
    over: bool = False


@dataclass(frozen=True, slots=True)
class RemoveFromShift(Command):
    shift: int
    who: str


@dataclass(frozen=True, slots=True)
class MoveBetweenShifts(Command):
    who: str
    from_shift: int
    to_shift: int


@dataclass(frozen=True, slots=True)
class RepeatShift(Command):
    """`/phonebank repeat`: make the shift the first date of a weekly series."""

    shift: int
    every: int = 1
    weekdays: tuple[int, ...] = ()
    until: date | None = None
    times: int | None = None


@dataclass(frozen=True, slots=True)
class StartRepeatForm(Command):
    """The Repeat button after creating a shift: ask how it repeats, in a form."""

    shift: int


@dataclass(frozen=True, slots=True)
class JoinEveryWeek(Command):
    """The Every week button: a standing sign-up for the shift's series."""

    shift: int


@dataclass(frozen=True, slots=True)
class ProposeShift(Command):
    """`/phonebank propose`: a volunteer offers to host a phone bank."""

    title: str
    day: date
    start: time
    duration: timedelta
    capacity: int
    link: str | None = None


@dataclass(frozen=True, slots=True)
class StartProposalForm(Command):
    """`/phonebank propose` alone: ask for the phone bank in a form."""


@dataclass(frozen=True, slots=True)
class ApproveProposal(Command):
    proposal: int


@dataclass(frozen=True, slots=True)
class StartDeclineForm(Command):
    """The Decline button: ask the organizer why, in a form."""

    proposal: int


@dataclass(frozen=True, slots=True)
class DeclineProposal(Command):
    proposal: int
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SetHost(Command):
    """`/phonebank host <shift> <who>`."""

    shift: int
    who: str


# After the sign-up (issue 13)
@dataclass(frozen=True, slots=True)
class ConfirmShift(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class CheckIn(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class ShowAttendance(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class MarkAttendance(Command):
    shift: int
    who: str
    # `here` or `no-show`, as typed; the use case reads it.
    mark: str


@dataclass(frozen=True, slots=True)
class MarkSignup(Command):
    """An organizer's Here / No-show button, which names the sign-up itself."""

    signup: int
    mark: str


@dataclass(frozen=True, slots=True)
class StartDebrief(Command):
    """ "I made it", or `/phonebank debrief <shift>` alone: the debrief form."""

    shift: int


@dataclass(frozen=True, slots=True)
class Debrief(Command):
    shift: int
    calls: int
    conversations: int
    notes: str = ""


@dataclass(frozen=True, slots=True)
class DebriefMissed(Command):
    """ "I couldn't make it"."""

    shift: int


@dataclass(frozen=True, slots=True)
class ShowReport(Command):
    shift: int


@dataclass(frozen=True, slots=True)
class ShowHistory(Command):
    # Empty: the asker's own record.
    who: str = ""


@dataclass(frozen=True, slots=True)
class TakeSeat(Command):
    """"Take the seat": the offeree takes the seat kept for them."""

    shift: int


@dataclass(frozen=True, slots=True)
class PassSeat(Command):
    """"Pass": the offeree lets the seat go to the next in line."""

    shift: int


@dataclass(frozen=True, slots=True)
class NudgeShift(Command):
    """"Nudge them": DM the confirmed who have not said "I'll be there" (once per shift)."""

    shift: int


@dataclass(frozen=True, slots=True)
class SetConfirmCheck(Command):
    """`/turnout confirm-check 12h|off`; None turns it off."""

    before: timedelta | None


# Numbers for organizers (issue 16)
@dataclass(frozen=True, slots=True)
class ShowStats(Command):
    # `7d`, `30d`, `90d` or `all`.
    period: str = "30d"


@dataclass(frozen=True, slots=True)
class SetDigest(Command):
    # `off`, or `<weekday> <HH:MM>`; read by bot.domain.stats.read_digest.
    when: str


@dataclass(frozen=True, slots=True)
class SetListed(Command):
    # `on` or `off`: whether I may be named among the most active volunteers.
    choice: str


# Home
@dataclass(frozen=True, slots=True)
class ShowHome(Command):
    pass


@dataclass(frozen=True, slots=True)
class StartSettings(Command):
    pass


@dataclass(frozen=True, slots=True)
class SaveSettings(Command):
    """The settings form: a zone and reminder times, each read as its command reads it."""

    # Empty: keep the zone as it is.
    zone: str
    # As `/volunteer reminders` reads them (None: the campaign's; (): none), if `reminders_given`.
    offsets: tuple[timedelta, ...] | None = None
    reminders_given: bool = False
# Exports (issue 16)
@dataclass(frozen=True, slots=True)
class ExportData(Command):
    kind: ExportKind
    period: ExportPeriod = DEFAULT_PERIOD
