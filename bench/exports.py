"""How long an export of the national campaign takes, and what it costs in memory.

Seeds the national campaign (100,000 volunteers, 20,000 shifts, 100,000 sign-ups) into a fresh
SQLite file, then runs `/turnout export <kind> all` through the core for each kind and prints
the rows, the file's size, the time (wall clock, and the CPU time of the process, which other
work on a shared machine disturbs less), and the peak of Python memory during a second run
(tracemalloc, which slows Python, so it is not timed): the rows are read 1,000 at a time, so
the peak is the CSV being built (a few times its size), not the tables. Last, how long a
volunteer's `/volunteer tz` waits when it arrives during the volunteers export: on SQLite the
export holds the write turn while it reads.

    python bench/exports.py            # full scale
    python bench/exports.py --quick    # a tenth of it (CI)
"""

import argparse
import asyncio
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.seed import ORGANIZER, national_bot, seed_national_campaign
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from storage import open_storage

KINDS = ("volunteers", "signups", "shifts")


async def main(scale: float) -> None:
    with tempfile.TemporaryDirectory() as folder:
        storage = await open_storage(f"sqlite:///{Path(folder) / 'national.db'}")
        seeded = await seed_national_campaign(storage, scale=scale)
        bot = national_bot(storage)
        organizer = ORGANIZER
        print(
            f"national campaign: {seeded['volunteers']:,} volunteers, {seeded['shifts']:,} "
            f"shifts, {seeded['signups']:,} sign-ups (SQLite)"
        )
        print(
            f"{'export':<22}{'rows':>10}{'file MiB':>10}{'seconds':>9}{'CPU s':>8}{'peak MiB':>10}"
        )
        for kind in KINDS:
            line = f"/turnout export {kind} all"
            started, cpu = time.perf_counter(), time.process_time()
            reply = await bot.turnout.run_text(organizer, line)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
            tracemalloc.start()
            await bot.turnout.run_text(organizer, line)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            assert isinstance(reply, Message) and reply.files, reply
            content = reply.files[0].content
            rows = content.count(b"\n") - 1
            print(
                f"  {kind + ' all':<20}{rows:>10,}{len(content) / 2**20:>10.1f}"
                f"{seconds:>9.2f}{cpu:>8.2f}{peak / 2**20:>10.1f}"
            )
        volunteer = Actor(Identity("console", "console", "volunteer 7"), "Volunteer 7")
        export = asyncio.ensure_future(
            bot.turnout.run_text(organizer, "/turnout export volunteers all")
        )
        await asyncio.sleep(0.05)
        started = time.perf_counter()
        await bot.turnout.run_text(volunteer, "/volunteer tz America/Chicago")
        waited = time.perf_counter() - started
        await export
        print(f"a /volunteer tz during the volunteers export waited {waited:.2f} s (SQLite)")
        await bot.wakeups.stop()
        await storage.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a tenth of the data (CI)")
    asyncio.run(main(0.1 if parser.parse_args().quick else 1.0))
