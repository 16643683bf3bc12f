"""`turnout doctor` on Discord: each check against the fake Discord, and the fix it names."""

from collections.abc import AsyncIterator
from typing import Any

import pytest

from adapters.discord.doctor import check_discord
from adapters.discord.settings import DiscordSettings
from tests.adapters.conftest import fixes, lines
from tests.adapters.discord.fake_discord import GUILD_ID, ORGANIZERS, TOKEN, FakeDiscord

SEND_MESSAGES = 1 << 11


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    fake = FakeDiscord()
    await fake.start()
    yield fake
    await fake.stop()


def settings_for(fake: FakeDiscord, **changed: Any) -> DiscordSettings:
    values: dict[str, Any] = {
        "discord_token": TOKEN,
        "discord_api_url": fake.api_url,
        "discord_guild_ids": GUILD_ID,
        "discord_organizer_channel": "organizers",
        "discord_volunteer_channel": "#volunteers",
    }
    return DiscordSettings(**(values | changed))


async def test_a_healthy_set_up_is_all_ok(fake: FakeDiscord) -> None:
    found = await check_discord(settings_for(fake))
    assert lines(found) == [
        "ok   discord: DISCORD_TOKEN is valid (the bot Turnout)",
        "ok   discord: the Server Members intent is on",
        "ok   discord: the bot is in the server Dane County Democrats",
        "ok   discord: the bot can post in #organizers in Dane County Democrats "
        "(DISCORD_ORGANIZER_CHANNEL)",
        "ok   discord: the bot can post in #volunteers in Dane County Democrats "
        "(DISCORD_VOLUNTEER_CHANNEL)",
    ]


async def test_a_channel_given_by_id_is_checked_the_same_way(fake: FakeDiscord) -> None:
    found = await check_discord(settings_for(fake, discord_organizer_channel=ORGANIZERS))
    assert fixes(found) == []
    assert lines(found)[3] == (
        "ok   discord: the bot can post in #organizers in Dane County Democrats "
        "(DISCORD_ORGANIZER_CHANNEL)"
    )


async def test_servers_the_bot_is_in_are_found_without_server_ids(fake: FakeDiscord) -> None:
    found = await check_discord(settings_for(fake, discord_guild_ids=""))
    assert fixes(found) == []
    assert lines(found)[2] == "ok   discord: the bot is in the server Dane County Democrats"


async def test_a_refused_token_says_where_to_reset_it_and_stops_there(fake: FakeDiscord) -> None:
    fake.token = "reset-" + TOKEN
    found = await check_discord(settings_for(fake))
    assert lines(found) == [
        "FIX  discord: Discord refused DISCORD_TOKEN — press Reset Token on the Bot tab of "
        "the Developer Portal and copy the new token into DISCORD_TOKEN"
    ]
    assert TOKEN not in lines(found)[0]


async def test_a_malformed_token_says_what_a_token_looks_like(fake: FakeDiscord) -> None:
    found = await check_discord(settings_for(fake, discord_token="not-a-token"))
    assert [f.state for f in found] == ["FIX"]
    assert "three parts separated by dots" in found[0].text


async def test_the_members_intent_switched_off_says_where_to_switch_it_on(
    fake: FakeDiscord,
) -> None:
    fake.members_intent_enabled = False
    found = await check_discord(settings_for(fake))
    assert fixes(found) == [
        "FIX  discord: the Server Members intent is off, so newcomers aren't welcomed — switch "
        "on Server Members Intent under Privileged Gateway Intents on the Bot tab of the "
        "Developer Portal, save, and restart Turnout"
    ]


async def test_a_server_the_bot_is_not_in_says_to_invite_it(fake: FakeDiscord) -> None:
    fake.guild_ids.clear()
    found = await check_discord(settings_for(fake))
    assert fixes(found) == [
        f"FIX  discord: the bot is not in the server {GUILD_ID} (DISCORD_GUILD_IDS) — add it "
        "with the link `turnout discord-invite` prints, or fix DISCORD_GUILD_IDS"
    ]


