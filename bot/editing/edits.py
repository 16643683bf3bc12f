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
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import (
    HeldShift,
    Shift,
    check_capacity,
    check_duration,
    check_link,
    check_start,
    shift_start,
)
from bot.domain.signup import Signup, SignupStatus
from bot.domain.text import MAX_TITLE, clean_text
from bot.domain.volunteer import Volunteer
from bot.editing.buttons import SEATS
from bot.editing.commands import EditShift, KeepShiftAfterMove, StartEditForm
from bot.editing.forms import edit_form, link_form
from bot.editing.typed_edits import retyped, saving_action
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.signups import reminders, seats, timed

Roster = list[tuple[Signup, Volunteer]]


@dataclass(frozen=True, slots=True)
class _Details:
    title: str
    link: str | None
    starts_at: datetime
    ends_at: datetime
    capacity: int


async def start_edit_form(cmd: StartEditForm, ctx: Context) -> Reply:
    """`/phonebank edit <shift>` alone: the form, filled in, saying who a change would tell."""
    ctx.require_organizer("edit shifts")
    shift = await _editable(ctx, await seats.hold(ctx, cmd.shift))
    roster = list(await ctx.uow.signups.roster(shift.id))
    confirmed = sum(1 for s, _ in roster if s.status is SignupStatus.CONFIRMED)
    if roster:
        told = (
            f"A new date, time or length: {_people(len(roster))} will get a DM; "
            f"a new link: {_people(confirmed)}."
        )
    else:
        told = "Nobody has signed up yet, so nobody will get a DM."
    return edit_form(shift, ctx.campaign_zone, told=told)


async def edit_shift(cmd: EditShift, ctx: Context) -> Reply:
    """`/phonebank edit <shift> <field> <value>` or the saved form (organizers)."""
    ctx.require_organizer("edit shifts")
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
        said = await _tell(ctx, shift, held, roster, bumped if not cut_waits else [])
    if cut_waits:
        return _confirm_cut(shift, wanted.capacity, bumped, saved=bool(said))
    if not said:
        return Message(f"#{shift.number} “{shift.title}” already looks like that; nothing changed.")
    return Message(f"Saved #{shift.number} “{details.title}”: " + "; ".join(said) + ".")


async def _edit_following(cmd: EditShift, ctx: Context) -> Reply:
    """`/phonebank edit <shift> following …`: this date, every later one, and the series."""
    held = await seats.hold(ctx, cmd.shift)
    shift = await _editable(ctx, held)
    if shift.series_id is None:
        just_this = retyped(replace(cmd, following=False))
        raise UserError(
            f"#{shift.number} isn't part of a weekly series; `/phonebank edit {shift.number} "
            f"{just_this}` changes just that shift."
        )
    if cmd.day is not None:
        raise UserError(
            "A series keeps its weekdays; change one date at a time with `/phonebank edit "
            f"{shift.number} date {cmd.day:%Y-%m-%d}`, or `repeat` a new shift."
        )
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
                f"Fewer seats moves people back to the waitlist on #{date.number}; to go ahead "
                f"type `/phonebank edit {shift.number} following seats {cmd.capacity} confirm`."
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
            link=template.link if cmd.link is None else check_link(cmd.link),
            capacity=template.capacity if cmd.capacity is None else cmd.capacity,
            length=template.length if cmd.duration is None else cmd.duration,
            first_local=first_local,
        )
    )
    return Message("\n".join(lines) + "\nLater dates of the series will follow the change.")


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
        f"{_people(people)} will get a DM"
        if people == len(told)
        else f"{_people(people)} will be told ({plural(len(told), 'DM')}, one for each date "
        "they're on)"
    )
    return Message(
        f"Saving this changes {plural(len(dates), 'date')} from #{shift.number} on, and {dms}. "
        f"Nothing is saved yet: type `/phonebank edit {shift.number} {retyped(cmd)} confirm` "
        "to go ahead."
    )


async def keep_after_move(cmd: KeepShiftAfterMove, ctx: Context) -> Reply:
    """The Still works button: nothing changes; the volunteer hears they're still on."""
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, cmd.shift)
    if shift is None:
        raise seats.no_such_shift(cmd.shift)
    signup = await ctx.uow.signups.active(shift.id, ctx.volunteer.id)
    if shift.is_cancelled or signup is None:
        raise UserError(
            f"You're no longer on #{shift.number}. `/phonebank list` shows upcoming shifts."
        )
    where = "on the waitlist for" if signup.status is SignupStatus.WAITLISTED else "in for"
    return Message(
        f"Great, you're still {where} “{shift.title}” (#{shift.number}), "
        f"{timefmt.at(shift.starts_at, ctx.zone)}."
    )


async def _editable(ctx: Context, held: HeldShift) -> Shift:
    shift = held.shift
    if shift.is_cancelled:
        raise UserError(
            f"#{shift.number} is cancelled, so it can't be edited; create a new shift instead "
            "with `/phonebank create`."
        )
    if shift.has_started(ctx.now):
        raise UserError(f"#{shift.number} has already started, so it can't be edited any more.")
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
    return _Details(
        title=title,
        link=shift.link if cmd.link is None else check_link(cmd.link),
        starts_at=starts_at,
        ends_at=starts_at + length,
        capacity=shift.capacity if cmd.capacity is None else check_capacity(cmd.capacity),
    )


def _details_of(shift: Shift) -> _Details:
    return _Details(shift.title, shift.link, shift.starts_at, shift.ends_at, shift.capacity)


