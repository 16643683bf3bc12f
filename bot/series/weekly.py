"""Weekly series: `/phonebank repeat`, dates created on a rolling window, "Every week".

A series is one stored RRULE over the first date's local wall-clock time; its dates become
shifts as they come within the window (domain.series.WINDOW), each filled with the standing
sign-ups through the seat invariant, waitlisted if full. Cancelling or leaving "following"
acts on a date and every later one.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.campaign import Counter, Identity
from bot.domain.errors import UserError
from bot.domain.notice import NoticeKind
from bot.domain.phonebank import MAX_LEAD, HeldShift, Shift
from bot.domain.series import WINDOW, Series
from bot.domain.signup import Signup, SignupStatus
from bot.kernel import timefmt
from bot.kernel.commands import Actor
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.live_posts import edits
from bot.ports.replies import Button, ButtonStyle, Message, Reply
from bot.ports.storage import Storage
from bot.series import recurrence
from bot.series.buttons import WEEKLY
from bot.series.commands import JoinEveryWeek, RepeatShift, StartRepeatForm
from bot.series.forms import repeat_form
from bot.signups import seats, timed

# Series extended per sweep; the rest wait for the next one.
_SWEEP_BATCH = 50


async def repeat_shift(cmd: RepeatShift, ctx: Context) -> Reply:
    """`/phonebank repeat <shift> weekly …` (organizers)."""
    ctx.require_organizer(_("repeat shifts"))
    held = await _live(ctx, cmd.shift)
    shift = held.shift
    if shift.series_id is not None:
        raise UserError(
            _(
                "#{number} already repeats; `/phonebank cancel {number} following` "
                "ends its series.",
                number=shift.number,
            )
        )
    zone = ctx.campaign_zone
    first_local = shift.starts_at.astimezone(zone).replace(tzinfo=None)
    rule = recurrence.weekly_rule(
        first_local, every=cmd.every, weekdays=cmd.weekdays, until=cmd.until, times=cmd.times
    )
    recurrence.check_horizon(rule, first_local, zone, times=cmd.times, through=ctx.now + MAX_LEAD)
    series = await ctx.uow.series.add(
        Series(
            id=0,
            campaign_id=ctx.campaign.id,
            rule=rule,
            first_local=first_local,
            timezone=ctx.campaign.timezone,
            title=shift.title,
            link=shift.link,
            capacity=shift.capacity,
            length=shift.ends_at - shift.starts_at,
            created_by=ctx.volunteer.id,
            created_through=shift.starts_at,
            kind=shift.phone_bank.kind,
        )
    )
    await ctx.uow.series.attach(shift.id, series.id)
    made = await extend(ctx, series)
    dates = ", ".join(f"#{s.number} {timefmt.day(s.starts_at, ctx.zone)}" for s in made)
    later = recurrence.starts(
        rule, first_local, zone, after=ctx.now + WINDOW, through=ctx.now + 2 * MAX_LEAD
    )
    news = _news(made, dates, complete=next(later, None) is None)
    return Message(
        _(
            "#{number} “{title}” now repeats {describe}, at {first_local:%H:%M} in {key}. ",
            number=shift.number,
            title=shift.title,
            describe=recurrence.describe(rule),
            first_local=first_local,
            key=zone.key,
        )
        + news
        + _("`/phonebank cancel {number} following` ends it.", number=shift.number)
        + _moved(rule, first_local, zone, ctx)
    )


def _news(made: Sequence[Shift], dates: str, *, complete: bool) -> str:
    """What a new series' reply says of the dates created now and those to come."""
    if complete:
        # `times` or `until` within the window: every date exists now, and no more will come.
        if made:
            return _("Created {dates}: that's every date of the series. ", dates=dates)
        return _("That's every date of the series. ")
    if made:
        return _(
            "Created {dates} (the next 4 weeks); later dates appear as time passes. ", dates=dates
        )
    return _("Nothing else in the next 4 weeks; later dates appear as time passes. ")


