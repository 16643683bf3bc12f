"""The stateful property test: random weeks of joins, leaves (typed and pressed), re-joins,
organizer add / remove / move / edit / cancel, time passing, check-ins, debriefs, marks, task
claims, forget-me and another team naming its shifts, through the real core and storage;
after every step the invariants of tests/journeys.py hold.

CI runs a bounded number of examples (JOURNEY_EXAMPLES, JOURNEY_STEPS); bench/soak.py runs
the same machine for much longer and prints how many steps it checked.
"""

import asyncio
import os
import tempfile
from collections.abc import Coroutine
from datetime import timedelta
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from tests.journeys import ORGANIZER, OUTSIDE_LINES, PEOPLE, POSITIONED, World

T = TypeVar("T")
EXAMPLES = int(os.environ.get("JOURNEY_EXAMPLES", "12"))
STEPS = int(os.environ.get("JOURNEY_STEPS", "40"))
QUARTER = timedelta(minutes=15)

people = st.sampled_from(PEOPLE)
# Quarters of an hour that pass before someone acts: the week moves on as people do things.
waits = st.integers(min_value=0, max_value=8)
shifts = st.integers(min_value=1, max_value=4)
# A position of the shift with positions, by its number in its list (its name works too).
places = st.integers(min_value=1, max_value=2)


