"""Seed a national campaign's final week straight into the tables, fast.

100,000 volunteers, 20,000 shifts, 100,000 confirmed sign-ups and 200,000 pending reminders
at full scale; `scale` shrinks everything proportionally for quick runs.
"""

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from storage import SqlStorage
from storage import tables as t

CHUNK = 5_000
NOW = datetime(2026, 10, 26, 12, 0, tzinfo=UTC)


async def seed_national_campaign(storage: SqlStorage, *, scale: float = 1.0) -> dict[str, int]:
    volunteers = int(100_000 * scale)
    shifts = max(1, int(20_000 * scale))
    signups = int(100_000 * scale)
    async with storage.engine.begin() as conn:
        await conn.execute(
            insert(t.campaigns).values(
                id=1, name="National", timezone="America/New_York",
                reminder_offsets=(timedelta(hours=24), timedelta(hours=1)),
                contact_within_minutes=timedelta(hours=48), created_at=NOW,
            )
        )
        await conn.execute(
            insert(t.teams).values(id=1, platform="console", external_id="console", campaign_id=1)
        )
        await _chunked(conn, t.volunteers, (
            {"id": i, "campaign_id": 1, "number": i, "display_name": f"Volunteer {i}",
             "name_key": f"volunteer {i}", "joined_at": NOW, "contacted_at": NOW}
            for i in range(1, volunteers + 1)
        ))
        await _chunked(conn, t.identities, (
            {"id": i, "platform": "console", "team_external_id": "console",
             "user_external_id": f"volunteer {i}", "volunteer_id": i, "last_seen_at": NOW}
            for i in range(1, volunteers + 1)
        ))
        await _chunked(conn, t.phone_banks, (
            {"id": i, "campaign_id": 1, "title": f"Phone bank {i}", "link": None,
             "created_by": 1, "created_at": NOW}
            for i in range(1, shifts + 1)
        ))
        # Shifts spread over the next week, one every half minute or so.
        starts = [NOW + timedelta(days=2) + timedelta(seconds=30 * i) for i in range(shifts)]
        await _chunked(conn, t.shifts, (
            {"id": i + 1, "campaign_id": 1, "phone_bank_id": i + 1, "number": i + 1,
             "starts_at": starts[i], "ends_at": starts[i] + timedelta(hours=2),
             "capacity": 10, "status": "scheduled"}
            for i in range(shifts)
        ))
        await _chunked(conn, t.signups, (
            {"id": i + 1, "shift_id": i % shifts + 1, "volunteer_id": i % volunteers + 1,
             "status": "confirmed", "created_at": NOW, "updated_at": NOW}
            for i in range(signups)
        ))
        await _chunked(conn, t.notices, (
            {"campaign_id": 1, "kind": "shift_reminder", "volunteer_id": i % volunteers + 1,
             "shift_id": i % shifts + 1, "signup_id": i + 1, "payload": {"offset_minutes": m},
             "due_at": starts[i % shifts] - timedelta(minutes=m), "state": "pending",
             "attempts": 0}
            for i in range(signups)
            for m in (24 * 60, 60)
        ))
        for name, value in (("volunteer", volunteers), ("shift", shifts)):
            await conn.execute(insert(t.counters).values(campaign_id=1, name=name, value=value))
    return {"volunteers": volunteers, "shifts": shifts, "signups": signups,
            "pending_reminders": 2 * signups}


async def _chunked(conn, table, rows) -> None:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            await conn.execute(insert(table), batch)
            batch = []
    if batch:
        await conn.execute(insert(table), batch)
