"""A campaign's week played at random through the real core, real storage and the recording
messenger, with the invariants every step must keep. The stateful property test
(tests/integration/test_journey_properties.py) drives it in CI; bench/soak.py drives it for
much longer.

The people have names no message uses otherwise, so "no message names an erased person" can
be checked by looking for the name.
"""

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot.app.arrivals import LEASE, Slash
from bot.app.bootstrap import Bot, bootstrap
from bot.app.recovery import Recovery
from bot.app.turnout import Turnout
from bot.domain.attendance import Attendance, Outcome, outcome
from bot.domain.campaign import CampaignDefaults, Identity
from bot.domain.notice import NoticeKind, NoticeState
from bot.domain.phonebank import Shift
from bot.domain.signup import Signup, SignupStatus
from bot.domain.volunteer import Volunteer
from bot.kernel import timefmt
from bot.kernel.commands import Actor
from bot.ports.replies import Reply
from bot.ports.storage import UnitOfWork
from storage import SqlStorage, open_storage
from storage.tables import inbox, notices
from tests.conftest import TEAM, Harness
from tests.fakes import ORGANIZERS, RecordingMessenger, frozen_clock
from tests.render import text_of
from tests.templates import TEMPLATES

ORGANIZER = "Olivia"
# An organizer of another team, never linked to this campaign: whatever she names of it, by a
# crafted button or a typed command, finds nothing of it (linked teams' isolation).
OUTSIDER = Actor(
    Identity("test", "T-outside", "eve"), "Eve", is_organizer=True, team_name="Outside"
)
OUTSIDE_LINES = (
    "turnout:join:{n}",
    "turnout:leave:{n}",
    "/phonebank roster {n}",
    "/phonebank cancel {n}",
)
PEOPLE = ("Quennell", "Rosalind", "Tarquin", "Ulrika")
ZONE = ZoneInfo("America/New_York")
DEFAULTS = CampaignDefaults(name="Journeys", timezone=ZONE.key)
# Three shifts, ten minutes apart on the clock so no date edit makes two start together.
SHIFTS = (
    ("Alpha calls", "2026-11-02 20:00", 2),
    ("Bravo calls", "2026-11-03 18:10", 1),
    ("Charlie calls", "2026-11-05 18:20", 3),
    ("Delta doors", "2026-11-04 18:30", 2),
)
# The shift with positions: each its own seats and line (set again by the organizer at random).
POSITIONED = 4
POSITIONS = "lead:1 driver:1"
INTERNAL_ERROR = "Something went wrong on my side"
# The timed messages a person gets at most once per shift, by the words they start with.
_ONCE_PER_SHIFT = (NoticeKind.CHECK_IN, NoticeKind.DEBRIEF, NoticeKind.MISSED_YOU)
_TITLED = re.compile(r"“([^”]+)” \(#(\d+)\)|#(\d+) “([^”]+)”")


class _Replayer:
    """Recovery's way to the week's people: as they are, and what they are told kept."""

    platform = "test"

    def __init__(self, harness: Harness) -> None:
        self._harness = harness
        self.answers: list[str] = []

    async def actor(self, identity: Identity, route: Mapping[str, Any]) -> Actor | None:
        name = next(n for n in (ORGANIZER, *PEOPLE) if n.lower() == identity.user_external_id)
        return self._harness.actor(name)

    async def answer(self, identity: Identity, route: Mapping[str, Any], reply: Reply) -> None:
        self.answers.append(text_of(reply))


@dataclass
class ShiftFacts:
    """What the test knows a shift was: every title and start it had, the current last."""

    titles: list[str]
    starts: list[datetime]


