"""The after-sign-up record: kept on first save, read per shift, notes erased by forget-me."""

from datetime import timedelta

from bot.domain.attendance import Attendance, Mark, Presence, Report
from bot.domain.signup import SignupStatus
from storage import SqlStorage
from tests.integration.builders import NOW, a_shift, a_team, a_volunteer, held


async def test_a_sign_ups_record_is_empty_until_saved_then_kept_field_by_field(
    storage: SqlStorage,
) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        olivia = await a_volunteer(uow, team.campaign_id, "Olivia")
        shift = await a_shift(uow, team.campaign_id, olivia.id)
        signup = await uow.signups.add(
            await held(uow, shift), maria.id, SignupStatus.CONFIRMED, NOW
        )
        assert await uow.attendance.get(signup.id) == Attendance(signup.id)
        await uow.attendance.save(Attendance(signup.id).reconfirmed(NOW))
        later = NOW + timedelta(days=1, hours=3)
        record = (await uow.attendance.get(signup.id)).made_it(31, 7, "Great script", later)
        await uow.attendance.save(record.marked(Mark.NO_SHOW, olivia.id, later))
        await uow.commit()
    async with storage.unit_of_work() as uow:
        stored = await uow.attendance.get(signup.id)
        assert stored.reconfirmed_at == NOW
        assert (stored.report, stored.calls, stored.conversations) == (Report.MADE_IT, 31, 7)
        # The organizer's mark wins over the volunteer's own report.
        assert stored.presence is Presence.NO_SHOW
        assert await uow.attendance.for_shift(shift.id) == {signup.id: stored}
        assert await uow.attendance.signup(signup.id) == (signup, shift)
        assert [(s.id, a.calls) for s, _, a in await uow.attendance.history(maria.id)] == [
            (signup.id, 31)
        ]


async def test_erasing_notes_keeps_the_counts(storage: SqlStorage) -> None:
    async with storage.unit_of_work() as uow:
        team = await a_team(uow)
        maria = await a_volunteer(uow, team.campaign_id, "Maria")
        shift = await a_shift(uow, team.campaign_id, maria.id)
        signup = await uow.signups.add(
            await held(uow, shift), maria.id, SignupStatus.CONFIRMED, NOW
        )
        await uow.attendance.save(Attendance(signup.id).made_it(12, 3, "Call Zeb back", NOW))
        await uow.attendance.erase_notes(maria.id)
        stored = await uow.attendance.get(signup.id)
        assert (stored.notes, stored.calls, stored.conversations) == (None, 12, 3)
