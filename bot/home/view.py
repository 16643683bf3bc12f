"""Home: everything that is the asker's, in one view (Slack's Home tab, `/volunteer home`).

Their upcoming shifts (Leave, I'll be there), open shifts that fit them (Join), their tasks
(Mark done, Release) and their settings; organizers also see the newcomers waiting for a
contact and the next shifts with open seats.
"""

from collections.abc import Sequence
from dataclasses import replace

from bot.attendance import CONFIRM
from bot.domain.matching import fits
from bot.domain.phonebank import ShiftSeats
from bot.domain.signup import SignupStatus
from bot.domain.task import ClaimStatus
from bot.domain.volunteer import offsets_for
from bot.home.buttons import SETTINGS
from bot.home.commands import SaveSettings, ShowHome, StartSettings
from bot.home.forms import settings_form
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.ports.replies import Button, ButtonStyle, Form, Item, Listing, Message, Page, Reply
from bot.shifts import my_seats, shift_item
from bot.tasks import DONE, RELEASE
from bot.volunteers import PROFILE, SetMyReminders, SetMyTimezone, people

# Enough to act on at a glance; the commands list the rest.
_FITTING = 5
_NEWCOMERS = 10
_OPEN_SEATS = 5
# How far ahead open shifts are looked for.
_LOOK_AHEAD = 50

HEADING = "Your Turnout"


async def show_home(cmd: ShowHome, ctx: Context) -> Page:
    """`/volunteer home` and the Slack Home tab: the asker's own sections."""
    upcoming = await ctx.uow.shifts.upcoming(ctx.campaign.id, ctx.now, limit=_LOOK_AHEAD)
    mine, taken = await _my_shifts(ctx)
    sections = [mine, _fitting(ctx, upcoming, taken), await _my_tasks(ctx), _settings(ctx)]
    if ctx.actor.is_organizer:
        sections += [await _newcomers(ctx), _open_seats(ctx, upcoming)]
    return Page(f"{HEADING}: {ctx.campaign.name}", tuple(sections))


async def _my_shifts(ctx: Context) -> tuple[Listing, set[int]]:
    """Their seats and waitlist places and the shifts they host, and the ids of those shifts."""
    items = []
    taken = set()
    for signup, seats, reconfirmed in await my_seats(ctx):
        taken.add(seats.shift.id)
        item = shift_item(ctx, seats, signup, reconfirmed=reconfirmed)
        if signup is not None and signup.status is SignupStatus.CONFIRMED and not reconfirmed:
            confirm = CONFIRM.action(seats.shift.number)
            item = replace(item, more=(Button(_("I'll be there"), confirm, ButtonStyle.PRIMARY),))
        items.append(item)
    mine = Listing(
        heading=_("Your upcoming shifts"),
        items=tuple(items),
        empty=_("You're not signed up for anything yet."),
    )
    return mine, taken


def _fitting(ctx: Context, upcoming: Sequence[ShiftSeats], taken: set[int]) -> Listing:
    """Shifts with a seat free that they aren't on, at times they said suit them."""
    profile = ctx.volunteer.profile
    fitting = [
        seats
        for seats in upcoming
        if seats.seats_left
        and seats.shift.id not in taken
        and fits(profile, seats.shift.kind)
        and (
            profile is None
            or profile.availability is None
            or profile.availability.fits(seats.shift.starts_at.astimezone(ctx.zone))
        )
    ][:_FITTING]
    when = _(" when you're free") if profile is not None and profile.availability else ""
    return Listing(
        heading=_("Open shifts{when}", when=when),
        items=tuple(shift_item(ctx, seats, None) for seats in fitting),
        empty=_("No open shifts fit right now; `/phonebank list` shows them all."),
    )


async def _my_tasks(ctx: Context) -> Listing:
    items = []
    for board in await ctx.uow.tasks.board(ctx.campaign.id):
        task = board.task
        claim = await ctx.uow.tasks.active_claim(task.id, ctx.volunteer.id)
        if claim is None or claim.status is not ClaimStatus.CLAIMED:
            continue
        due = (
            _("due {calendar_day}", calendar_day=timefmt.calendar_day(task.due_on))
            if task.due_on
            else _("no due date")
        )
        items.append(
            Item(
                _("#{number} {title}", number=task.number, title=task.title),
                due + (f"\n{task.description}" if task.description else ""),
                Button(_("Mark done"), DONE.action(task.number), ButtonStyle.PRIMARY),
                more=(Button(_("Release"), RELEASE.action(task.number)),),
            )
        )
    return Listing(
        heading=_("Your tasks"),
        items=tuple(items),
        empty=_("No tasks claimed. `/task list` shows the ones that could use a hand."),
    )


def _settings(ctx: Context) -> Listing:
    volunteer = ctx.volunteer
    if volunteer.timezone:
        source = _("you set it")
    elif volunteer.platform_timezone:
        source = _("from your profile")
    else:
        source = _("the campaign's")
    offsets = offsets_for(volunteer, ctx.campaign)
    reminded = (
        ", ".join(timefmt.duration(o) for o in offsets) + _(" before each shift")
        if offsets
        else "off"
    )
    if volunteer.reminder_offsets is None:
        reminded += _(" (the campaign's)")
    change = Button(_("Change"), SETTINGS.action())
    profile = volunteer.profile
    about = _("not answered yet")
    if profile is not None:
        about = ", ".join(_(i.label) for i in profile.interests) or _("no interests ticked")
        if profile.availability:
            about += f" · {_(profile.availability.label)}"
    return Listing(
        heading=_("Your settings"),
        items=(
            Item(_("Time zone"), _("{key} ({source})", key=ctx.zone.key, source=source), change),
            Item(_("Reminders"), reminded, change),
            Item(_("What you like to do"), about, Button(_("Edit"), PROFILE.action())),
        ),
    )


async def _newcomers(ctx: Context) -> Listing:
    waiting = (await ctx.uow.volunteers.uncontacted(ctx.campaign.id))[:_NEWCOMERS]
    return Listing(
        heading=_("Newcomers waiting for a contact"),
        items=tuple(people.waiting_item(ctx, v) for v in waiting),
        empty=_("Everyone has been contacted. Nice work!"),
    )


def _open_seats(ctx: Context, upcoming: Sequence[ShiftSeats]) -> Listing:
    shown = [seats for seats in upcoming if seats.seats_left][:_OPEN_SEATS]
    return Listing(
        heading=_("Next shifts with open seats"),
        # For organizers to see at a glance: the roster and edits are a command away.
        items=tuple(replace(shift_item(ctx, seats, None), button=None) for seats in shown),
        empty=_("Every upcoming shift is full."),
    )


async def start_settings(cmd: StartSettings, ctx: Context) -> Form:
    """Home's Change buttons: the settings form, filled in with what is set now."""
    return settings_form(ctx.volunteer, ctx.campaign, ctx.zone.key)


async def save_settings(cmd: SaveSettings, ctx: Context) -> Reply:
    """The settings form's answers, saved as `/volunteer tz` and `/volunteer reminders` do."""
    said = []
    if cmd.zone and cmd.zone != ctx.volunteer.timezone:
        said.append(await people.set_my_timezone(SetMyTimezone(cmd.actor, cmd.zone), ctx))
    if cmd.reminders_given and cmd.offsets != ctx.volunteer.reminder_offsets:
        said.append(await people.set_my_reminders(SetMyReminders(cmd.actor, cmd.offsets), ctx))
    if not said:
        return Message(_("Nothing to change: your settings stay as they were."))
    return Message(" ".join(r.text for r in said if isinstance(r, Message)))