def _moved(rule: str, first_local: datetime, zone: ZoneInfo, ctx: Context) -> str:
    """Which dates of a new series fall in a spring-forward gap, and when each starts instead."""
    return "".join(
        _(
            " {clock} doesn't exist on {calendar_day} in {key} because the clocks "
            "go forward that night, so that date starts at {when}.",
            clock=timefmt.clock(local.replace(tzinfo=zone), zone),
            calendar_day=timefmt.calendar_day(local.date()),
            key=zone.key,
            when=timefmt.when(start, ctx.zone),
        )
        for local, start in recurrence.moved(rule, first_local, zone, through=ctx.now + MAX_LEAD)
    )


async def extend(ctx: Context, series: Series) -> list[Shift]:
    """Create the series' dates that came within the window; returns the new shifts."""
    zone = ZoneInfo(series.timezone)
    through = ctx.now + WINDOW
    if series.ends_before is not None:
        through = min(through, series.ends_before - timedelta(microseconds=1))
    made = []
    for start in recurrence.starts(
        series.rule, series.first_local, zone, after=series.created_through, through=through
    ):
        number = await ctx.uow.campaigns.next_number(series.campaign_id, Counter.SHIFT)
        shift = await ctx.uow.shifts.add(
            campaign_id=series.campaign_id,
            number=number,
            title=series.title,
            link=series.link,
            starts_at=start,
            ends_at=start + series.length,
            capacity=series.capacity,
            created_by=series.created_by,
            kind=series.kind,
        )
        await timed.schedule_shift(ctx.uow, shift)
        await ctx.uow.series.attach(shift.id, series.id)
        held = await seats.hold(ctx, number)
        for volunteer_id in await ctx.uow.series.standing(series.id):
            volunteer = await ctx.uow.volunteers.get(volunteer_id)
            if volunteer.forgotten_at is None:
                await seats.take_seat(ctx, held, volunteer)
        made.append(shift)
    await ctx.uow.series.created_through(series.id, max(series.created_through, ctx.now + WINDOW))
    return made


async def extend_all(storage: Storage, now: datetime) -> int:
    """The periodic sweep: every series' dates up to the window; returns how many were made."""
    made = 0
    async with storage.unit_of_work() as uow:
        for series in await uow.series.lagging(now + WINDOW, limit=_SWEEP_BATCH):
            campaign = await uow.campaigns.get(series.campaign_id)
            teams = await uow.campaigns.teams_of(campaign.id)
            if not teams:
                continue
            team = teams[0]
            # Turnout itself acts here; the series' creator stands in as the one asking.
            actor = Actor(Identity(team.platform, team.external_id, "turnout"), "Turnout")
            creator = await uow.volunteers.get(series.created_by)
            ctx = Context(uow, now, actor, team, campaign, creator)
            made += len(await extend(ctx, series))
            await edits.queue(ctx)
        await uow.commit()
    return made


async def cancel_following(number: int, ctx: Context) -> Reply:
    """`/phonebank cancel <shift> following`: this date and every later one (organizers)."""
    ctx.require_organizer(_("cancel shifts"))
    held = await _live(ctx, number)
    series_id = _series_of(held.shift, _("/phonebank cancel {number}", number=number))
    # Held first, so a sweep can't add a date after the cut while this runs.
    await ctx.uow.series.lock(series_id)
    await ctx.uow.series.end(series_id, held.shift.starts_at)
    dates = await ctx.uow.series.dates_from(series_id, held.shift.starts_at)
    # Each volunteer's dates, so someone on several hears once, with all of them listed.
    on: dict[int, list[tuple[Shift, Signup]]] = {}
    for date in dates:
        for signup, volunteer in await seats.call_off(
            ctx, await seats.hold(ctx, date.number), tell=False
        ):
            on.setdefault(volunteer.id, []).append((date, signup))
    for volunteer_id, theirs in on.items():
        if len(theirs) == 1:
            [(date, signup)] = theirs
            await ctx.notify(
                NoticeKind.SHIFT_CANCELLED,
                volunteer_id=volunteer_id,
                shift_id=date.id,
                signup_id=signup.id,
                payload={"was": signup.status.value},
            )
        else:
            await ctx.notify(
                NoticeKind.DATES_CANCELLED,
                volunteer_id=volunteer_id,
                shift_id=theirs[0][0].id,
                payload={"shift_ids": [date.id for date, _ in theirs]},
            )
    told = len(on)
    return Message(
        _(
            "Cancelled {plural} of “{title}” from #{number} on; no later date will be created. ",
            plural=plural(len(dates), "date"),
            title=held.shift.title,
            number=number,
        )
        + (
            _("I'm letting everyone signed up know ({plural}).", plural=plural(told, "message"))
            if told
            else ""
        )
    )


