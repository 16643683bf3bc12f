from dataclasses import replace
from datetime import timedelta

import pytest

from bot.domain.campaign import Identity
from bot.domain.volunteer import Availability, Interest, Profile, Volunteer
from storage import SqlStorage
from storage.tables import identities
from tests.integration.builders import NOW, a_team, a_volunteer

MARIA = Identity("slack", "T1", "U-maria")


async def test_a_new_volunteer_is_found_again_through_their_identity(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        added = await uow.volunteers.add(team.campaign_id, 7, MARIA, "Maria", NOW)
        await uow.commit()
    assert added == Volunteer(
        id=added.id,
        campaign_id=team.campaign_id,
        number=7,
        display_name="Maria",
        timezone=None,
        reminder_offsets=None,
        profile=None,
        joined_at=NOW,
    )
    async with storage.unit_of_work() as uow:
        assert await uow.volunteers.by_identity(MARIA) == added
        assert await uow.volunteers.get(added.id) == added
        assert await uow.volunteers.identities(added.id) == [MARIA]
        assert await uow.volunteers.by_identity(replace(MARIA, team_external_id="T2")) is None


async def test_asking_for_a_volunteer_that_does_not_exist_is_a_lookup_error(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        with pytest.raises(LookupError, match="volunteer 404"):
            await uow.volunteers.get(404)


async def test_saving_a_volunteer_stores_every_mutable_field(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        olivia = await a_volunteer(uow, team.campaign_id, "Olivia")
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        changed = replace(
            maria,
            display_name="Maria G.",
            timezone="America/Chicago",
            reminder_offsets=(timedelta(hours=2),),
            profile=Profile(
                (Interest.TEXTING, Interest.PHONE_BANKING), Availability.WEEKENDS, "Dayton"
            ),
            onboarded_at=NOW + timedelta(minutes=5),
            contacted_at=NOW + timedelta(hours=1),
            contacted_by=olivia.id,
            follow_up_due_at=NOW + timedelta(days=2),
        )
        await uow.volunteers.save(changed)
        await uow.commit()
    async with storage.unit_of_work() as uow:
        assert await uow.volunteers.get(maria.id) == changed


async def test_a_profile_with_no_interests_ticked_is_still_a_profile(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        answered = replace(maria, profile=Profile((), None, None), onboarded_at=NOW)
        await uow.volunteers.save(answered)
        assert (await uow.volunteers.get(maria.id)).profile == Profile((), None, None)


async def test_volunteers_are_found_by_number_or_by_name_whatever_the_case(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        other = await a_team(uow, "T2")
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        zoe = await a_volunteer(uow, team.campaign_id, "Zoë Ångström")
        await a_volunteer(uow, other.campaign_id, "Maria")
        found = {
            ref: [v.id for v in await uow.volunteers.find(team.campaign_id, ref)]
            for ref in ("1", "#2", " @maria ", "MARIA", "zoË ångström", "@#1", "3", "Mari", "")
        }
    assert found == {
        "1": [maria.id],
        "#2": [zoe.id],
        " @maria ": [maria.id],
        "MARIA": [maria.id],
        "zoË ångström": [zoe.id],
        "@#1": [maria.id],
        "3": [],
        "Mari": [],
        "": [],
    }


async def test_several_volunteers_with_one_name_are_all_found_in_number_order(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        first = await a_volunteer(uow, team.campaign_id, "Sam")
        second = await a_volunteer(uow, team.campaign_id, "sam")
        found = await uow.volunteers.find(team.campaign_id, "SAM")
    assert [v.id for v in found] == [first.id, second.id]


async def test_forgetting_erases_the_person_and_keeps_an_anonymous_row(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await uow.volunteers.add(team.campaign_id, 1, MARIA, "Maria", NOW)
        await uow.volunteers.save(
            replace(
                maria,
                timezone="America/Chicago",
                reminder_offsets=(),
                profile=Profile((Interest.CANVASSING,), Availability.FLEXIBLE, "Dayton"),
                follow_up_due_at=NOW + timedelta(days=2),
            )
        )
        await uow.volunteers.forget(maria.id, NOW + timedelta(days=1))
        await uow.commit()
    async with storage.unit_of_work() as uow:
        forgotten = await uow.volunteers.get(maria.id)
        assert forgotten == replace(maria, display_name=None, forgotten_at=NOW + timedelta(days=1))
        assert forgotten.name == "a former volunteer"
        assert await uow.volunteers.identities(maria.id) == []
        assert await uow.volunteers.by_identity(MARIA) is None
        assert await uow.volunteers.find(team.campaign_id, "1") == []
        assert await uow.volunteers.find(team.campaign_id, "Maria") == []
        assert await uow.volunteers.uncontacted(team.campaign_id) == []
        assert await uow.volunteers.follow_ups_due(NOW + timedelta(days=9), 10) == []


async def test_identities_come_most_recently_seen_first(storage: SqlStorage) -> None:
    discord = Identity("discord", "G1", "maria#1")
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await uow.volunteers.add(team.campaign_id, 1, MARIA, "Maria", NOW)
        # No port adds a second identity yet; the schema already allows it.
        await uow.connection.execute(
            identities.insert().values(
                platform=discord.platform,
                team_external_id=discord.team_external_id,
                user_external_id=discord.user_external_id,
                volunteer_id=maria.id,
                last_seen_at=NOW + timedelta(hours=1),
            )
        )
        assert await uow.volunteers.identities(maria.id) == [discord, MARIA]
        assert await uow.volunteers.by_identity(discord) == maria


async def test_uncontacted_volunteers_come_longest_waiting_first(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        other = await a_team(uow, "T2")
        late = await a_volunteer(uow, team.campaign_id, "Late", now=NOW + timedelta(hours=2))
        early = await a_volunteer(uow, team.campaign_id, "Early", now=NOW)
        reached = await a_volunteer(uow, team.campaign_id, "Reached")
        await uow.volunteers.save(reached.contacted(by=early.id, at=NOW))
        await a_volunteer(uow, other.campaign_id, "Elsewhere")
        waiting = await uow.volunteers.uncontacted(team.campaign_id)
    assert [v.id for v in waiting] == [early.id, late.id]


async def test_follow_ups_come_due_across_campaigns_earliest_first_up_to_the_limit(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        first = await a_team(uow)
        second = await a_team(uow, "T2")
        due_later = await a_volunteer(uow, first.campaign_id, "A")
        due_first = await a_volunteer(uow, second.campaign_id, "B")
        not_yet = await a_volunteer(uow, first.campaign_id, "C")
        never = await a_volunteer(uow, first.campaign_id, "D")
        for volunteer, due in (
            (due_later, NOW - timedelta(minutes=1)),
            (due_first, NOW - timedelta(hours=1)),
            (not_yet, NOW + timedelta(minutes=1)),
        ):
            await uow.volunteers.save(replace(volunteer, follow_up_due_at=due))
        assert never.follow_up_due_at is None
        due_now = await uow.volunteers.follow_ups_due(NOW, 10)
        assert [v.id for v in due_now] == [due_first.id, due_later.id]
        assert [v.id for v in await uow.volunteers.follow_ups_due(NOW, 1)] == [due_first.id]