@dataclass
class World:
    """One campaign: Olivia organizes, five volunteers come and go."""

    harness: Harness
    shifts: dict[int, ShiftFacts] = field(default_factory=dict)
    # Erased names, and how many messages had been sent when each was erased.
    erased: dict[str, int] = field(default_factory=dict)
    checked: int = 0
    steps: int = 0
    # Each person's volunteer id, once storage has shown them (keys of the outcomes).
    ids: dict[str, int] = field(default_factory=dict)

    @classmethod
    async def start(cls, path: Path) -> "World":
        await TEMPLATES.copy_sqlite(path)
        storage = await open_storage(f"sqlite:///{path}")
        messenger = RecordingMessenger()
        clock = frozen_clock()
        bot = bootstrap(
            storage=storage,
            messengers=[messenger],
            clock=clock,
            defaults=DEFAULTS,
        )
        world = cls(Harness(bot, messenger, clock, storage))
        for number, (title, when, seats) in enumerate(SHIFTS, 1):
            created = await world.say(ORGANIZER, f'/phonebank create "{title}" {when} 2h {seats}')
            assert f"Created #{number}" in created, created
            shift = await world.shift(number)
            world.shifts[number] = ShiftFacts([title], [shift.starts_at])
        positioned = await world.say(ORGANIZER, f"/phonebank positions {POSITIONED} {POSITIONS}")
        assert "2 seats in all" in positioned, positioned
        await world.say(ORGANIZER, '/task post "Drop off door hangers" slots 3')
        return world

    async def stop(self) -> None:
        await self.harness.bot.wakeups.stop()
        await self.harness.storage.close()

    @property
    def bot(self) -> Bot:
        return self.harness.bot

    @property
    def storage(self) -> SqlStorage:
        return self.harness.storage

    def now(self) -> datetime:
        return self.harness.clock.now()

    # What people do -------------------------------------------------------------------

    async def say(self, name: str, line: str) -> str:
        said = await self.harness.say(name, line)
        assert INTERNAL_ERROR not in said, (name, line, said)
        return said

    async def press(self, name: str, action: str) -> str:
        said = await self.harness.press(name, action)
        assert INTERNAL_ERROR not in said, (name, action, said)
        return said

    async def live_through(self, span: timedelta) -> None:
        """Time passes a quarter of an hour at a time: each message goes out at its moment."""
        end = self.now() + span
        while self.now() < end:
            await self.harness.advance(min(timedelta(minutes=15), end - self.now()))
            # What went out is judged as things stood when it went: a "We missed you" sent
            # before an organizer, later in the same step, marks the person here was true.
            self._new_messages_are_true(await self._outcomes_now())
            self.checked = len(self.harness.messenger.sent)

    async def edit_title(self, number: int) -> None:
        facts = self.shifts[number]
        title = f"{facts.titles[0]} v{len(facts.titles) + 1}"
        said = await self.say(ORGANIZER, f"/phonebank edit {number} title {title} confirm")
        if "can't" not in said and "isn't" not in said and "has already" not in said:
            facts.titles.append((await self.shift(number)).title)

    async def edit_date(self, number: int, days: int) -> None:
        shift = await self.shift(number)
        day = (shift.starts_at.astimezone(ZONE) + timedelta(days=days)).date()
        await self.say(ORGANIZER, f"/phonebank edit {number} date {day.isoformat()} confirm")
        moved = await self.shift(number)
        if moved.starts_at != self.shifts[number].starts[-1]:
            self.shifts[number].starts.append(moved.starts_at)

    async def cut_by_a_crash(self, name: str, line: str, late: timedelta) -> None:
        """`name` types `line` into a process that acknowledges it and dies; `late` after its
        lease runs out, the process that looks next takes it up (runs it, or past ten minutes
        says send it again), and it is never left waiting."""
        command, _, text = line.partition(" ")
        dead = Turnout(storage=self.storage, clock=self.harness.clock, defaults=DEFAULTS)
        await dead.accept(
            f"crash:{self.steps}", self.harness.actor(name).identity, Slash(command, text), {}
        )
        await self.live_through(LEASE + late + timedelta(seconds=1))
        replayer = _Replayer(self.harness)
        await Recovery(self.bot.turnout, [replayer]).once()
        assert all(INTERNAL_ERROR not in said for said in replayer.answers), replayer.answers
        async with self.storage.engine.connect() as connection:
            waiting = await connection.scalar(
                select(func.count()).select_from(inbox).where(inbox.c.done_at.is_(None))
            )
        assert waiting == 0, "a command was left waiting after a pass"

    async def from_outside(self, line: str, number: int) -> None:
        """The outsider names shift `number` of this campaign: refused, nothing changed."""
        typed = line.format(n=number)
        turnout = self.bot.turnout
        if typed.startswith("/"):
            reply = await turnout.run_text(OUTSIDER, typed)
        else:
            reply = await turnout.press(OUTSIDER, typed)
        said = text_of(reply)
        assert f"There's no shift #{number}." in said, (typed, said)
        await self.harness.deliver()

    async def forget(self, name: str) -> None:
        await self.press(name, "turnout:forget")
        self.erased[name] = len(self.harness.messenger.sent)

    # What storage holds ----------------------------------------------------------------

    async def shift(self, number: int) -> Shift:
        async with self.storage.unit_of_work() as uow:
            team = await uow.campaigns.team("test", TEAM)
            assert team is not None
            shift = await uow.shifts.by_number(team.campaign_id, number)
        assert shift is not None
        return shift

    async def _shifts_now(self) -> dict[int, Shift]:
        async with self.storage.unit_of_work() as uow:
            team = await uow.campaigns.team("test", TEAM)
            assert team is not None
            found = {n: await uow.shifts.by_number(team.campaign_id, n) for n in self.shifts}
        return {n: shift for n, shift in found.items() if shift is not None}

    async def _sent_notices(self) -> list[dict[str, Any]]:
        async with self.storage.engine.connect() as connection:
            result = await connection.execute(
                select(notices).where(notices.c.state == NoticeState.SENT.value)
            )
            return [dict(row) for row in result.mappings()]

    # The invariants --------------------------------------------------------------------

    async def check(self) -> None:
        """Every invariant, after every step."""
        self.steps += 1
        await self._seats_hold()
        await self._one_of_each_timed_message()
        await self._views_agree()
        await self._nobody_from_outside()
        self._new_messages_are_true(await self._outcomes_now())
        self.checked = len(self.harness.messenger.sent)

    async def _seats_hold(self) -> None:
        """The seat invariant: never over capacity; nobody waits while a seat is free (and not
        on offer) before the start; each person holds at most one active sign-up a shift."""
        shifts = await self._shifts_now()
        async with self.storage.unit_of_work() as uow:
            for number, shift in shifts.items():
                roster = await uow.signups.roster(shift.id)
                taken = sum(1 for s, _ in roster if s.status.holds_seat)
                waiting = [s for s, _ in roster if s.status is SignupStatus.WAITLISTED]
                assert taken <= shift.capacity, (number, roster)
                # With positions, someone may wait for a driver seat while a lead seat is free:
                # the rule holds per position (below).
                before = not shift.is_cancelled and not shift.has_started(self.now())
                if before and not shift.positioned:
                    assert not (waiting and taken < shift.capacity), (number, roster)
                people = Counter(v.id for _, v in roster)
                assert all(n == 1 for n in people.values()), (number, roster)
                if shift.positioned:
                    await self._each_position_holds(uow, shift, roster)

    async def _each_position_holds(
        self, uow: UnitOfWork, shift: Shift, roster: Sequence[tuple[Signup, Volunteer]]
    ) -> None:
        """The seat invariant per position: every active sign-up is in one of the shift's
        positions; each position's seats are never oversold, and nobody waits for one while
        it has a free seat (and not on offer) before the start."""
        positions = {p.id: p for p in await uow.positions.of_shift(shift.id)}
        assert sum(p.seats for p in positions.values()) == shift.capacity, (shift, positions)
        for position in positions.values():
            mine = [s for s, _ in roster if s.position_id == position.id]
            taken = sum(1 for s in mine if s.status.holds_seat)
            waiting = [s for s in mine if s.status is SignupStatus.WAITLISTED]
            assert taken <= position.seats, (position, roster)
            if not shift.is_cancelled and not shift.has_started(self.now()):
                assert not (waiting and taken < position.seats), (position, roster)
        assert all(s.position_id in positions for s, _ in roster), (positions, roster)

    async def _nobody_from_outside(self) -> None:
        """Every roster of the campaign holds only its own volunteers."""
        shifts = await self._shifts_now()
        async with self.storage.unit_of_work() as uow:
            for number, shift in shifts.items():
                roster = await uow.signups.roster(shift.id)
                strangers = [v for _, v in roster if v.campaign_id != shift.campaign_id]
                assert not strangers, (number, strangers)

    async def _one_of_each_timed_message(self) -> None:
        """At most one check-in, "How did it go?" and day-after message per person and shift,
        one reminder per offset and moment, and one two-misses alert per person and shift."""
        sent = await self._sent_notices()
        once = Counter(
            (n["volunteer_id"], n["shift_id"], n["kind"])
            for n in sent
            if NoticeKind(n["kind"]) in _ONCE_PER_SHIFT
        )
        assert all(times == 1 for times in once.values()), once
        reminders = Counter(
            (n["volunteer_id"], n["shift_id"], n["due_at"])
            for n in sent
            if n["kind"] == NoticeKind.SHIFT_REMINDER.value
        )
        assert all(times == 1 for times in reminders.values()), reminders
        alerts = Counter(
            (n["payload"]["volunteer_id"], n["shift_id"])
            for n in sent
            if n["kind"] == NoticeKind.TWO_MISSES.value
        )
        assert all(times == 1 for times in alerts.values()), alerts

    async def _outcomes_now(self) -> dict[tuple[int, int], Outcome]:
        """(volunteer id, shift number) → the outcome of each confirmed seat of a shift that wasn't
        cancelled (a cancelled shift's seats came to nothing), as of now."""
        found: dict[tuple[int, int], Outcome] = {}
        shifts = await self._shifts_now()
        async with self.storage.unit_of_work() as uow:
            for number, shift in shifts.items():
                if shift.is_cancelled:
                    continue
                records = await uow.attendance.for_shift(shift.id)
                for signup, volunteer in await uow.signups.roster(shift.id):
                    if signup.status is SignupStatus.CONFIRMED:
                        record = records.get(signup.id, Attendance(signup.id))
                        found[(volunteer.id, number)] = outcome(record, shift.ends_at, self.now())
                    if volunteer.forgotten_at is None:
                        self.ids[volunteer.name] = volunteer.id
        return found

    async def _views_agree(self) -> None:
        """The report, the stats counted in SQL and each person's history give the outcomes
        the domain gives."""
        outcomes = await self._outcomes_now()
        shifts = await self._shifts_now()
        for number, shift in shifts.items():
            mine = Counter(o for (_, n), o in outcomes.items() if n == number)
            async with self.storage.unit_of_work() as uow:
                figures = await uow.stats.period(
                    shift.campaign_id,
                    shift.starts_at,
                    shift.starts_at + timedelta(minutes=1),
                    now=self.now(),
                )
            if shift.is_cancelled:
                continue
            assert (figures.attended, figures.no_shows, figures.couldnt_make_it) == (
                mine[Outcome.ATTENDED],
                mine[Outcome.NO_SHOW],
                mine[Outcome.COULDNT_MAKE_IT],
            ), (number, figures, mine)
            report = await self.harness.say(ORGANIZER, f"/phonebank report {number}")
            assert f"attended {mine[Outcome.ATTENDED]} of {sum(mine.values())}" in report, (
                report,
                mine,
            )
        for name in PEOPLE:
            if name in self.erased:
                continue
            # Asked by the organizer: asking as them would bring a newcomer in.
            history = await self.harness.say(ORGANIZER, f"/volunteer history {name}")
            if "record:" not in history:
                continue
            theirs = Counter(
                o
                for (who, n), o in outcomes.items()
                if who == self.ids.get(name) and shifts[n].has_started(self.now())
            )
            assert f"{theirs[Outcome.ATTENDED]} attended" in history, (history, theirs)
            no_shows = theirs[Outcome.NO_SHOW]
            assert f"{no_shows} no-show{'' if no_shows == 1 else 's'}" in history, history

    def _new_messages_are_true(self, outcomes: dict[tuple[int, int], Outcome]) -> None:
        """Each message sent since the last step: names nobody erased before it was sent,
        describes each shift by its title and start as they stand, and "We missed you" goes
        only to a no-show."""
        sent = self.harness.messenger.sent
        for index in range(self.checked, len(sent)):
            message = sent[index]
            text = text_of(message.reply)
            for name, erased_at in self.erased.items():
                assert index < erased_at or name not in text, (name, text)
            for match in _TITLED.finditer(text):
                title = match.group(1) or match.group(4)
                number = int(match.group(2) or match.group(3))
                facts = self.shifts.get(number)
                # Tasks are numbered too: only a shift's title (any it ever had) is checked.
                if facts is not None and any(title in f.titles for f in self.shifts.values()):
                    assert title == facts.titles[-1], (text, facts)
            if "moved" not in text:
                for facts in self.shifts.values():
                    if facts.titles[-1] in text:
                        for former in facts.starts[:-1]:
                            assert timefmt.when(former, ZONE) not in text or (
                                facts.starts[-1] == former
                            ), (text, facts)
            if text.startswith("We missed you at “"):
                title = text.split("“", 1)[1].split("”", 1)[0]
                [number] = [n for n, f in self.shifts.items() if f.titles[-1] == title]
                who = next(p for p in PEOPLE if p.casefold() == message.to)
                seat = (self.ids.get(who, 0), number)
                assert outcomes.get(seat) is Outcome.NO_SHOW, (who, number, text)
            assert message.to == ORGANIZERS or message.to not in {
                p.casefold() for p in self.erased if self.erased[p] <= index
            }, (message.to, text)