async def leave_following(number: int, ctx: Context) -> Reply:
    """`/phonebank leave <shift> following`: this date, every later one, and Every week."""
    held = await seats.hold(ctx, number)
    series_id = _series_of(held.shift, _("/phonebank leave {number}", number=number))
    ended = await ctx.uow.series.end_standing(series_id, ctx.volunteer.id)
    left = 0
    for date in await ctx.uow.series.dates_from(series_id, held.shift.starts_at):
        if date.has_started(ctx.now):
            continue
        on = await seats.hold(ctx, date.number)
        signup = await ctx.uow.signups.active(date.id, ctx.volunteer.id)
        if signup is not None:
            await seats.give_up_seat(ctx, on, signup)
            left += 1
    if not left and not ended:
        raise UserError(
            _(
                "You're not on #{number} or any later date of it, so there's nothing to leave.",
                number=number,
            )
        )
    return Message(
        _(
            "You've left {plural} of “{title}” from #{number} on",
            plural=plural(left, "date"),
            title=held.shift.title,
            number=number,
        )
        + (_(", and you won't be signed up for new ones.") if ended else ".")
    )


async def join_every_week(cmd: JoinEveryWeek, ctx: Context) -> Reply:
    """The Every week button: this date, every later one, and each new one as it's created."""
    held = await _live(ctx, cmd.shift)
    series_id = _series_of(held.shift, _("/phonebank join {shift}", shift=cmd.shift))
    # Held, so a date the sweep is creating right now can't miss the new standing sign-up.
    await ctx.uow.series.lock(series_id)
    await ctx.uow.series.add_standing(series_id, ctx.volunteer.id, ctx.now)
    places = []
    for date in await ctx.uow.series.dates_from(series_id, held.shift.starts_at):
        on = await seats.hold(ctx, date.number)
        signup = await ctx.uow.signups.active(date.id, ctx.volunteer.id)
        if signup is None:
            signup, _skip = await seats.take_seat(ctx, on, ctx.volunteer)
        where = "in" if signup.status is SignupStatus.CONFIRMED else "waitlist"
        places.append(f"#{date.number} {timefmt.day(date.starts_at, ctx.zone)} ({where})")
    return Message(
        _(
            "You're signed up every week for “{title}”: {join}. Each new date "
            "signs you up as it appears (the waitlist if it's full), with the "
            "usual reminders. `/phonebank leave {shift} following` ends it.",
            title=held.shift.title,
            join=", ".join(places),
            shift=cmd.shift,
        ),
    )


def every_week_button(shift: Shift) -> tuple[Button, ...]:
    """What the Join reply adds on a date of a series."""
    if shift.series_id is None:
        return ()
    return (Button(_("Every week"), WEEKLY.action(shift.number), ButtonStyle.PRIMARY),)


async def _live(ctx: Context, number: int) -> HeldShift:
    held = await seats.hold(ctx, number)
    if held.shift.is_cancelled:
        raise UserError(
            _(
                "#{number} is cancelled; `/phonebank list` shows the shifts coming up.",
                number=number,
            )
        )
    if held.shift.has_started(ctx.now):
        raise UserError(_("#{number} has already started; pick a later date of it.", number=number))
    return held


def _series_of(shift: Shift, alone: str) -> int:
    if shift.series_id is None:
        raise UserError(
            _(
                "#{number} isn't part of a weekly series; `{alone}` acts on just that shift.",
                number=shift.number,
                alone=alone,
            )
        )
    return shift.series_id


async def start_repeat_form(cmd: StartRepeatForm, ctx: Context) -> Reply:
    """The Repeat button after creating a shift: how it repeats, in a form (organizers)."""
    ctx.require_organizer(_("repeat shifts"))
    shift = await ctx.uow.shifts.by_number(ctx.campaign.id, cmd.shift)
    if shift is None:
        raise seats.no_such_shift(cmd.shift)
    return repeat_form(shift.number, shift.title)
