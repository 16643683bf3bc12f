"""One attendance truth: every combination of mark, check-in, report and time since the end
comes to one outcome (bot.domain.attendance.outcome), and the report, the history, the stats
counted in SQL, the weekly chart's figures, both exports and the day-after follow-up all say
the same."""

import itertools
from dataclasses import dataclass
from datetime import timedelta

from bot.domain.attendance import Attendance, Mark, Outcome, Report, outcome
from bot.domain.campaign import Identity
from bot.domain.notice import NewNotice, NoticeKind
from bot.domain.phonebank import Shift
from bot.domain.signup import SignupStatus
from bot.domain.volunteer import Volunteer
from tests.conftest import TEAM, Harness
from tests.integration.builders import a_shift, held
from tests.unit.test_exports import by_name, export

MARKS = (None, Mark.HERE, Mark.NO_SHOW)
CHECK_INS = (False, True)
REPORTS = (None, Report.MADE_IT, Report.MISSED)
# Where the shift's end stands from now: still running, just over, over for two days.
ENDS = (timedelta(hours=1), -timedelta(hours=3), -timedelta(days=2))


@dataclass(frozen=True)
class Seat:
    volunteer: Volunteer
    shift: Shift
    record: Attendance

    @property
    def name(self) -> str:
        return self.volunteer.name


async def _seats(h: Harness) -> list[Seat]:
    """One volunteer and one shift per combination (built with the record as stored: a
    check-in and "I couldn't make it" together are possible in old data, so they are here)."""
    await h.say("Olivia", "/phonebank list")
    combinations = list(itertools.product(MARKS, CHECK_INS, REPORTS, ENDS))
    names = [f"V{i:02}" for i in range(len(combinations))]
    for name in names:
        await h.say(name, "/phonebank list")
    now = h.clock.now()
    seats = []
    async with h.storage.unit_of_work() as uow:
        team = await uow.campaigns.team("test", TEAM)
        assert team is not None
        olivia = await uow.volunteers.by_identity(Identity("test", TEAM, "olivia"))
        assert olivia is not None
        for i, (mark, checked_in, report, ends) in enumerate(combinations):
            volunteer = await uow.volunteers.by_identity(Identity("test", TEAM, names[i].lower()))
            assert volunteer is not None
            # A minute apart, so each shift's period holds it alone; two hours long.
            starts_in = ends - timedelta(hours=2, minutes=i)
            shift = await a_shift(uow, team.campaign_id, olivia.id, starts_in=starts_in)
            signup = await uow.signups.add(
                await held(uow, shift), volunteer.id, SignupStatus.CONFIRMED, now
            )
            record = Attendance(
                signup.id,
                checked_in_at=shift.starts_at if checked_in else None,
                report=report,
                reported_at=shift.ends_at if report else None,
                calls=3 if report is Report.MADE_IT else None,
                conversations=1 if report is Report.MADE_IT else None,
                mark=mark,
                marked_by=olivia.id if mark else None,
                marked_at=shift.ends_at if mark else None,
            )
            await uow.attendance.save(record)
            seats.append(Seat(volunteer, shift, record))
        await uow.commit()
    return seats


def _reported(report: str, name: str) -> Outcome:
    lines = report.splitlines()
    named = [line for line in lines[1:] if name in line.split(": ", 1)[-1].split(", ")]
    if not named:
        assert "attended 1 of 1" in lines[0], report
        return Outcome.ATTENDED
    assert "attended 0 of 1" in lines[0], report
    [line] = named
    return {
        "No-shows": Outcome.NO_SHOW,
        "Couldn't make it": Outcome.COULDNT_MAKE_IT,
        "No word yet": Outcome.NO_WORD,
    }[line.split(":")[0]]


def _in_history(history: str) -> Outcome:
    for words, said in (
        ("1 attended", Outcome.ATTENDED),
        ("1 no-show", Outcome.NO_SHOW),
        ("1 couldn't make it", Outcome.COULDNT_MAKE_IT),
        ("1 with no word yet", Outcome.NO_WORD),
    ):
        if words in history:
            return said
    raise AssertionError(history)


