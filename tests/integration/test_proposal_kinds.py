"""Kinds of proposal in storage: stored with the proposal, and the upgrade that makes every
proposal made before kinds a phone bank."""

from datetime import timedelta

import pytest
from sqlalchemy import Connection, insert

from bot.domain.kinds import CANVASS, PHONE_BANK
from bot.domain.proposal import Proposal, ProposalStatus
from storage import SqlStorage, migrate
from storage.migrate import _foreign_keys, alembic_config
from storage.tables import proposals
from tests.integration.builders import NOW, a_team, a_volunteer


def _proposal(campaign_id: int, proposer_id: int, kind: str, link: str | None) -> Proposal:
    starts_at = NOW + timedelta(days=3)
    return Proposal(
        id=0,
        campaign_id=campaign_id,
        proposer_id=proposer_id,
        title="Doors on Elm St",
        link=link,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=3),
        capacity=8,
        kind=kind,
    )


async def test_a_proposal_keeps_its_kind(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        doors = await uow.proposals.add(
            _proposal(team.campaign_id, maria.id, CANVASS.id, "Cafe, 12 Elm St"), NOW
        )
        await uow.commit()
    async with storage.unit_of_work() as uow:
        [pending] = await uow.proposals.pending(team.campaign_id)
        assert (pending.id, pending.kind, pending.link) == (doors.id, "canvass", "Cafe, 12 Elm St")


def _downgrade_to_0020(connection: Connection) -> None:
    from alembic import command

    command.downgrade(alembic_config(connection), "0020")


@pytest.mark.empty_database
async def test_0021_makes_every_existing_proposal_a_phone_bank(storage: SqlStorage) -> None:
    await migrate(storage.engine)
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        await uow.commit()
    # Back to before proposal kinds, then a proposal stored the way 0020 stored it.
    async with storage.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            await connection.run_sync(_foreign_keys, "OFF")
        async with connection.begin():
            await connection.run_sync(_downgrade_to_0020)
        if connection.dialect.name == "sqlite":
            await connection.run_sync(_foreign_keys, "ON")
        async with connection.begin():
            await connection.run_sync(_old_proposal, team.campaign_id, maria.id)

    await migrate(storage.engine)

    async with storage.unit_of_work() as uow:
        [kept] = await uow.proposals.pending(team.campaign_id)
        assert kept.kind == PHONE_BANK.id
        assert (kept.title, kept.link, kept.capacity, kept.status) == (
            "Calls at Maria's",
            "https://dialer.example/abc",
            6,
            ProposalStatus.PENDING,
        )
        assert kept.ends_at - kept.starts_at == timedelta(hours=2)


def _old_proposal(connection: Connection, campaign_id: int, proposer_id: int) -> None:
    # Only 0020's columns are named, so the insert fits the table before kinds.
    starts_at = NOW + timedelta(days=3)
    connection.execute(
        insert(proposals).values(
            campaign_id=campaign_id,
            proposer_id=proposer_id,
            title="Calls at Maria's",
            link="https://dialer.example/abc",
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            capacity=6,
            status=ProposalStatus.PENDING.value,
            created_at=NOW,
        )
    )
