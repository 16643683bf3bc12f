"""Several processes sweeping at once queue each campaign's digest once (PostgreSQL runs them
in parallel; SQLite one after another)."""

import asyncio
from datetime import UTC, datetime

from bot.domain.notice import NoticeKind
from bot.stats.digest import queue_first_digests
from tests.conftest import Database
from tests.integration.builders import NOW, a_team
from tests.queued import pending_notices


async def test_sweeps_racing_queue_one_digest_per_campaign(database: Database) -> None:
    stores = [await database.open() for _ in range(4)]
    async with stores[0].unit_of_work() as uow:
        for team in ("T1", "T2", "T3"):
            await a_team(uow, team)
        await uow.commit()

    for _ in range(3):
        await asyncio.gather(*(queue_first_digests(store, NOW) for store in stores))

    async with stores[0].unit_of_work() as uow:
        digests = [n for n in await pending_notices(uow) if n.kind is NoticeKind.DIGEST]
    # NOW is Monday Nov 2, 14:00 UTC (09:00 in New York): the next is a week on.
    assert sorted(n.campaign_id for n in digests) == [1, 2, 3]
    assert {n.due_at for n in digests} == {datetime(2026, 11, 9, 14, tzinfo=UTC)}
