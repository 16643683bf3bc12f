"""The buttons Turnout puts on messages, pressed in the server and in DMs."""

from datetime import timedelta

import pytest

from tests.adapters.discord.conftest import World
from tests.adapters.discord.fake_discord import buttons
from tests.adapters.discord.interactions import uid

SERVER = "@1300000000000000100"


async def test_task_buttons_mark_done_and_lists_from_a_dm_keep_naming_the_server(
    world: World,
) -> None:
    await world.slash("Olivia", "task", "post", title="Call voters")
    await world.press("Maria", "turnout:claim:1")

    done = await world.press("Maria", "turnout:done:1")
    tasks = await world.press("Maria", f"turnout:tasks{SERVER}", dm=True)
    await world.create_shift()
    shifts = await world.press("Maria", f"turnout:shifts{SERVER}", dm=True)

    assert done.text == "Marked #1 “Call voters” done. Thank you!"
    assert "No open tasks right now." in tasks.text
    assert [b["custom_id"] for b in buttons(shifts.json["data"])] == [f"turnout:join:1{SERVER}"]


async def test_forget_me_by_button_erases_the_volunteer(world: World) -> None:
    await world.slash("Maria", "volunteer", "tz", zone="Europe/Berlin")

    erased = await world.press("Maria", "turnout:forget")

    assert erased.text.startswith("Done: your name, answers and accounts are erased.")


async def test_a_button_from_an_unknown_version_says_what_to_do(world: World) -> None:
    call = await world.press("Maria", "turnout:dance:1")

    assert "older version of Turnout" in call.text


async def test_reminder_dms_carry_can_t_make_it_and_it_frees_the_seat(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)
    await world.advance(timedelta(days=25, hours=9))

    (reminder,) = [c for c in world.fake.dms_to(uid("Maria")) if "⏰" in c.content]
    (confirm, button) = buttons(reminder.json)
    left = await world.press("Maria", button["custom_id"], dm=True)

    assert (button["label"], button["custom_id"]) == ("Can't make it", f"turnout:leave:1{SERVER}")
    assert confirm["custom_id"] == f"turnout:confirm:1{SERVER}"
    assert "You've left #1 “Saturday calls”" in left.text


async def test_slash_leave_gives_the_seat_back(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "join", shift=1)

    left = await world.slash("Maria", "phonebank", "leave", shift=1)

    assert left.text == "You've left #1 “Saturday calls”. Thanks for letting us know in time."


async def test_buttons_are_answered_by_their_pattern_and_not_remembered_per_message(
    world: World,
) -> None:
    await world.create_shift()
    for _ in range(5):
        await world.slash("Maria", "phonebank", "list")
    await world.join_server("Jamal")
    await world.deliver()

    client = world.platform.client
    assert client is not None
    store = client._connection._view_store
    # Memory stays flat however many messages with buttons were sent.
    assert not store._views and not store._synced_message_views
    # Presses are read from the interaction by the client: no per-message or pattern routing.
    assert not store._dynamic_items


async def _tables(world: World) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(world.db) as db:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: db.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


async def test_a_removed_member_s_old_dm_buttons_do_nothing(world: World) -> None:
    await world.create_shift()
    await world.slash("Maria", "phonebank", "list")
    assert "Saturday calls" in (await world.press("Maria", f"turnout:shifts{SERVER}", dm=True)).text
    await world.fake.remove_member(uid("Maria"))
    before = await _tables(world)

    shifts = await world.press("Maria", f"turnout:shifts{SERVER}", dm=True)
    join = await world.press("Maria", f"turnout:join:1{SERVER}", dm=True)

    for call in (shifts, join):
        assert call.text.startswith("I can't find you in the server this button is for")
        assert "Saturday calls" not in call.text and "dialer" not in call.text
    assert await _tables(world) == before


async def test_a_dm_button_naming_a_server_the_bot_is_not_in_creates_nothing(world: World) -> None:
    await world.create_shift()
    before = await _tables(world)

    call = await world.press("Maria", "turnout:join:1@1300000000000000999", dm=True)
    shifts = await world.press("Jamal", "turnout:shifts@1300000000000000999", dm=True)

    assert call.text.startswith("I can't find you in the server this button is for")
    assert shifts.text.startswith("I can't find you in the server this button is for")
    assert await _tables(world) == before


async def test_a_current_member_s_dm_buttons_still_work_and_membership_is_asked_once(
    world: World,
) -> None:
    await world.create_shift()

    for _ in range(3):
        shifts = await world.press("Maria", f"turnout:shifts{SERVER}", dm=True)

    assert "Saturday calls" in shifts.text
    fetched = world.fake.made("GET", rf"/guilds/\d+/members/{uid('Maria')}")
    assert len(fetched) == 1


async def test_at_debug_discord_py_logs_no_interaction_token(
    world: World, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from bot.app import redaction
    from tests.adapters.discord import interactions as make

    caplog.set_level(logging.DEBUG)
    redaction.install()  # as `turnout run` does, on the root handlers (caplog's among them)
    interaction = make.slash("Maria", "phonebank", "list")
    await world.interact(interaction)

    assert f"/interactions/{interaction['id']}/" in caplog.text
    assert interaction["token"] not in caplog.text