async def _tell(
    ctx: Context, before: Shift, held: HeldShift, roster: Roster, bumped: Roster
) -> list[str]:
    """Bring seats, reminders and people in step with the edit; returns what the reply says."""
    after = held.shift
    said: list[str] = []
    if after.title != before.title:
        said.append("new title")
    if after.capacity < before.capacity:
        withdrawn = await seats.withdraw_extra_offers(ctx, held)
        if withdrawn and not bumped:
            said.append(
                f"{plural(after.capacity, 'seat')}; the seat on offer was withdrawn and "
                f"{_people(len(withdrawn))} told"
            )
        elif not bumped:
            # Fewer seats that were free anyway: saved all the same, and said.
            said.append(plural(after.capacity, "seat"))
    if bumped:
        await seats.back_to_waitlist(ctx, held, [s for s, _ in bumped])
        said.append(
            f"{plural(after.capacity, 'seat')}; {and_list(v.name for _, v in bumped)} "
            "moved back to the waitlist and told"
        )
    promoted = await seats.fill_open_seats(ctx, held)
    if after.capacity > before.capacity:
        # Near the start a new seat is offered, not given: the reply says which.
        up = f"; {_people(len(promoted))} " if promoted else ""
        if promoted and promoted[0].status is SignupStatus.OFFERED:
            up += "on the waitlist offered a seat and told"
        elif promoted:
            up += "moved up from the waitlist and told"
        said.append(f"{plural(after.capacity, 'seat')}{up}")
    if (after.starts_at, after.ends_at) != (before.starts_at, before.ends_at):
        said.append(await _tell_of_the_move(ctx, before, after, roster, bumped, promoted))
    if after.link != before.link:
        said.append(await _tell_of_the_link(ctx, after))
    return said


async def _tell_of_the_move(
    ctx: Context,
    before: Shift,
    after: Shift,
    roster: Roster,
    bumped: Roster,
    promoted: list[Signup],
) -> str:
    """Reminders and the timed notices follow the new time; everyone still on it is told."""
    waiting_again = {s.id for s, _ in bumped}
    moved_up = {s.id for s in promoted}
    for signup, volunteer in roster:
        # Those just moved up got reminders for the new time from fill_open_seats.
        if signup.status is SignupStatus.CONFIRMED and signup.id not in waiting_again:
            # Reminders follow the shift: the old ones go, new ones are due from the new time.
            await reminders.cancel(ctx.uow, signup)
            await reminders.schedule(
                ctx.uow,
                campaign=ctx.campaign,
                volunteer=volunteer,
                signup=signup,
                shift=after,
                now=ctx.now,
            )
        if signup.id in moved_up:
            continue  # their promotion message already gives the new time
        await ctx.notify(
            NoticeKind.SHIFT_MOVED,
            volunteer_id=volunteer.id,
            shift_id=after.id,
            signup_id=signup.id,
            payload={"from": before.starts_at.isoformat()},
        )
    # The check-in, the debrief and the wrap-up are due at the shift's own moments.
    confirmed = await ctx.uow.signups.roster(after.id)
    await timed.follow_the_shift(
        ctx.uow, after, [(s, v) for s, v in confirmed if s.status is SignupStatus.CONFIRMED]
    )
    return (
        f"now {timefmt.at(after.starts_at, ctx.zone)} for "
        f"{timefmt.duration(after.ends_at - after.starts_at)}; "
        + (f"{_people(len(roster))} told" if roster else "nobody to tell")
    )


async def _tell_of_the_link(ctx: Context, after: Shift) -> str:
    """Everyone confirmed hears of the new link (or that there is none now)."""
    now_confirmed = [
        (s, v)
        for s, v in await ctx.uow.signups.roster(after.id)
        if s.status is SignupStatus.CONFIRMED
    ]
    for signup, volunteer in now_confirmed:
        await ctx.notify(
            NoticeKind.LINK_CHANGED,
            volunteer_id=volunteer.id,
            shift_id=after.id,
            signup_id=signup.id,
        )
    return ("new link" if after.link else "link removed") + (
        f"; {_people(len(now_confirmed))} confirmed told" if now_confirmed else ""
    )


def _confirm_cut(shift: Shift, capacity: int, bumped: Roster, *, saved: bool) -> Reply:
    names = and_list(v.name for _, v in bumped)
    first = "Saved your other changes. " if saved else ""
    return Message(
        f"{first}Cutting #{shift.number} to {plural(capacity, 'seat')} moves {names} (the last "
        f"to join) back to the head of the waitlist, and they'll be told. To go ahead, press "
        f"the button or type `/phonebank edit {shift.number} seats {capacity} confirm`.",
        buttons=(
            Button(
                f"Cut to {plural(capacity, 'seat')}",
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
        what = (
            f"moves it from {timefmt.at(shift.starts_at, ctx.zone)} to "
            f"{timefmt.at(wanted.starts_at, ctx.zone)}"
        )
    elif wanted.ends_at != shift.ends_at:
        what = f"makes it {timefmt.duration(wanted.ends_at - wanted.starts_at)} long"
    else:
        what = "changes its link" if wanted.link else "removes its link"
    confirm = f"`/phonebank edit {shift.number} {retyped(cmd)} confirm`"
    if (wanted.starts_at, wanted.ends_at) == (shift.starts_at, shift.ends_at):
        return link_form(
            shift.number,
            wanted.link or "",
            told=f"Saving this {what}, and {_people(told)} will get a DM. Nothing is saved "
            f"yet: press Save and tell them, or type {confirm}.",
        )
    return Message(
        f"Saving this {what}, and {_people(told)} will get a DM. Nothing is saved yet: press "
        f"the button or type {confirm}.",
        buttons=(Button("Save and tell them", saving_action(cmd), ButtonStyle.PRIMARY),),
    )


def _people(count: int) -> str:
    return plural(count, "person", "people")
