from datetime import timedelta

import pytest

from bot.domain.phonebank import HeldShift, PhoneBank, Shift, ShiftStatus
from bot.domain.proposal import Proposal, ProposalStatus
from bot.domain.signup import SignupStatus
from storage import SqlStorage
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held


async def test_a_shift_is_created_with_its_phone_bank_and_found_by_number(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        olivia = await a_volunteer(uow, team.campaign_id, "Olivia")
        added = await uow.shifts.add(
            campaign_id=team.campaign_id,
            number=3,
            title="Saturday calls",
            link=None,
            starts_at=NOW + timedelta(days=1),
            ends_at=NOW + timedelta(days=1, hours=2),
            capacity=12,
            created_by=olivia.id,
        )
        await uow.commit()
    assert added == Shift(
        id=added.id,
        campaign_id=team.campaign_id,
        number=3,
        phone_bank=PhoneBank(added.phone_bank.id, team.campaign_id, "Saturday calls", None),
        starts_at=NOW + timedelta(days=1),
        ends_at=NOW + timedelta(days=1, hours=2),
        capacity=12,
        status=ShiftStatus.SCHEDULED,
    )
    async with storage.unit_of_work() as uow:
        assert await uow.shifts.by_number(team.campaign_id, 3) == added
        assert await uow.shifts.hold(team.campaign_id, 3) == HeldShift(added)
        assert await uow.shifts.by_number(team.campaign_id, 4) is None
        assert await uow.shifts.get(added.id) == added
        with pytest.raises(LookupError, match=f"shift {added.id + 1}"):
            await uow.shifts.get(added.id + 1)


async def test_upcoming_lists_scheduled_shifts_not_yet_started_soonest_first(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        other = await a_team(uow, "T2")
        olivia = await a_volunteer(uow, team.campaign_id, "Olivia")
        later = await a_shift(uow, team.campaign_id, olivia.id, starts_in=timedelta(days=2))
        sooner = await a_shift(uow, team.campaign_id, olivia.id, starts_in=timedelta(hours=1))
        cancelled = await a_shift(uow, team.campaign_id, olivia.id)
        await uow.shifts.set_status(await held(uow, cancelled), ShiftStatus.CANCELLED)
        await a_shift(uow, team.campaign_id, olivia.id, starts_in=timedelta(0))
        await a_shift(uow, team.campaign_id, olivia.id, starts_in=-timedelta(hours=1))
        await a_shift(uow, other.campaign_id, olivia.id)
        listed = await uow.shifts.upcoming(team.campaign_id, NOW, limit=10)
        assert [s.shift.id for s in listed] == [sooner.id, later.id]
        assert await uow.shifts.count_upcoming(team.campaign_id, NOW) == 2
        paged = await uow.shifts.upcoming(team.campaign_id, NOW, limit=1, offset=1)
        assert [s.shift.id for s in paged] == [later.id]
        assert (await uow.shifts.get(cancelled.id)).is_cancelled


async def test_upcoming_shifts_show_how_full_they_are(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        people = [await a_volunteer(uow, team.campaign_id, f"V{i}") for i in range(4)]
        full = await a_shift(uow, team.campaign_id, people[0].id, capacity=2)
        empty = await a_shift(uow, team.campaign_id, people[0].id, starts_in=timedelta(days=3))
        for person, status in zip(
            people,
            (
                SignupStatus.CONFIRMED,
                SignupStatus.CONFIRMED,
                SignupStatus.WAITLISTED,
                SignupStatus.CANCELLED,
            ),
            strict=True,
        ):
            await uow.signups.add(await held(uow, full), person.id, status, NOW)
        listed = await uow.shifts.upcoming(team.campaign_id, NOW, limit=10)
    assert [(s.shift.id, s.confirmed, s.waitlisted, s.seats_left) for s in listed] == [
        (full.id, 2, 1, 0),
        (empty.id, 0, 0, 10),
    ]


async def test_the_shifts_a_volunteer_hosts_are_the_upcoming_scheduled_ones_soonest_first(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        olivia = await a_volunteer(uow, team.campaign_id, "Olivia")
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        later = await a_shift(uow, team.campaign_id, olivia.id, starts_in=timedelta(days=3))
        sooner = await a_shift(uow, team.campaign_id, olivia.id, starts_in=timedelta(days=2))
        started = await a_shift(uow, team.campaign_id, olivia.id, starts_in=-timedelta(hours=1))
        called_off = await a_shift(uow, team.campaign_id, olivia.id)
        not_hers = await a_shift(uow, team.campaign_id, olivia.id)
        for shift in (later, sooner, started, called_off):
            await uow.proposals.set_host(await held(uow, shift), maria.id)
        await uow.shifts.set_status(await held(uow, called_off), ShiftStatus.CANCELLED)

        hosted = await uow.shifts.hosted_by(maria.id, NOW)
    assert [seats.shift.id for seats in hosted] == [sooner.id, later.id]
    assert not_hers.id not in {seats.shift.id for seats in hosted}


async def test_pending_proposals_are_the_campaign_s_undecided_ones_oldest_first(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        other = await a_team(uow, "T2")
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        stranger = await a_volunteer(uow, other.campaign_id, "Sam")
        offered = [
            await uow.proposals.add(
                Proposal(0, campaign, who, title, None, NOW, NOW + timedelta(hours=2), 5), NOW
            )
            for campaign, who, title in (
                (team.campaign_id, maria.id, "First"),
                (team.campaign_id, maria.id, "Declined"),
                (other.campaign_id, stranger.id, "Elsewhere"),
                (team.campaign_id, maria.id, "Second"),
            )
        ]
        await uow.proposals.decide(offered[1].id, ProposalStatus.DECLINED, reason="No")

        pending = await uow.proposals.pending(team.campaign_id)
    assert [p.title for p in pending] == ["First", "Second"]
