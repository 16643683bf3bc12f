"""A volunteer's own settings, and organizers keeping track of newcomers."""

from collections.abc import Sequence
from dataclasses import replace

from bot.domain.errors import UserError
from bot.domain.timing import parse_zone
from bot.domain.volunteer import Volunteer, offsets_for
from bot.kernel import timefmt
from bot.kernel.context import Context, zone_for
from bot.kernel.i18n import _
from bot.kernel.people import one_volunteer
from bot.kernel.wording import plural
from bot.ports.replies import Button, ButtonStyle, Item, Listing, Message, Reply
from bot.signups import reminders
from bot.volunteers.buttons import FORGET, KEEP
from bot.volunteers.commands import (
    ForgetMe,
    KeepMyData,
    ListNewVolunteers,
    MarkContacted,
    SetMyReminders,
    SetMyTimezone,
)
from bot.volunteers.views import contacted_button


async def set_my_timezone(cmd: SetMyTimezone, ctx: Context) -> Reply:
    """`/volunteer tz`: the zone the asker's times are shown in."""
    zone = parse_zone(cmd.zone)
    ctx.volunteer = replace(ctx.volunteer, timezone=zone.key)
    await ctx.uow.volunteers.save(ctx.volunteer)
    return Message(
        _(
            "Got it: I'll show you times in {key}. It's {when} there now.",
            key=zone.key,
            when=timefmt.when(ctx.now, zone),
        )
    )


async def set_my_reminders(cmd: SetMyReminders, ctx: Context) -> Reply:
    """`/volunteer reminders`: the asker's own reminder times; pending ones move."""
    ctx.volunteer = replace(ctx.volunteer, reminder_offsets=cmd.offsets)
    await ctx.uow.volunteers.save(ctx.volunteer)
    touched = await reminders.reschedule_volunteer(
        ctx.uow, campaign=ctx.campaign, volunteer=ctx.volunteer, now=ctx.now
    )
    offsets = offsets_for(ctx.volunteer, ctx.campaign)
    if not offsets:
        text = _("OK, no reminders for you. `/volunteer reminders default` turns them back on.")
    else:
        when = ", ".join(timefmt.duration(o) for o in offsets)
        source = _(" (the campaign's default)") if cmd.offsets is None else ""
        text = _("OK, I'll remind you {when} before each shift{source}.", when=when, source=source)
    if touched:
        text += _(
            " Updated the reminders for your {plural}.", plural=plural(touched, "upcoming shift")
        )
    return Message(text)


async def list_new_volunteers(cmd: ListNewVolunteers, ctx: Context) -> Reply:
    """`/volunteer new`: newcomers nobody has contacted yet (organizers)."""
    ctx.require_organizer(_("see who is waiting to be contacted"))
    waiting = await ctx.uow.volunteers.uncontacted(ctx.campaign.id)
    return Listing(
        heading=_("Volunteers waiting for a personal contact"),
        items=tuple(waiting_item(ctx, v) for v in waiting),
        empty=_("Everyone has been contacted. Nice work!"),
    )


async def mark_contacted(cmd: MarkContacted, ctx: Context) -> Reply:
    """`/volunteer contacted`: note that an organizer reached a newcomer (organizers)."""
    ctx.require_organizer(_("mark volunteers as contacted"))
    who = cmd.who.strip()
    volunteer = await one_volunteer(ctx, who, lambda ref: _("/volunteer contacted {ref}", ref=ref))
    if volunteer.contacted_at is not None:
        by = (
            await ctx.uow.volunteers.get(volunteer.contacted_by) if volunteer.contacted_by else None
        )
        raise UserError(
            _("{name} was already contacted", name=volunteer.name)
            + (_(" by {name}", name=by.name) if by else "")
            + _(" on {day}.", day=timefmt.day(volunteer.contacted_at, ctx.zone))
        )
    await ctx.uow.volunteers.save(volunteer.contacted(ctx.volunteer.id, ctx.now))
    return Message(_("Marked {name} as contacted. Thanks for reaching out!", name=volunteer.name))


async def forget_me(cmd: ForgetMe, ctx: Context) -> Reply:
    """`/volunteer forget-me`: ask first; confirmed, erase the asker and free their seats."""
    if ctx.visitor:
        return Message(_("Turnout keeps nothing about you, so there's nothing to erase."))
    if not cmd.confirmed:
        return Message(
            _(
                "This erases your name, your answers and your accounts from Turnout, "
                "and takes you off your upcoming shifts and tasks. Organizers will "
                "only see “a former volunteer”. It can't be undone."
            ),
            buttons=(
                Button(_("Yes, erase my data"), FORGET.action(), ButtonStyle.DANGER),
                Button(_("Keep my data"), KEEP.action()),
            ),
        )
    await forget_volunteer(ctx, ctx.volunteer)
    ctx.erased = True
    return Message(
        _("Done: your name, answers and accounts are erased. Thank you for everything you did.")
    )


async def forget_volunteer(ctx: Context, volunteer: Volunteer) -> None:
    """Erase `volunteer` as forget-me does, in this unit of work (they need not be the asker:
    erasing a team forgets each of its people so)."""
    theirs = ctx if volunteer.id == ctx.volunteer.id else replace(ctx, volunteer=volunteer)
    # What features do as someone leaves: their seats given up (the waitlist moves up, a late
    # cancellation is reported), their tasks released.
    await ctx.lookup().erase(theirs)
    await ctx.uow.notices.cancel_pending(volunteer_id=volunteer.id)
    # Then every table that points at them, by the rules storage derives from the schema.
    await ctx.uow.volunteers.forget(volunteer.id, ctx.now)
    # With nothing to count (no sign-up, claim, shift or task), not even an anonymous row stays.
    await ctx.uow.volunteers.remove_if_unreferenced(volunteer.id)


async def forget_volunteers(ctx: Context, people: Sequence[Volunteer]) -> None:
    """forget_volunteer for each of `people` (erasing a team), storage's part for all at once."""
    for volunteer in people:
        await ctx.lookup().erase(replace(ctx, volunteer=volunteer))
        await ctx.uow.notices.cancel_pending(volunteer_id=volunteer.id)
    ids = [volunteer.id for volunteer in people]
    await ctx.uow.volunteers.forget_all(ids, ctx.now)
    await ctx.uow.volunteers.remove_all_unreferenced(ids)


async def keep_my_data(cmd: KeepMyData, ctx: Context) -> Reply:
    """The asker thought better of forget-me: nothing is erased."""
    return Message(_("OK, nothing was erased."))


def waiting_item(ctx: Context, volunteer: Volunteer) -> Item:
    """A newcomer waiting for a personal contact, with the Mark contacted button."""
    parts = [_("waiting {span}", span=timefmt.span(ctx.now - volunteer.joined_at))]
    if volunteer.profile is None:
        parts.append(_("hasn't answered the welcome questions yet"))
    else:
        parts.append(", ".join(_(i.label) for i in volunteer.profile.interests))
        if volunteer.profile.availability:
            parts.append(_(volunteer.profile.availability.label))
        if volunteer.profile.location:
            parts.append(volunteer.profile.location)
    own = volunteer.own_timezone
    local = timefmt.when(ctx.now, zone_for(volunteer, ctx.campaign)) if own else ""
    if local:
        parts.append(_("their time: {local}", local=local))
    return Item(
        _("#{number} {name}", number=volunteer.number, name=volunteer.name),
        " · ".join(parts),
        contacted_button(volunteer.number),
    )
