"""The next shifts that fit a volunteer, offered after a shift with Join buttons.

"Fit" uses what onboarding stored (bot/volunteers/welcome.py): the availability, read on the
volunteer's own wall clock, and the interests, each served by kinds of shift (someone who told
us only about canvassing or data entry is offered canvasses or office shifts, not phone banks;
bot/domain/matching.py). Shifts already joined, full, or not yet started are
left out.
"""

from collections.abc import Sequence
from datetime import datetime

from bot.domain.campaign import Campaign
from bot.domain.matching import fits
from bot.domain.phonebank import Shift
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.context import zone_for
from bot.kernel.i18n import _
from bot.ports.replies import Button, ButtonStyle, Message
from bot.ports.storage import UnitOfWork
from bot.signups import JOIN

# How many next shifts a follow-up offers.
NEXT_SHIFTS = 3
# How far down the upcoming list to look for ones that fit.
_LOOK_AHEAD = 50


async def fitting_shifts(
    uow: UnitOfWork, campaign: Campaign, volunteer: Volunteer, now: datetime
) -> Sequence[Shift]:
    """Up to NEXT_SHIFTS upcoming shifts with a free seat that fit the volunteer (not ones they
    are on or host)."""
    profile = volunteer.profile
    zone = zone_for(volunteer, campaign)
    mine = {shift.id for _, shift in await uow.signups.upcoming_for(volunteer.id, now)}
    fitting = [
        seats.shift
        for seats in await uow.shifts.upcoming(campaign.id, now, limit=_LOOK_AHEAD)
        if seats.shift.id not in mine
        # Never offered a seat on a shift they host.
        and seats.shift.host_id != volunteer.id
        and seats.seats_left
        # Someone who told us only about canvassing is offered canvasses, not phone banks.
        and fits(profile, seats.shift.kind)
        and (
            profile is None
            or profile.availability is None
            or profile.availability.fits(seats.shift.starts_at.astimezone(zone))
        )
    ]
    return fitting[:NEXT_SHIFTS]


def with_join_buttons(
    text: str, shifts: Sequence[Shift], volunteer: Volunteer, campaign: Campaign
) -> Message:
    """`text`, then the shifts (in the volunteer's zone), each with a Join button."""
    if not shifts:
        return Message(text)
    zone = zone_for(volunteer, campaign)
    lines = [text, _("Next shifts you could join:")]
    lines += [f"#{s.number} {s.title}, {timefmt.at(s.starts_at, zone)}" for s in shifts]
    return Message(
        "\n".join(lines),
        buttons=tuple(
            Button(_("Join #{number}", number=s.number), JOIN.action(s.number), ButtonStyle.PRIMARY)
            for s in shifts
        ),
    )