def _counted(row: dict[str, str]) -> Outcome | None:
    """The outcome a row of counts gives one seat; None when none is counted."""
    for column, said in (
        ("attended", Outcome.ATTENDED),
        ("no_shows", Outcome.NO_SHOW),
        ("couldnt_make_it", Outcome.COULDNT_MAKE_IT),
    ):
        if row[column] == "1":
            return said
    return None


async def test_every_view_gives_each_seat_the_same_outcome(harness: Harness) -> None:
    seats = await _seats(harness)
    now = harness.clock.now()
    expected = {seat.name: outcome(seat.record, seat.shift.ends_at, now) for seat in seats}
    # Every outcome occurs, so each view is checked on each.
    assert set(expected.values()) == set(Outcome)

    _, shift_rows, _ = await export(harness, "/turnout export shifts all")
    by_shift = {row["shift_number"]: row for row in shift_rows}
    _, volunteer_rows, _ = await export(harness, "/turnout export volunteers all")
    by_volunteer = by_name(volunteer_rows)
    _, signup_rows, _ = await export(harness, "/turnout export signups all")
    by_signup = by_name(signup_rows)
    for seat in seats:
        want = expected[seat.name]
        settled = want if want.settled else None
        number = seat.shift.number
        report = await harness.say("Olivia", f"/phonebank report {number}")
        assert _reported(report, seat.name) is want, (seat, report)
        history = await harness.say("Olivia", f"/volunteer history #{seat.volunteer.number}")
        assert _in_history(history) is want, (seat, history)
        assert _counted(by_shift[str(number)]) is settled, seat
        assert _counted(by_volunteer[seat.name]) is settled, seat
        assert by_signup[seat.name]["outcome"] == want.value, seat
        async with harness.storage.unit_of_work() as uow:
            figures = await uow.stats.period(
                seat.shift.campaign_id,
                seat.shift.starts_at,
                seat.shift.starts_at + timedelta(minutes=1),
                now=now,
            )
            [week] = await uow.stats.weeks(
                seat.shift.campaign_id,
                [seat.shift.starts_at, seat.shift.starts_at + timedelta(minutes=1)],
                now,
            )
        counted = {
            Outcome.ATTENDED: figures.attended,
            Outcome.NO_SHOW: figures.no_shows,
            Outcome.COULDNT_MAKE_IT: figures.couldnt_make_it,
            Outcome.NO_WORD: figures.no_word,
        }
        assert counted == {o: int(o is want) for o in Outcome}, (seat, figures)
        assert (week.settled, week.attended) == (
            int(want.settled),
            int(want is Outcome.ATTENDED),
        ), seat


async def test_the_day_after_message_follows_the_outcome(harness: Harness) -> None:
    seats = await _seats(harness)
    now = harness.clock.now()
    async with harness.storage.unit_of_work() as uow:
        await uow.notices.add_all(
            [
                NewNotice(
                    campaign_id=seat.shift.campaign_id,
                    kind=NoticeKind.MISSED_YOU,
                    due_at=now,
                    volunteer_id=seat.volunteer.id,
                    shift_id=seat.shift.id,
                    signup_id=seat.record.signup_id,
                )
                for seat in seats
            ]
        )
        await uow.commit()
    await harness.deliver()
    for seat in seats:
        got = harness.messenger.texts(seat.name.lower())
        said = [t for t in got if "Saturday calls" in t]
        want = outcome(seat.record, seat.shift.ends_at, now)
        if want is Outcome.NO_SHOW:
            assert len(said) == 1 and said[0].startswith("We missed you"), (seat, said)
        elif want is Outcome.COULDNT_MAKE_IT:
            assert len(said) == 1 and said[0].startswith("Thanks again"), (seat, said)
        else:
            assert said == [], (seat, said)
