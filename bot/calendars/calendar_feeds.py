"""Add to calendar on a confirmed seat, and each volunteer's private calendar feed."""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from bot.calendars import ics
from bot.calendars.buttons import NEW_FEED
from bot.calendars.commands import ShowCalendarFeed
from bot.calendars.feed_links import FeedLinks, FeedOwner
from bot.domain.campaign import Campaign
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer, offsets_for
from bot.kernel.context import Context, language_for
from bot.kernel.i18n import N_, _, reading_in
from bot.kernel.intake.buttons import link_action
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.ports.storage import UnitOfWork

FEED_OFF = N_(
    "Calendar feeds are off on this server. To turn them on, whoever runs Turnout sets "
    "TURNOUT_PUBLIC_URL to the address where it can be reached (see docs/operations.md, "
    "The web listener). Meanwhile the Add to calendar button on each sign-up works."
)


async def entry(
    uow: UnitOfWork, campaign: Campaign, volunteer: Volunteer, shift: Shift, signup: Signup
) -> ics.CalendarEntry:
    """The sign-up's calendar entry as it stands now, with its current SEQUENCE."""
    return (await _revised(uow, campaign, volunteer, [(signup, shift)]))[0]


async def with_calendar(
    uow: UnitOfWork,
    campaign: Campaign,
    volunteer: Volunteer,
    shift: Shift,
    signup: Signup,
    message: Message,
    now: datetime,
    *,
    gone: bool = False,
) -> Message:
    """`message` about a confirmed seat, offering Add to calendar: the Google Calendar link
    button after its own buttons, and the seat's `.ics` attached.

    `gone`: the seat is no more (the shift was cancelled); the `.ics` alone goes, marked
    cancelled, so opening it takes the event out of a calendar that imported it.
    """
    if gone:
        signup = replace(signup, status=SignupStatus.CANCELLED)
    made = await entry(uow, campaign, volunteer, shift, signup)
    buttons = message.buttons if gone else (*message.buttons, ics.google_button(campaign, shift))
    return replace(message, buttons=buttons, files=(*message.files, ics.ics_file(made, now)))


async def show_calendar_feed(cmd: ShowCalendarFeed, ctx: Context) -> Reply:
    """`/volunteer calendar [reset]`: the asker's private feed URL; reset makes a new one."""
    feeds = ctx.service(FeedLinks)
    if feeds is None:
        return Message(_(FEED_OFF))
    key = None if cmd.reset else await ctx.uow.calendars.feed_key(ctx.volunteer.id)
    if key is None:
        key = FeedLinks.new_key()
        await ctx.uow.calendars.set_feed_key(ctx.volunteer.id, key, ctx.now)
    url = await feeds.url(ctx.uow, FeedOwner(ctx.volunteer.id, key))
    opening = (
        _("Done: your old calendar link no longer works. Your new private one:")
        if cmd.reset
        else _("Your private calendar feed (subscribe to it in Google, Apple or Outlook Calendar):")
    )
    return Message(
        _(
            "{opening}\n{url}\nIt lists your shifts and follows every change. Keep "
            "it to yourself; `/volunteer calendar reset` replaces it if it gets "
            "out.",
            opening=opening,
            url=url,
        ),
        buttons=(
            Button(_("Open the feed"), link_action("feed"), url=url),
            Button(_("New link"), NEW_FEED.action(), ButtonStyle.DANGER),
        ),
    )


async def feed(uow: UnitOfWork, feeds: FeedLinks, token: str, now: datetime) -> bytes | None:
    """The feed a token opens, as an iCalendar file; None when the token opens nothing
    (tampered, reset, or its volunteer forgotten)."""
    owner = await feeds.owner(uow, token)
    if owner is None:
        return None
    if await uow.calendars.feed_key(owner.volunteer_id) != owner.key:
        return None
    # A forgotten volunteer has no key any more; checked again in case one is left.
    volunteer = await uow.volunteers.get(owner.volunteer_id)
    if volunteer.forgotten_at is not None:
        return None
    campaign = await uow.campaigns.get(volunteer.campaign_id)
    signups = await uow.calendars.entries_for(volunteer.id, now - ics.FEED_PAST)
    # Nobody is "asking" when a calendar app fetches: the feed reads as its owner reads.
    with reading_in(language_for(volunteer, campaign)):
        entries = await _revised(uow, campaign, volunteer, signups)
        name = _("{campaign}: my shifts", campaign=campaign.name)
        return ics.calendar(entries, now, name=name)


async def _revised(
    uow: UnitOfWork,
    campaign: Campaign,
    volunteer: Volunteer,
    signups: Sequence[tuple[Signup, Shift]],
) -> list[ics.CalendarEntry]:
    alarm = ics.first_reminder(offsets_for(volunteer, campaign))
    drafts = [ics.CalendarEntry(campaign, shift, signup, alarm) for signup, shift in signups]
    sequences = await uow.calendars.revisions({d.signup.id: d.fingerprint for d in drafts})
    return [
        ics.CalendarEntry(d.campaign, d.shift, d.signup, d.alarm_before, sequences[d.signup.id])
        for d in drafts
    ]
