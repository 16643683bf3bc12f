"""`/phonebank announce`: a message from organizers or the host to everyone on a shift."""

from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import MAX_ANNOUNCEMENT
from bot.domain.signup import SignupStatus
from bot.domain.text import clean_text
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.replies import Message, Reply
from bot.shifts.commands import Announce
from bot.signups import seats


async def announce(cmd: Announce, ctx: Context) -> Reply:
    """`/phonebank announce`: a message to everyone confirmed for a shift, and with `waitlist`
    to everyone waiting for a seat too (organizers and its host)."""
    text = clean_text(cmd.message, what="announcement", limit=MAX_ANNOUNCEMENT, multiline=True)
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, cmd.shift)
    if shift is None:
        raise seats.no_such_shift(cmd.shift)
    ctx.require_organizer_or_host(shift, _("send its volunteers announcements"))
    if shift.is_cancelled:
        raise UserError(
            _("#{number} is cancelled; everyone on it has already been told.", number=shift.number)
        )
    roster = await ctx.uow.signups.roster(shift.id)
    confirmed = [(s, v) for s, v in roster if s.status is SignupStatus.CONFIRMED]
    # Offered a seat near the start, they still wait: the waitlist, first in line.
    waiting = [(s, v) for s, v in roster if s.status is not SignupStatus.CONFIRMED]
    told = confirmed + waiting if cmd.waitlist else confirmed
    if not told:
        raise UserError(
            _("Nobody is on #{number} yet, so there's no one to tell.", number=shift.number)
            if cmd.waitlist
            else _(
                "Nobody is confirmed for #{number} yet, so there's no one to tell.",
                number=shift.number,
            )
        )
    payload: dict[str, object] = {"text": text, "from_id": ctx.volunteer.id}
    if cmd.waitlist:
        payload["waitlist"] = True
    for signup, volunteer in told:
        await ctx.notify(
            NoticeKind.ANNOUNCEMENT,
            volunteer_id=volunteer.id,
            shift_id=shift.id,
            signup_id=signup.id,
            # Who sent it by id: the name is written at send time, so an erased sender's isn't kept.
            payload=payload,
        )
    return _sending(cmd, shift.number, confirmed=len(confirmed), waiting=len(waiting))


def _sending(cmd: Announce, number: int, *, confirmed: int, waiting: int) -> Reply:
    """Who the announcement goes to, and who it leaves out."""
    volunteers = plural(confirmed, "confirmed volunteer")
    if cmd.waitlist and not confirmed:
        return Message(
            _(
                "Sending your message to the {people} on the waitlist of #{number}.",
                people=_people(waiting),
                number=number,
            )
        )
    if cmd.waitlist and waiting:
        return Message(
            _(
                "Sending your message to the {volunteers} of #{number} and the {people} on its "
                "waitlist.",
                volunteers=volunteers,
                number=number,
                people=_people(waiting),
            )
        )
    if waiting and not cmd.waitlist:
        return Message(
            _(
                "Sending your message to the {volunteers} of #{number}. The {people} on its "
                "waitlist won't get it; to include them, type `/phonebank announce {number} "
                "waitlist …`.",
                volunteers=volunteers,
                number=number,
                people=_people(waiting),
            )
        )
    return Message(
        _(
            "Sending your message to the {volunteers} of #{number}.",
            volunteers=volunteers,
            number=number,
        )
    )


def _people(count: int) -> str:
    return plural(count, "person", "people")
