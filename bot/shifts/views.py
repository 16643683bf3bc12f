"""How shifts, tasks and volunteers look in lists: the items every use case shows alike."""

from collections.abc import Sequence
from datetime import datetime

from bot.domain.kinds import PHONE_BANK
from bot.domain.phonebank import Shift, ShiftSeats
from bot.domain.signup import Signup, SignupStatus
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.places import label, where_line
from bot.kernel.wording import and_list, plural
from bot.ports.replies import Button, ButtonStyle, Item
from bot.shifts.buttons import ROSTER
from bot.signups import JOIN, LEAVE


def shift_item(
    ctx: Context, seats: ShiftSeats, signup: Signup | None, *, reconfirmed: bool = False
) -> Item:
    """A shift as a list shows it to the asker: when, length, seats, their place, a button.

    Its host is never offered to join it: they get its roster instead.
    """
    shift = seats.shift
    parts = [timefmt.at(shift.starts_at, ctx.zone), shift_length(shift)]
    if shift.kind is not PHONE_BANK:
        # Phone banks were every shift before kinds: their lines read as they always have.
        parts.insert(0, label(shift.kind))
    if seats.seats_left:
        parts.append(
            _(
                "{seats_left} of {capacity} seats left",
                seats_left=seats.seats_left,
                capacity=shift.capacity,
            )
        )
    else:
        parts.append(_("full ({plural})", plural=plural(shift.capacity, "seat")))
    if seats.waitlisted:
        parts.append(_("{waitlisted} on the waitlist", waitlisted=seats.waitlisted))
    hosting = shift.host_id is not None and shift.host_id == ctx.volunteer.id
    if hosting:
        parts.append(_("you host it"))
    if signup is not None:
        parts.append(
            _("you're in") if signup.status is SignupStatus.CONFIRMED else _("you're waitlisted")
        )
        if reconfirmed:
            parts.append(_("✅ you said you'll be there"))
        button = Button(_("Leave"), LEAVE.action(shift.number), ButtonStyle.DANGER)
    elif hosting:
        button = Button(_("Roster"), ROSTER.action(shift.number))
    else:
        join = _("Join") if seats.seats_left else _("Join waitlist")
        button = Button(join, JOIN.action(shift.number), ButtonStyle.PRIMARY)
    return Item(
        _("#{number} {title}", number=shift.number, title=shift.title), " · ".join(parts), button
    )


async def my_seats(ctx: Context) -> list[tuple[Signup | None, ShiftSeats, bool]]:
    """The asker's upcoming sign-ups and the shifts they host, soonest first: each with its
    shift's seats, their sign-up (None on a shift they host without one) and whether they
    said they'll be there."""
    found: list[tuple[Signup | None, ShiftSeats, bool]] = []
    for signup, shift in await ctx.uow.signups.upcoming_for(ctx.volunteer.id, ctx.now):
        confirmed, waitlisted = await ctx.uow.signups.counts(shift.id)
        record = await ctx.uow.attendance.get(signup.id)
        seats = ShiftSeats(shift, confirmed, waitlisted)
        found.append((signup, seats, record.reconfirmed_at is not None))
    on = {seats.shift.id for _, seats, _ in found}
    for seats in await ctx.uow.shifts.hosted_by(ctx.volunteer.id, ctx.now):
        if seats.shift.id not in on:
            found.append((None, seats, False))
    found.sort(key=lambda mine: (mine[1].shift.starts_at, mine[1].shift.number))
    return found


def shift_length(shift: Shift) -> str:
    """How long the shift lasts, as people read it (`2h`, `1h30m`)."""
    return timefmt.duration(shift.ends_at - shift.starts_at)


def you_are_in(shift: Shift, when: str, due: Sequence[datetime]) -> str:
    """A seat taken: the shift, its link and the reminders to come."""
    text = _(
        "You're in! #{number} “{title}”, {when} for {shift_length}.",
        number=shift.number,
        title=shift.title,
        when=when,
        shift_length=shift_length(shift),
    )
    text += where_line(shift)
    if due:
        text += _(
            "\nI'll remind you {spans} before it starts.",
            spans=and_list(timefmt.span(shift.starts_at - d) for d in due),
        )
    return text


def waitlisted(shift: Shift, when: str, line: int) -> str:
    """A join that found the shift full: its place in line."""
    return _(
        "#{number} “{title}” ({when}) is full, so you're #{position} on the "
        "waitlist. I'll message you the moment a seat opens.",
        number=shift.number,
        title=shift.title,
        when=when,
        position=line,
    )
