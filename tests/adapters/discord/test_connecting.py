"""Connecting: login, the gateway, command sync, intents, a bad token."""

import logging
from pathlib import Path

import pytest

from adapters.discord import DiscordPlatform
from adapters.platform import PlatformError
from bot import catalogue
from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import APP_ID, GUILD_ID, FakeDiscord

# What the catalogue offers on menus: every group, each with the subcommands its menu shows.
GROUPS = {
    group.name: {entry.verb for entry in catalogue.entries(group.name) if entry.menu}
    for group in catalogue.GROUPS
}


async def test_commands_are_synced_to_the_configured_server_at_start(world: World) -> None:
    (sync,) = world.fake.made("PUT", rf"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    synced = {c["name"]: c for c in sync.json}
    assert {name: {o["name"] for o in c["options"]} for name, c in synced.items()} == GROUPS
    assert {"join", "create", "edit", "propose"} <= GROUPS["phonebank"], "a real menu"
    assert not world.fake.made("PUT", rf"/applications/{APP_ID}/commands")
    join = next(o for o in synced["phonebank"]["options"] if o["name"] == "join")
    assert join["description"] == (
        "Take a seat on a shift (or a waitlist spot if it's full), in a position if it has them"
    )
    shift, _position = join["options"]
    # Spanish clients read its description in Spanish (tests/adapters/discord/test_languages.py).
    shift.pop("description_localizations")
    assert shift == {
        "name": "shift",
        "description": "The shift's number; start typing its number or title",
        "type": 4,
        "required": True,
        "autocomplete": True,
        "min_value": 1,
        "max_value": 1_000_000,
    }
    create = next(o for o in synced["phonebank"]["options"] if o["name"] == "create")
    assert create["description"].endswith("(organizers)")
    assert [o["name"] for o in create["options"]] == [
        "title",
        "date",
        "start",
        "length",
        "seats",
        "link",
    ]
    assert not any(o.get("required") for o in create["options"])
    # Slash commands are for servers; in DMs people use the buttons.
    assert all(c["contexts"] == [0] for c in sync.json)


async def test_without_server_ids_commands_are_synced_globally(tmp_path: Path) -> None:
    world = await start_world(tmp_path, guild_ids=())
    try:
        (sync,) = world.fake.made("PUT", rf"/applications/{APP_ID}/commands")
        assert {c["name"] for c in sync.json} == set(GROUPS)
    finally:
        await stop_world(world)


async def test_the_gateway_address_comes_from_discord_and_identify_asks_for_members(
    world: World,
) -> None:
    assert world.fake.made("GET", "/gateway/bot")
    (identify,) = world.fake.identifies
    assert identify["intents"] == 1 | 2  # guilds, and the privileged server members intent


async def test_a_set_gateway_url_is_used_without_asking_discord(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    world = await start_world(tmp_path, fake=fake, gateway_url=fake.gateway_url)
    try:
        assert not fake.made("GET", "/gateway/bot")
        assert fake.identifies
    finally:
        await stop_world(world)


async def test_without_the_members_intent_the_bot_reconnects_and_commands_still_work(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="adapters.discord")
    world = await start_world(tmp_path, fake=FakeDiscord(members_intent_enabled=False))
    try:
        assert [i["intents"] for i in world.fake.identifies] == [1 | 2, 1]
        assert not world.platform.members_intent
        warnings = [r.getMessage() for r in caplog.records if r.name.startswith("adapters")]
        assert warnings == [
            "Discord refused the Server Members intent, so Turnout can't see people join and "
            "won't welcome them; commands and buttons work. Turn on Server Members Intent in "
            "the Developer Portal (Bot tab) and restart."
        ]
        call = await world.slash("Maria", "phonebank", "list")
        assert "No shifts are scheduled yet" in call.text
    finally:
        await stop_world(world)


async def test_a_token_discord_refuses_stops_start_with_one_line(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    wrong = "MTMwMDAwMDAwMDAwMDAwMDAwMQ.wrong.token"
    platform = DiscordPlatform(token=wrong, api_url=fake.api_url)
    try:
        with pytest.raises(PlatformError, match="Discord refused DISCORD_TOKEN"):
            # The token is refused before the core is needed, so there is none.
            await platform.start(turnout=None)  # type: ignore[arg-type]
    finally:
        await platform.stop()
        await fake.stop()


def test_a_malformed_token_is_a_configuration_error() -> None:
    from bot.app.settings import ConfigurationError

    with pytest.raises(ConfigurationError, match="DISCORD_TOKEN is not valid"):
        DiscordPlatform(token="not-a-token", api_url="http://127.0.0.1:9")
