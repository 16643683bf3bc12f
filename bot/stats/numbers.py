"""`/turnout stats`: a period's numbers against the period before, with the weekly chart.

Every figure is counted by storage in aggregate queries (`uow.stats`); this module only
compares and words them. The digest (bot/stats/digest.py) says the same, weekly.
"""

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.campaign import Campaign
from bot.domain.errors import UserError
from bot.domain.kinds import PHONE_BANK, kind_of
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
from bot.kernel.i18n import _
from bot.kernel.places import label
from bot.kernel.wording import plural
from bot.ports.replies import Attachment, Message, Reply
from bot.ports.storage import UnitOfWork
from bot.stats import charts
from bot.stats.commands import SetListed, ShowStats


async def show_stats(cmd: ShowStats, ctx: Context) -> Reply:
    """The campaign's numbers for 7, 30 or 90 days or all time, with the chart (organizers)."""
    ctx.require_organizer(_("see the campaign's numbers"))
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
        heading = _("📊 All time")
    else:
        heading = _(
            "📊 The last {value} ({day} to {day2}), with the change against the period before",
            value=plural(length.days, "day") if length else "",
            day=timefmt.day(start, zone),
            day2=timefmt.day(now, zone),
        )
    lines = [f"{heading}:", *figure_lines(figures, before), _active_line(figures.most_active)]
    return lines + await by_team(uow, campaign, start, now)


async def by_team(
    uow: UnitOfWork, campaign: Campaign, start: datetime | None, now: datetime
) -> list[str]:
    """Each team's share, where people of several teams took part (linked teams)."""
    shares = await uow.links.team_figures(campaign.id, start, now, now)
    if len(shares) < 2:
        return []
    return [_("• By team:")] + [
        _(
            "  – {team}: seats filled {filled}, attended {attended}, calls {calls}, "
            "new volunteers {new}",
            team=share.team or _("former volunteers"),
            filled=share.seats_filled,
            attended=share.attended,
            calls=share.calls,
            new=share.new_volunteers,
        )
        for share in shares
    ]


def _counter(now: PeriodFigures, before: PeriodFigures | None) -> Callable[[str], str]:
    """A figure as shown: `12 (+3)` against the period before, or just `12` (all time)."""

    def count(attr: str) -> str:
        value: int = getattr(now, attr)
        shown = f"{value:,}"
        if before is None:
            return shown
        change = value - int(getattr(before, attr))
        if not change:
            return _("{shown} (no change)", shown=shown)
        return f"{shown} ({change:+,})"

    return count


def _rater(now: PeriodFigures, before: PeriodFigures | None) -> Callable[[str], str]:
    """A rate as shown: `80% (+5 points)` against the period before, or just `80%`."""

    def rate(attr: str) -> str:
        value: float | None = getattr(now, attr)
        shown = _percent(value)
        if before is None:
            return shown
        was: float | None = getattr(before, attr)
        if value is None or was is None:
            return _("{shown} (was {percent})", shown=shown, percent=_percent(was))
        points = round(100 * value) - round(100 * was)
        if not points:
            return _("{shown} (no change)", shown=shown)
        return _("{shown} ({points:+} points)", shown=shown, points=points)

    return rate


