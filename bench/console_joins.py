"""Returning volunteers' joins typed into the console, next to plain sqlite3.

The whole console in one process (the chat loop reading lines, the core, the console's screen
and messenger, a SQLite file), as `turnout console` runs it, minus the terminal: each join is
two lines typed, `:as Volunteer N` and `/phonebank join K`, and is timed from the first line
to the end of the second, the join's reply printed and whatever it queued that was due
delivered. The volunteers join once untimed (as newcomers), then again for other shifts,
timed in blocks interleaved with plain sqlite3 writing the same rows (as in bench/signups.py,
whose baseline this is); the ratio is that of the median blocks.

    python bench/console_joins.py              # 500 joins per round
    python bench/console_joins.py --quick      # 50 (CI)
    python bench/console_joins.py --joins N --repeat R
"""

import argparse
import asyncio
import io
import logging
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from adapters.console import ConsoleChat, ConsoleMessenger, Screen
from adapters.console.files import FileShelf
from bench.signups import (
    CONTACT_WITHIN,
    REMINDER_OFFSETS,
    ZONE,
    Plan,
    WrongAnswer,
    check,
    plain_block,
    plain_db,
    shift_day,
)
from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults
from storage import open_storage
from tests.fakes import frozen_clock

ORGANIZER = "Olivia"
# Joins per timed block.
BLOCK = 50


@asynccontextmanager
async def console(db: Path, plan: Plan) -> AsyncIterator[tuple[ConsoleChat, io.StringIO]]:
    """The console on a fresh file, both rounds' shifts created by the organizer."""
    storage = await open_storage(f"sqlite:///{db}")
    out = io.StringIO()
    screen = Screen(out, shelf=FileShelf(db.parent / "turnout-files"))
    names: dict[str, str] = {}
    clock = frozen_clock()
    messenger = ConsoleMessenger(screen, names=names, organizers=lambda: [ORGANIZER.lower()])
    bot = bootstrap(
        storage=storage,
        messengers=[messenger],
        clock=clock,
        defaults=CampaignDefaults(
            name="Bench",
            timezone=ZONE,
            reminder_offsets=REMINDER_OFFSETS,
            contact_within=CONTACT_WITHIN,
        ),
    )
    chat = ConsoleChat(
        turnout=bot.turnout,
        wakeups=bot.wakeups,
        clock=clock,
        screen=screen,
        user=ORGANIZER,
        organizers={ORGANIZER},
        names=names,
        campaign_name="Bench",
    )
    try:
        for n in range(2 * plan.shifts):
            day = shift_day(n).isoformat()
            await chat.handle_line(f'/phonebank create "Calls {n + 1}" {day} 18:00 2h {plan.seats}')
        yield chat, out
    finally:
        await bot.wakeups.stop()
        await storage.close()


async def typed_block(
    chat: ConsoleChat, out: io.StringIO, plan: Plan, numbers: range, volunteers: range
) -> None:
    for index in volunteers:
        out.seek(0)
        out.truncate()
        await chat.handle_line(f":as Volunteer {index}")
        await chat.handle_line(f"/phonebank join {numbers[index % plan.shifts]}")
        shown = out.getvalue()
        if "You're in" not in shown and "waitlist" not in shown:
            raise WrongAnswer(f"volunteer {index}'s join went wrong: {shown.strip()[:200]}")


async def run(folder: Path, plan: Plan, repeat: int, block: int) -> tuple[list[float], ...]:
    """Per block pair: the console's joins a second, plain sqlite3's, and their ratio."""
    console_rates: list[float] = []
    plain_rates: list[float] = []
    ratios: list[float] = []
    new, returning = plan.rounds()
    for attempt in range(repeat):
        core_file, plain_file = folder / f"console-{attempt}.db", folder / f"plain-{attempt}.db"
        async with console(core_file, plan) as (chat, out):
            with plain_db(plain_file, plan) as connection:
                await typed_block(chat, out, plan, new, range(plan.joins))
                plain_block(connection, plan, new, range(plan.joins))
                for k, first in enumerate(range(0, plan.joins, block)):
                    volunteers = range(first, min(plan.joins, first + block))
                    times: dict[str, float] = {}
                    for side in ("console", "plain") if k % 2 == 0 else ("plain", "console"):
                        started = time.perf_counter()
                        if side == "console":
                            await typed_block(chat, out, plan, returning, volunteers)
                        else:
                            plain_block(connection, plan, returning, volunteers)
                        times[side] = time.perf_counter() - started
                    console_rates.append(len(volunteers) / times["console"])
                    plain_rates.append(len(volunteers) / times["plain"])
                    ratios.append(times["console"] / times["plain"])
        check(core_file, plan, returning)
        check(plain_file, plan, returning)
    return console_rates, plain_rates, ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 joins per round, not 500 (CI)")
    parser.add_argument("--joins", type=int, help="how many volunteers join per round")
    parser.add_argument("--repeat", type=int, help="fresh files per side (default 3; quick 1)")
    args = parser.parse_args()
    joins = args.joins if args.joins is not None else 50 if args.quick else 500
    repeat = args.repeat if args.repeat is not None else 1 if args.quick else 3
    if joins < 1 or repeat < 1:
        parser.error("--joins and --repeat need at least 1")
    plan = Plan.for_joins(joins)
    block = max(1, min(BLOCK, joins // 5))
    logging.basicConfig(level=logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        try:
            console_rates, plain_rates, ratios = asyncio.run(run(Path(tmp), plan, repeat, block))
        except WrongAnswer as wrong:
            print(f"Wrong answer, so no figures: {wrong}", file=sys.stderr)
            raise SystemExit(1) from wrong
    core, plain = statistics.median(console_rates), statistics.median(plain_rates)
    print(
        f"Returning volunteers' joins typed into the console: {plan.joins:,} per round, "
        f"interleaved with plain sqlite3 in blocks of {block}"
    )
    print(f"  console, typed      {core:>8,.0f} joins/s")
    print(f"  plain sqlite3       {plain:>8,.0f} joins/s")
    print(
        f"console / plain sqlite3: {plain / core:.1f}x slower (median block pair "
        f"{statistics.median(ratios):.1f}x of {len(ratios)}, all "
        f"{min(ratios):.1f}-{max(ratios):.1f}x)"
    )


if __name__ == "__main__":
    main()
