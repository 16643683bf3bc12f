"""Link codes under concurrency: two teams redeeming one code at once (exactly one joins), and
two teams joining one campaign at once (every number handed out once). Two engines over one
database, repeated rounds; the PostgreSQL run is the one that proves it."""

import asyncio
import re

from sqlalchemy import func, select

from bot.app.turnout import Turnout
from bot.domain.campaign import Identity
from bot.kernel.commands import Actor
from bot.linking.commands import LinkTeam
from bot.ports.replies import Message
from storage import SqlStorage
from storage.links import NUMBERED, campaign_tables
from storage.tables import metadata, shifts, teams
from tests.integration.test_seat_races import ROUNDS, Replicas, bots

__all__ = ["bots"]

STATE = Actor(Identity("slack", "T-state", "olivia"), "Olivia", is_organizer=True)


def organizer_of(platform: str, team: str) -> Actor:
    return Actor(Identity(platform, team, "org"), f"Org {team}", is_organizer=True)


async def a_code(bot: Turnout) -> str:
    reply = await bot.handle(LinkTeam(STATE))
    assert isinstance(reply, Message) and not reply.error, reply
    found = re.search(r"`([A-Z0-9-]{14})`", reply.text)
    assert found, reply.text
    return found.group(1)


async def campaign_of(storage: SqlStorage, platform: str, external_id: str) -> int | None:
    async with storage.unit_of_work() as uow:
        team = await uow.campaigns.team(platform, external_id)
        return team.campaign_id if team else None


async def a_shift(bot: Turnout, by: Actor, title: str) -> None:
    reply = await bot.run_text(by, f'/phonebank create "{title}" 2026-11-07 18:00 2h 3')
    assert isinstance(reply, Message) and not reply.error, reply


async def test_two_teams_redeeming_one_code_at_once_only_one_joins(bots: Replicas) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    for n in range(ROUNDS):
        code = await a_code(one)
        a, b = organizer_of("slack", f"T-a{n}"), organizer_of("discord", f"G-b{n}")
        replies = await asyncio.gather(
            one.handle(LinkTeam(a, code=code, confirmed=True)),
            two.handle(LinkTeam(b, code=code, confirmed=True)),
        )
        joined = [r for r in replies if isinstance(r, Message) and not r.error]
        refused = [r for r in replies if isinstance(r, Message) and r.error]
        assert len(joined) == 1 and len(refused) == 1, (n, replies)
        assert refused[0].text.startswith("That link code was already used."), refused
        state = await campaign_of(storage, "slack", "T-state")
        ours = [
            await campaign_of(storage, "slack", f"T-a{n}"),
            await campaign_of(storage, "discord", f"G-b{n}"),
        ]
        assert ours.count(state) == 1, (n, ours)


async def test_two_teams_joining_one_campaign_at_once_get_numbers_nobody_else_has(
    bots: Replicas,
) -> None:
    one, two, storage = bots.one, bots.two, bots.storage
    await a_shift(one, STATE, "State calls")
    for n in range(ROUNDS // 4):
        a, b = organizer_of("slack", f"T-a{n}"), organizer_of("discord", f"G-b{n}")
        for who in (a, b):
            for title in ("First", "Second"):
                await a_shift(one, who, title)
        codes = [await a_code(one), await a_code(one)]
        replies = await asyncio.gather(
            one.handle(LinkTeam(a, code=codes[0], confirmed=True)),
            two.handle(LinkTeam(b, code=codes[1], confirmed=True)),
        )
        assert all(isinstance(r, Message) and not r.error for r in replies), replies
    state = await campaign_of(storage, "slack", "T-state")
    async with storage.engine.connect() as db:
        numbers = (
            (await db.execute(select(shifts.c.number).where(shifts.c.campaign_id == state)))
            .scalars()
            .all()
        )
        linked = await db.scalar(
            select(func.count()).select_from(teams).where(teams.c.campaign_id == state)
        )
    assert sorted(numbers) == list(range(1, 1 + 4 * (ROUNDS // 4) + 1))
    assert linked == 1 + 2 * (ROUNDS // 4)


def test_every_numbered_table_of_a_campaign_is_renumbered_when_it_moves() -> None:
    """A table added later with a campaign and a short number must say which counter
    numbers it in the joined campaign (storage/links.py NUMBERED)."""
    numbered = {t.name for t in campaign_tables() if "number" in t.c}
    assert numbered == set(NUMBERED)
    assert {"teams", "volunteers", "shifts", "tasks", "link_codes"} <= {
        t.name for t in campaign_tables()
    }
    assert "counters" in metadata.tables and "counters" not in {t.name for t in campaign_tables()}
