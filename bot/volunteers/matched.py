"""After the welcome's answers: the upcoming shifts of the kinds someone told us they want
(canvasses for a canvasser), at times they said suit them."""

from bot.domain.matching import fits
from bot.domain.volunteer import Profile
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.ports.replies import Listing
from bot.shifts import shift_item

# How far down the upcoming list to look, and how many to offer.
_LOOK_AHEAD = 50
_OFFERED = 5


async def matched_kinds(ctx: Context, profile: Profile, thanks: str) -> Listing | None:
    """The fitting shifts with a seat free, after `thanks`; None when none is coming up."""
    upcoming = await ctx.uow.shifts.upcoming(ctx.campaign.id, ctx.now, limit=_LOOK_AHEAD)
    fitting = [
        seats
        for seats in upcoming
        if seats.seats_left
        and fits(profile, seats.shift.kind)
        and (
            profile.availability is None
            or profile.availability.fits(seats.shift.starts_at.astimezone(ctx.zone))
        )
    ][:_OFFERED]
    if not fitting:
        return None
    return Listing(
        heading=_("{thanks} Here are upcoming shifts that fit what you told us:", thanks=thanks),
        items=tuple(shift_item(ctx, seats, None) for seats in fitting),
    )
