"""forget-me reaches every table that points at a volunteer: which tables those are is derived
from the metadata, each needs an erase rule, and forget() alone leaves no row a rule forbids."""

from datetime import timedelta

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    and_,
    func,
    insert,
    or_,
    select,
    update,
)

from bot.domain.signup import SignupStatus
from storage import SqlStorage, SqlUnitOfWork
from storage.erasure import ERASE, Clear, Delete, Keep, Null, Rule, Scrub, names
from storage.tables import (
    attendance,
    bookings,
    calendar_entries,
    calendar_feeds,
    desk_links,
    desk_sessions,
    exports,
    metadata,
    notices,
    proposals,
    qualifications,
    seat_offers,
    series,
    shifts,
    standing_signups,
    stats_opt_outs,
    volunteers,
)
from storage.tables.meta import PERSONAL, personal
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held

NAME = "Zebulon Quixote"
# Keys to these name a volunteer: their own row, or one of their sign-ups.
PERSON_KEYS = {("volunteers", "id"), ("signups", "id")}


def pointing(table: Table) -> list[Column]:
    """The table's columns that point at a volunteer: a key to one (or to a sign-up of
    theirs), or a column marked personal."""
    return [
        column
        for column in table.columns
        if PERSONAL in column.info
        or any((k.column.table.name, k.column.name) in PERSON_KEYS for k in column.foreign_keys)
    ]


def covered(rule: Rule) -> set[str]:
    """The columns a rule decides for: all of them when it deletes the rows."""
    match rule:
        case Delete(by=by):
            return {column.name for column in by[0].table.columns}
        case Clear(by=by, columns=columns, stamp=stamp):
            stamped = [] if stamp is None else [stamp.name]
            return {by.name, *(column.name for column in columns), *stamped}
        case Null(column=column) | Scrub(column=column) | Keep(column=column):
            return {column.name}


def unruled(schema: MetaData) -> list[str]:
    """Every column of `schema` pointing at a volunteer that no erase rule decides for."""
    rules = {table.name: rules for table, rules in ERASE.items()}
    return [
        f"{table.name}.{column.name}"
        for table in schema.sorted_tables
        for column in pointing(table)
        if not any(column.name in covered(rule) for rule in rules.get(table.name, ()))
    ]


def test_every_table_pointing_at_a_volunteer_has_an_erase_rule() -> None:
    assert pointing(volunteers) and pointing(attendance) and pointing(notices)
    assert unruled(metadata) == []


def test_a_table_pointing_at_a_volunteer_without_a_rule_is_caught() -> None:
    scratch = MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(scratch)
    Table(
        "scratch_thanks",
        scratch,
        Column("id", Integer, primary_key=True),
        Column("from_id", Integer, ForeignKey("volunteers.id")),
        Column("signup_id", Integer, ForeignKey("signups.id")),
        Column("words", Text, info=personal("their own words")),
        Column("shift_id", Integer, ForeignKey("shifts.id")),
    )
    scratch.tables["volunteers"].append_column(
        Column("nickname", Text, info=personal("their name"))
    )

    assert set(unruled(scratch)) - set(unruled(metadata)) == {
        "volunteers.nickname",
        "scratch_thanks.from_id",
        "scratch_thanks.signup_id",
        "scratch_thanks.words",
    }


def test_each_rule_names_only_its_own_table_and_reaches_a_person() -> None:
    for table, rules in ERASE.items():
        assert rules, table.name
        for rule in rules:
            match rule:
                case Delete(by=by):
                    reached = by
                case Clear(by=by, columns=columns):
                    reached = (by,)
                    assert all(c.table is table for c in columns), table.name
                case Null(column=column) | Keep(column=column):
                    reached = (column,)
                case Scrub(column=column):
                    reached = ()
                    assert column.table is table
            for column in reached:
                assert column.table is table, (table.name, column)
                names(column, [1])  # raises for a column that names no volunteer


def left(rule: Rule, person: int) -> Select | None:
    """How many rows still hold what `rule` takes from `person` (None: nothing to count)."""
    match rule:
        case Delete(by=by):
            where = or_(*(names(column, [person]) for column in by))
        case Null(column=column):
            where = names(column, [person])
        case Clear(by=by, columns=columns):
            where = and_(names(by, [person]), or_(*(c.is_not(None) for c in columns)))
        case Scrub() | Keep():
            return None
    return select(func.count()).select_from(_table_of(rule)).where(where)


def _table_of(rule: Rule) -> Table:
    match rule:
        case Delete(by=by):
            return by[0].table
        case Clear(by=column) | Null(column=column) | Scrub(column=column) | Keep(column=column):
            return column.table