def figure_lines(now: PeriodFigures, before: PeriodFigures | None) -> list[str]:
    """One line per group of figures; `before` None (all time) shows no changes."""
    count, rate = _counter(now, before), _rater(now, before)
    wait = _wait(now.median_contact_seconds)
    if before is not None:
        wait = _("{wait} (was {before})", wait=wait, before=_wait(before.median_contact_seconds))
    return [
        _(
            "• Shifts held: {held}; cancelled: {cancelled}",
            held=count("shifts_held"),
            cancelled=count("shifts_cancelled"),
        ),
        _(
            "• Seats offered: {offered}; filled: {filled}; fill rate {rate}",
            offered=count("seats_offered"),
            filled=count("seats_filled"),
            rate=rate("fill_rate"),
        ),
        _("• “I'll be there”: {rate} of the seats filled", rate=rate("reconfirm_rate")),
        _(
            "• Show rate (attended of those confirmed at the start): {rate}; "
            "attended: {attended}; no-shows: {no_shows}; couldn't make it: {missed}; "
            "no word yet: {no_word}",
            rate=rate("show_rate"),
            attended=count("attended"),
            no_shows=count("no_shows"),
            missed=count("couldnt_make_it"),
            no_word=count("no_word"),
        ),
        *kind_lines(now, calls=count("calls"), conversations=count("conversations")),
        _(
            "• New volunteers: {new}; contacted: {contacted}; median time to a "
            "first contact: {wait}",
            new=count("new_volunteers"),
            contacted=count("contacted"),
            wait=wait,
        ),
        _("• Waiting for a first contact now: {waiting:,}", waiting=now.waiting_now),
        _("• Tasks done: {done}", done=count("tasks_done")),
    ]


def kind_lines(figures: PeriodFigures, *, calls: str, conversations: str) -> list[str]:
    """The debriefs' counts: phone banks' calls as they always read when only phone banks
    were held, else one line per kind held with its own totals ("Doors knocked: 40")."""
    if all(k.kind == PHONE_BANK.id for k in figures.by_kind):
        return [
            _(
                "• Calls reported: {calls}; conversations: {conversations}",
                calls=calls,
                conversations=conversations,
            )
        ]
    lines = []
    for held in figures.by_kind:
        kind = kind_of(held.kind)
        if kind.counts is None:
            lines.append(
                _(
                    "• {kind}: {shifts} held, {attended} attended",
                    kind=label(kind),
                    shifts=plural(held.shifts_held, "shift"),
                    attended=held.attended,
                )
            )
        else:
            lines.append(
                _(
                    "• {kind}: {shifts} held, {attended} attended; {first}: {count:,}; "
                    "{second}: {count2:,}",
                    kind=label(kind),
                    shifts=plural(held.shifts_held, "shift"),
                    attended=held.attended,
                    first=_(kind.counts.first),
                    count=held.first,
                    second=_(kind.counts.second),
                    count2=held.second,
                )
            )
    return lines


def _percent(value: float | None) -> str:
    return f"{round(100 * value)}%" if value is not None else _("none yet")


def _wait(seconds: float | None) -> str:
    return timefmt.span(timedelta(seconds=seconds)) if seconds is not None else _("nobody yet")


def _active_line(people: Sequence[ActiveVolunteer]) -> str:
    if not people:
        return _("• Most active: nobody attended a shift in this period.")
    named = [
        f"{p.name} (#{p.number}) {plural(p.shifts, 'shift')}, {plural(p.calls, 'call')}"
        for p in people
    ]
    return _("• Most active: ") + "; ".join(named)


async def chart(uow: UnitOfWork, campaign: Campaign, now: datetime) -> Attachment:
    """The last 12 weeks (Mondays in the campaign's zone) as a PNG attachment."""
    zone = ZoneInfo(campaign.timezone)
    weeks = await uow.stats.weeks(campaign.id, week_starts(now, zone), now)
    title = _("Seats filled and attended, last {weeks} weeks", weeks=CHART_WEEKS)
    png = charts.weekly_chart(weeks, zone, title=title)
    return Attachment("turnout-weekly.png", png, "image/png", title=title)


async def set_listed(cmd: SetListed, ctx: Context) -> Reply:
    """`/volunteer listed on|off`: whether I may be named among the most active volunteers."""
    choice = cmd.choice.strip().lower()
    if choice not in ("on", "off"):
        raise UserError(
            _(
                "Type `/volunteer listed off` to be left off the most-active list, or "
                "`/volunteer listed on` to be shown on it again."
            )
        )
    await ctx.uow.stats.set_listed(ctx.volunteer.id, choice == "on")
    if choice == "on":
        return Message(_("OK: organizers may see your name among the most active volunteers."))
    return Message(
        _("OK: your name is left off the most-active list; your shifts still count, anonymously.")
    )
