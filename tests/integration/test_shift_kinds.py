"""Kinds of shift in storage: stored with the shift, listed by kind, and the upgrade that makes
every shift made before kinds a phone bank."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Connection

from bot.domain.campaign import Counter
from bot.domain.kinds import CANVASS, PHONE_BANK, TRAINING
from bot.domain.signup import SignupStatus
from bot.domain.stats import KindFigures, KindWeek, week_starts
from storage import SqlStorage, migrate
from storage.migrate import _foreign_keys, alembic_config
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held

DAY = timedelta(days=1)


async def test_a_shift_keeps_its_kind_and_lists_filter_by_it(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        organizer = await a_volunteer(uow, team.campaign_id, "Olu")
        calls = await a_shift(uow, team.campaign_id, organizer.id)
        doors = await uow.shifts.add(
            campaign_id=team.campaign_id,
            number=await uow.campaigns.next_number(team.campaign_id, Counter.SHIFT),
            title="Saturday doors",
            link="Library, 123 Main St",
            starts_at=NOW + timedelta(days=2),
            ends_at=NOW + timedelta(days=2, hours=3),
            capacity=12,
            created_by=organizer.id,
            kind=CANVASS.id,
        )
        await uow.commit()
    async with storage.unit_of_work() as uow:
        assert (await uow.shifts.get(calls.id)).kind is PHONE_BANK
        assert (await uow.shifts.by_number(team.campaign_id, doors.number)).kind is CANVASS  # type: ignore[union-attr]
        everything = await uow.shifts.upcoming(team.campaign_id, NOW, limit=10)
        assert [s.shift.number for s in everything] == [calls.number, doors.number]
        canvasses = await uow.shifts.upcoming(team.campaign_id, NOW, limit=10, kind=CANVASS.id)
        assert [s.shift.title for s in canvasses] == ["Saturday doors"]
        assert await uow.shifts.count_upcoming(team.campaign_id, NOW, kind=CANVASS.id) == 1
        assert await uow.shifts.count_upcoming(team.campaign_id, NOW, kind=TRAINING.id) == 0
        assert await uow.shifts.count_upcoming(team.campaign_id, NOW) == 2


def _downgrade_to_0014(connection: Connection) -> None:
    from alembic import command

    command.downgrade(alembic_config(connection), "0014")


@pytest.mark.empty_database
async def test_0015_makes_every_existing_shift_a_phone_bank_keeping_its_sign_ups(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        shift = await a_shift(uow, team.campaign_id, maria.id)
        await uow.signups.add(await held(uow, shift), maria.id, SignupStatus.CONFIRMED, NOW)
        await uow.commit()
    # Back to before kinds, with a sign-up on the shift (SQLite rebuilds the table to drop
    # the column, which its foreign keys would refuse).
    async with storage.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            await connection.run_sync(_foreign_keys, "OFF")
        async with connection.begin():
            await connection.run_sync(_downgrade_to_0014)
        if connection.dialect.name == "sqlite":
            await connection.run_sync(_foreign_keys, "ON")

    await migrate(storage.engine)

    async with storage.unit_of_work() as uow:
        kept = await uow.shifts.get(shift.id)
        assert kept.kind is PHONE_BANK
        assert (kept.title, kept.link, kept.capacity) == (shift.title, shift.link, shift.capacity)
        roster = await uow.signups.roster(shift.id)
        assert [(s.status, v.name) for s, v in roster] == [(SignupStatus.CONFIRMED, "Maria")]


async def test_each_kind_s_figures_are_counted_apart(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        olu = await a_volunteer(uow, team.campaign_id, "Olu")
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        calls = await a_shift(uow, team.campaign_id, olu.id, starts_in=-timedelta(days=2))
        doors = await uow.shifts.add(
            campaign_id=team.campaign_id,
            number=await uow.campaigns.next_number(team.campaign_id, Counter.SHIFT),
            title="Saturday doors",
            link="Library, 123 Main St",
            starts_at=NOW - timedelta(days=1),
            ends_at=NOW - timedelta(days=1) + timedelta(hours=3),
            capacity=12,
            created_by=olu.id,
            kind=CANVASS.id,
        )
        training = await uow.shifts.add(
            campaign_id=team.campaign_id,
            number=await uow.campaigns.next_number(team.campaign_id, Counter.SHIFT),
            title="Training",
            link=None,
            starts_at=NOW - timedelta(days=3),
            ends_at=NOW - timedelta(days=3) + timedelta(hours=1),
            capacity=12,
            created_by=olu.id,
            kind=TRAINING.id,
        )
        for shift, first, second in ((calls, 30, 5), (doors, 40, 12)):
            signup = await uow.signups.add(
                await held(uow, shift), maria.id, SignupStatus.CONFIRMED, NOW - timedelta(days=5)
            )
            record = await uow.attendance.get(signup.id)
            await uow.attendance.save(record.made_it(first, second, None, NOW))
        # A training nobody signed up for is held all the same, with nobody attending.
        await uow.commit()
    async with storage.unit_of_work() as uow:
        figures = await uow.stats.period(team.campaign_id, NOW - timedelta(days=7), NOW, now=NOW)

    assert figures.by_kind == (
        KindFigures("phonebank", 1, 1, 30, 5),
        KindFigures("canvass", 1, 1, 40, 12),
        KindFigures("training", 1, 0, 0, 0),
    )
    assert training.kind is TRAINING


async def test_each_week_of_the_chart_splits_its_seats_by_kind(storage: SqlStorage) -> None:
    zone = ZoneInfo("America/New_York")
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        organizer = await a_volunteer(uow, team.campaign_id, "Olu")
        calls = await a_shift(uow, team.campaign_id, organizer.id, starts_in=-3 * DAY)
        doors = await uow.shifts.add(
            campaign_id=team.campaign_id,
            number=await uow.campaigns.next_number(team.campaign_id, Counter.SHIFT),
            title="Saturday doors",
            link="Library, 123 Main St",
            starts_at=NOW - 2 * DAY,
            ends_at=NOW - 2 * DAY + timedelta(hours=3),
            capacity=12,
            created_by=organizer.id,
            kind=CANVASS.id,
        )
        people = [await a_volunteer(uow, team.campaign_id, f"V{n}") for n in range(3)]
        for shift, seated in ((calls, people[:1]), (doors, people)):
            for person in seated:
                signup = await uow.signups.add(
                    await held(uow, shift), person.id, SignupStatus.CONFIRMED, NOW - 5 * DAY
                )
                if person is people[0]:
                    record = await uow.attendance.get(signup.id)
                    await uow.attendance.save(record.checked_in(shift.starts_at))
        await uow.commit()
    async with storage.unit_of_work() as uow:
        weeks = await uow.stats.weeks(team.campaign_id, week_starts(NOW, zone), NOW)
    (week,) = [w for w in weeks if w.filled]
    assert (week.filled, week.attended) == (4, 2)
    assert week.by_kind == (KindWeek(PHONE_BANK.id, 1, 1), KindWeek(CANVASS.id, 3, 1))
    assert all(not w.by_kind for w in weeks if w is not week)
