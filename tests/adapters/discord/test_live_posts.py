"""Live posts on Discord: channel messages the bot sends and then edits (the message PATCH) as
their shift changes, through the real discord.py against the fake Discord."""

import asyncio
from pathlib import Path

import pytest

from bot.domain.campaign import Identity
from bot.domain.post import EDIT_DELAY
from bot.kernel.commands import Actor
from bot.signups.commands import JoinShift
from tests.adapters.discord.conftest import World, start_world, stop_world
from tests.adapters.discord.fake_discord import GENERAL, GUILD_ID, Call, buttons
from tests.adapters.discord.interactions import uid

EDITS = rf"/channels/{GENERAL}/messages/\d+"


def shift_posts(world: World) -> list[Call]:
    """The shift posts the bot sent in #general itself (not interaction answers)."""
    return [c for c in world.fake.messages_in(GENERAL) if "📞" in c.content]


def edits(world: World, status: int | None = 200) -> list[Call]:
    return [c for c in world.fake.made("PATCH", EDITS) if status is None or c.status == status]


def message_id(post: Call) -> str:
    return str(post.answer["id"])


async def posted_shift(world: World, seats: int = 2) -> Call:
    """`/phonebank create` in #general, and the live post it puts up there."""
    created = await world.create_shift(seats=seats)
    assert created.json["data"].get("flags", 0) & 64  # the organizer's note is private
    assert "I'm posting it here" in created.text
    await world.deliver()
    (post,) = shift_posts(world)
    return post


def volunteer(n: int) -> Actor:
    return Actor(Identity("discord", GUILD_ID, str(1_390_000_000_000_000_000 + n)), f"Caller {n}")


async def test_create_posts_the_shift_in_the_channel_and_a_join_edits_that_message(
    world: World,
) -> None:
    post = await posted_shift(world, seats=2)
    assert "▰▰ 2 of 2 left" in post.content
    assert [b["label"] for b in buttons(post.json)] == ["Join", "Leave"]

    await world.slash("Maria", "phonebank", "join", shift=1)
    # Coalescing: the edit waits a moment for more changes to show with it.
    assert not edits(world)
    await world.advance(EDIT_DELAY)

    (edit,) = edits(world)
    assert edit.path == f"/channels/{GENERAL}/messages/{message_id(post)}"
    assert "▰▱ 1 of 2 left" in edit.content
    assert edit.json["allowed_mentions"]["parse"] == []

    await world.slash("Dev", "phonebank", "join", shift=1)
    await world.slash("Jamal", "phonebank", "join", shift=1)
    await world.advance(EDIT_DELAY)
    full = edits(world)[-1]
    assert "0 of 2 left · 1 on the waitlist" in full.content
    assert [b["label"] for b in buttons(full.json)] == ["Join waitlist", "Leave"]


async def test_fifty_joins_in_a_burst_are_a_few_edits(world: World) -> None:
    await posted_shift(world, seats=60)

    async def join(n: int) -> None:
        await world.bot.turnout.handle(JoinShift(volunteer(n), shift=1))

    await asyncio.gather(*(join(n) for n in range(25)))
    await world.advance(EDIT_DELAY)
    await asyncio.gather(*(join(n) for n in range(25, 50)))
    await world.advance(EDIT_DELAY)
    await world.advance(EDIT_DELAY)

    made = edits(world)
    assert 1 <= len(made) <= 3
    assert "10 of 60 left" in made[-1].content


async def test_after_a_restart_the_same_post_keeps_being_edited(tmp_path: Path) -> None:
    before = await start_world(tmp_path)
    post = await posted_shift(before)
    await stop_world(before, keep_fake=True)

    after = await start_world(tmp_path, fake=before.fake)
    try:
        await after.slash("Maria", "phonebank", "join", shift=1)
        await after.advance(EDIT_DELAY)
        (edit,) = edits(after)
        assert edit.path.endswith("/" + message_id(post))
        assert "1 of 2 left" in edit.content
    finally:
        await stop_world(after)


async def test_a_429_on_an_edit_is_waited_out_and_the_edit_lands(world: World) -> None:
    await posted_shift(world)
    world.fake.rate_limit("PATCH", EDITS, 0.3)

    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(EDIT_DELAY)

    tried = edits(world, status=None)
    assert [c.status for c in tried] == [429, 200]
    assert "1 of 2 left" in tried[-1].content


async def test_a_deleted_post_is_forgotten_after_one_failed_edit(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    await posted_shift(world)
    world.fake.fail("PATCH", EDITS, 404, {"message": "Unknown Message", "code": 10008}, times=5)

    await world.slash("Maria", "phonebank", "join", shift=1)
    report = await world.advance(EDIT_DELAY)
    assert report.failed == 1
    assert "the message was deleted" in caplog.text

    await world.slash("Dev", "phonebank", "join", shift=1)
    await world.advance(EDIT_DELAY)
    await world.advance(EDIT_DELAY * 10)
    assert len(edits(world, status=None)) == 1  # never tried again


async def test_cancelling_the_shift_takes_the_buttons_off_its_post(world: World) -> None:
    await posted_shift(world)
    await world.slash("Olivia", "phonebank", "cancel", shift=1)
    await world.advance(EDIT_DELAY)

    (edit,) = edits(world)
    assert "Cancelled by the organizers" in edit.content
    assert buttons(edit.json) == []


async def test_the_board_lists_upcoming_shifts_and_follows_a_new_one(world: World) -> None:
    await world.create_shift(title="Saturday calls")
    answer = await world.slash("Olivia", "phonebank", "post", board=True)
    assert "Posting the board" in answer.text
    await world.deliver()
    (board,) = [c for c in world.fake.messages_in(GENERAL) if "Upcoming phone banks" in c.text]
    assert "#1 Saturday calls" in board.text

    await world.create_shift(title="Sunday calls", date="2026-11-29")
    await world.advance(EDIT_DELAY)
    edit = world.fake.made("PATCH", rf"/channels/{GENERAL}/messages/{message_id(board)}")[-1]
    assert "#1 Saturday calls" in edit.text and "#2 Sunday calls" in edit.text
    assert [b["label"] for b in buttons(edit.json)] == ["Join #1", "Join #2"]


async def test_only_organizers_may_post_a_shift(world: World) -> None:
    await world.create_shift()
    refused = await world.slash("Maria", "phonebank", "post", shift=1)
    assert "Only organizers can post shifts" in refused.text
    posted = await world.slash("Olivia", "phonebank", "post", shift=1)
    assert "Posting #1 “Saturday calls” here" in posted.text
    await world.deliver()
    assert len(shift_posts(world)) == 2  # the one create made, and this one


async def test_a_post_the_bot_may_not_send_tells_the_organizer_what_to_do(world: World) -> None:
    world.fake.fail(
        "POST", rf"/channels/{GENERAL}/messages", 403, {"message": "Missing Access", "code": 50001}
    )
    await world.create_shift()
    await world.deliver()

    (told,) = world.fake.dms_to(uid("Olivia"))
    assert "couldn't put the post up in that channel: the bot lost access" in told.content
    assert "/phonebank post 1" in told.content
    assert shift_posts(world) == []
