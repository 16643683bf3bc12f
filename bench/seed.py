"""Seed a national campaign's final week straight into the tables, fast.

100,000 volunteers, 20,000 shifts, 100,000 confirmed sign-ups and 200,000 pending reminders
at full scale; `scale` shrinks everything proportionally for quick runs.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.app.bootstrap import Bot, bootstrap
from bot.app.clock import ManualClock
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from storage import SqlStorage
from storage import tables as t
from tests.fakes import RecordingMessenger

CHUNK = 5_000
NOW = datetime(2026, 10, 26, 12, 0, tzinfo=UTC)


# The national campaign's organizer, typing in the console.
ORGANIZER = Actor(Identity("console", "console", "organizer"), "Olivia", True)


def national_bot(storage: SqlStorage) -> Bot:
    """The bot over a seeded national campaign: the console only, its clock still at NOW."""
    return bootstrap(
        storage=storage,
        messengers=[RecordingMessenger("console")],
        clock=ManualClock(NOW, running=False),
        defaults=CampaignDefaults(timezone="America/New_York"),
    )


async def seed_national_campaign(storage: SqlStorage, *, scale: float = 1.0) -> dict[str, int]:
    volunteers = int(100_000 * scale)
    shifts = max(1, int(20_000 * scale))
    signups = int(100_000 * scale)
    async with storage.engine.begin() as conn:
        await _campaign_with_volunteers(
            conn, volunteers, platform="console", team="console", user=lambda i: f"volunteer {i}"
        )
        await _chunked(
            conn,
            t.phone_banks,
            (
                {
                    "id": i,
                    "campaign_id": 1,
                    "title": f"Phone bank {i}",
                    "link": None,
                    "created_by": 1,
                    "created_at": NOW,
                }
                for i in range(1, shifts + 1)
            ),
        )
        # Shifts spread over the next week, one every half minute or so.
        starts = [NOW + timedelta(days=2) + timedelta(seconds=30 * i) for i in range(shifts)]
        await _chunked(
            conn,
            t.shifts,
            (
                {
                    "id": i + 1,
                    "campaign_id": 1,
                    "phone_bank_id": i + 1,
                    "number": i + 1,
                    "starts_at": starts[i],
                    "ends_at": starts[i] + timedelta(hours=2),
                    "capacity": 10,
                    "status": "scheduled",
                }
                for i in range(shifts)
            ),
        )
        await _chunked(
            conn,
            t.signups,
            (
                {
                    "id": i + 1,
                    "shift_id": i % shifts + 1,
                    "volunteer_id": i % volunteers + 1,
                    "status": "confirmed",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for i in range(signups)
            ),
        )
        await _chunked(
            conn,
            t.notices,
            (
                {
                    "campaign_id": 1,
                    "kind": "shift_reminder",
                    "volunteer_id": i % volunteers + 1,
                    "shift_id": i % shifts + 1,
                    "signup_id": i + 1,
                    "payload": {"offset_minutes": m},
                    "due_at": starts[i % shifts] - timedelta(minutes=m),
                    "state": "pending",
                    "attempts": 0,
                }
                for i in range(signups)
                for m in (24 * 60, 60)
            ),
        )
        for name, value in (("volunteer", volunteers), ("shift", shifts)):
            await conn.execute(insert(t.counters).values(campaign_id=1, name=name, value=value))
    return {
        "volunteers": volunteers,
        "shifts": shifts,
        "signups": signups,
        "pending_reminders": 2 * signups,
    }


async def seed_due_reminders(
    storage: SqlStorage,
    count: int,
    *,
    platform: str,
    team: str,
    now: datetime,
    campaign: int = 1,
    first: int = 1,
) -> None:
    """`count` volunteers on `platform`, each with one shift reminder due at `now`.

    Volunteer i is user `U{i:07d}`; ten of them share each shift, which starts in an hour.
    Several campaigns (one team each) fit in one database: give each its own `campaign` id
    and a `first` row id (one more than a multiple of ten) past the previous one's rows.
    """
    base = first - 1
    shift_base = base // 10
    shifts = (count + 9) // 10
    starts = now + timedelta(minutes=59)
    async with storage.engine.begin() as conn:
        await _campaign_with_volunteers(
            conn,
            count,
            platform=platform,
            team=team,
            user=lambda i: f"U{i:07d}",
            campaign=campaign,
            base=base,
        )
        await _chunked(
            conn,
            t.phone_banks,
            (
                {
                    "id": shift_base + i,
                    "campaign_id": campaign,
                    "title": f"Calls {i}",
                    "link": None,
                    "created_by": base + 1,
                    "created_at": now,
                }
                for i in range(1, shifts + 1)
            ),
        )
        await _chunked(
            conn,
            t.shifts,
            (
                {
                    "id": shift_base + i,
                    "campaign_id": campaign,
                    "phone_bank_id": shift_base + i,
                    "number": i,
                    "starts_at": starts,
                    "ends_at": starts + timedelta(hours=2),
                    "capacity": 10,
                    "status": "scheduled",
                }
                for i in range(1, shifts + 1)
            ),
        )
        await _chunked(
            conn,
            t.signups,
            (
                {
                    "id": base + i,
                    "shift_id": shift_base + (i - 1) // 10 + 1,
                    "volunteer_id": base + i,
                    "status": "confirmed",
                    "created_at": now,
                    "updated_at": now,
                }
                for i in range(1, count + 1)
            ),
        )
        await _chunked(
            conn,
            t.notices,
            (
                {
                    "campaign_id": campaign,
                    "kind": "shift_reminder",
                    "volunteer_id": base + i,
                    "shift_id": shift_base + (i - 1) // 10 + 1,
                    "signup_id": base + i,
                    "payload": {"offset_minutes": 60},
                    "due_at": starts - timedelta(minutes=60),
                    "state": "pending",
                    "attempts": 0,
                }
                for i in range(1, count + 1)
            ),
        )
        for name, value in (("volunteer", count), ("shift", shifts)):
            await conn.execute(
                insert(t.counters).values(campaign_id=campaign, name=name, value=value)
            )


async def _campaign_with_volunteers(
    conn: AsyncConnection,
    count: int,
    *,
    platform: str,
    team: str,
    user: Callable[[int], str],
    campaign: int = 1,
    base: int = 0,
) -> None:
    await conn.execute(
        insert(t.campaigns).values(
            id=campaign,
            name="National",
            timezone="America/New_York",
            reminder_offsets=(timedelta(hours=24), timedelta(hours=1)),
            contact_within_minutes=timedelta(hours=48),
            created_at=NOW,
        )
    )
    await conn.execute(
        insert(t.teams).values(
            id=campaign, platform=platform, external_id=team, campaign_id=campaign
        )
    )
    await _chunked(
        conn,
        t.volunteers,
        (
            {
                "id": base + i,
                "campaign_id": campaign,
                "number": i,
                "display_name": f"Volunteer {i}",
                "name_key": f"volunteer {i}",
                "joined_at": NOW,
                "contacted_at": NOW,
            }
            for i in range(1, count + 1)
        ),
    )
    await _chunked(
        conn,
        t.identities,
        (
            {
                "id": base + i,
                "platform": platform,
                "team_external_id": team,
                "user_external_id": user(i),
                "volunteer_id": base + i,
                "last_seen_at": NOW,
            }
            for i in range(1, count + 1)
        ),
    )


async def _chunked(conn: AsyncConnection, table: Table, rows: Iterable[dict[str, Any]]) -> None:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            await conn.execute(insert(table), batch)
            batch = []
    if batch:
        await conn.execute(insert(table), batch)
