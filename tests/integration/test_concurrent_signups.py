"""A rush of sign-ups after a rally: seats are never oversold and the waitlist keeps order."""

import asyncio

from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.domain.signup import SignupStatus
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from bot.signups.commands import JoinShift
from storage import SqlStorage
from tests.fakes import RecordingMessenger, frozen_clock

ORGANIZER = Actor(Identity("test", "T", "olivia"), "Olivia", is_organizer=True)


async def test_200_concurrent_joins_fill_10_seats_and_queue_190_in_arrival_order(
    storage: SqlStorage,
) -> None:
    bot = bootstrap(
        storage=storage,
        messengers=[RecordingMessenger()],
        clock=frozen_clock(),
        defaults=CampaignDefaults(timezone="America/New_York"),
    )
    created = await bot.turnout.run_text(
        ORGANIZER, '/phonebank create "Rally follow-up" 2026-11-07 18:00 2h 10'
    )
    assert isinstance(created, Message) and not created.error, created
    people = [Actor(Identity("test", "T", f"v{i:03d}"), f"Volunteer {i:03d}") for i in range(200)]

    # Every join starts before any finishes: they all race for the same shift row.
    replies = await asyncio.gather(*(bot.turnout.handle(JoinShift(p, shift=1)) for p in people))

    assert all(isinstance(r, Message) and not r.error for r in replies), [
        r for r in replies if not isinstance(r, Message) or r.error
    ][:3]
    # Looked up by the names the roster stores, which may be None.
    told: dict[str | None, str] = {
        p.display_name: r.text
        for p, r in zip(people, replies, strict=True)
        if isinstance(r, Message)  # all are, as asserted above
    }

    async with storage.unit_of_work() as uow:
        shift = await uow.shifts.by_number(1, 1)
        assert shift is not None
        assert await uow.signups.counts(shift.id) == (10, 190)
        roster = await uow.signups.roster(shift.id)
    confirmed = [v.display_name for s, v in roster if s.status is SignupStatus.CONFIRMED]
    waiting = [v.display_name for s, v in roster if s.status is SignupStatus.WAITLISTED]
    # What each person was told matches the stored order: arrival is the order in which the
    # database granted the shift, and nobody's place was given twice.
    assert all(told[name].startswith("You're in!") for name in confirmed)
    for position, name in enumerate(waiting, start=1):
        assert f"you're #{position} on the waitlist" in told[name]
    if storage.dialect_name == "sqlite":
        # One process on SQLite serves writers first come, first served: exactly call order.
        assert confirmed == [p.display_name for p in people[:10]]
        assert waiting == [p.display_name for p in people[10:]]
