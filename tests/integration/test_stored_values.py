from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import StatementError

from bot.domain.campaign import Identity
from bot.domain.notice import NewNotice, NoticeKind
from storage import SqlStorage
from tests.integration.builders import NOW, a_team, a_volunteer
from tests.queued import pending_notices

NEW_YORK = ZoneInfo("America/New_York")


async def test_times_come_back_as_the_same_instant_in_aware_utc(storage: SqlStorage) -> None:
    # Half past one on the night New York springs forward, with microseconds.
    joined = datetime(2026, 3, 8, 1, 30, 15, 123456, tzinfo=NEW_YORK)
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        added = await a_volunteer(uow, team.campaign_id, "Maria", now=joined)
        await uow.commit()
    async with storage.unit_of_work() as uow:
        stored = await uow.volunteers.get(added.id)
    assert stored.joined_at == joined
    assert stored.joined_at.tzinfo is UTC
    assert stored.joined_at == datetime(2026, 3, 8, 6, 30, 15, 123456, tzinfo=UTC)


async def test_a_naive_time_is_refused_rather_than_guessed(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        with pytest.raises(StatementError, match="naive datetime"):
            await uow.volunteers.add(
                team.campaign_id,
                1,
                Identity("slack", "T1", "U1"),
                "Maria",
                NOW.replace(tzinfo=None),
            )


async def test_times_sort_and_compare_by_instant_not_by_wall_clock(storage: SqlStorage) -> None:
    # 12:00 UTC is earlier than 09:00 in New York (14:00 UTC), though its wall clock is later.
    noon_utc = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
    nine_new_york = datetime(2026, 11, 2, 9, 0, tzinfo=NEW_YORK)
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        for due_at in (nine_new_york, noon_utc):
            await uow.notices.add(
                NewNotice(team.campaign_id, NoticeKind.ANNOUNCEMENT, due_at, maria.id)
            )
        pending = await pending_notices(uow, volunteer_id=maria.id)
        assert [n.due_at for n in pending] == [noon_utc, nine_new_york]
        # 08:00 in New York is 13:00 UTC: only the noon notice is due.
        now = datetime(2026, 11, 2, 8, 0, tzinfo=NEW_YORK)
        claimed = await uow.notices.claim_due(now, limit=10, lease=timedelta(minutes=1))
        assert [n.due_at for n in claimed] == [noon_utc]


async def test_reminder_choices_keep_default_off_and_custom_apart(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        volunteers = [await a_volunteer(uow, team.campaign_id, n) for n in ("A", "B", "C")]
        choices = (None, (), (timedelta(hours=3), timedelta(minutes=30)))
        for volunteer, offsets in zip(volunteers, choices, strict=True):
            await uow.volunteers.save(replace(volunteer, reminder_offsets=offsets))
        await uow.commit()
    async with storage.unit_of_work() as uow:
        stored = [(await uow.volunteers.get(v.id)).reminder_offsets for v in volunteers]
    assert stored == list(choices)


async def test_campaign_settings_round_trip(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        campaign = await uow.campaigns.get(team.campaign_id)
        changed = replace(
            campaign,
            name="Get out the vote",
            timezone="Europe/Berlin",
            reminder_offsets=(timedelta(days=2), timedelta(minutes=15)),
            contact_within=timedelta(hours=36),
        )
        await uow.campaigns.save(changed)
        await uow.commit()
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.get(team.campaign_id) == changed


async def test_a_notice_payload_round_trips_as_json(storage: SqlStorage) -> None:
    payload = {"text": "Bring water 💧 — and a charger", "from": "Olivia", "n": [1, 2.5, None]}
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        await uow.notices.add(
            NewNotice(team.campaign_id, NoticeKind.DELIVERY_FAILED, NOW, payload=payload)
        )
        [notice] = await uow.notices.claim_due(NOW, limit=1, lease=timedelta(minutes=1))
    assert notice.payload == payload
    assert notice.to_organizers
