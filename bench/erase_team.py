"""How long `/turnout erase-team confirm` takes for a campaign of a given size, in one
transaction on SQLite, and how many rows it leaves (none).

Seeds the national campaign at a scale (volunteers, shifts, confirmed sign-ups and pending
reminders) into a fresh SQLite file and erases its team through the core, as its organizer:
each volunteer is forgotten as forget-me forgets one, then every row of the campaign goes.

    python bench/erase_team.py            # 1% and 5% of the national campaign
    python bench/erase_team.py --quick    # 1% only (CI)
"""

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select

from bench.seed import ORGANIZER, national_bot, seed_national_campaign
from bot.ports.replies import Message
from storage import open_storage
from storage.tables import metadata


async def erase(scale: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        storage = await open_storage(f"sqlite:///{Path(folder) / 'campaign.db'}")
        seeded = await seed_national_campaign(storage, scale=scale)
        bot = national_bot(storage)
        organizer = ORGANIZER
        started, cpu = time.perf_counter(), time.process_time()
        reply = await bot.turnout.run_text(organizer, "/turnout erase-team confirm")
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        assert isinstance(reply, Message) and not reply.error, reply
        async with storage.unit_of_work() as uow:
            left = 0
            for table in metadata.sorted_tables:
                counted = select(func.count()).select_from(table)
                left += int(await uow.connection.scalar(counted) or 0)
        print(
            f"  {seeded['volunteers']:>8,}{seeded['shifts']:>8,}{seeded['signups']:>10,}"
            f"{seconds:>10.2f}{cpu:>8.2f}{left:>12,}"
        )
        await bot.wakeups.stop()
        await storage.close()


async def main(scales: list[float]) -> None:
    print("erase-team confirm, one transaction (SQLite)")
    print(
        f"  {'people':>8}{'shifts':>8}{'sign-ups':>10}{'seconds':>10}{'CPU s':>8}{'rows left':>12}"
    )
    for scale in scales:
        await erase(scale)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1% of the campaign only (CI)")
    asyncio.run(main([0.01] if parser.parse_args().quick else [0.01, 0.05]))
