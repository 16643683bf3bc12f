"""Pickers: the shifts and tasks a person may mean, by number, title and time; and time zones.

Platforms with autocomplete (Discord) offer these while people type a shift or task number
or a time zone.
Reading them changes nothing: no volunteer is created, nothing is queued.
"""

import functools
import zoneinfo
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.domain.campaign import Identity
from bot.domain.task import ClaimStatus
from bot.kernel import timefmt
from bot.kernel.context import zone_for
from bot.kernel.i18n import _
from bot.kernel.wording import plural
from bot.ports.storage import UnitOfWork

LIMIT = 25
# Upcoming shifts looked through for matches; a campaign rarely plans further ahead than this.
_SCAN = 200


class Pick(StrEnum):
    UPCOMING_SHIFTS = "shifts"
    MY_SHIFTS = "my-shifts"
    OPEN_TASKS = "tasks"
    MY_TASKS = "my-tasks"
    # Every task not finished nor cancelled, whoever holds it: what organizers edit or cancel.
    POSTED_TASKS = "posted-tasks"
    # Time zone names, not numbers: see `zones`.
    ZONES = "zones"


@dataclass(frozen=True, slots=True)
class Choice:
    number: int
    # `#3 Saturday calls · Sat Nov 28, 6:00 PM EST · 4 seats left`, at most 100 characters.
    label: str


async def choices(
    uow: UnitOfWork, identity: Identity, now: datetime, pick: Pick, typed: str
) -> list[Choice]:
    """Up to LIMIT choices whose number starts with, or whose title contains, `typed`."""
    team = await uow.campaigns.team(identity.platform, identity.team_external_id)
    if team is None:
        return []
    campaign = await uow.campaigns.get(team.campaign_id)
    volunteer = await uow.volunteers.by_identity(identity)
    zone = zone_for(volunteer, campaign)
    found: list[tuple[int, str, str]] = []
    if pick is Pick.UPCOMING_SHIFTS:
        for seats in await uow.shifts.upcoming(campaign.id, now, limit=_SCAN):
            left = (
                _("{seats_left} seats left", seats_left=seats.seats_left)
                if seats.seats_left
                else "full"
            )
            shift = seats.shift
            found.append(
                (shift.number, shift.title, f"{timefmt.when(shift.starts_at, zone)} · {left}")
            )
    elif pick is Pick.MY_SHIFTS and volunteer is not None:
        for signup, shift in await uow.signups.upcoming_for(volunteer.id, now):
            found.append(
                (
                    shift.number,
                    shift.title,
                    f"{timefmt.when(shift.starts_at, zone)} · {signup.status.value}",
                )
            )
    elif pick in (Pick.OPEN_TASKS, Pick.MY_TASKS, Pick.POSTED_TASKS):
        for board in await uow.tasks.board(campaign.id):
            task = board.task
            # Their slot, claimed or done: one slot each, so a done one is neither theirs to
            # finish nor open to them again.
            slot = await uow.tasks.slot_of(task.id, volunteer.id) if volunteer else None
            mine = slot is not None and slot.status is ClaimStatus.CLAIMED
            offered = pick is Pick.POSTED_TASKS or (
                mine if pick is Pick.MY_TASKS else not slot and board.slots_left > 0
            )
            if not offered:
                continue
            due = (
                _("due {calendar_day}", calendar_day=timefmt.calendar_day(task.due_on))
                if task.due_on
                else _("no due date")
            )
            found.append(
                (task.number, task.title, f"{due} · {plural(board.slots_left, 'slot')} open")
            )
    wanted = typed.strip().lstrip("#").casefold()
    return [
        Choice(number, _label(number, title, detail))
        for number, title, detail in found
        if not wanted or str(number).startswith(wanted) or wanted in title.casefold()
    ][:LIMIT]


def zones(typed: str) -> list[str]:
    """Up to LIMIT Area/City zone names containing `typed` (spaces match underscores)."""
    wanted = "_".join(typed.split()).casefold()
    return [zone for zone in _zone_names() if wanted in zone.casefold()][:LIMIT]


@functools.cache
def _zone_names() -> tuple[str, ...]:
    # Read once, on first use: scanning the zone database takes a moment.
    return tuple(sorted(z for z in zoneinfo.available_timezones() if "/" in z))


def _label(number: int, title: str, detail: str) -> str:
    room = 100 - len(f"#{number}  · {detail}")
    shown = title if len(title) <= room else title[: max(room - 1, 1)] + "…"
    return f"#{number} {shown} · {detail}"[:100]
