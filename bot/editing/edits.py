"""Editing a shift: its title, time, length, seats and link, with everyone on it kept in step.

One unit of work on the held shift does it all: the new details, the reminders moved to the
new time, the waitlist promoted into new seats (or the last to join moved back to it when
seats are cut, after the organizer confirms), and one notice to each person the change
concerns.
"""

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot.domain.errors import UserError
from bot.domain.phonebank import (
    HeldShift,
    Shift,
    check_capacity,
    check_duration,
    check_start,
    check_where,
    shift_start,
)
from bot.domain.signup import SignupStatus
from bot.domain.text import MAX_TITLE, clean_text
from bot.editing.buttons import SEATS
from bot.editing.commands import EditShift, KeepShiftAfterMove, StartEditForm
from bot.editing.forms import edit_form, link_form
from bot.editing.telling import Roster, count_people, tell
from bot.editing.typed_edits import retyped, saving_action
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups import seats


@dataclass(frozen=True, slots=True)
class _Details:
    title: str
    link: str | None
    starts_at: datetime
    ends_at: datetime
    capacity: int


async def start_edit_form(cmd: StartEditForm, ctx: Context) -> Reply:
    """`/phonebank edit <shift>` alone: the form, filled in, saying who a change would tell."""
    ctx.require_organizer(_("edit shifts"))
    shift = await _editable(ctx, await seats.hold(ctx, cmd.shift))
    roster = list(await ctx.uow.signups.roster(shift.id))
    confirmed = sum(1 for s, _ in roster if s.status is SignupStatus.CONFIRMED)
    if roster:
        told = _(
            "A new date, time or length: {people} will get a DM; a new link: {people2}.",
            people=count_people(len(roster)),
            people2=count_people(confirmed),
        )
    else:
        told = _("Nobody has signed up yet, so nobody will get a DM.")
    return edit_form(shift, ctx.campaign_zone, told=told)


async def edit_shift(cmd: EditShift, ctx: Context) -> Reply:
    """`/phonebank edit <shift> <field> <value>` or the saved form (organizers)."""
    ctx.require_organizer(_("edit shifts"))
    if cmd.following:
        return await _edit_following(cmd, ctx)
    held = await seats.hold(ctx, cmd.shift)
    shift = await _editable(ctx, held)
    wanted = _wanted(cmd, shift, ctx)
    roster = list(await ctx.uow.signups.roster(shift.id))
    confirmed = [(s, v) for s, v in roster if s.status is SignupStatus.CONFIRMED]
    bumped = confirmed[wanted.capacity :]
    cut_waits = bool(bumped) and not cmd.confirm
    if not (cmd.confirm or cmd.shown_who or bumped):
        told = _told(shift, wanted, roster, confirmed)
        if told:
            return _confirm_telling(cmd, shift, wanted, len(told), ctx)
    details = _Details(
        wanted.title,
        wanted.link,
        wanted.starts_at,
        wanted.ends_at,
        shift.capacity if cut_waits else wanted.capacity,
    )
    said: list[str] = []
    if details != _details_of(shift):
        held = await ctx.uow.shifts.change(
            held,
            title=details.title,
            link=details.link,
            starts_at=details.starts_at,
            ends_at=details.ends_at,
            capacity=details.capacity,
        )
        said = await tell(ctx, shift, held, roster, bumped if not cut_waits else [])
    if cut_waits:
        return _confirm_cut(shift, wanted.capacity, bumped, saved=bool(said))
    if not said:
        return Message(
            _(
                "#{number} “{title}” already looks like that; nothing changed.",
                number=shift.number,
                title=shift.title,
            )
        )
    return Message(
        _(
            "Saved #{number} “{title}”: {summary}.",
            number=shift.number,
            title=details.title,
            summary="; ".join(said),
        )
    )