async def test_in_no_server_at_all_says_to_invite_it(fake: FakeDiscord) -> None:
    fake.guild_ids.clear()
    found = await check_discord(settings_for(fake, discord_guild_ids=""))
    assert fixes(found) == [
        "FIX  discord: the bot is in no server — add it with the link `turnout "
        "discord-invite` prints"
    ]


async def test_a_channel_the_bot_may_not_post_in_says_which_permission(
    fake: FakeDiscord,
) -> None:
    fake.channels[ORGANIZERS]["permission_overwrites"] = [
        {"id": GUILD_ID, "type": 0, "allow": "0", "deny": str(SEND_MESSAGES)}
    ]
    found = await check_discord(settings_for(fake))
    assert fixes(found) == [
        "FIX  discord: the bot can't post in #organizers in Dane County Democrats "
        "(DISCORD_ORGANIZER_CHANNEL): it lacks Send Messages there — in the channel's "
        "settings, under Permissions, allow the bot (or its role) View Channel, Send Messages "
        "and Embed Links"
    ]


async def test_a_channel_that_is_not_there_names_the_setting(fake: FakeDiscord) -> None:
    found = await check_discord(settings_for(fake, discord_volunteer_channel="volunters"))
    assert fixes(found) == [
        "FIX  discord: there's no channel #volunters in Dane County Democrats — check "
        "DISCORD_VOLUNTEER_CHANNEL (a channel's name or ID)"
    ]


async def test_a_channel_id_the_bot_cannot_see_names_the_setting(fake: FakeDiscord) -> None:
    found = await check_discord(settings_for(fake, discord_organizer_channel="1234567890"))
    assert fixes(found) == [
        "FIX  discord: the bot can't see the channel 1234567890 (DISCORD_ORGANIZER_CHANNEL) — "
        "check the ID, and for a private channel add the bot (or its role) to it"
    ]


async def test_a_channel_in_a_server_not_configured_says_so(fake: FakeDiscord) -> None:
    fake.channels["1300000000000000777"] = {
        **fake.channels[ORGANIZERS],
        "id": "1300000000000000777",
        "guild_id": "1300000000000000999",
    }
    fake.guild_ids.add("1300000000000000999")
    found = await check_discord(settings_for(fake, discord_organizer_channel="1300000000000000777"))
    assert fixes(found) == [
        "FIX  discord: the channel 1300000000000000777 (DISCORD_ORGANIZER_CHANNEL) is in a "
        "server DISCORD_GUILD_IDS doesn't list — name a channel in a server it lists, or add "
        "that server's ID to it"
    ]


async def test_discord_out_of_reach_is_a_finding_not_a_traceback() -> None:
    gone = FakeDiscord()
    await gone.start()
    api_url = gone.api_url
    await gone.stop()
    found = await check_discord(settings_for(gone, discord_api_url=api_url))
    assert [f.state for f in found] == ["FIX"]
    assert found[0].text.startswith(f"can't reach Discord at {api_url} (")
    assert found[0].text.endswith("— check your network or DISCORD_API_URL")


async def test_the_shards_this_process_holds_are_named(fake: FakeDiscord) -> None:
    found = await check_discord(
        settings_for(fake, discord_shard_count="4", discord_shard_ids="2,3")
    )
    assert fixes(found) == []
    assert (
        lines(found)[2] == "ok   discord: this process holds shards 2, 3 of 4 (DISCORD_SHARD_COUNT)"
    )


@pytest.mark.parametrize(
    ("sharding", "says"),
    [
        ({}, "Discord recommends 3 shards for the bot's servers — set DISCORD_SHARD_COUNT"),
        (
            {"discord_shard_count": "2"},
            "DISCORD_SHARD_COUNT is 2 but Discord recommends 3 for the bot's servers — raise it "
            "in every process",
        ),
    ],
)
async def test_fewer_shards_than_discord_recommends_is_noted(
    fake: FakeDiscord, sharding: dict[str, str], says: str
) -> None:
    fake.shards = 3
    found = await check_discord(settings_for(fake, **sharding))
    assert lines(found)[2] == f"note discord: {says} (see docs/discord.md, Many servers: sharding)"
