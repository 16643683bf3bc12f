"""Seat offers near the start: Take the seat, Pass, and the sweep that lets unanswered offers
run out (the seat rules themselves are in bot/signups/seats.py)."""

from datetime import datetime

from bot.domain.campaign import Identity
from bot.domain.errors import UserError
from bot.domain.phonebank import HeldShift
from bot.domain.signup import Signup, SignupStatus
from bot.kernel import timefmt
from bot.kernel.commands import Actor
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.places import where_line
from bot.ports.replies import Message, Reply
from bot.ports.storage import Storage
from bot.signups import seats
from bot.signups.commands import PassSeat, TakeSeat

# Offers let run out per sweep; more wait for the next one.
_SWEEP_BATCH = 200


async def take_seat(cmd: TakeSeat, ctx: Context) -> Reply:
    """ "Take the seat" (typed: `/phonebank join <shift>`): confirmed, if the offer is open."""
    held, signup = await _offered(ctx, cmd.shift, "take")
    return await take_held(ctx, held, signup)


async def take_held(ctx: Context, held: HeldShift, signup: Signup) -> Reply:
    """Take the seat offered to `signup` on the held shift, if the offer is still open (or ran
    out with nobody else waiting for the seat)."""
    shift = held.shift
    offer = await ctx.uow.offers.get(signup.id)
    if offer is None or not offer.is_open(ctx.now):
        # Run out, but not yet let go by the sweep: with nobody else waiting, the seat would
        # only open to anyone, so the one it was kept for may still have it.
        _skip, waiting = await ctx.uow.signups.counts(shift.id)
        if signup.position_id is not None:
            # On a shift with positions, only the same position's line waits for this seat.
            counted = await ctx.uow.signups.position_counts(shift.id)
            _skip, waiting = counted.get(signup.position_id, (0, 0))
        if offer is None or waiting:
            raise UserError(
                _(
                    "Sorry, the offer for #{number} ran out and the seat is going to the "
                    "next in line. `/phonebank list` shows other shifts.",
                    number=shift.number,
                )
            )
    await seats.take_offered_seat(ctx, held, signup)
    text = _(
        "You're in! #{number} “{title}”, {at}. Thank you for stepping in.",
        number=shift.number,
        title=shift.title,
        at=timefmt.at(shift.starts_at, ctx.zone),
    )
    text += where_line(shift)
    return Message(text)


async def pass_seat(cmd: PassSeat, ctx: Context) -> Reply:
    """ "Pass" (typed: `/phonebank leave <shift>`): the seat is offered to the next in line."""
    held, signup = await _offered(ctx, cmd.shift, _("pass on"))
    offered_on = await seats.give_up_seat(ctx, held, signup)
    return passed(held.shift.number, offered_on=bool(offered_on))


def passed(number: int, *, offered_on: bool) -> Message:
    """The answer to passing on an offered seat: offered on to the next in line, or open."""
    if not offered_on:
        return Message(
            _(
                "OK, thanks for saying so: nobody else is waiting, so the seat on "
                "#{number} is open again, and you're off its waitlist.",
                number=number,
            )
        )
    return Message(
        _(
            "OK, thanks for saying so: the seat on #{number} goes to the next in "
            "line, and you're off its waitlist.",
            number=number,
        )
    )


async def _offered(ctx: Context, number: int, doing: str) -> tuple[HeldShift, Signup]:
    held = await seats.hold(ctx, number)
    signup = await ctx.uow.signups.active(held.shift.id, ctx.volunteer.id)
    if signup is None or signup.status is not SignupStatus.OFFERED:
        if signup is not None and signup.status is SignupStatus.CONFIRMED:
            raise UserError(
                _("You already have a seat on #{number}. See you there!", number=number)
            )
        raise UserError(
            _(
                "There's no seat on offer to you on #{number}, so there's nothing to "
                "{doing}. `/phonebank mine` shows your shifts.",
                number=number,
                doing=doing,
            )
        )
    return held, signup


async def next_lapse_at(storage: Storage) -> datetime | None:
    """When the sweep next has an offer to let run out."""
    async with storage.unit_of_work(write=False) as uow:
        return await uow.offers.next_lapse_at()


async def let_offers_lapse(storage: Storage, now: datetime) -> int:
    """The periodic sweep: each offer unanswered in time moves on to the next in line.

    Each is read again under its shift's hold, so an offer taken or passed meanwhile (or by
    another process) is left alone. Returns how many lapsed.
    """
    lapsed = 0
    async with storage.unit_of_work() as uow:
        for offer in await uow.offers.lapsed(now, limit=_SWEEP_BATCH):
            shift = await uow.shifts.get(offer.shift_id)
            campaign = await uow.campaigns.get(shift.campaign_id)
            teams = await uow.campaigns.teams_of(campaign.id)
            found = await uow.attendance.signup(offer.signup_id)
            if not teams or found is None:
                continue
            team = teams[0]
            # Turnout itself acts here; the offeree stands in as the one asking.
            actor = Actor(Identity(team.platform, team.external_id, "turnout"), "Turnout")
            offeree = await uow.volunteers.get(found[0].volunteer_id)
            ctx = Context(uow, now, actor, team, campaign, offeree)
            held = await seats.hold(ctx, shift.number)
            current = await uow.offers.get(offer.signup_id)
            signup = await uow.signups.active(shift.id, offeree.id)
            if current is None or current.answer is not None or signup is None:
                continue
            if signup.id != offer.signup_id or signup.status is not SignupStatus.OFFERED:
                continue
            await seats.lapse_offer(ctx, held, signup)
            lapsed += 1
        await uow.commit()
    return lapsed
