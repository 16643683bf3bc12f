"""What an edited shift's people are told: seats given, withdrawn or taken back, reminders and
timed notices moved with the new time, a new link; and the words the edit's reply says of it."""

from bot.domain.notice import NoticeKind
from bot.domain.phonebank import HeldShift, Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import and_list, plural
from bot.signups import reminders, seats, timed

Roster = list[tuple[Signup, Volunteer]]


def count_people(count: int) -> str:
    """`1 person`, `3 people`."""
    return plural(count, "person", "people")


async def tell(
    ctx: Context, before: Shift, held: HeldShift, roster: Roster, bumped: Roster
) -> list[str]:
    """Bring seats, reminders and people in step with the edit; returns what the reply says."""
    after = held.shift
    said: list[str] = []
    if after.title != before.title:
        said.append(_("new title"))
    if after.capacity < before.capacity:
        withdrawn = await seats.withdraw_extra_offers(ctx, held)
        if withdrawn and not bumped:
            said.append(
                _(
                    "{plural}; the seat on offer was withdrawn and {people} told",
                    plural=plural(after.capacity, "seat"),
                    people=count_people(len(withdrawn)),
                )
            )
        elif not bumped:
            # Fewer seats that were free anyway: saved all the same, and said.
            said.append(plural(after.capacity, "seat"))
    if bumped:
        await seats.back_to_waitlist(ctx, held, [s for s, _ in bumped])
        said.append(
            _(
                "{plural}; {and_list} moved back to the waitlist and told",
                plural=plural(after.capacity, "seat"),
                and_list=and_list(v.name for _, v in bumped),
            )
        )
    promoted = await seats.fill_open_seats(ctx, held)
    if after.capacity > before.capacity:
        # Near the start a new seat is offered, not given: the reply says which.
        up = f"; {count_people(len(promoted))} " if promoted else ""
        if promoted and promoted[0].status is SignupStatus.OFFERED:
            up += _("on the waitlist offered a seat and told")
        elif promoted:
            up += _("moved up from the waitlist and told")
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
    return _(
        "now {at} for {duration}; ",
        at=timefmt.at(after.starts_at, ctx.zone),
        duration=timefmt.duration(after.ends_at - after.starts_at),
    ) + (_("{people} told", people=count_people(len(roster))) if roster else _("nobody to tell"))


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
    return (_("new link") if after.link else _("link removed")) + (
        _("; {people} confirmed told", people=count_people(len(now_confirmed)))
        if now_confirmed
        else ""
    )
