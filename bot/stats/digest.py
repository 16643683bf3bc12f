"""The weekly digest: the week's numbers and the week ahead, to the organizers, with the chart.

It is a durable notice like any reminder. Exactly one is queued per campaign at a time: the
schedule row records the due time of the one queued (`queued_for`), and queuing the next is a
compare-and-set on it, so a restart, a second process or a digest rendered twice after a crash
never queues the same week twice. New campaigns get their first one from the sweep; each digest
queues the next as it is written; changing the schedule replaces the pending one.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.campaign import Campaign
from bot.domain.notice import NewNotice, NoticeKind, NoticeState
from bot.domain.stats import (
    AT_RISK_BELOW,
    DIGEST_LIST,
    DIGEST_STALE_AFTER,
    SHOW_RATE_OVER,
    WEEKDAYS,
    DigestSchedule,
    UpcomingShift,
    read_digest,
)
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.i18n import _
from bot.kernel.outbox.notices import Scene
from bot.kernel.wording import plural
from bot.ports.replies import Message, Reply
from bot.ports.storage import Storage, UnitOfWork
from bot.stats.commands import SetDigest
from bot.stats.numbers import chart, period_lines

WEEK = timedelta(days=7)
DAY = timedelta(days=1)
# Campaigns given their first digest per sweep; the rest follow at the next sweeps.
_FIRST_DIGESTS_PER_SWEEP = 500


async def set_digest(cmd: SetDigest, ctx: Context) -> Reply:
    """`/turnout digest off | <weekday> <HH:MM>` (organizers): when the digest goes out."""
    ctx.require_organizer(_("change when the weekly digest goes out"))
    schedule = read_digest(cmd.when)
    zone = ZoneInfo(ctx.campaign.timezone)
    await ctx.uow.stats.cancel_digests(ctx.campaign.id)
    due = schedule.next_after(ctx.now, zone)
    await ctx.uow.stats.set_digest(ctx.campaign.id, schedule, due)
    if due is None:
        return Message(
            _(
                "The weekly digest is off. `/turnout digest monday 09:00` turns it "
                "back on; `/turnout stats` shows the numbers at any time."
            )
        )
    await ctx.uow.notices.add(_digest_notice(ctx.campaign.id, due))
    return Message(
        _(
            "The weekly digest goes to the organizers every {describe} "
            "({timezone}); the next one {at}.",
            describe=describe(schedule),
            timezone=ctx.campaign.timezone,
            at=timefmt.at(due, zone),
        )
    )


async def follow_the_zone(ctx: Context) -> None:
    """The campaign's zone changed: the digest queued at the schedule's hour in the old zone
    is queued again at that hour in the new one (else it would go out at the old zone's hour,
    and the next one, written in the new zone, a few hours later)."""
    schedule, queued_for = await ctx.uow.stats.digest(ctx.campaign.id)
    if queued_for is None or schedule.is_off:
        return  # not queued yet: the sweep queues it in the zone of the day
    await ctx.uow.stats.cancel_digests(ctx.campaign.id)
    # The same week's digest at the new zone's hour (zones are at most 26 hours apart), or
    # the next one if that hour has passed; never a second one the week one already went.
    due = schedule.next_after(max(ctx.now, queued_for - 2 * DAY), ZoneInfo(ctx.campaign.timezone))
    await ctx.uow.stats.set_digest(ctx.campaign.id, schedule, due)
    if due is not None:
        await ctx.uow.notices.add(_digest_notice(ctx.campaign.id, due))


def describe(schedule: DigestSchedule) -> str:
    """`Monday at 09:00`."""
    assert schedule.weekday is not None
    return _(
        "{capitalize} at {at:%H:%M}",
        capitalize=WEEKDAYS[schedule.weekday].capitalize(),
        at=schedule.at,
    )


def _digest_notice(campaign_id: int, due: datetime) -> NewNotice:
    return NewNotice(campaign_id=campaign_id, kind=NoticeKind.DIGEST, due_at=due)


async def queue_first_digests(storage: Storage, now: datetime) -> int:
    """The sweep: give every campaign whose digest is on but not queued its next digest."""
    queued = 0
    async with storage.unit_of_work() as uow:
        for campaign_id, schedule in await uow.stats.unqueued_digests(_FIRST_DIGESTS_PER_SWEEP):
            campaign = await uow.campaigns.get(campaign_id)
            due = schedule.next_after(now, ZoneInfo(campaign.timezone))
            if due is not None and await uow.stats.claim_digest(campaign_id, None, due):
                await uow.notices.add(_digest_notice(campaign_id, due))
                queued += 1
        await uow.commit()
    return queued


def _next_due(schedule: DigestSchedule, due: datetime, now: datetime, zone: ZoneInfo) -> datetime:
    """The digest after the one due at `due`: the next week's, or the first still ahead after
    downtime. Depends on `now` only when a whole week was missed, so rendering twice agrees."""
    following = schedule.next_after(due, zone)
    assert following is not None
    return following if following > now else (schedule.next_after(now, zone) or following)


async def render_digest(scene: Scene) -> Reply | NoticeState:
    """The digest as of now, after queuing the next one; a NoticeState if it is not sent."""
    notice, uow, campaign, now = scene.notice, scene.uow, scene.campaign, scene.now
    schedule, queued_for = await uow.stats.digest(campaign.id)
    if schedule.is_off:
        return NoticeState.CANCELLED
    zone = ZoneInfo(campaign.timezone)
    following = _next_due(schedule, notice.due_at, now, zone)
    if queued_for == notice.due_at:
        if await uow.stats.claim_digest(campaign.id, notice.due_at, following):
            await uow.notices.add(_digest_notice(campaign.id, following))
    elif queued_for != following:
        # The schedule changed after this one was claimed; the new schedule has its own.
        return NoticeState.CANCELLED
    if now - notice.due_at > DIGEST_STALE_AFTER:
        return NoticeState.SKIPPED
    return Message(
        "\n".join(await digest_lines(uow, campaign, now, zone)),
        files=(await chart(uow, campaign, now),),
    )


async def digest_lines(
    uow: UnitOfWork, campaign: Campaign, now: datetime, zone: ZoneInfo
) -> list[str]:
    """The past week's figures, then the week ahead: open seats, shifts at risk, newcomers."""
    lines = [_("📬 Weekly digest for {name}", name=campaign.name)]
    lines += await period_lines(uow, campaign, now, WEEK, zone)
    # The campaign's show rate, as the confirmation check projects with it.
    recent = await uow.stats.period(campaign.id, now - SHOW_RATE_OVER, now, now=now)
    rate = recent.show_rate
    upcoming = await uow.stats.upcoming(campaign.id, now, now + WEEK)
    open_seats = [s for s in upcoming if s.open_seats]
    # With no settled seat yet there is no rate to project from: only thin shifts are at risk.
    at_risk = [s for s in upcoming if s.at_risk(rate if rate is not None else 1.0)]
    lines.append(
        _(
            "🗓️ The week ahead ({day} to {day2}):",
            day=timefmt.day(now, zone),
            day2=timefmt.day(now + WEEK, zone),
        )
    )
    lines += _listed(
        _(
            "Shifts with open seats ({len} of {plural})",
            len=len(open_seats),
            plural=plural(len(upcoming), "shift"),
        ),
        [_with_fill(s, zone) for s in open_seats],
        _("every seat is taken") if upcoming else _("no shifts are planned"),
    )
    below = round(100 * AT_RISK_BELOW)
    lines += _listed(
        (
            _(
                "At risk: projected below {below}% of the seats at the campaign's "
                "{round}% show rate ({len})",
                below=below,
                round=round(100 * rate),
                len=len(at_risk),
            )
            if rate is not None
            else _(
                "At risk: less than {below}% of the seats filled, with no show rate yet ({len})",
                below=below,
                len=len(at_risk),
            )
        ),
        [_with_fill(s, zone) for s in at_risk],
        _("none"),
    )
    lines.append(
        _(
            "• Newcomers still waiting for a first contact: {waiting_now:,}",
            waiting_now=recent.waiting_now,
        )
        + (_(" (`/volunteer new` lists them)") if recent.waiting_now else "")
    )
    return lines


def _with_fill(shift: UpcomingShift, zone: ZoneInfo) -> str:
    return _(
        "#{number} “{title}”, {at}: {confirmed} of {plural} filled ({round}%)",
        number=shift.number,
        title=shift.title,
        at=timefmt.at(shift.starts_at, zone),
        confirmed=shift.confirmed,
        plural=plural(shift.capacity, "seat"),
        round=round(100 * shift.fill),
    )


def _listed(heading: str, items: list[str], empty: str) -> list[str]:
    if not items:
        return [f"• {heading}: {empty}."]
    shown = [f"   ◦ {item}" for item in items[:DIGEST_LIST]]
    if len(items) > DIGEST_LIST:
        shown.append(_("   ◦ and {value} more (`/phonebank list`)", value=len(items) - DIGEST_LIST))
    return [f"• {heading}:", *shown]
