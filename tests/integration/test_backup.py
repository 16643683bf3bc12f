"""`turnout backup` and `turnout restore`: a backup taken while the bot has the database open
restores into an empty database with everything in it, and neither ever overwrites data."""

import sqlite3
from contextlib import closing
from pathlib import Path

from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.domain.signup import SignupStatus
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from storage import SqlStorage, open_storage
from tests.adapters.running import turnout_cli
from tests.fakes import RecordingMessenger, frozen_clock
from tests.integration.test_migrated_copies import sqlite_catalogue

OLIVIA = Actor(Identity("test", "T", "olivia"), "Olivia", is_organizer=True)
VICTOR = Actor(Identity("test", "T", "victor"), "Victor")


def turnout(cwd: Path, url: str, *args: str) -> tuple[int, list[str]]:
    code, printed = turnout_cli(cwd, url, *args)
    return code, printed.splitlines()


async def _a_campaign_with_a_signup(storage: SqlStorage) -> None:
    bot = bootstrap(
        storage=storage,
        messengers=[RecordingMessenger()],
        clock=frozen_clock(),
        defaults=CampaignDefaults(timezone="America/New_York"),
    )
    created = await bot.turnout.run_text(
        OLIVIA, '/phonebank create "Saturday calls" 2026-11-07 10:00 2h 8'
    )
    assert isinstance(created, Message) and not created.error, created
    joined = await bot.turnout.run_text(VICTOR, "/phonebank join 1")
    assert isinstance(joined, Message) and not joined.error, joined


async def _what_is_there(storage: SqlStorage) -> tuple[object, ...]:
    async with storage.unit_of_work() as uow:
        shift = await uow.shifts.by_number(1, 1)
        assert shift is not None
        roster = await uow.signups.roster(shift.id)
        due = await uow.notices.next_due_at()
    signups = [(v.display_name, s.status) for s, v in roster]
    return shift.title, shift.starts_at, shift.capacity, signups, due


async def test_a_backup_taken_while_open_restores_into_an_empty_database(tmp_path: Path) -> None:
    live = tmp_path / "turnout.db"
    storage = await open_storage(f"sqlite:///{live}")
    try:
        await _a_campaign_with_a_signup(storage)
        before = await _what_is_there(storage)

        # The bot still has the database open (WAL and all) while the backup is taken.
        status, said = turnout(tmp_path, f"sqlite:///{live}", "backup", "saved.db")
    finally:
        await storage.close()
    assert status == 0, said
    assert said == [
        f"turnout: backed up to saved.db ({(tmp_path / 'saved.db').stat().st_size:,} bytes)."
    ]

    restored = tmp_path / "elsewhere" / "restored.db"
    restored.parent.mkdir()
    status, said = turnout(tmp_path, f"sqlite:///{restored}", "restore", "saved.db")
    assert status == 0, said
    assert said == [f"turnout: restored saved.db into {restored}; the database is up to date."]

    assert sqlite_catalogue(restored) == sqlite_catalogue(live)
    reopened = await open_storage(f"sqlite:///{restored}")
    try:
        after = await _what_is_there(reopened)
    finally:
        await reopened.close()
    assert after == before
    title, _, capacity, signups, due = after
    assert (title, capacity) == ("Saturday calls", 8)
    assert signups == [("Victor", SignupStatus.CONFIRMED)]
    assert due is not None, "the pending reminder is in the restored copy"


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    live = f"sqlite:///{tmp_path / 'turnout.db'}"
    assert turnout(tmp_path, live, "migrate")[0] == 0
    (tmp_path / "saved.db").write_text("last week's backup")

    status, said = turnout(tmp_path, live, "backup", "saved.db")

    assert status == 2
    assert said == [
        "turnout: saved.db already exists and a backup never overwrites a file; give a new "
        "path, like turnout-backup-2.db."
    ]
    assert (tmp_path / "saved.db").read_text() == "last week's backup"


def test_a_restore_never_overwrites_a_database_with_data(tmp_path: Path) -> None:
    live = f"sqlite:///{tmp_path / 'turnout.db'}"
    assert turnout(tmp_path, live, "migrate")[0] == 0
    assert turnout(tmp_path, live, "backup", "saved.db")[0] == 0
    target = tmp_path / "in-use.db"
    with closing(sqlite3.connect(target)) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
        db.execute("INSERT INTO notes VALUES ('keep me')")
        db.commit()

    status, said = turnout(tmp_path, f"sqlite:///{target}", "restore", "saved.db")

    assert status == 2
    assert said == [
        f"turnout: the database at {target} already holds data and a restore never overwrites "
        "it; point DATABASE_URL at a new file, like sqlite:///turnout-restored.db."
    ]
    with closing(sqlite3.connect(target)) as db:
        assert db.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]
        assert db.execute("SELECT text FROM notes").fetchall() == [("keep me",)]


def test_a_restore_refuses_a_file_that_is_not_a_turnout_backup(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "other.db")) as db:
        db.execute("CREATE TABLE photos (name TEXT)")
        db.commit()
    (tmp_path / "notes.txt").write_text("not a database at all")
    target = tmp_path / "restored.db"

    for wrong in ("other.db", "notes.txt", "missing.db"):
        status, said = turnout(tmp_path, f"sqlite:///{target}", "restore", wrong)

        assert status == 2
        assert said == [
            f"turnout: {wrong} isn't a Turnout backup; give a file that `turnout backup` wrote."
        ]
        assert not target.exists()


def test_postgresql_backup_and_restore_spell_out_pg_dump_without_the_password(
    tmp_path: Path,
) -> None:
    url = "postgresql://turnout:s3cret-pw@db.example.org:6543/campaign"

    status, said = turnout(tmp_path, url, "backup", "nightly.dump")

    assert status == 0, said
    assert not any("s3cret-pw" in line for line in said), said
    assert said == [
        "turnout: PostgreSQL is backed up with pg_dump; run",
        "  pg_dump --format=custom --file nightly.dump "
        "postgresql://turnout@db.example.org:6543/campaign",
        "with the password in PGPASSWORD or ~/.pgpass.",
    ]
    assert not (tmp_path / "nightly.dump").exists()

    status, said = turnout(tmp_path, url, "restore", "nightly.dump")

    assert status == 0, said
    assert not any("s3cret-pw" in line for line in said), said
    assert (
        "  pg_restore --no-owner --dbname postgresql://turnout@db.example.org:6543/campaign "
        "nightly.dump"
    ) in said, said


def test_a_backup_into_a_folder_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    live = f"sqlite:///{tmp_path / 'turnout.db'}"
    assert turnout(tmp_path, live, "migrate")[0] == 0

    status, said = turnout(tmp_path, live, "backup", "no-such-folder/saved.db")

    assert status == 2
    assert len(said) == 1, said
    assert said[0].startswith("turnout: can't write no-such-folder/saved.db"), said
