"""Campaign-wide settings organizers change, and help."""

from dataclasses import replace

from bot.campaign.commands import (
    SetCampaignLanguage,
    SetCampaignReminders,
    SetCampaignTimezone,
    ShowHelp,
)
from bot.domain.attendance import MARKS_OPEN_FOR
from bot.domain.timing import parse_zone
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import N_, _
from bot.kernel.intake.docs import Docs
from bot.kernel.wording import plural
from bot.ports.replies import Message, Reply
from bot.signups import reminders
from bot.stats import follow_the_zone


async def set_campaign_timezone(cmd: SetCampaignTimezone, ctx: Context) -> Reply:
    """`/turnout tz`: the zone shifts are planned in (organizers)."""
    ctx.require_organizer(_("change the campaign's time zone"))
    zone = parse_zone(cmd.zone)
    ctx.campaign = replace(ctx.campaign, timezone=zone.key)
    await ctx.uow.campaigns.save(ctx.campaign)
    await follow_the_zone(ctx)
    return Message(
        _(
            "The campaign's time zone is now {key} (it's {when}). New shifts are "
            "planned in it; shifts already created keep their time.",
            key=zone.key,
            when=timefmt.when(ctx.now, zone),
        )
    )


async def set_campaign_reminders(cmd: SetCampaignReminders, ctx: Context) -> Reply:
    """`/turnout reminders`: when volunteers are reminded by default (organizers)."""
    ctx.require_organizer(_("change the campaign's reminders"))
    ctx.campaign = replace(ctx.campaign, reminder_offsets=cmd.offsets)
    await ctx.uow.campaigns.save(ctx.campaign)
    touched = await reminders.reschedule_campaign(ctx.uow, campaign=ctx.campaign, now=ctx.now)
    when = ", ".join(timefmt.duration(o) for o in cmd.offsets)
    return Message(
        _(
            "Reminders now go out {when} before each shift. Updated {plural}; "
            "volunteers who chose their own keep them.",
            when=when,
            plural=plural(touched, "upcoming sign-up"),
        )
    )


_POSTS_IN = {
    "en": N_(
        "Channel posts are now written in English, as is everything for people whose "
        "language isn't known."
    ),
    "es": N_(
        "Channel posts are now written in Spanish, as is everything for people whose "
        "language isn't known."
    ),
}


async def set_campaign_language(cmd: SetCampaignLanguage, ctx: Context) -> Reply:
    """`/turnout language`: channel posts' language, and everyone's whose isn't known
    (organizers). The organizer keeps reading their own."""
    ctx.require_organizer(_("change the campaign's language"))
    ctx.campaign = replace(ctx.campaign, language=cmd.language)
    await ctx.uow.campaigns.save(ctx.campaign)
    return Message(_(_POSTS_IN[cmd.language]))


async def show_help(cmd: ShowHelp, ctx: Context) -> Reply:
    """`/… help`: the commands the asker may run (a host's, to the host of a shift)."""
    organizer = ctx.actor.is_organizer
    # Hosts may act on their shift until its marks close, a week after it ends.
    host = not organizer and await ctx.uow.shifts.hosts_any(
        ctx.volunteer.id, ended_after=ctx.now - MARKS_OPEN_FOR
    )
    # Where the documentation is published, if it is (TURNOUT_DOCS_URL).
    docs = ctx.service(Docs)
    return Message(ctx.lookup().help_text(cmd.topic, organizer=organizer, host=host, docs=docs))
