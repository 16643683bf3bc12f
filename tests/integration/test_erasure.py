"""forget-me leaves none of the person's strings: in no table, no free page, no WAL."""

import sqlite3
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert, select

from bot.domain.attendance import Attendance
from bot.volunteers.forms import ONBOARDING
from storage.tables import notices
from tests.conftest import Database, Harness
from tests.fakes import text_of

NAME = "Zebulon Quixote"
ZIP = "Xanadu County 98765"


def _rows(db: Path) -> str:
    """Every value of every table, as text."""
    with sqlite3.connect(db) as connection:
        names = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return "\n".join(
            repr(row) for n in names for row in connection.execute(f'SELECT * FROM "{n}"')
        )


def _files(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))


async def test_forget_me_scrubs_every_table_and_the_database_file(
    harness: Harness, database: Database
) -> None:
    harness.organizers.add(NAME)
    h = harness
    await h.say("Olivia", '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 5')
    await h.bot.turnout.welcome(h.actor(NAME))
    await h.submit(
        NAME, ONBOARDING, interests=("phone_banking",), availability="weekends", location=ZIP
    )
    await h.reply("Maria", "/phonebank join 1")
    # A debrief note in their own words, on a sign-up of theirs.
    await h.reply(NAME, "/phonebank join 1")
    async with h.storage.unit_of_work() as uow:
        zeb = (await uow.volunteers.find(1, NAME))[0]
        shift = await uow.shifts.by_number(1, 1)
        assert shift is not None
        signup = await uow.signups.active(shift.id, zeb.id)
        assert signup is not None
        await uow.attendance.save(
            Attendance(signup.id).made_it(3, 1, f"{NAME} of {ZIP} says hi", h.clock.now())
        )
        await uow.commit()
    # Announcements queued (not yet sent) carry who sent them.
    await h.reply(NAME, "/phonebank announce 1 Bring a charger")

    # One queued by an older Turnout, which kept the sender's name in the payload.
    async with h.storage.unit_of_work() as uow:
        await uow.connection.execute(
            insert(notices).values(
                campaign_id=1,
                kind="announcement",
                payload={"text": "Old", "from": NAME},
                due_at=h.clock.now() + timedelta(days=400),
                state="pending",
                attempts=0,
            )
        )
        await uow.commit()

    erased = await h.reply(NAME, "/volunteer forget-me confirm")
    await h.deliver()

    assert "erased" in text_of(erased)
    [announcement] = [t for t in h.messenger.texts("maria") if "📣" in t]
    assert announcement.startswith("📣 An organizer about “Saturday calls”")
    assert NAME not in announcement
    async with h.storage.unit_of_work() as uow:
        payloads = (await uow.connection.execute(select(notices.c.payload))).scalars().all()
    assert NAME not in repr(payloads)
    if database.kind == "sqlite":
        db = Path(database.url.removeprefix("sqlite:///"))
        stored = _rows(db)
        assert NAME not in stored and NAME.lower() not in stored and ZIP not in stored
        raw = _files(db)
        assert NAME.encode() not in raw and ZIP.encode() not in raw
