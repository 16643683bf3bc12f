"""Property: whatever people type, a refused command leaves the database exactly as it was."""

import asyncio
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.app.bootstrap import Bot, bootstrap
from bot.domain.campaign import CampaignDefaults, Identity
from bot.kernel.commands import Actor
from bot.ports.replies import Message
from storage import SqlStorage, open_storage, tables
from tests.fakes import RecordingMessenger, frozen_clock

PREFIXES = [
    "/phonebank create ",
    '/phonebank create "Calls" ',
    '/phonebank create "Calls" 2026-11-07 ',
    '/phonebank create "Calls" 2026-11-07 18:00 2h ',
    "/phonebank join ",
    "/phonebank leave ",
    "/phonebank announce 1 ",
    "/phonebank cancel ",
    "/volunteer tz ",
    "/volunteer reminders ",
    "/volunteer contacted ",
    "/turnout tz ",
    "/turnout reminders ",
    "/task post ",
    '/task post "Flyers" ',
    "/task claim ",
    "/task done ",
    "/task list ",
    "/task edit 1 ",
    "/task edit ",
    "/task cancel ",
    "/phonebank proposals ",
    "",
]
TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=80
) | st.sampled_from(["0", "-1", "#1", "1", "2026-02-30", "25:00", "@everyone", "x" * 10_000])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[asyncio.Runner, Bot]]:
    """One bot on a real SQLite file with a shift, a volunteer on it, and a task."""
    db = tmp_path_factory.mktemp("refusals") / "turnout.db"
    with asyncio.Runner() as runner:
        storage = runner.run(open_storage(f"sqlite:///{db}"))
        bot = bootstrap(
            storage=storage,
            messengers=[RecordingMessenger()],
            clock=frozen_clock(),
            defaults=CampaignDefaults(timezone="America/New_York"),
        )
        for who, line in (
            (ORGANIZER, '/phonebank create "Calls" 2026-11-07 18:00 2h 1'),
            (VOLUNTEER, "/phonebank join 1"),
            (ORGANIZER, '/task post "Flyers"'),
        ):
            reply = runner.run(bot.turnout.run_text(who, line))
            assert isinstance(reply, Message) and not reply.error, reply
        yield runner, bot
        runner.run(storage.close())


ORGANIZER = Actor(Identity("test", "T", "olivia"), "Olivia", is_organizer=True)
VOLUNTEER = Actor(Identity("test", "T", "maria"), "Maria")


async def snapshot(bot: Bot) -> dict[str, list[tuple]]:
    assert isinstance(bot.storage, SqlStorage)
    async with bot.storage.engine.connect() as conn:
        return {
            table.name: [tuple(row) for row in await conn.execute(select(table))]
            for table in tables.metadata.sorted_tables
        }


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(prefix=st.sampled_from(PREFIXES), text=TEXT, organizer=st.booleans())
def test_a_refused_command_changes_nothing(
    world: tuple[asyncio.Runner, Bot], prefix: str, text: str, organizer: bool
) -> None:
    runner, bot = world
    actor = ORGANIZER if organizer else Actor(Identity("test", "T", "newcomer"), "Newcomer")
    before = runner.run(snapshot(bot))
    reply = runner.run(bot.turnout.run_text(actor, prefix + text))
    after = runner.run(snapshot(bot))
    if isinstance(reply, Message) and reply.error:
        assert after == before, reply.text
        assert len(reply.text) < 700
