"""Button actions: `turnout:<verb>[:<number>]`, decoded back into commands.

The action names what it acts on, so a button keeps working after a restart and on any
platform. The number is the short per-campaign number people also type.
"""

from collections.abc import Callable
from datetime import date, time, timedelta

from bot.attendance.commands import (
    CheckIn,
    ConfirmShift,
    DebriefMissed,
    MarkSignup,
    NudgeShift,
    StartDebrief,
)
from bot.calendars.commands import ShowCalendarFeed
from bot.domain.errors import UserError
from bot.editing.commands import EditShift, KeepShiftAfterMove
from bot.home.commands import StartSettings
from bot.hosting.commands import ApproveProposal, StartDeclineForm
from bot.kernel.commands import Actor, Command
from bot.series.commands import JoinEveryWeek, StartRepeatForm
from bot.signups.commands import JoinShift, LeaveShift, ListShifts, PassSeat, TakeSeat
from bot.tasks.commands import ClaimTask, FinishTask, ListTasks, ReleaseTask
from bot.volunteers.commands import ForgetMe, KeepMyData, MarkContacted, StartProfile

PREFIX = "turnout"
# Link buttons open an address and send nothing the core reads; platforms that still report
# the click (Slack) get this prefix, acknowledged and ignored.
LINK_PREFIX = "turnout-link"

_NUMBERED: dict[str, Callable[[Actor, int], Command]] = {
    "join": lambda actor, n: JoinShift(actor, shift=n),
    "leave": lambda actor, n: LeaveShift(actor, shift=n),
    "claim": lambda actor, n: ClaimTask(actor, task=n),
    "done": lambda actor, n: FinishTask(actor, task=n),
    "release": lambda actor, n: ReleaseTask(actor, task=n),
    "contacted": lambda actor, n: MarkContacted(actor, who=f"#{n}"),
    "confirm": lambda actor, n: ConfirmShift(actor, shift=n),
    "checkin": lambda actor, n: CheckIn(actor, shift=n),
    # Attendance buttons name the sign-up (one number names both the shift and the person).
    "here": lambda actor, n: MarkSignup(actor, signup=n, mark="here"),
    "noshow": lambda actor, n: MarkSignup(actor, signup=n, mark="no-show"),
    "madeit": lambda actor, n: StartDebrief(actor, shift=n),
    "missed": lambda actor, n: DebriefMissed(actor, shift=n),
    "still": lambda actor, n: KeepShiftAfterMove(actor, shift=n),
    "take": lambda actor, n: TakeSeat(actor, shift=n),
    "pass": lambda actor, n: PassSeat(actor, shift=n),
    "nudge": lambda actor, n: NudgeShift(actor, shift=n),
    "weekly": lambda actor, n: JoinEveryWeek(actor, shift=n),
    "repeat": lambda actor, n: StartRepeatForm(actor, shift=n),
    "approve": lambda actor, n: ApproveProposal(actor, proposal=n),
    "decline": lambda actor, n: StartDeclineForm(actor, proposal=n),
}
# Buttons that carry two numbers: `turnout:seats:<shift>:<seats>` confirms fewer seats; the
# others save a typed edit that DMs people (Save and tell them), its new value as a number.
_PAIRED: dict[str, Callable[[Actor, int, int], Command]] = {
    "seats": lambda actor, n, m: EditShift(actor, shift=n, capacity=m, confirm=True),
    "newdate": lambda actor, n, m: EditShift(actor, shift=n, day=_day(m), confirm=True),
    "newtime": lambda actor, n, m: EditShift(actor, shift=n, start=_clock(m), confirm=True),
    "newlength": lambda actor, n, m: EditShift(
        actor, shift=n, duration=timedelta(minutes=m), confirm=True
    ),
}
_PLAIN: dict[str, Callable[[Actor], Command]] = {
    "shifts": lambda actor: ListShifts(actor),
    "tasks": lambda actor: ListTasks(actor),
    "profile": lambda actor: StartProfile(actor),
    "settings": lambda actor: StartSettings(actor),
    "forget": lambda actor: ForgetMe(actor, confirmed=True),
    "keep": lambda actor: KeepMyData(actor),
    "newfeed": lambda actor: ShowCalendarFeed(actor, reset=True),
}


def action(verb: str, number: int | None = None) -> str:
    """The action string for a button: action('join', 3) == 'turnout:join:3'."""
    if number is None:
        assert verb in _PLAIN, verb
        return f"{PREFIX}:{verb}"
    assert verb in _NUMBERED, verb
    return f"{PREFIX}:{verb}:{number}"


def link_action(name: str) -> str:
    """The identifier of a link button, e.g. link_action('calendar:3')."""
    return f"{LINK_PREFIX}:{name}"


def paired_action(verb: str, first: int, second: int) -> str:
    """The action string for a two-number button: paired_action('seats', 3, 6)."""
    assert verb in _PAIRED, verb
    return f"{PREFIX}:{verb}:{first}:{second}"


def command_for(actor: Actor, pressed: str) -> Command:
    """The command a pressed button stands for."""
    prefix, _, rest = pressed.partition(":")
    verb, _, number = rest.partition(":")
    first, _, second = number.partition(":")
    if prefix == PREFIX and verb in _PAIRED and _short_number(first) and _short_number(second):
        return _PAIRED[verb](actor, int(first), int(second))
    if prefix == PREFIX and not number and verb in _PLAIN:
        return _PLAIN[verb](actor)
    if prefix == PREFIX and verb in _NUMBERED and number.isdecimal() and len(number) < 10:
        return _NUMBERED[verb](actor, int(number))
    raise _old_button()


def _day(number: int) -> date:
    """20261128 as a date."""
    try:
        return date(number // 10000, number // 100 % 100, number % 100)
    except ValueError:
        raise _old_button() from None


def _clock(number: int) -> time:
    """1930 as 19:30."""
    try:
        return time(number // 100, number % 100)
    except ValueError:
        raise _old_button() from None


def _old_button() -> UserError:
    return UserError(
        "That button is from an older version of Turnout; type `/turnout help` instead."
    )


def _short_number(text: str) -> bool:
    return text.isdecimal() and len(text) < 10