async def _edit_following(cmd: EditShift, ctx: Context) -> Reply:
    """`/phonebank edit <shift> following …`: this date, every later one, and the series."""
    held = await seats.hold(ctx, cmd.shift)
    shift = await _editable(ctx, held)
    _refuse_following(cmd, shift)
    assert shift.series_id is not None
    # Held first, so the sweep can't create a date from the old details meanwhile.
    template = await ctx.uow.series.lock(shift.series_id)
    dates = await ctx.uow.series.dates_from(shift.series_id, shift.starts_at)
    if not (cmd.confirm or cmd.shown_who):
        preview = await _who_hears_following(cmd, ctx, shift, dates)
        if preview is not None:
            return preview
    lines = []
    for date in dates:
        reply = await edit_shift(
            replace(cmd, shift=date.number, following=False, shown_who=True), ctx
        )
        assert isinstance(reply, Message)
        if reply.buttons:  # fewer seats than confirmed on this date, and no `confirm`
            raise UserError(
                _(
                    "Fewer seats moves people back to the waitlist on #{number}; to go "
                    "ahead type `/phonebank edit {number2} following seats {capacity} "
                    "confirm`.",
                    number=date.number,
                    number2=shift.number,
                    capacity=cmd.capacity,
                )
            )
        lines.append(reply.text)
    first_local = template.first_local
    if cmd.start is not None:
        first_local = datetime.combine(first_local.date(), cmd.start)
    await ctx.uow.series.retemplate(
        replace(
            template,
            title=clean_text(cmd.title, what="title", limit=MAX_TITLE)
            if cmd.title
            else template.title,
            link=template.link if cmd.link is None else check_where(shift.kind, cmd.link),
            capacity=template.capacity if cmd.capacity is None else cmd.capacity,
            length=template.length if cmd.duration is None else cmd.duration,
            first_local=first_local,
        )
    )
    return Message("\n".join(lines) + _("\nLater dates of the series will follow the change."))


def _refuse_following(cmd: EditShift, shift: Shift) -> None:
    """Refuse `following` on a shift of no series, or with a new weekday."""
    if shift.series_id is None:
        just_this = retyped(replace(cmd, following=False))
        raise UserError(
            _(
                "#{number} isn't part of a weekly series; `/phonebank edit {number} "
                "{just_this}` changes just that shift.",
                number=shift.number,
                just_this=just_this,
            )
        )
    if cmd.day is not None:
        raise UserError(
            _(
                "A series keeps its weekdays; change one date at a time with "
                "`/phonebank edit {number} date {day:%Y-%m-%d}`, or `repeat` a new "
                "shift.",
                number=shift.number,
                day=cmd.day,
            )
        )


async def _who_hears_following(
    cmd: EditShift, ctx: Context, shift: Shift, dates: Sequence[Shift]
) -> Message | None:
    """Before a series edit DMs anyone: how many people, and how many DMs (one per date each
    is on), and the `confirm` to type; None if it DMs nobody."""
    told: list[int] = []
    for date in dates:
        roster = list(await ctx.uow.signups.roster(date.id))
        confirmed = [(s, v) for s, v in roster if s.status is SignupStatus.CONFIRMED]
        told += _told(date, _wanted(cmd, date, ctx), roster, confirmed)
    if not told:
        return None
    people = len(set(told))
    dms = (
        _("{people} will get a DM", people=count_people(people))
        if people == len(told)
        else _(
            "{people} will be told ({plural}, one for each date they're on)",
            people=count_people(people),
            plural=plural(len(told), "DM"),
        )
    )
    return Message(
        _(
            "Saving this changes {plural} from #{number} on, and {dms}. Nothing is "
            "saved yet: type `/phonebank edit {number} {retyped} confirm` to go "
            "ahead.",
            plural=plural(len(dates), "date"),
            number=shift.number,
            dms=dms,
            retyped=retyped(cmd),
        )
    )


async def keep_after_move(cmd: KeepShiftAfterMove, ctx: Context) -> Reply:
    """The Still works button: nothing changes; the volunteer hears they're still on."""
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, cmd.shift)
    if shift is None:
        raise seats.no_such_shift(cmd.shift)
    signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if shift.is_cancelled or signup is None:
        raise UserError(
            _(
                "You're no longer on #{number}. `/phonebank list` shows upcoming shifts.",
                number=shift.number,
            )
        )
    where = _("on the waitlist for") if signup.status is SignupStatus.WAITLISTED else _("in for")
    return Message(
        _(
            "Great, you're still {where} “{title}” (#{number}), {at}.",
            where=where,
            title=shift.title,
            number=shift.number,
            at=timefmt.at(shift.starts_at, ctx.zone),
        )
    )


async def _editable(ctx: Context, held: HeldShift) -> Shift:
    shift = held.shift
    if shift.is_cancelled:
        raise UserError(
            _(
                "#{number} is cancelled, so it can't be edited; create a new shift "
                "instead with `/phonebank create`.",
                number=shift.number,
            )
        )
    if shift.has_started(ctx.now):
        raise UserError(
            _("#{number} has already started, so it can't be edited any more.", number=shift.number)
        )
    return shift


