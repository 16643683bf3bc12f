"""The welcome flow: greet newcomers, learn about them, make sure an organizer reaches out."""

from dataclasses import replace
from datetime import datetime

from bot.domain.matching import fits
from bot.domain.notice import ANSWERS_EVERY, NewNotice, NoticeKind, NoticeState
from bot.domain.text import clean_text
from bot.domain.volunteer import MAX_LOCATION, SHIFT_INTERESTS, Profile
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.ports.replies import Listing, Message, Reply
from bot.ports.storage import Storage
from bot.shifts import shift_item
from bot.tasks import board_item
from bot.volunteers.commands import SaveProfile, StartProfile, WelcomeVolunteer
from bot.volunteers.forms import LOCATION, onboarding_form
from bot.volunteers.matched import matched_kinds

# Follow-ups raised per sweep; the rest wait for the next sweep a minute later.
_FOLLOW_UP_BATCH = 200


async def greet(ctx: Context, *, returning: bool = False) -> None:
    """First contact: welcome the volunteer and tell organizers, so nobody falls through.

    `returning`: the account keeps erasing itself and coming back; it is welcomed again and
    shows in `/volunteer new`, but organizers are not alerted each time.
    """
    if ctx.actor.is_organizer:
        # Staff need no onboarding; counting them as contacted keeps `/volunteer new` honest.
        ctx.volunteer = ctx.volunteer.contacted(ctx.volunteer.id, ctx.now)
        await ctx.uow.volunteers.save(ctx.volunteer)
        return
    due = ctx.now + ctx.campaign.contact_within
    if ctx.volunteer.follow_up_due_at != due:
        # Context.open writes it with a newcomer's row; saved here only if it did not.
        ctx.volunteer = replace(ctx.volunteer, follow_up_due_at=due)
        await ctx.uow.volunteers.save(ctx.volunteer)
    notices = [ctx.notice(NoticeKind.WELCOME, volunteer_id=ctx.volunteer.id)]
    if not returning:
        notices.append(
            ctx.notice(NoticeKind.NEW_VOLUNTEER, payload={"volunteer_id": ctx.volunteer.id})
        )
    await ctx.notify_all(notices)


async def welcome_volunteer(cmd: WelcomeVolunteer, ctx: Context) -> Reply:
    """A newcomer joined the team or the volunteers channel: greet them once."""
    # Greeting happens on first contact (see Turnout.handle); someone who left and came back
    # is already known and is not announced twice.
    if ctx.first_contact:
        return Message(_("Welcomed {name}.", name=ctx.volunteer.name))
    return Message(_("{name} is already known to Turnout.", name=ctx.volunteer.name))


async def start_profile(cmd: StartProfile, ctx: Context) -> Reply:
    """`/volunteer profile`: the onboarding questions as a form."""
    return onboarding_form(ctx.volunteer.name, ctx.volunteer.profile)


async def save_profile(cmd: SaveProfile, ctx: Context) -> Reply:
    """The onboarding answers: stored, organizers told, fitting shifts offered."""
    location = clean_text(cmd.location, what=LOCATION, limit=MAX_LOCATION) if cmd.location else None
    first_time = ctx.volunteer.onboarded_at is None
    profile = Profile(cmd.interests, cmd.availability, location)
    ctx.volunteer = ctx.volunteer.onboarded(profile, ctx.now)
    await ctx.uow.volunteers.save(ctx.volunteer)
    await _tell_organizers_answers(ctx, updated=not first_time)
    thanks = _("Thanks, {name}! An organizer will be in touch soon.", name=ctx.volunteer.name)
    if not first_time:
        thanks = _("Thanks, your answers are updated.")
    if SHIFT_INTERESTS.intersection(profile.interests):
        return await _matching_shifts(ctx, profile, thanks)
    # Canvassers, texters and the rest: the shifts of their kinds, if any are coming up.
    matched = await matched_kinds(ctx, profile, thanks)
    return matched if matched is not None else await _open_tasks(ctx, thanks)


async def _tell_organizers_answers(ctx: Context, *, updated: bool) -> None:
    """Organizers hear of a person's answers at most once per ANSWERS_EVERY: the notice is
    written at send time, so one still waiting already carries the latest answers."""
    last = await ctx.uow.notices.latest_about(ctx.volunteer.id, NoticeKind.VOLUNTEER_ONBOARDED)
    if last is not None and last.state is NoticeState.PENDING:
        return
    due = ctx.now
    if last is not None and ctx.now < last.due_at + ANSWERS_EVERY:
        due = last.due_at + ANSWERS_EVERY
    await ctx.notify(
        NoticeKind.VOLUNTEER_ONBOARDED,
        payload={"volunteer_id": ctx.volunteer.id, "updated": updated},
        due_at=due,
    )


async def _matching_shifts(ctx: Context, profile: Profile, thanks: str) -> Reply:
    upcoming = await ctx.uow.shifts.upcoming(ctx.campaign.id, ctx.now, limit=50)
    fitting = [
        seats
        for seats in upcoming
        if fits(profile, seats.shift.kind)
        and (
            profile.availability is None
            or profile.availability.fits(seats.shift.starts_at.astimezone(ctx.zone))
        )
    ][:5]
    return Listing(
        heading=_(
            "{thanks} Here are upcoming phone banks that fit when you're free:", thanks=thanks
        ),
        items=tuple(shift_item(ctx, seats, None) for seats in fitting),
        empty=_(
            "{thanks} No phone banks fit your times right now; I'll list new ones "
            "in `/phonebank list`.",
            thanks=thanks,
        ),
    )


async def _open_tasks(ctx: Context, thanks: str) -> Reply:
    board = [b for b in await ctx.uow.tasks.board(ctx.campaign.id) if b.slots_left][:5]
    return Listing(
        heading=_("{thanks} Meanwhile, these tasks could use a hand:", thanks=thanks),
        items=tuple([await board_item(ctx, b) for b in board]),
        empty=thanks,
    )


async def next_follow_up_at(storage: Storage) -> datetime | None:
    """When the sweep next has organizers to remind of someone nobody has contacted."""
    async with storage.unit_of_work(write=False) as uow:
        return await uow.volunteers.next_follow_up_at()


async def raise_follow_ups(storage: Storage, now: datetime) -> int:
    """Remind organizers, once per contact period, of volunteers nobody has contacted yet."""
    raised = 0
    async with storage.unit_of_work() as uow:
        for volunteer in await uow.volunteers.follow_ups_due(now, _FOLLOW_UP_BATCH):
            campaign = await uow.campaigns.get(volunteer.campaign_id)
            await uow.notices.add(
                NewNotice(
                    campaign_id=campaign.id,
                    kind=NoticeKind.STILL_UNCONTACTED,
                    due_at=now,
                    payload={"volunteer_id": volunteer.id},
                )
            )
            await uow.volunteers.save(
                replace(volunteer, follow_up_due_at=now + campaign.contact_within)
            )
            raised += 1
        await uow.commit()
    return raised
