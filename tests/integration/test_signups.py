import asyncio
from datetime import timedelta

from bot.domain.phonebank import ShiftStatus
from bot.domain.signup import Signup, SignupStatus, placement
from storage import SqlStorage
from tests.conftest import Database
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held

CONFIRMED, WAITLISTED, CANCELLED = (
    SignupStatus.CONFIRMED,
    SignupStatus.WAITLISTED,
    SignupStatus.CANCELLED,
)


async def test_a_sign_up_is_stored_and_found_while_active(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        shift = await a_shift(uow, team.campaign_id, maria.id)
        signup = await uow.signups.add(await held(uow, shift), maria.id, CONFIRMED, NOW)
        assert signup == Signup(signup.id, shift.id, maria.id, CONFIRMED, NOW)
        assert await uow.signups.active(shift.id, maria.id) == signup
        await uow.signups.set_status(
            await held(uow, shift), signup.id, CANCELLED, NOW + timedelta(minutes=1)
        )
        assert await uow.signups.active(shift.id, maria.id) is None
        again = await uow.signups.add(
            await held(uow, shift), maria.id, WAITLISTED, NOW + timedelta(minutes=2)
        )
        assert await uow.signups.active(shift.id, maria.id) == again


async def test_counts_waitlist_and_promotion_follow_arrival_order(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        people = [await a_volunteer(uow, team.campaign_id, f"V{i}") for i in range(5)]
        shift = await a_shift(uow, team.campaign_id, people[0].id, capacity=1)
        seated = await uow.signups.add(await held(uow, shift), people[0].id, CONFIRMED, NOW)
        waiting = [
            await uow.signups.add(await held(uow, shift), p.id, WAITLISTED, NOW)
            for p in people[1:4]
        ]
        await uow.signups.add(await held(uow, shift), people[4].id, CANCELLED, NOW)
        assert await uow.signups.counts(shift.id) == (1, 3)
        assert await uow.signups.first_waitlisted(shift.id) == waiting[0]
        assert [await uow.signups.waitlist_position(s) for s in waiting] == [1, 2, 3]

        await uow.signups.set_status(await held(uow, shift), seated.id, CANCELLED, NOW)
        await uow.signups.set_status(await held(uow, shift), waiting[0].id, CONFIRMED, NOW)
        assert await uow.signups.counts(shift.id) == (1, 2)
        assert await uow.signups.first_waitlisted(shift.id) == waiting[1]
        assert await uow.signups.waitlist_position(waiting[2]) == 2


async def test_the_roster_lists_confirmed_first_then_the_waitlist_each_in_arrival_order(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        people = [await a_volunteer(uow, team.campaign_id, f"V{i}") for i in range(5)]
        shift = await a_shift(uow, team.campaign_id, people[0].id, capacity=2)
        statuses = (WAITLISTED, CONFIRMED, CANCELLED, WAITLISTED, CONFIRMED)
        added = [
            await uow.signups.add(await held(uow, shift), p.id, s, NOW)
            for p, s in zip(people, statuses, strict=True)
        ]
        roster = await uow.signups.roster(shift.id)
    assert [(s.id, v.id) for s, v in roster] == [
        (added[1].id, people[1].id),
        (added[4].id, people[4].id),
        (added[0].id, people[0].id),
        (added[3].id, people[3].id),
    ]
    assert roster[0][1] == people[1]


async def test_a_volunteers_upcoming_sign_ups_leave_out_past_cancelled_and_withdrawn(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        sam = await a_volunteer(uow, team.campaign_id, "Sam")
        later = await a_shift(uow, team.campaign_id, maria.id, starts_in=timedelta(days=2))
        sooner = await a_shift(uow, team.campaign_id, maria.id, starts_in=timedelta(hours=3))
        past = await a_shift(uow, team.campaign_id, maria.id, starts_in=-timedelta(hours=1))
        called_off = await a_shift(uow, team.campaign_id, maria.id)
        withdrawn = await a_shift(uow, team.campaign_id, maria.id)
        await uow.shifts.set_status(await held(uow, called_off), ShiftStatus.CANCELLED)
        on_later = await uow.signups.add(await held(uow, later), maria.id, CONFIRMED, NOW)
        on_sooner = await uow.signups.add(await held(uow, sooner), maria.id, WAITLISTED, NOW)
        await uow.signups.add(await held(uow, sooner), sam.id, CONFIRMED, NOW)
        for shift, status in ((past, CONFIRMED), (called_off, CONFIRMED), (withdrawn, CANCELLED)):
            await uow.signups.add(await held(uow, shift), maria.id, status, NOW)
        mine = await uow.signups.upcoming_for(maria.id, NOW)
    assert mine == [(on_sooner, sooner), (on_later, later)]


async def test_confirmed_upcoming_lists_every_seat_in_the_campaign(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        other = await a_team(uow, "T2")
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        sam = await a_volunteer(uow, team.campaign_id, "Sam")
        stranger = await a_volunteer(uow, other.campaign_id, "Stranger")
        later = await a_shift(uow, team.campaign_id, maria.id, starts_in=timedelta(days=2))
        sooner = await a_shift(uow, team.campaign_id, maria.id, starts_in=timedelta(hours=3))
        elsewhere = await a_shift(uow, other.campaign_id, stranger.id)
        expected = [
            (await uow.signups.add(await held(uow, sooner), sam.id, CONFIRMED, NOW), sooner),
            (await uow.signups.add(await held(uow, later), maria.id, CONFIRMED, NOW), later),
        ]
        await uow.signups.add(await held(uow, later), sam.id, WAITLISTED, NOW)
        await uow.signups.add(await held(uow, elsewhere), stranger.id, CONFIRMED, NOW)
        seats = await uow.signups.confirmed_upcoming(team.campaign_id, NOW)
    assert [(s.id, shift.id) for s, shift in seats] == [(s.id, sh.id) for s, sh in expected]


async def test_two_hundred_volunteers_racing_for_ten_seats_fill_them_in_arrival_order(
    database: Database, storage: SqlStorage
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        people = [await a_volunteer(uow, team.campaign_id, f"V{i}") for i in range(200)]
        shift = await a_shift(uow, team.campaign_id, people[0].id, capacity=10)
        await uow.commit()

    async def join(volunteer_id: int) -> tuple[SignupStatus, int]:
        # What /phonebank join does: hold the shift, count, place, sign up.
        async with storage.unit_of_work() as uow:
            hold = await uow.shifts.hold(team.campaign_id, shift.number)
            assert hold is not None
            confirmed, _ = await uow.signups.counts(hold.shift.id)
            # Let every other joiner run up to its own lock before this one writes.
            await asyncio.sleep(0)
            status = placement(confirmed=confirmed, capacity=hold.shift.capacity)
            signup = await uow.signups.add(hold, volunteer_id, status, NOW)
            await uow.commit()
        return status, signup.id

    results = await asyncio.gather(*(join(p.id) for p in people))

    statuses = [status for status, _ in results]
    assert statuses.count(CONFIRMED) == 10 and statuses.count(WAITLISTED) == 190
    # Whoever reached the shift first (the lower sign-up id) got the seat.
    by_arrival = sorted(results, key=lambda result: result[1])
    assert [status for status, _ in by_arrival] == [CONFIRMED] * 10 + [WAITLISTED] * 190
    async with storage.unit_of_work() as uow:
        assert await uow.signups.counts(shift.id) == (10, 190)
        roster = await uow.signups.roster(shift.id)
        waitlist = [s for s, _ in roster if s.status is WAITLISTED]
        positions = [await uow.signups.waitlist_position(s) for s in waitlist]
    assert positions == list(range(1, 191))
    if database.kind == "sqlite":
        # One FIFO queue per process: arrival is exactly the order the commands started in.
        assert statuses == [CONFIRMED] * 10 + [WAITLISTED] * 190
        assert [v.id for _, v in roster] == [p.id for p in people]