def _wanted(cmd: EditShift, shift: Shift, ctx: Context) -> _Details:
    """The shift's details as the command asks; each is checked like a new shift's."""
    zone = ctx.campaign_zone
    local = shift.starts_at.astimezone(zone)
    starts_at = shift.starts_at
    if cmd.day is not None or cmd.start is not None:
        starts_at = shift_start(cmd.day or local.date(), cmd.start or local.time(), zone)
    if starts_at != shift.starts_at:
        check_start(starts_at, ctx.now, shown=timefmt.at(starts_at, zone))
    length = shift.ends_at - shift.starts_at
    if cmd.duration is not None:
        length = check_duration(cmd.duration)
    title = shift.title
    if cmd.title is not None:
        title = clean_text(cmd.title, what="title", limit=MAX_TITLE)
    if shift.positioned and cmd.capacity not in (None, shift.capacity):
        # Each position has its own seats and line; the shift's are only their sum.
        raise UserError(
            _(
                "#{number}'s seats are its positions'; change them with `/phonebank "
                "positions <shift> <name>:<seats> …`.",
                number=shift.number,
            )
        )
    return _Details(
        title=title,
        link=shift.link if cmd.link is None else check_where(shift.kind, cmd.link),
        starts_at=starts_at,
        ends_at=starts_at + length,
        capacity=shift.capacity if cmd.capacity is None else check_capacity(cmd.capacity),
    )


def _details_of(shift: Shift) -> _Details:
    return _Details(shift.title, shift.link, shift.starts_at, shift.ends_at, shift.capacity)


def _confirm_cut(shift: Shift, capacity: int, bumped: Roster, *, saved: bool) -> Reply:
    names = and_list(v.name for _, v in bumped)
    first = _("Saved your other changes. ") if saved else ""
    return Message(
        _(
            "{first}Cutting #{number} to {plural} moves {names} (the last to join) "
            "back to the head of the waitlist, and they'll be told. To go ahead, "
            "press the button or type `/phonebank edit {number} seats {capacity} "
            "confirm`.",
            first=first,
            number=shift.number,
            plural=plural(capacity, "seat"),
            names=names,
            capacity=capacity,
        ),
        buttons=(
            Button(
                _("Cut to {plural}", plural=plural(capacity, "seat")),
                SEATS.action(shift.number, capacity),
                ButtonStyle.DANGER,
            ),
        ),
    )


def _told(shift: Shift, wanted: _Details, roster: Roster, confirmed: Roster) -> list[int]:
    """Who the change would DM, by volunteer id: all on it for a new time, the confirmed for a
    new link."""
    if (wanted.starts_at, wanted.ends_at) != (shift.starts_at, shift.ends_at):
        return [v.id for _, v in roster]
    return [v.id for _, v in confirmed] if wanted.link != shift.link else []


def _confirm_telling(
    cmd: EditShift, shift: Shift, wanted: _Details, told: int, ctx: Context
) -> Reply:
    """Before a typed change DMs anyone: how many, a button, and the `confirm` to type."""
    if wanted.starts_at != shift.starts_at:
        what = _(
            "moves it from {at} to {at2}",
            at=timefmt.at(shift.starts_at, ctx.zone),
            at2=timefmt.at(wanted.starts_at, ctx.zone),
        )
    elif wanted.ends_at != shift.ends_at:
        what = _(
            "makes it {duration} long", duration=timefmt.duration(wanted.ends_at - wanted.starts_at)
        )
    else:
        what = _("changes its link") if wanted.link else _("removes its link")
    confirm = _(
        "`/phonebank edit {number} {retyped} confirm`", number=shift.number, retyped=retyped(cmd)
    )
    if (wanted.starts_at, wanted.ends_at) == (shift.starts_at, shift.ends_at):
        return link_form(
            shift.number,
            wanted.link or "",
            told=_(
                "Saving this {what}, and {people} will get a DM. Nothing is saved yet: "
                "press Save and tell them, or type {confirm}.",
                what=what,
                people=count_people(told),
                confirm=confirm,
            ),
        )
    return Message(
        _(
            "Saving this {what}, and {people} will get a DM. Nothing is saved yet: "
            "press the button or type {confirm}.",
            what=what,
            people=count_people(told),
            confirm=confirm,
        ),
        buttons=(Button(_("Save and tell them"), saving_action(cmd), ButtonStyle.PRIMARY),),
    )
