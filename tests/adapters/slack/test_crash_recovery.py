"""A `turnout run` killed (SIGKILL) or stopped (SIGTERM) in the middle of a reminder fan-out
loses nothing.

The fake Slack rate-limits chat.postMessage so that the fan-out takes a few seconds; the
process is killed once a quarter of the reminders are out, then started again on the same
database. Every volunteer must get their reminder; the only repeats allowed are the sends
that were in flight, unrecorded, at the kill: at most the dispatcher's 8 concurrent sends
(each worker has one message at a time, in flight or waiting for its mark to commit).
"""

import asyncio
import contextlib
import signal
import sqlite3
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bench.seed import seed_due_reminders
from storage import open_storage
from tests.adapters.running import turnout_run, until_logged
from tests.adapters.slack.fake_slack import APP_TOKEN, BOT_TOKEN, TEAM_ID, FakeSlack

REMINDERS = 400
IN_FLIGHT_AT_MOST = 8


def reminders_by_channel(fake: FakeSlack) -> Counter[str]:
    return Counter(
        str(call["channel"])
        for call in fake.calls_to("chat.postMessage")
        if "Reminder:" in call.text
    )


async def start(
    tmp_path: Path, fake: FakeSlack, log: list[str], lease: str = "10"
) -> asyncio.subprocess.Process:
    process = await turnout_run(
        tmp_path,
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_APP_TOKEN": APP_TOKEN,
            "SLACK_API_URL": fake.api_url,
            "SLACK_ORGANIZERS": "U0ORG",
            # What the killed process had claimed but not sent goes out this soon after.
            "TURNOUT_DELIVERY_LEASE_SECONDS": lease,
        },
    )
    await asyncio.wait_for(until_logged(process, "running on slack", log), 30)
    return process


async def drain(process: asyncio.subprocess.Process, log: list[str]) -> None:
    """Keep reading its log, so that a full pipe never stalls it."""
    assert process.stderr is not None
    while line := await process.stderr.readline():
        log.append(line.decode())


async def seeded(tmp_path: Path) -> None:
    storage = await open_storage(f"sqlite:///{tmp_path / 'turnout.db'}")
    await seed_due_reminders(
        storage, REMINDERS, platform="slack", team=TEAM_ID, now=datetime.now(UTC)
    )
    await storage.close()


def fan_out_states(tmp_path: Path) -> dict[str, int]:
    """How many of the fan-out's notices are in each state (the weekly digest aside: it waits
    for Monday). Read-only, so as not to take the write lock from a process still running."""
    path = tmp_path / "turnout.db"
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        counted = db.execute(
            "SELECT state, count(*) FROM notices WHERE kind != 'digest' GROUP BY state"
        )
        return {str(state): int(n) for state, n in counted}


async def all_recorded_sent(tmp_path: Path, within: float) -> None:
    """Wait until the file records every reminder as sent (another process writes it)."""
    deadline = asyncio.get_running_loop().time() + within
    while (states := fan_out_states(tmp_path)) != {"sent": REMINDERS}:
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not every reminder recorded sent after {within:.0f}s: {states}")
        await asyncio.sleep(0.1)


async def interrupted_midway(
    tmp_path: Path, fake: FakeSlack, log: list[str], how: signal.Signals, lease: str
) -> Counter[str]:
    """Start the fan-out, stop it with `how` once a quarter is out; what had arrived by then."""
    first = await start(tmp_path, fake, log, lease)
    reading = asyncio.create_task(drain(first, log))
    await fake.wait_until(
        lambda: sum(reminders_by_channel(fake).values()) >= REMINDERS // 4, within=30
    )
    first.send_signal(how)
    await asyncio.wait_for(first.wait(), 30)
    await reading
    if how is signal.SIGTERM:
        assert first.returncode == 0, "".join(log)
    before = reminders_by_channel(fake)
    assert sum(before.values()) < REMINDERS, "stopped before the fan-out was over"
    return before


async def finished_after_restart(
    tmp_path: Path, fake: FakeSlack, log: list[str], lease: str, within: float
) -> Counter[str]:
    """Start again on the same file; once everyone has their reminder, what arrived in all."""
    second = await start(tmp_path, fake, log, lease)
    reading = asyncio.create_task(drain(second, log))
    try:
        await fake.wait_until(lambda: len(reminders_by_channel(fake)) == REMINDERS, within=within)
        # A reminder is recorded sent only after Slack took it; once all are, nothing more
        # is on its way (a repeat of one the killed process sent included).
        await all_recorded_sent(tmp_path, within=within)
    finally:
        second.send_signal(signal.SIGTERM)
        await asyncio.wait_for(second.wait(), 30)
        await reading
    received = reminders_by_channel(fake)
    assert set(received) == {f"D{n:07d}" for n in range(1, REMINDERS + 1)}, "none lost"
    return received


@pytest.mark.slow
async def test_a_fan_out_stopped_midway_is_finished_at_once_after_restart_with_no_repeats(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    await seeded(tmp_path)
    fake_slack.rate_limits["chat.postMessage"] = 100
    log: list[str] = []
    # A claim that would outlast the test: what the stopped process claimed must come back
    # by being handed back at shutdown, not by running out.
    lease = "600"

    before = await interrupted_midway(tmp_path, fake_slack, log, signal.SIGTERM, lease)

    # Within 30 s, far inside the 600 s lease: the rest was handed back, not left claimed.
    received = await finished_after_restart(tmp_path, fake_slack, log, lease, within=30)
    assert sum(received.values()) - sum(before.values()) == REMINDERS - len(before)
    assert max(received.values()) == 1, "a clean stop repeats nothing"


@pytest.mark.slow
async def test_a_fan_out_killed_midway_is_finished_after_restart_with_nothing_lost(
    tmp_path: Path, fake_slack: FakeSlack
) -> None:
    await seeded(tmp_path)
    fake_slack.rate_limits["chat.postMessage"] = 100
    log: list[str] = []

    before = await interrupted_midway(tmp_path, fake_slack, log, signal.SIGKILL, "10")

    received = await finished_after_restart(tmp_path, fake_slack, log, "10", within=60)
    repeats = {channel: n - 1 for channel, n in received.items() if n > 1}
    assert sum(repeats.values()) <= IN_FLIGHT_AT_MOST, repeats
    # Only a message that had reached Slack before the kill can have been repeated.
    assert set(repeats) <= set(before)
    states = fan_out_states(tmp_path)
    assert states == {"sent": REMINDERS}, states
    print(f"killed after {sum(before.values())} of {REMINDERS}; repeated {sum(repeats.values())}")
