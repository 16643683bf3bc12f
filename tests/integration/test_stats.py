"""The stats' aggregate queries against a hand-counted campaign, on SQLite and PostgreSQL.

NOW is Monday Nov 2 2026, 14:00 UTC, the day after New York left daylight saving. The fixture
(counted by hand in the comments) has a current week, the week before it, a cancelled shift,
a future shift, the waitlist and a cancelled sign-up (neither holds a seat), an erased
volunteer whose counts stay, and a volunteer who asked not to be listed.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.attendance import Attendance, Mark
from bot.domain.phonebank import Shift, ShiftStatus
from bot.domain.signup import Signup, SignupStatus
from bot.domain.stats import KindFigures, KindWeek, PeriodFigures, WeekFigures, week_starts
from bot.domain.task import ClaimStatus
from bot.domain.volunteer import Volunteer
from bot.ports.storage import UnitOfWork
from storage import SqlStorage
from tests.integration.builders import NOW, a_shift, a_task, a_team, a_volunteer, held

DAY, HOUR = timedelta(days=1), timedelta(hours=1)
WEEK = 7 * DAY


async def _seat(
    uow: UnitOfWork,
    shift: Shift,
    volunteer: Volunteer,
    status: SignupStatus = SignupStatus.CONFIRMED,
    record: Callable[[Attendance], Attendance] | None = None,
) -> Signup:
    signup = await uow.signups.add(await held(uow, shift), volunteer.id, status, NOW - 20 * DAY)
    if record is not None:
        await uow.attendance.save(record(Attendance(signup.id)))
    return signup


async def _person(
    uow: UnitOfWork,
    campaign_id: int,
    name: str,
    joined_ago: timedelta,
    contacted_after: timedelta | None = None,
) -> Volunteer:
    person = await a_volunteer(uow, campaign_id, name, now=NOW - joined_ago)
    if contacted_after is not None:
        person = replace(person, contacted_at=person.joined_at + contacted_after)
        await uow.volunteers.save(person)
    return person


async def _campaign(uow: UnitOfWork) -> int:
    team = await a_team(uow)
    c = team.campaign_id
    await _person(uow, c, "Olivia", 60 * DAY, 30 * timedelta(minutes=1))
    maria = await _person(uow, c, "Maria", 6 * DAY, 2 * HOUR)
    sam = await _person(uow, c, "Sam", 5 * DAY, 4 * HOUR)
    zoe = await _person(uow, c, "Zoe", 4 * DAY, 10 * HOUR)
    ann = await _person(uow, c, "Ann", 3 * DAY)
    bob = await _person(uow, c, "Bob", 10 * DAY, 1 * HOUR)
    cal = await _person(uow, c, "Cal", 10 * DAY)
    t = NOW - 3 * DAY
    # This week: shift A (10 seats) and B (4 seats) held; C cancelled; D still to come.
    a = await a_shift(uow, c, maria.id, starts_in=-2 * DAY, capacity=10)
    await _seat(
        uow, a, maria, record=lambda r: r.reconfirmed(t).checked_in(t).made_it(30, 5, "", t)
    )
    await _seat(uow, a, sam, record=lambda r: r.marked(Mark.NO_SHOW, maria.id, t))
    await _seat(uow, a, zoe, record=lambda r: r.couldnt_make_it(t))
    await _seat(uow, a, ann)
    await _seat(uow, a, bob, SignupStatus.WAITLISTED)
    await _seat(uow, a, cal, SignupStatus.CANCELLED)
    b = await a_shift(uow, c, maria.id, starts_in=-1 * DAY, capacity=4)
    await _seat(uow, b, maria, record=lambda r: r.made_it(20, 4, "", t).marked(Mark.HERE, 1, t))
    await _seat(uow, b, ann, record=lambda r: r.reconfirmed(t).made_it(10, 1, "", t))
    cancelled = await a_shift(uow, c, maria.id, starts_in=-3 * DAY, capacity=6)
    await _seat(uow, cancelled, maria, record=lambda r: r.made_it(99, 99, "", t))
    await uow.shifts.set_status(await held(uow, cancelled), ShiftStatus.CANCELLED)
    future = await a_shift(uow, c, maria.id, starts_in=DAY, capacity=5)
    await _seat(uow, future, sam)
    # The week before: shift E (5 seats), Bob and Cal attended.
    e = await a_shift(uow, c, maria.id, starts_in=-9 * DAY, capacity=5)
    await _seat(uow, e, bob, record=lambda r: r.made_it(7, 2, "", NOW - 9 * DAY))
    await _seat(uow, e, cal, record=lambda r: r.made_it(3, 0, "notes", NOW - 9 * DAY))
    # Tasks: one done this week, one the week before, one still claimed.
    task = await a_task(uow, c, maria.id, slots=5)
    for who, done_ago in ((maria, DAY), (sam, 8 * DAY), (zoe, None)):
        claim = await uow.tasks.add_claim(task.id, who.id, NOW - 12 * DAY)
        if done_ago is not None:
            await uow.tasks.set_claim_status(claim.id, ClaimStatus.DONE, NOW - done_ago)
    # Cal erased themselves (counts stay, anonymous); Ann asked not to be listed.
    await uow.attendance.erase_notes(cal.id)
    await uow.volunteers.forget(cal.id, NOW - DAY)
    await uow.stats.set_listed(ann.id, False)
    return c


async def test_a_week_is_counted_as_counted_by_hand(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        campaign = await _campaign(uow)
        this_week = await uow.stats.period(campaign, NOW - WEEK, NOW, now=NOW)
        week_before = await uow.stats.period(campaign, NOW - 2 * WEEK, NOW - WEEK, now=NOW)
    assert this_week == PeriodFigures(
        shifts_held=2,
        shifts_cancelled=1,
        seats_offered=14,
        seats_filled=6,  # A: Maria, Sam, Zoe, Ann; B: Maria, Ann
        reconfirmed=2,
        attended=3,  # Maria checked in on A, marked here on B; Ann made it to B
        no_shows=2,  # Sam marked no-show; Ann silent a day after A's end
        couldnt_make_it=1,  # Zoe said so
        calls=60,
        conversations=10,
        new_volunteers=4,
        contacted=3,
        median_contact_seconds=4 * 3600,  # 2 h, 4 h, 10 h
        waiting_now=1,  # Ann (Cal is erased)
        tasks_done=1,
        # Every shift here is a phone bank: the same two shifts, attended seats and counts.
        by_kind=(KindFigures("phonebank", 2, 3, 60, 10),),
    )
    assert (this_week.fill_rate, this_week.show_rate) == (6 / 14, 0.5)
    assert this_week.reconfirm_rate == 2 / 6
    assert week_before == PeriodFigures(
        shifts_held=1,
        seats_offered=5,
        seats_filled=2,
        attended=2,  # Bob, and Cal, erased since: still counted
        calls=10,
        conversations=2,
        new_volunteers=2,
        contacted=1,
        median_contact_seconds=3600,
        waiting_now=0,  # Ann joined after it; Cal is erased
        tasks_done=1,
        by_kind=(KindFigures("phonebank", 1, 2, 10, 2),),
    )


async def test_an_even_number_of_contacts_takes_the_mean_of_the_middle_two(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        campaign = await _campaign(uow)
        month = await uow.stats.period(campaign, NOW - 30 * DAY, NOW, now=NOW)
        ever = await uow.stats.period(campaign, None, NOW, now=NOW)
    # 1 h, 2 h, 4 h, 10 h
    assert month.median_contact_seconds == 3 * 3600
    # 30 min, 1 h, 2 h, 4 h, 10 h; and every shift ever held
    assert ever.median_contact_seconds == 2 * 3600
    assert (ever.shifts_held, ever.seats_filled, ever.attended, ever.calls) == (3, 8, 5, 70)
    assert (ever.new_volunteers, ever.contacted, ever.tasks_done) == (7, 5, 2)


async def test_the_most_active_leave_out_the_erased_and_those_not_listed(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        campaign = await _campaign(uow)
        this_week = (
            await uow.stats.period(campaign, NOW - WEEK, NOW, now=NOW, most_active=5)
        ).most_active
        week_before = (
            await uow.stats.period(campaign, NOW - 2 * WEEK, NOW - WEEK, now=NOW, most_active=5)
        ).most_active
        ann = (await uow.volunteers.find(campaign, "Ann"))[0]
        await uow.stats.set_listed(ann.id, True)
        listed_again = (
            await uow.stats.period(campaign, NOW - WEEK, NOW, now=NOW, most_active=5)
        ).most_active
        only_one = (
            await uow.stats.period(campaign, NOW - WEEK, NOW, now=NOW, most_active=1)
        ).most_active
    assert [(p.name, p.shifts, p.calls) for p in this_week] == [("Maria", 2, 50)]
    # Cal attended too, but is erased: never named.
    assert [(p.name, p.shifts, p.calls) for p in week_before] == [("Bob", 1, 7)]
    assert [p.name for p in listed_again] == ["Maria", "Ann"]
    assert [p.name for p in only_one] == ["Maria"]


async def test_a_period_with_nothing_in_it_counts_zero_and_has_no_rates(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        campaign = await _campaign(uow)
        long_ago = await uow.stats.period(campaign, NOW - 400 * DAY, NOW - 300 * DAY, now=NOW)
        nobody = await uow.stats.period(
            campaign, NOW - 400 * DAY, NOW - 300 * DAY, now=NOW, most_active=5
        )
    assert long_ago == PeriodFigures() == nobody
    assert (long_ago.fill_rate, long_ago.show_rate, long_ago.reconfirm_rate) == (None,) * 3


async def test_weeks_follow_local_mondays_across_the_end_of_daylight_saving(
    storage: SqlStorage,
) -> None:
    zone = ZoneInfo("America/New_York")
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        olivia = await a_volunteer(uow, team.campaign_id, "Olivia")
        # Mon Oct 26 00:30 EDT and Sun Nov 1 23:30 EST: both in the week of Oct 26, though
        # seven UTC days back from this Monday's 05:00 UTC would put the first in the week before.
        for starts in (
            datetime(2026, 10, 26, 4, 30, tzinfo=UTC),
            datetime(2026, 11, 2, 4, 30, tzinfo=UTC),
        ):
            shift = await a_shift(uow, team.campaign_id, olivia.id, starts_in=starts - NOW)

            def checked_in(record: Attendance, at: datetime = starts) -> Attendance:
                return record.checked_in(at)

            await _seat(uow, shift, olivia, record=checked_in)
        weeks = await uow.stats.weeks(team.campaign_id, week_starts(NOW, zone), NOW)
    assert len(weeks) == 12
    assert weeks[-1] == WeekFigures(datetime(2026, 11, 2, 5, tzinfo=UTC), 0, 0, 0)
    assert weeks[-2] == WeekFigures(
        datetime(2026, 10, 26, 4, tzinfo=UTC), 2, 2, 2, (KindWeek("phonebank", 2, 2),)
    )
    assert sum(w.filled for w in weeks) == 2


async def test_the_week_ahead_counts_confirmed_seats_of_scheduled_shifts(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        campaign = await _campaign(uow)
        ahead = await uow.stats.upcoming(campaign, NOW, NOW + WEEK)
    assert [(s.capacity, s.confirmed, s.open_seats) for s in ahead] == [(5, 1, 4)]
    assert ahead[0].at_risk(show_rate=1.0)  # 1 of 5 is below 60%
