"""First contact racing itself: a new workspace's or a new person's first commands at once.

On PostgreSQL commands run in parallel, so two of them can both find no team (or no
volunteer) and both insert one; the loser's unit of work is rolled back whole and run again,
and then finds the winner's row. Everyone gets a real answer, and nothing exists twice.
"""

import asyncio

from sqlalchemy import Table, func, select

from bot.app.bootstrap import bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from storage import SqlStorage
from storage.tables import campaigns, teams, volunteers
from tests.fakes import RecordingMessenger, frozen_clock
from tests.render import text_of


def newcomer(user: str) -> Actor:
    return Actor(Identity("test", "T-NEW", user), user.title(), team_name="New campaign")


async def count(storage: SqlStorage, table: Table) -> int:
    async with storage.engine.connect() as connection:
        return (await connection.execute(select(func.count()).select_from(table))).scalar_one()


async def test_a_new_workspaces_first_commands_at_once_all_get_real_answers(
    storage: SqlStorage,
) -> None:
    bot = bootstrap(
        storage=storage,
        messengers=[RecordingMessenger()],
        clock=frozen_clock(),
        defaults=CampaignDefaults(),
    )
    people = [f"user{n}" for n in range(20)]
    # The same newcomer twice (a double-clicked first command) races on their identity too.
    askers = [*people, people[0]]
    # Onlookers only read: they race on the team, and become no volunteers.
    onlookers = [f"onlooker{n}" for n in range(5)]

    replies = await asyncio.gather(
        *(bot.turnout.run_slash(newcomer(u), "/volunteer", "tz Europe/Berlin") for u in askers),
        *(bot.turnout.run_slash(newcomer(user), "/phonebank", "list") for user in onlookers),
    )

    texts = [text_of(reply) for reply in replies]
    assert all("show you times in Europe/Berlin" in text for text in texts[: len(askers)]), texts
    assert all("No shifts are scheduled yet" in text for text in texts[len(askers) :]), texts
    assert await count(storage, teams) == 1
    assert await count(storage, campaigns) == 1
    assert await count(storage, volunteers) == len(people)
