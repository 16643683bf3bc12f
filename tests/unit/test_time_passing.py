"""Time let pass in one go (the console's `:advance`) does what the minutes would have done,
each thing at its own moment and in order."""

from datetime import datetime, timedelta

from tests.conftest import Harness
from tests.unit.test_reminders import CREATE, STARTS


async def pass_time(h: Harness, span: timedelta) -> list[tuple[datetime, str, str]]:
    """Let `span` pass; each message sent meanwhile, with the moment the clock stopped at."""
    sent_before = len(h.messenger.sent)
    stops: list[tuple[datetime, int]] = []
    await h.bot.wakeups.pass_time(
        h.clock, span, stopped=lambda moment: stops.append((moment, len(h.messenger.sent)))
    )
    stamped = []
    for index, sent in enumerate(h.messenger.sent[sent_before:], sent_before):
        moment = max(m for m, count in stops if count <= index)
        stamped.append((moment, sent.to, sent.text))
    return stamped


async def test_a_jump_across_the_start_sends_the_hour_reminder_then_the_check_in(
    harness: Harness,
) -> None:
    await harness.say("Olivia", CREATE)
    await harness.say("Maria", "/phonebank join 1")
    await harness.advance(STARTS - timedelta(hours=2) - harness.clock.now())

    sent = [
        (moment, text)
        for moment, to, text in await pass_time(harness, timedelta(hours=3))
        if to == "maria"
    ]

    assert [moment for moment, _ in sent] == [STARTS - timedelta(hours=1), STARTS]
    assert "starts in 1 hour" in sent[0][1]
    assert "It's starting now" in sent[1][1]
    assert harness.clock.now() == STARTS + timedelta(hours=1)


async def test_a_long_jump_sends_every_reminder_on_its_day(harness: Harness) -> None:
    await harness.say("Olivia", CREATE)
    await harness.say("Maria", "/phonebank join 1")
    harness.messenger.clear()

    sent = await pass_time(harness, timedelta(days=7))

    to_maria = [(moment, text) for moment, to, text in sent if to == "maria"]
    assert [moment for moment, _ in to_maria] == [
        STARTS - timedelta(days=1),
        STARTS - timedelta(hours=1),
        STARTS,
        STARTS + timedelta(hours=2, minutes=15),
    ]
    assert "starts in 1 day" in to_maria[0][1] and "How did it go?" in to_maria[3][1]


async def test_nothing_due_lets_the_whole_span_pass_in_one_step(harness: Harness) -> None:
    start = harness.clock.now()
    stops: list[datetime] = []

    await harness.bot.wakeups.pass_time(harness.clock, timedelta(hours=5), stopped=stops.append)

    assert stops == [start + timedelta(hours=5)]
    assert harness.clock.now() == start + timedelta(hours=5)
