"""Discord interactions are recorded before they run, and what a stopped process left waiting
is run by the next and answered by DM (the interaction itself can no longer be answered)."""

from datetime import timedelta

from bot.app.arrivals import LEASE, Options
from bot.app.recovery import Recovery
from bot.app.turnout import Turnout
from bot.domain.campaign import CampaignDefaults, Identity
from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import GUILD_ID, ORGANIZERS
from tests.adapters.discord.interactions import member_add, uid


async def test_a_join_left_waiting_by_a_stopped_process_is_run_and_answered_by_dm(
    world: World,
) -> None:
    await world.create_shift("Saturday calls")
    maria = Identity("discord", GUILD_ID, uid("Maria"))
    await dead_process(world).accept(
        "discord:lost", maria, Options("phonebank", "join", {"shift": 1}), {"channel": ""}
    )
    world.clock.advance(LEASE + timedelta(seconds=1))

    assert await Recovery(world.bot.turnout, [world.platform.replayer]).once() == 1

    (answer,) = world.fake.dms_to(uid("Maria"))
    assert "Saturday calls" in answer.content
    roster = await world.slash("Olivia", "phonebank", "roster", shift=1)
    assert "Maria" in roster.text


async def test_a_join_event_delivered_twice_welcomes_once(world: World) -> None:
    await world.join_server("Jamal")
    await world.fake.dispatch("GUILD_MEMBER_ADD", member_add("Jamal"))
    await world.deliver()

    assert len(world.fake.dms_to(uid("Jamal"))) == 1
    assert len(world.fake.messages_in(ORGANIZERS)) == 1


def dead_process(world: World) -> Turnout:
    """Another process on the same database, which accepts a command and dies."""
    return Turnout(
        storage=world.bot.storage,
        clock=world.clock,
        defaults=CampaignDefaults(name="Test campaign", timezone="America/New_York"),
    )
