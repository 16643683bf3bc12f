"""Files go out as multipart attachments through discord.py: DMs, organizer posts, answers."""

import asyncio
from pathlib import Path

import pytest

from bot.domain.campaign import Identity, Team
from bot.kernel.commands import Command
from bot.ports.messenger import DeliveryError
from bot.ports.replies import Attachment, Message, Reply
from tests.adapters.discord import interactions as make
from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import APP_ID, GUILD_ID, ORGANIZERS, Call, dm_channel
from tests.adapters.discord.interactions import uid

CSV = b"name,zip\nMaria,02139\n"
REPORT = Attachment("volunteers.csv", CSV, "text/csv", title="Volunteers")


def attached(call: Call) -> list[tuple[str, bytes]]:
    return [(f.filename, f.content) for f in call.files]


async def test_a_dm_with_a_file_arrives_as_an_attachment(world: World) -> None:
    maria = Identity("discord", GUILD_ID, uid("Maria"))

    await world.platform.messenger.send_direct(maria, Message("Your export", files=(REPORT,)))

    [dm] = world.fake.dms_to(uid("Maria"))
    assert dm.content == "Your export"
    assert attached(dm) == [("volunteers.csv", CSV)]
    assert dm.json["attachments"][0]["description"] == "Volunteers"


async def test_an_organizer_post_with_a_file_arrives_in_the_organizer_channel(world: World) -> None:
    team = Team(1, "discord", GUILD_ID, 1)

    await world.platform.messenger.post_to_organizers(team, Message("Chart", files=(REPORT,)))

    [post] = world.fake.messages_in(ORGANIZERS)
    assert attached(post) == [("volunteers.csv", CSV)]


async def test_a_command_answer_carries_its_file_privately(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def answer_with_a_file(command: Command, *_: object) -> Reply:
        return Message("Here is the list.", files=(REPORT,))

    monkeypatch.setattr(world.bot.turnout, "handle", answer_with_a_file)

    answered = await world.slash("Olivia", "phonebank", "list")

    assert answered.data["content"] == "Here is the list."
    assert answered.data["flags"] & 64, "only the organizer who asked sees it"
    assert attached(answered) == [("volunteers.csv", CSV)]


async def test_a_slow_answer_sends_its_file_in_the_follow_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = await start_world(tmp_path, budget=0.05)
    try:

        async def slow_answer(command: Command, *_: object) -> Reply:
            await asyncio.sleep(0.3)
            return Message("Here is the list.", files=(REPORT,))

        monkeypatch.setattr(world.bot.turnout, "handle", slow_answer)

        deferred = await world.slash("Olivia", "phonebank", "list")
        follow_up = (await world.fake.wait_for("POST", rf"/webhooks/{APP_ID}/[^/]+"))[0]

        assert deferred.json["type"] == 5
        assert attached(follow_up) == [("volunteers.csv", CSV)]
        assert follow_up.json["flags"] & 64
    finally:
        await stop_world(world)


async def test_a_rate_limited_attachment_send_is_a_delivery_error_to_retry_later(
    world: World,
) -> None:
    maria = Identity("discord", GUILD_ID, uid("Maria"))
    world.fake.rate_limit("POST", rf"/channels/{dm_channel(uid('Maria'))}/messages", 60)

    with pytest.raises(DeliveryError) as raised:
        await world.platform.messenger.send_direct(maria, Message("Export", files=(REPORT,)))

    assert not raised.value.permanent and raised.value.retry_after == 60
    await world.platform.messenger.send_direct(maria, Message("Export", files=(REPORT,)))
    assert [attached(c) for c in world.fake.dms_to(uid("Maria"))] == [[("volunteers.csv", CSV)]]


async def test_an_export_arrives_as_an_attachment_only_the_organizer_sees(world: World) -> None:
    await world.slash("Maria", "volunteer", "tz", zone="America/New_York")

    answered = await world.slash("Olivia", "turnout", "export", data="volunteers", period="all")

    assert answered.data["flags"] & 64
    assert "Here's the volunteers export for all time: 2 volunteers" in answered.data["content"]
    [(filename, content)] = attached(answered)
    assert filename.startswith("turnout-volunteers-all-") and filename.endswith(".csv")
    header, *rows = content.decode("utf-8").splitlines()
    assert header.startswith("volunteer_number,name,first_name,last_name,platform,")
    assert any(f",discord,{uid('Maria')}," in row for row in rows)
    await world.deliver()
    [told] = [c for c in world.fake.messages_in(ORGANIZERS) if "exported" in c.content]
    assert "exported volunteers (all time, 2 rows)" in told.content
    assert not told.files, "the organizers hear of it; the file itself goes only to Olivia"


async def test_a_volunteer_asking_for_an_export_is_refused_without_a_file(world: World) -> None:
    answered = await world.slash("Maria", "turnout", "export", data="shifts")

    assert "Only organizers can export" in answered.text
    assert not answered.files


async def test_a_file_too_big_for_discord_is_answered_with_what_to_do_instead(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def answer_with_a_file(command: Command, *_: object) -> Reply:
        return Message("Here is the list.", files=(REPORT,))

    monkeypatch.setattr(world.bot.turnout, "handle", answer_with_a_file)
    too_large = {"message": "Request entity too large", "code": 40005}
    world.fake.fail("POST", r"/interactions/\d+/[^/]+/callback", 413, too_large)

    interaction = make.slash("Olivia", "phonebank", "list")
    await world.fake.dispatch("INTERACTION_CREATE", interaction)
    path = rf"/interactions/{interaction['id']}/{interaction['token']}/callback"
    refused, answered = await world.fake.wait_for("POST", path, count=2)

    assert refused.status == 413 and attached(refused)
    assert "bigger than Discord lets me attach" in answered.data["content"]
    assert answered.data["flags"] & 64 and not attached(answered)