async def a_person_everywhere(uow: SqlUnitOfWork) -> int:
    """A volunteer with a row in every table a rule changes; returns their id."""
    db = uow.connection
    team = await a_team(uow)
    campaign = team.campaign_id
    olivia = await a_volunteer(uow, campaign, "Olivia")
    zeb = await a_volunteer(uow, campaign, NAME)
    await db.execute(
        update(volunteers)
        .where(volunteers.c.id == zeb.id)
        .values(
            timezone="Europe/Paris",
            platform_timezone="Europe/Paris",
            language="es",
            platform_language="es",
            reminder_offsets=(timedelta(hours=2),),
            interests="phone_banking",
            availability="weekends",
            location="Xanadu County",
            follow_up_due_at=NOW + timedelta(days=1),
        )
    )
    shift = await a_shift(uow, campaign, olivia.id)
    await db.execute(update(shifts).where(shifts.c.id == shift.id).values(host_id=zeb.id))
    signup = await uow.signups.add(await held(uow, shift), zeb.id, SignupStatus.CONFIRMED, NOW)
    later = NOW + timedelta(days=7)
    rows: dict[Table, dict[str, object]] = {
        attendance: {"signup_id": signup.id, "notes": f"{NAME} says hi", "marked_by": olivia.id},
        notices: {
            "campaign_id": campaign, "kind": "announcement", "volunteer_id": zeb.id,
            "signup_id": signup.id, "payload": {"text": "Hi", "from": NAME}, "due_at": NOW,
            "state": "failed", "attempts": 1, "last_error": f"no DM to {NAME}",
        },
        bookings: {
            "campaign_id": campaign, "shift_id": shift.id, "volunteer_id": olivia.id,
            "by_id": zeb.id, "action": "added", "at": NOW,
        },
        series: {
            "id": 1, "campaign_id": campaign, "rule": "FREQ=WEEKLY", "timezone": "UTC",
            "first_local": "2026-11-03T18:00:00", "title": "Tuesday calls", "capacity": 5,
            "length_minutes": 120, "created_by": olivia.id, "created_through": later,
        },
        standing_signups: {"series_id": 1, "volunteer_id": zeb.id, "since": NOW},
        proposals: {
            "campaign_id": campaign, "proposer_id": zeb.id, "title": f"{NAME}'s calls",
            "starts_at": later, "ends_at": later + timedelta(hours=2), "capacity": 4,
            "status": "pending", "created_at": NOW,
        },
        seat_offers: {
            "signup_id": signup.id, "shift_id": shift.id, "offered_at": NOW,
            "expires_at": later,
        },
        calendar_feeds: {"volunteer_id": zeb.id, "key": "k", "created_at": NOW},
        calendar_entries: {"signup_id": signup.id, "fingerprint": "f", "sequence": 1},
        desk_links: {
            "token_hash": "h", "volunteer_id": zeb.id, "created_at": NOW, "expires_at": later,
        },
        desk_sessions: {
            "session_hash": "s", "volunteer_id": zeb.id, "csrf": "c", "created_at": NOW,
            "expires_at": later,
        },
        stats_opt_outs: {"volunteer_id": zeb.id},
        exports: {
            "campaign_id": campaign, "exporter_id": zeb.id, "kind": "roster", "period": "all",
            "rows": 3, "at": NOW,
        },
        qualifications: {
            "campaign_id": campaign, "volunteer_id": zeb.id, "name": "canvass lead",
            "by_id": olivia.id, "granted_at": NOW,
        },
    }  # fmt: skip
    for table, values in rows.items():
        await db.execute(insert(table).values(values))
    # And one Zeb granted someone else: it stays, granted by nobody named.
    await db.execute(
        insert(qualifications).values(
            campaign_id=campaign, volunteer_id=olivia.id, name="driver", by_id=zeb.id,
            granted_at=NOW,
        )
    )  # fmt: skip
    return zeb.id


async def test_forget_alone_leaves_no_row_any_rule_forbids(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        zeb = await a_person_everywhere(uow)
        await uow.commit()
    counts = [(rule, query) for rules in ERASE.values() for rule in rules
              if (query := left(rule, zeb)) is not None]  # fmt: skip
    async with storage.unit_of_work() as uow:
        before = {rule: await uow.connection.scalar(query) for rule, query in counts}
        await uow.volunteers.forget(zeb, NOW)
        after = {rule: await uow.connection.scalar(query) for rule, query in counts}
        payloads = (await uow.connection.execute(select(notices.c.payload))).scalars().all()
        forgotten = await uow.connection.scalar(
            select(volunteers.c.forgotten_at).where(volunteers.c.id == zeb)
        )
        await uow.commit()

    # Every rule had something to do here, so each is proven, not just passed over.
    assert [_table_of(rule).name for rule, n in before.items() if not n] == []
    assert [_table_of(rule).name for rule, n in after.items() if n] == []
    assert NAME not in repr(payloads)
    assert forgotten == NOW
