import asyncio
from datetime import timedelta

import pytest

from bot.domain.campaign import Campaign, Counter, Team
from storage import SqlStorage
from storage.tables import teams
from tests.integration.builders import a_team


async def test_a_new_team_gets_a_campaign_of_its_own(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        slack = await a_team(uow, "T1")
        discord = await a_team(uow, "G1", platform="discord")
        await uow.commit()
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.team("slack", "T1") == slack
        assert await uow.campaigns.team("discord", "G1") == discord
        assert await uow.campaigns.team("discord", "T1") is None
        assert slack.campaign_id != discord.campaign_id
        assert await uow.campaigns.get(slack.campaign_id) == Campaign(
            id=slack.campaign_id,
            name="Campaign T1",
            timezone="America/New_York",
            reminder_offsets=(timedelta(hours=24), timedelta(hours=1)),
            contact_within=timedelta(hours=48),
        )
        assert await uow.campaigns.teams_of(slack.campaign_id) == [slack]


async def test_a_campaign_lists_every_team_it_lives_in(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        slack = await a_team(uow, "T1")
        await uow.commit()
    async with storage.engine.begin() as connection:
        # No port attaches a second team yet; the schema already allows it.
        await connection.execute(
            teams.insert().values(
                platform="discord", external_id="G1", campaign_id=slack.campaign_id
            )
        )
    async with storage.unit_of_work() as uow:
        listed = await uow.campaigns.teams_of(slack.campaign_id)
    assert listed[0] == slack
    assert listed[1] == Team(listed[1].id, "discord", "G1", slack.campaign_id)


async def test_asking_for_a_campaign_that_does_not_exist_is_a_lookup_error(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        with pytest.raises(LookupError, match="campaign 404"):
            await uow.campaigns.get(404)


async def test_numbers_count_up_per_campaign_and_per_kind(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        first = await a_team(uow, "T1")
        second = await a_team(uow, "T2")
        numbers = [
            await uow.campaigns.next_number(first.campaign_id, Counter.SHIFT),
            await uow.campaigns.next_number(first.campaign_id, Counter.SHIFT),
            await uow.campaigns.next_number(first.campaign_id, Counter.TASK),
            await uow.campaigns.next_number(second.campaign_id, Counter.SHIFT),
            await uow.campaigns.next_number(first.campaign_id, Counter.SHIFT),
        ]
    assert numbers == [1, 2, 1, 1, 3]


async def test_a_rolled_back_number_is_handed_out_again(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        await uow.commit()
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.next_number(team.campaign_id, Counter.SHIFT) == 1
    async with storage.unit_of_work() as uow:
        assert await uow.campaigns.next_number(team.campaign_id, Counter.SHIFT) == 1


async def test_fifty_concurrent_callers_get_one_to_fifty_without_gaps_or_repeats(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        await uow.commit()

    async def take_a_number() -> int:
        async with storage.unit_of_work() as uow:
            number = await uow.campaigns.next_number(team.campaign_id, Counter.VOLUNTEER)
            # Give the others every chance to interleave before this one commits.
            await asyncio.sleep(0)
            await uow.commit()
        return number

    numbers = await asyncio.gather(*(take_a_number() for _ in range(50)))
    assert sorted(numbers) == list(range(1, 51))
