"""Slack commands are recorded before Slack hears "got it", and what a stopped process left
waiting is run by the next and answered privately where it was typed."""

from datetime import timedelta

from sqlalchemy import select

from bot.app.arrivals import LEASE, Slash
from bot.app.recovery import Recovery
from bot.app.turnout import Turnout
from bot.domain.campaign import CampaignDefaults, Identity
from storage import SqlStorage
from storage.tables import inbox
from tests.adapters.slack.conftest import GENERAL, OLIVIA, VERA, Rig
from tests.adapters.slack.fake_slack import TEAM_ID

SATURDAY = '/phonebank create "Saturday calls" 2026-11-28 18:00 2h 12'


async def test_a_join_is_in_the_inbox_and_done_with_its_seat(rig: Rig, storage: SqlStorage) -> None:
    await rig.command(SATURDAY, OLIVIA)
    await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    body = rig.command_body("/phonebank join 1")
    trigger = body.split("trigger_id=")[1].split("&")[0]

    await rig.post(body)
    await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])

    async with storage.unit_of_work(write=False) as uow:
        row = (
            await uow.connection.execute(select(inbox).where(inbox.c.key == f"slack:{trigger}"))
        ).one()
    assert row.done_at is not None and row.payload is None


async def test_a_join_left_waiting_by_a_stopped_process_is_run_and_answered_in_its_channel(
    rig: Rig,
) -> None:
    await rig.command(SATURDAY, OLIVIA)
    await rig.fake.wait_for("chat.postEphemeral", user=OLIVIA[0])
    vera = Identity("slack", TEAM_ID, VERA[0])
    # Accepted by a process that died before running it.
    await dead_process(rig).accept(
        "slack:lost", vera, Slash("/phonebank", "join 1"), {"channel": GENERAL}
    )
    rig.clock.advance(LEASE + timedelta(seconds=1))

    assert await Recovery(rig.bot.turnout, [rig.platform.replayer]).once() == 1

    answered = await rig.fake.wait_for("chat.postEphemeral", user=VERA[0])
    assert answered["channel"] == GENERAL
    assert "you're in" in answered.text.lower()


def dead_process(rig: Rig) -> Turnout:
    """Another process on the same database, which accepts a command and dies."""
    return Turnout(
        storage=rig.bot.storage,
        clock=rig.clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