class CampaignWeek(RuleBasedStateMachine):
    """One campaign's week, step by step; `steps_checked` counts across every example."""

    steps_checked: ClassVar[int] = 0
    weeks_checked: ClassVar[int] = 0

    def __init__(self) -> None:
        super().__init__()
        self._loop = asyncio.new_event_loop()
        self._folder = tempfile.TemporaryDirectory()
        self.world: World | None = None

    def run(self, work: Coroutine[Any, Any, T]) -> T:
        return self._loop.run_until_complete(work)

    @property
    def w(self) -> World:
        assert self.world is not None
        return self.world

    @initialize(sign_ups=st.lists(st.tuples(people, shifts), min_size=2, max_size=8))
    def open_the_campaign(self, sign_ups: list[tuple[str, int]]) -> None:
        """The shifts are posted and the first people sign up."""
        self.world = self.run(World.start(Path(self._folder.name) / "turnout.db"))
        for name, number in sign_ups:
            self.join(name, number)

    def teardown(self) -> None:
        if self.world is not None:
            CampaignWeek.steps_checked += self.world.steps
            CampaignWeek.weeks_checked += 1
            self.run(self.world.stop())
        self._loop.close()
        self._folder.cleanup()

    @invariant()
    def everything_agrees(self) -> None:
        if self.world is not None:
            self.run(self.w.check())

    def _later(self, quarters: int) -> None:
        if quarters:
            self.run(self.w.live_through(quarters * QUARTER))

    def _by_organizer(self, name: str, line: str) -> None:
        """Olivia acts on `name` (nobody acts on an erased person: there is no name left)."""
        if name not in self.w.erased:
            self.run(self.w.say(ORGANIZER, line))

    def _as(self, name: str, line: str) -> None:
        if name not in self.w.erased:
            self.run(self.w.say(name, line))

    def _press(self, name: str, action: str) -> None:
        if name not in self.w.erased:
            self.run(self.w.press(name, action))

    @rule(name=people, number=shifts, wait=waits)
    def join(self, name: str, number: int, wait: int = 0) -> None:
        self._later(wait)
        self._as(name, f"/phonebank join {number}")

    @rule(name=people, place=places, pressed=st.booleans(), wait=waits)
    def joins_a_position(self, name: str, place: int, pressed: bool, wait: int) -> None:
        self._later(wait)
        if pressed:
            self._press(name, f"turnout:joinas:{POSITIONED}:{place}")
        else:
            self._as(name, f"/phonebank join {POSITIONED} {place}")

    @rule(name=people, place=places)
    def organizer_adds_in_a_position(self, name: str, place: int) -> None:
        self._by_organizer(name, f"/phonebank add {POSITIONED} {name} as {place}")

    @rule(lead=st.integers(min_value=1, max_value=2), driver=st.integers(min_value=1, max_value=3))
    def organizer_sets_positions(self, lead: int, driver: int) -> None:
        """Again, with other seats: refused when it would drop someone, else lines move up."""
        self.run(
            self.w.say(ORGANIZER, f"/phonebank positions {POSITIONED} lead:{lead} driver:{driver}")
        )

    @rule(name=people, number=shifts, pressed=st.booleans(), wait=waits)
    def leave(self, name: str, number: int, pressed: bool, wait: int = 0) -> None:
        self._later(wait)
        if pressed:
            self._press(name, f"turnout:leave:{number}")
        else:
            self._as(name, f"/phonebank leave {number}")

    @rule(name=people, number=shifts, pressed=st.booleans(), wait=waits)
    def changes_their_mind(self, name: str, number: int, pressed: bool, wait: int) -> None:
        """Leaves and joins again at once: one life, whatever happened before."""
        self.leave(name, number, pressed, wait)
        self.join(name, number)

    @rule(name=people, number=shifts, take=st.booleans(), wait=waits)
    def answer_an_offer(self, name: str, number: int, take: bool, wait: int) -> None:
        self._later(wait)
        self._press(name, f"turnout:{'take' if take else 'pass'}:{number}")

    @rule(name=people, number=shifts)
    def organizer_adds(self, name: str, number: int) -> None:
        self._by_organizer(name, f"/phonebank add {number} {name}")

    @rule(name=people, number=shifts)
    def organizer_removes(self, name: str, number: int) -> None:
        self._by_organizer(name, f"/phonebank remove {number} {name}")

    @rule(name=people, origin=shifts, to=shifts)
    def organizer_moves(self, name: str, origin: int, to: int) -> None:
        self._by_organizer(name, f"/phonebank move {name} {origin} {to}")

    @rule(number=shifts, seats=st.integers(min_value=1, max_value=4))
    def organizer_changes_seats(self, number: int, seats: int) -> None:
        self.run(self.w.say(ORGANIZER, f"/phonebank edit {number} seats {seats} confirm"))

    @rule(number=shifts)
    def organizer_renames(self, number: int) -> None:
        self.run(self.w.edit_title(number))

    @rule(number=shifts, days=st.integers(min_value=-1, max_value=2))
    def organizer_moves_the_date(self, number: int, days: int) -> None:
        self.run(self.w.edit_date(number, days))

    @rule(number=shifts)
    def organizer_cancels(self, number: int) -> None:
        self.run(self.w.say(ORGANIZER, f"/phonebank cancel {number}"))

    @rule(quarters=st.integers(min_value=1, max_value=4 * 30))
    def time_passes(self, quarters: int) -> None:
        self._later(quarters)

    @rule(name=people, number=shifts, wait=waits)
    def checks_in(self, name: str, number: int, wait: int) -> None:
        self._later(wait)
        self._press(name, f"turnout:checkin:{number}")

    @rule(name=people, number=shifts, wait=waits)
    def says_ill_be_there(self, name: str, number: int, wait: int) -> None:
        self._later(wait)
        self._press(name, f"turnout:confirm:{number}")

    @rule(
        name=people,
        number=shifts,
        calls=st.integers(min_value=0, max_value=40),
        made_it=st.booleans(),
        wait=waits,
    )
    def debriefs(self, name: str, number: int, calls: int, made_it: bool, wait: int) -> None:
        self._later(wait)
        said = f"{calls} {calls // 3}" if made_it else "missed"
        self._as(name, f"/phonebank debrief {number} {said}")

    @rule(name=people, number=shifts, here=st.booleans(), wait=waits)
    def organizer_marks(self, name: str, number: int, here: bool, wait: int) -> None:
        self._later(wait)
        self._by_organizer(name, f"/phonebank mark {number} {name} {'here' if here else 'no-show'}")

    @rule(name=people, verb=st.sampled_from(("claim", "done", "release")))
    def works_on_the_task(self, name: str, verb: str) -> None:
        self._as(name, f"/task {verb} 1")

    @rule(name=people, number=shifts, late=st.sampled_from((0, 5, 15)))
    def joins_as_the_process_crashes(self, name: str, number: int, late: int) -> None:
        """Acknowledged, then the process died; taken up `late` minutes after its lease."""
        if name not in self.w.erased:
            line = f"/phonebank join {number}"
            self.run(self.w.cut_by_a_crash(name, line, timedelta(minutes=late)))

    @rule(line=st.sampled_from(OUTSIDE_LINES), number=shifts)
    def another_team_names_a_shift(self, line: str, number: int) -> None:
        self.run(self.w.from_outside(line, number))

    @rule(name=people)
    def forgets_themselves(self, name: str) -> None:
        if name not in self.w.erased:
            self.run(self.w.forget(name))


def test_campaign_weeks_keep_every_invariant() -> None:
    before = CampaignWeek.steps_checked
    run_state_machine_as_test(
        CampaignWeek,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    checked = CampaignWeek.steps_checked - before
    # Not a vacuous pass: the weeks were played, most of them to the full length.
    assert checked >= EXAMPLES * STEPS // 2, checked
    print(f"{checked} steps checked in {EXAMPLES} random weeks")
