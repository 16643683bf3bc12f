"""`/turnout stats`: a period's numbers against the period before, with the weekly chart.

Every figure is counted by storage in aggregate queries (`uow.stats`); this module only
compares and words them. The digest (bot/stats/digest.py) says the same, weekly.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.campaign import Campaign
from bot.domain.errors import UserError
from bot.domain.stats import (
    CHART_WEEKS,
    TOP_VOLUNTEERS,
    ActiveVolunteer,
    PeriodFigures,
    period_days,
    week_starts,
)
from bot.kernel import timefmt
from bot.kernel.context import Context
from bot.kernel.wording import plural
from bot.ports.replies import Attachment, Message, Reply
from bot.ports.storage import UnitOfWork
from bot.stats import charts
from bot.stats.commands import SetListed, ShowStats

CHART_TITLE = f"Seats filled and attended, last {CHART_WEEKS} weeks"


async def show_stats(cmd: ShowStats, ctx: Context) -> Reply:
    """The campaign's numbers for 7, 30 or 90 days or all time, with the chart (organizers)."""
    ctx.require_organizer("see the campaign's numbers")
    days = period_days(cmd.period)
    zone = ZoneInfo(ctx.campaign.timezone)
    length = timedelta(days=days) if days is not None else None
    lines = await period_lines(ctx.uow, ctx.campaign, ctx.now, length, zone)
    return Message("\n".join(lines), files=(await chart(ctx.uow, ctx.campaign, ctx.now),))


async def period_lines(
    uow: UnitOfWork,
    campaign: Campaign,
    now: datetime,
    length: timedelta | None,
    zone: ZoneInfo,
) -> list[str]:
    """The figures of the `length` before `now` (None: all time), each with its change."""
    start = now - length if length is not None else None
    figures = await uow.stats.period(campaign.id, start, now, now=now, most_active=TOP_VOLUNTEERS)
    before = None
    if length is not None and start is not None:
        before = await uow.stats.period(campaign.id, start - length, start, now=now)
    if start is None:
        heading = "📊 All time"
    else:
        heading = (
            f"📊 The last {plural(length.days, 'day') if length else ''} "
            f"({timefmt.day(start, zone)} to {timefmt.day(now, zone)}), "
            "with the change against the period before"
        )
    return [f"{heading}:", *figure_lines(figures, before), _active_line(figures.most_active)]


def figure_lines(now: PeriodFigures, before: PeriodFigures | None) -> list[str]:
    """One line per group of figures; `before` None (all time) shows no changes."""

    def count(attr: str) -> str:
        value: int = getattr(now, attr)
        shown = f"{value:,}"
        if before is None:
            return shown
        change = value - int(getattr(before, attr))
        return f"{shown} ({'no change' if not change else f'{change:+,}'})"

    def rate(attr: str) -> str:
        value: float | None = getattr(now, attr)
        shown = _percent(value)
        if before is None:
            return shown
        was: float | None = getattr(before, attr)
        if value is None or was is None:
            return f"{shown} (was {_percent(was)})"
        points = round(100 * value) - round(100 * was)
        return f"{shown} ({'no change' if not points else f'{points:+} points'})"

    wait = _wait(now.median_contact_seconds)
    if before is not None:
        wait += f" (was {_wait(before.median_contact_seconds)})"
    return [
        f"• Shifts held: {count('shifts_held')}; cancelled: {count('shifts_cancelled')}",
        f"• Seats offered: {count('seats_offered')}; filled: {count('seats_filled')}; "
        f"fill rate {rate('fill_rate')}",
        f"• “I'll be there”: {rate('reconfirm_rate')} of the seats filled",
        f"• Show rate (attended of those confirmed at the start): {rate('show_rate')}; "
        f"attended: {count('attended')}; no-shows: {count('no_shows')}; "
        f"couldn't make it: {count('couldnt_make_it')}; no word yet: {count('no_word')}",
        f"• Calls reported: {count('calls')}; conversations: {count('conversations')}",
        f"• New volunteers: {count('new_volunteers')}; contacted: {count('contacted')}; "
        f"median time to a first contact: {wait}",
        f"• Waiting for a first contact now: {now.waiting_now:,}",
        f"• Tasks done: {count('tasks_done')}",
    ]


def _percent(value: float | None) -> str:
    return f"{round(100 * value)}%" if value is not None else "none yet"


def _wait(seconds: float | None) -> str:
    return timefmt.span(timedelta(seconds=seconds)) if seconds is not None else "nobody yet"


def _active_line(people: Sequence[ActiveVolunteer]) -> str:
    if not people:
        return "• Most active: nobody attended a shift in this period."
    named = [
        f"{p.name} (#{p.number}) {plural(p.shifts, 'shift')}, {plural(p.calls, 'call')}"
        for p in people
    ]
    return "• Most active: " + "; ".join(named)


async def chart(uow: UnitOfWork, campaign: Campaign, now: datetime) -> Attachment:
    """The last 12 weeks (Mondays in the campaign's zone) as a PNG attachment."""
    zone = ZoneInfo(campaign.timezone)
    weeks = await uow.stats.weeks(campaign.id, week_starts(now, zone), now)
    png = charts.weekly_chart(weeks, zone, title=CHART_TITLE)
    return Attachment("turnout-weekly.png", png, "image/png", title=CHART_TITLE)


async def set_listed(cmd: SetListed, ctx: Context) -> Reply:
    """`/volunteer listed on|off`: whether I may be named among the most active volunteers."""
    choice = cmd.choice.strip().lower()
    if choice not in ("on", "off"):
        raise UserError(
            "Type `/volunteer listed off` to be left off the most-active list, or "
            "`/volunteer listed on` to be shown on it again."
        )
    await ctx.uow.stats.set_listed(ctx.volunteer.id, choice == "on")
    if choice == "on":
        return Message("OK: organizers may see your name among the most active volunteers.")
    return Message(
        "OK: your name is left off the most-active list; your shifts still count, anonymously."
    )
