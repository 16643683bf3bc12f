"""A real `turnout run` killed (SIGKILL, no goodbye) in the middle of a burst of joins loses none
it acknowledged: each is recorded before Slack hears "got it", and the process started next
runs what was left waiting and answers it. Nothing runs twice.

What a crash can still cost, and the test counts: a join that committed in the instant between
its commit and its answer stands, unanswered (`/phonebank mine` shows it); a request cut before
its acknowledgement is one Slack shows its sender as failed.
"""

import asyncio
import signal
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import func, select

from storage import open_storage
from storage.tables import identities, inbox, signups
from tests.adapters.running import turnout_run
from tests.adapters.slack.conftest import OLIVIA, SECRET
from tests.adapters.slack.fake_slack import FakeSlack
from tests.e2e.replicas import (
    Replica,
    answers_by_user,
    eventually,
    free_port,
    post_signed,
    replica_env,
    slash_command,
    volunteer_ids,
)

pytestmark = pytest.mark.slow

JOINS = 160
# The process is killed once this many joins are acknowledged: mid-burst on any machine.
KILL_AT = JOINS // 4
# The least lease the settings allow: a restarted process takes up waiting commands after it.
LEASE_SECONDS = 10


async def started(tmp_path: Path, fake: FakeSlack, port: int) -> Replica:
    env = replica_env(
        f"sqlite:///{tmp_path / 'turnout.db'}",
        fake,
        SLACK_APP_TOKEN="",
        SLACK_SIGNING_SECRET=SECRET,
        TURNOUT_HTTP_HOST="127.0.0.1",
        TURNOUT_HTTP_PORT=str(port),
        TURNOUT_DELIVERY_LEASE_SECONDS=str(LEASE_SECONDS),
    )
    replica = Replica("turnout", await turnout_run(tmp_path, env))
    await replica.ready()
    return replica


async def test_joins_acknowledged_before_a_kill_are_answered_after_the_restart(
    tmp_path: Path,
) -> None:
    fake = FakeSlack()
    await fake.start()
    port = free_port()
    users = volunteer_ids(JOINS, first=3000)
    first = await started(tmp_path, fake, port)
    second: Replica | None = None
    try:
        async with aiohttp.ClientSession() as http:
            day = (datetime.now(UTC) + timedelta(days=3)).strftime("%Y-%m-%d")
            create = f'create "Crash night" {day} 18:00 2h {JOINS}'
            assert await post_signed(http, port, slash_command(fake, OLIVIA[0], create)) == 200
            await eventually(lambda: OLIVIA[0] in answers_by_user([fake]), "the shift exists")

            acks = 0
            enough = asyncio.Event()

            async def join(user: str) -> bool:
                nonlocal acks
                try:
                    body = slash_command(fake, user, "join 1")
                    ok = await post_signed(http, port, body) == 200
                except aiohttp.ClientError:
                    return False  # cut before its acknowledgement: Slack tells the sender
                acks += ok
                if acks >= KILL_AT:
                    enough.set()
                return ok

            burst = [asyncio.create_task(join(user)) for user in users]
            await enough.wait()
            first.process.send_signal(signal.SIGKILL)
            acknowledged = dict(zip(users, await asyncio.gather(*burst), strict=True))
        await first.stop()
        answered_before = set(answers_by_user([fake]))

        second = await started(tmp_path, fake, port)
        acked = [user for user, ok in acknowledged.items() if ok]
        storage = await open_storage(f"sqlite:///{tmp_path / 'turnout.db'}")
        try:

            async def nothing_waits() -> bool:
                async with storage.unit_of_work(write=False) as uow:
                    waiting = await uow.connection.scalar(
                        select(func.count()).select_from(inbox).where(inbox.c.done_at.is_(None))
                    )
                return waiting == 0

            # The killed process's lease runs out, then the restarted one takes up its rows.
            await eventually(nothing_waits, "the restarted process took up the waiting joins")
            # Each replayed join is answered just after it commits: let those answers land.
            await _settled(lambda: len(answers_by_user([fake])))
            async with storage.unit_of_work(write=False) as uow:
                rows = await uow.connection.execute(
                    select(identities.c.user_external_id).join(
                        signups, signups.c.volunteer_id == identities.c.volunteer_id
                    )
                )
                places = Counter(str(user) for (user,) in rows)
        finally:
            await storage.close()
    finally:
        if second is not None:
            await second.stop()
        await fake.stop()

    told = answers_by_user([fake])
    lost = [u for u in acked if u not in told and u not in places]
    unanswered_but_done = [u for u in acked if u not in told and u in places]
    late = [u for u in acked if u in told and u not in answered_before]
    print(
        f"\ncrash figures: tried {JOINS}, acknowledged {len(acked)}, "
        f"cut before acknowledgement {JOINS - len(acked)}, answered before the kill "
        f"{len(answered_before & set(acked))}, answered after the restart {len(late)}, "
        f"done but unanswered {len(unanswered_but_done)}, lost {len(lost)}"
    )
    assert not lost, f"{len(lost)} acknowledged joins neither happened nor were answered"
    assert all(count == 1 for count in places.values()), "a join ran twice"
    assert all(len(told[u]) == 1 for u in acked if u in told), "a join was answered twice"
    assert late, "nothing was left waiting: the kill came too late to test anything"


async def _settled(count: Callable[[], int], quiet: float = 2.0) -> None:
    """Wait until `count()` has not changed for `quiet` seconds."""
    last = -1
    while (now := count()) != last:
        last = now
        await asyncio.sleep(quiet)
